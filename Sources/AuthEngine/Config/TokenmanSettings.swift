import FoundationEssentials

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
    /// PEM bundle of CAs to trust for HTTPS (`ca_file`: a company or self-signed CA); an
    /// account's own `ca_file` wins. nil: `SSL_CERT_FILE`, else the system's store.
    public var caFile: String?
    /// Clicks and the wheel in the interactive UI (`mouse = false`: keys only, and the
    /// terminal keeps its own selection without Shift).
    public var mouse = true

    public init() {}
}
