import FoundationEssentials

/// Builds a `TokenSet` from the token fields of an answer, resolving each expiry.
struct TokenSetReader {
    let provider: ProviderDefinition

    func tokens(from payload: JSONValue, receivedAt: Date) throws(AuthError) -> TokenSet {
        let fields = provider.responseFields
        guard let access = nonEmptyString(payload[fields.accessToken]) else {
            throw AuthError.unexpectedResponse("the answer has no \(fields.accessToken)")
        }
        let refresh = nonEmptyString(payload[fields.refreshToken])
        let idToken = fields.idToken.flatMap { nonEmptyString(payload[$0]) }
        // Checked before anything is stored: a token with CR LF, NUL or ESC would become an
        // extra header line, a cut environment variable or a terminal command downstream.
        try TokenSyntax.requireValid(access, field: fields.accessToken)
        if let refresh { try TokenSyntax.requireValid(refresh, field: fields.refreshToken) }
        if let idToken, let name = fields.idToken { try TokenSyntax.requireValid(idToken, field: name) }
        let expiresIn = fields.expiresIn.flatMap { payload[$0]?.doubleValue }

        let accessExpiry = ExpiryResolver.resolve(
            absolute: fields.accessExpiresAt.flatMap { payload[$0]?.stringValue },
            expiresIn: expiresIn,
            token: access,
            documentedLifetime: provider.lifetimes.access,
            receivedAt: receivedAt)
        let refreshExpiry = refresh == nil ? ExpiryResolution.unknown : ExpiryResolver.resolve(
            absolute: fields.refreshExpiresAt.flatMap { payload[$0]?.stringValue },
            expiresIn: fields.refreshExpiresIn.flatMap { payload[$0]?.doubleValue },
            token: refresh,
            documentedLifetime: provider.lifetimes.refresh,
            receivedAt: receivedAt)

        var attributes: [String: String] = [:]
        for name in fields.attributes {
            if let text = payload[name]?.scalarText, !text.isEmpty { attributes[name] = text }
        }
        return TokenSet(
            accessToken: access, refreshToken: refresh, idToken: idToken,
            access: accessExpiry, refresh: refreshExpiry, obtainedAt: receivedAt, attributes: attributes)
    }

    /// Applies the provider's refresh semantics to a refresh answer.
    func merge(refreshed new: TokenSet, into old: TokenSet) throws(AuthError) -> TokenSet {
        var merged = new
        merged.attributes = old.attributes.merging(new.attributes) { _, fresh in fresh }
        if new.refreshToken == nil {
            switch provider.refreshRotation {
            case .rotates:
                // The old refresh token is revoked by a rotating provider: keeping it would store
                // a dead token that looks alive.
                throw AuthError.unexpectedResponse("the refresh answer has no new \(provider.responseFields.refreshToken)")
            case .keepsRefreshToken:
                merged.refreshToken = old.refreshToken
                merged.refreshExpiresAt = old.refreshExpiresAt
                merged.refreshExpirySource = old.refreshExpirySource
            }
        }
        return merged
    }

    private func nonEmptyString(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
