import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a `ProviderSimulator` starts with. Lifetimes, latency and faults can also be
/// changed while it runs (see `ProviderSimulator`).
public struct SimulatorConfiguration: Sendable {
    /// 0 picks an ephemeral port; read it back from `start()`.
    public var port: UInt16
    /// Per-provider token lifetimes; defaults to each provider's documented ones.
    public var lifetimes: [SimulatedProvider: TokenLifetimes]
    /// Added delay before each answer of a provider, in seconds (real time, not the clock).
    public var latency: [SimulatedProvider: TimeInterval]
    /// Faults active from the start.
    public var faults: [SimulatedProvider: SimulatedFault]
    /// Failed-login throttling of Starship and ByteConnect.
    public var loginRateLimit: LoginRateLimit
    /// How long a Wikimedia NEW_PASSWORD_REQUIRED session stays usable (Cognito: 3 minutes).
    public var newPasswordSessionLifetime: TimeInterval
    /// How many refreshes one Wikimedia refresh token allows before answering 429.
    public var wikimediaRefreshLimit: Int
    /// How long a Wikimedia forgot-password code stays valid (Cognito: 1 hour).
    public var confirmationCodeLifetime: TimeInterval
    /// Whether the demo accounts (`DemoCredential.all`) exist.
    public var includesDemoUsers: Bool
    /// The simulator's notion of now. Tests pass a controllable clock instead of sleeping.
    public var clock: @Sendable () -> Date
    /// Where "emails" (forgot-password codes) and notices go; one line per call, no newline.
    /// Never receives passwords or tokens.
    public var output: @Sendable (String) -> Void

    public init(
        port: UInt16 = 0,
        lifetimes: [SimulatedProvider: TokenLifetimes] = TokenLifetimes.allDocumented,
        latency: [SimulatedProvider: TimeInterval] = [:],
        faults: [SimulatedProvider: SimulatedFault] = [:],
        loginRateLimit: LoginRateLimit = LoginRateLimit(),
        newPasswordSessionLifetime: TimeInterval = 180,
        wikimediaRefreshLimit: Int = 100,
        confirmationCodeLifetime: TimeInterval = 3600,
        includesDemoUsers: Bool = true,
        clock: @escaping @Sendable () -> Date = { Date() },
        output: @escaping @Sendable (String) -> Void = SimulatorConfiguration.standardOutput
    ) {
        self.port = port
        self.lifetimes = lifetimes
        self.latency = latency
        self.faults = faults
        self.loginRateLimit = loginRateLimit
        self.newPasswordSessionLifetime = newPasswordSessionLifetime
        self.wikimediaRefreshLimit = wikimediaRefreshLimit
        self.confirmationCodeLifetime = confirmationCodeLifetime
        self.includesDemoUsers = includesDemoUsers
        self.clock = clock
        self.output = output
    }

    /// Overrides access and/or refresh lifetimes of one provider, or of all when `provider` is nil.
    public mutating func setLifetimes(access: TimeInterval? = nil, refresh: TimeInterval? = nil, for provider: SimulatedProvider? = nil) {
        lifetimes = Self.overriding(lifetimes, access: access, refresh: refresh, for: provider)
    }

    static func overriding(
        _ lifetimes: [SimulatedProvider: TokenLifetimes],
        access: TimeInterval?,
        refresh: TimeInterval?,
        for provider: SimulatedProvider?
    ) -> [SimulatedProvider: TokenLifetimes] {
        var result = lifetimes
        for target in provider.map({ [$0] }) ?? SimulatedProvider.allCases {
            var current = result[target] ?? TokenLifetimes.documented(for: target)
            if let access { current.access = access }
            if let refresh { current.refresh = refresh }
            result[target] = current
        }
        return result
    }

    /// Writes a line to standard output, unbuffered as `FileHandle.standardOutput` wrote it, so
    /// piped output is seen at once. A failed write (stdout closed) loses the line.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
