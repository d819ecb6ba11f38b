import Foundation

/// The `[settings]` table.
public struct TokenmanSettings: Sendable, Equatable {
    /// Renew access tokens this long before they expire (`refresh_lead`, e.g. "90s", "2m").
    public var refreshLead: TimeInterval = 120
    /// Clear a copied token from the clipboard after this many seconds (0: never).
    public var clipboardClearSeconds: Int = 45
    /// Name of a theme in `themes/` (`dark`, `light`, ...).
    public var theme: String = "dark"
    /// Whole-request timeout for provider calls (`http_timeout`).
    public var httpTimeout: TimeInterval = 15

    public init() {}
}
