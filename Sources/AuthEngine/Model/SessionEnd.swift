/// How a session is ended at the provider, for the providers that offer a choice (the TUI's
/// logout dialog asks which). What each does is said here, next to the flows that do it, so
/// the UI names no provider.
public enum SessionEnd: String, Sendable, Equatable, CaseIterable {
    /// The provider's logout endpoint: every token of the user's session stops working.
    case logout
    /// The provider's revoke endpoint: the refresh token (and, where the provider ties them to
    /// it, the access tokens issued from it) stops working; other sessions are untouched.
    case revoke

    /// What it does, as a clause for a dialog ("log out: …").
    public var effect: String {
        switch self {
        case .logout: "ends the session at the provider (all its tokens stop working)"
        case .revoke: "revokes the refresh token at the provider (no more renewals)"
        }
    }
}

extension ProviderDefinition {
    /// The ways this provider can end a session, logout first (it ends the most). Empty: it
    /// has neither endpoint, and logging out only forgets the tokens stored here.
    public var sessionEnds: [SessionEnd] {
        var ends: [SessionEnd] = []
        if endpoints.logout != nil { ends.append(.logout) }
        if endpoints.revoke != nil { ends.append(.revoke) }
        return ends
    }
}
