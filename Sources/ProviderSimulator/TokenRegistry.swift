import CheckedNumbers
import FoundationEssentials

/// The server-side record of a token the simulator minted. A JWT's signature proves the simulator
/// made it; this record decides whether it is still honoured (revocation, rotation, logout).
struct TokenRecord: Sendable {
    let provider: SimulatedProvider
    let username: String
    let use: TokenUse
    let expiresAt: Date?
    /// The refresh token this one was minted from (Wikimedia revokes children with their parent).
    let parentID: String?
    var isRevoked = false
    /// How often this refresh token has been used (Wikimedia's refresh limit).
    var refreshCount = 0
}

/// A freshly minted token.
struct IssuedToken: Sendable {
    let jwt: String
    let id: String
    let expiresAt: Date?
}

/// The outcome of checking a presented token. The reasons are kept apart because Wikimedia
/// (Cognito) words its 401 differently for each.
enum TokenCheck {
    case valid(id: String, record: TokenRecord)
    case invalid
    case expired
    case revoked

    var validRecord: (id: String, record: TokenRecord)? {
        if case .valid(let id, let record) = self { return (id, record) }
        return nil
    }
}

/// Every token minted by one simulator, by `jti`.
struct TokenRegistry {
    private var records: [String: TokenRecord] = [:]
    let signer: JWTSigner

    init(signer: JWTSigner) {
        self.signer = signer
    }

    /// Mints a token. `lifetime` nil means no `exp` claim. Times are whole seconds so that the
    /// `exp` claim and timestamps in response bodies agree exactly.
    mutating func issue(
        _ use: TokenUse,
        provider: SimulatedProvider,
        username: String,
        lifetime: TimeInterval?,
        parentID: String? = nil,
        now: Date
    ) -> IssuedToken {
        let id = UUID().uuidString.lowercased()
        let issuedAt = Int(clamping: now.timeIntervalSince1970, rounding: .down)
        let expiresAt = lifetime.map { issuedAt.addingReportingOverflow(Int(clamping: $0, rounding: .toNearestOrAwayFromZero)).partialValue }
        let jwt = signer.sign(TokenClaims(
            issuer: provider.issuer,
            subject: username,
            tokenID: id,
            use: use,
            issuedAt: issuedAt,
            expiresAt: expiresAt
        ))
        let expiryDate = expiresAt.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        records[id] = TokenRecord(provider: provider, username: username, use: use, expiresAt: expiryDate, parentID: parentID)
        return IssuedToken(jwt: jwt, id: id, expiresAt: expiryDate)
    }

    /// Whether `jwt` is a live token of `provider` for one of `uses`.
    func check(_ jwt: String, provider: SimulatedProvider, uses: Set<TokenUse>, now: Date) -> TokenCheck {
        guard let claims = signer.verify(jwt),
              claims.issuer == provider.issuer,
              uses.contains(claims.use),
              let record = records[claims.tokenID]
        else { return .invalid }
        if record.isRevoked { return .revoked }
        if let expiresAt = record.expiresAt, now >= expiresAt { return .expired }
        return .valid(id: claims.tokenID, record: record)
    }

    /// The record of a token with a good signature, whatever its state (ByteConnect accepts an
    /// expired access token alongside the refresh token).
    func record(ofSigned jwt: String, provider: SimulatedProvider) -> TokenRecord? {
        guard let claims = signer.verify(jwt), claims.issuer == provider.issuer else { return nil }
        return records[claims.tokenID]
    }

    /// Revokes a token and, with `cascade`, every token minted from it (Wikimedia's revoke).
    /// Rotation does not cascade: access tokens already handed out live until they expire.
    mutating func revoke(_ id: String, cascade: Bool) {
        records[id]?.isRevoked = true
        guard cascade else { return }
        for (childID, record) in records where record.parentID == id {
            records[childID]?.isRevoked = true
        }
    }

    /// Revokes every token of one user on one provider (Starship logout).
    mutating func revokeAll(provider: SimulatedProvider, username: String) {
        for (id, record) in records where record.provider == provider && record.username == username {
            records[id]?.isRevoked = true
        }
    }

    /// Counts one more use of a refresh token and returns the new count.
    mutating func countRefresh(of id: String) -> Int {
        records[id]?.refreshCount += 1
        return records[id]?.refreshCount ?? 0
    }
}
