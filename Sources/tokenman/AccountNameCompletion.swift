import AuthEngine
import FoundationEssentials

/// Shell completion of account names: reads the default config (no flags are known yet when a
/// shell asks) and never fails loudly.
enum AccountNameCompletion {
    @Sendable static func names(_ arguments: [String], _ cursorIndex: Int, _ prefix: String) -> [String] {
        var explicitPath: String?
        if let index = arguments.firstIndex(of: "--config"), index + 1 < arguments.count {
            explicitPath = arguments[index + 1]
        }
        guard let config = try? ConfigLoader().load(explicitPath: explicitPath) else { return [] }
        return config.accounts.map(\.name).filter { $0.hasPrefix(prefix) }
    }
}
