extension AccountAuthenticating {
    /// Providers that do not say where the code went (Wikimedia answers 204).
    public func requestPasswordResetCode(_ account: AccountConfig) async throws(AuthError) -> PasswordResetDelivery? {
        try await requestPasswordReset(account)
        return nil
    }

    /// Authenticators with one way to end a session.
    public func endSession(_ account: AccountConfig, tokens: TokenSet, with end: SessionEnd) async throws(AuthError) {
        try await revoke(account, tokens: tokens)
    }
}
