import AuthEngine

/// The tokens of the one account whose details are shown (or whose copy menu is open): the
/// model keeps every account's expiry only, and reads an account's tokens when they are shown
/// or copied (issue 13: 100,000 accounts' tokens were most of the UI's memory).
///
/// `AppUpdate.keepOpenTokens` loads them when that account changes and again after a poll saw
/// another process write the store; this process's own logins, renewals and logouts set them
/// directly (`AppModel.setTokens`).
struct OpenTokens: Equatable, Sendable {
    var account: String
    /// nil until the first read answers; `.success(nil)`: no tokens stored.
    var reading: Result<TokenSet?, AuthError>?
    /// The load whose answer is awaited (an older one's answer is dropped).
    var requestID: Int

    /// The tokens, once read (nil: not read yet, none stored, or unreadable).
    var tokens: TokenSet? {
        if case .success(let tokens)? = reading { return tokens }
        return nil
    }
}

/// A copy picked in the copy menu before the account's tokens were read.
struct PendingCopy: Equatable, Sendable {
    var account: String
    var choice: CopyMenu.Choice
    var label: String
}
