import AuthEngine
import FoundationEssentials
import Synchronization
import PlatformSupport

/// `tokenman token|header ACCOUNT [options]` answered from a valid cached token before
/// ArgumentParser builds its command tree (measured: most of a cached `token` run's own work).
///
/// It handles only the plain success case and declines everything else, *without printing
/// anything*, so that the full ArgumentParser path runs and reports exactly as before: any
/// argument shape it does not know for certain (help, repeated or unknown options, a value that
/// looks like an option, `--`), a config or store problem, an unknown account, a token that
/// needs renewing or fails the syntax check, a kind the account does not hold. Declining costs a
/// second read of the config and the store; a renewal costs far more anyway.
enum CachedTokenFastPath {
    /// The command line after the program name, understood as `token` or `header` would be.
    struct Request: Equatable {
        enum Command: Equatable { case token(Tokenman.Token.Kind), header }
        var command: Command
        var account: String
        var configPath: String?
        var stateDirectory: String?
        var minValid: Double = 0
    }

    /// True when it printed the answer (the process should exit 0); false: parse normally.
    static func run(_ arguments: [String]) -> Bool {
        guard let request = parse(arguments) else { return false }
        let notes = NoteCollector()
        // Only the asked account's block is kept (the others are checked one at a time): a
        // config of 100,000 accounts parsed whole held hundreds of MiB for one token.
        let environment = ProcessEnvironment.variables
        guard let config = ConfigLoader(environment: environment).loadOneAccount(named: request.account, explicitPath: request.configPath),
              case let context = CommandContext(config: config, stateDirectory: request.stateDirectory, environment: environment, note: notes.add),
              let account = context.config.account(named: request.account),
              let tokens = CachedTokens.stored(account, minValid: request.minValid, in: context),
              (try? TokenSyntax.requireValid(tokens)) != nil,
              !notes.any
        else { return false }
        switch request.command {
        case .token(let kind):
            guard let token = try? Tokenman.Token.token(kind, of: tokens, account: account.name) else { return false }
            CachedTokens.noteShortGrant(tokens, account: account.name, minValid: request.minValid)
            Console.out(token)
        case .header:
            guard let provider = try? context.provider(of: account) else { return false }
            CachedTokens.noteShortGrant(tokens, account: account.name, minValid: request.minValid)
            Tokenman.Header.print(tokens, for: provider)
        }
        return true
    }

    /// The options `token` and `header` take, in ArgumentParser's spellings (`--name value` or
    /// `--name=value`); nil for anything else.
    static func parse(_ arguments: [String]) -> Request? {
        guard let first = arguments.first else { return nil }
        let takesKind: Bool
        switch first {
        case "token": takesKind = true
        case "header": takesKind = false
        default: return nil
        }
        let known = ["--config", "--state-dir", "--min-valid"] + (takesKind ? ["--kind"] : [])
        guard let (values, positionals) = FastArguments.parse(arguments.dropFirst(), options: known) else { return nil }
        guard positionals.count == 1, let account = positionals.first, !account.isEmpty else { return nil }
        var request = Request(command: .header, account: account, configPath: values["--config"], stateDirectory: values["--state-dir"])
        if takesKind {
            guard let kind = Tokenman.Token.Kind(rawValue: values["--kind"] ?? "access") else { return nil }
            request.command = .token(kind)
        }
        if let text = values["--min-valid"] {
            guard let argument = DurationArgument(argument: text) else { return nil }
            request.minValid = argument.seconds
        }
        return request
    }
}

/// Notes the store would print; their presence makes the fast path decline so that the full
/// path prints them once.
private final class NoteCollector: Sendable {
    private let seen = Mutex(false)
    var any: Bool { seen.withLock { $0 } }
    func add(_ note: String) { seen.withLock { $0 = true } }
}
