import FoundationEssentials

/// A Wikimedia NEW_PASSWORD_REQUIRED challenge waiting for its answer.
struct NewPasswordSession: Sendable {
    let username: String
    let expiresAt: Date
}

/// A Wikimedia forgot-password code that was "emailed".
struct ConfirmationCode: Sendable {
    let code: String
    let expiresAt: Date

    /// Six random digits, leading zeros kept, as Cognito sends.
    static func randomDigits() -> String {
        let digits = String(Int.random(in: 0...999_999))
        return String(repeating: "0", count: 6 - digits.count) + digits
    }
}

/// An Exabits API token, listed by `GET api-tokens` (without its secret).
struct ExabitsAPIToken: Sendable {
    let id: Int
    let name: String
    let username: String
    let tokenID: String
    let createdAt: Date
}

/// A fault and how many more requests it affects (nil: until cleared).
struct ActiveFault: Sendable {
    let fault: SimulatedFault
    var remaining: Int?
}

/// All mutable state of one simulator, guarded as a whole by `SimulatorStore`'s lock so that
/// multi-step operations (check a token, rotate it) are atomic.
struct SimulatorState {
    var users = UserDirectory()
    var tokens: TokenRegistry
    var throttle = LoginThrottle()
    var newPasswordSessions: [String: NewPasswordSession] = [:]
    var confirmationCodes: [String: ConfirmationCode] = [:]
    var lastConfirmationCodes: [String: String] = [:]
    var apiTokens: [ExabitsAPIToken] = []
    var tallies: [SimulatedProvider: RequestTally] = [:]

    // Knobs, adjustable at run time.
    var lifetimes: [SimulatedProvider: TokenLifetimes]
    var latency: [SimulatedProvider: TimeInterval]
    var faults: [SimulatedProvider: ActiveFault]
    var loginRateLimit: LoginRateLimit

    init(configuration: SimulatorConfiguration, signer: JWTSigner) {
        tokens = TokenRegistry(signer: signer)
        lifetimes = configuration.lifetimes
        latency = configuration.latency
        faults = configuration.faults.mapValues { ActiveFault(fault: $0, remaining: nil) }
        loginRateLimit = configuration.loginRateLimit
        if configuration.includesDemoUsers {
            for credential in DemoCredential.all {
                users.add(credential.user, to: credential.provider)
            }
        }
    }

    func lifetimes(of provider: SimulatedProvider) -> TokenLifetimes {
        lifetimes[provider] ?? TokenLifetimes.documented(for: provider)
    }

    /// Mints an access/refresh pair with the provider's current lifetimes.
    mutating func issuePair(provider: SimulatedProvider, username: String, now: Date) -> (access: IssuedToken, refresh: IssuedToken) {
        let lifetimes = lifetimes(of: provider)
        let refresh = tokens.issue(.refresh, provider: provider, username: username, lifetime: lifetimes.refresh, now: now)
        let access = tokens.issue(.access, provider: provider, username: username, lifetime: lifetimes.access, parentID: refresh.id, now: now)
        return (access, refresh)
    }

    /// Counts a request and takes the fault that applies to it, if any.
    mutating func beginRequest(for provider: SimulatedProvider, subpath: String) -> (latency: TimeInterval, fault: SimulatedFault?) {
        tallies[provider, default: RequestTally()].count(subpath, for: provider)
        var fault: SimulatedFault?
        if var active = faults[provider] {
            fault = active.fault
            if let remaining = active.remaining {
                active.remaining = remaining - 1
                faults[provider] = remaining - 1 > 0 ? active : nil
            }
        }
        return (latency[provider] ?? 0, fault)
    }
}
