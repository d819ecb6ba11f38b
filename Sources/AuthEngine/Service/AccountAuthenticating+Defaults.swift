extension AccountAuthenticating {
    /// Providers that do not say where the code went (Wikimedia answers 204).
    public func requestPasswordResetCode(_ account: AccountConfig) async throws(AuthError) -> PasswordResetDelivery? {
        try await requestPasswordReset(account)
        return nil
    }
}
