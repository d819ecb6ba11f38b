/// A user as stored: the account plus the numeric id Starship reports as `client_id`.
struct StoredUser: Sendable {
    var user: SimulatedUser
    let clientID: Int
}

/// The accounts of all four providers, keyed by exact (case-sensitive) username.
struct UserDirectory {
    private var users: [SimulatedProvider: [String: StoredUser]] = [:]
    private var nextClientID = 100_001

    /// Adds or replaces an account; a replaced account keeps its client id.
    mutating func add(_ user: SimulatedUser, to provider: SimulatedProvider) {
        if let existing = users[provider]?[user.username] {
            users[provider]?[user.username] = StoredUser(user: user, clientID: existing.clientID)
        } else {
            users[provider, default: [:]][user.username] = StoredUser(user: user, clientID: nextClientID)
            nextClientID += 1
        }
    }

    func find(_ username: String, on provider: SimulatedProvider) -> StoredUser? {
        users[provider]?[username]
    }

    mutating func update(_ username: String, on provider: SimulatedProvider, _ change: (inout SimulatedUser) -> Void) {
        guard var stored = users[provider]?[username] else { return }
        change(&stored.user)
        users[provider]?[username] = stored
    }
}
