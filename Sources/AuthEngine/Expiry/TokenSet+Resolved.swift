import FoundationEssentials

extension TokenSet {
    /// A token set from a provider's answer, with each token's expiry as `ExpiryResolver` found
    /// it: the one place the answer readers (JSON providers, Cognito) build their result.
    init(
        accessToken: String, refreshToken: String?, idToken: String?,
        access: ExpiryResolution, refresh: ExpiryResolution,
        obtainedAt: Date, attributes: [String: String]
    ) {
        self.init(
            accessToken: accessToken,
            refreshToken: refreshToken,
            idToken: idToken,
            accessExpiresAt: access.expiresAt,
            refreshExpiresAt: refresh.expiresAt,
            accessExpirySource: access.source,
            refreshExpirySource: refresh.source,
            obtainedAt: obtainedAt,
            attributes: attributes)
    }
}
