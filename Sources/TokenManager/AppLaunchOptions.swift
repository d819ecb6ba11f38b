import PlatformSupport

/// How `tokenman` (or `tokenman demo`) asks for the interactive UI to be started.
public struct AppLaunchOptions: Sendable {
    /// `--config`; nil: `$TOKENMAN_CONFIG`, then the XDG default.
    public var configPath: String?
    /// `--state-dir`; nil: `$TOKENMAN_STATE_DIR`, then the XDG default.
    public var stateDirectory: String?
    /// `--theme`: a theme name or a path to a `.toml` theme; nil: the config's `theme` setting.
    public var themeName: String?
    /// Shown in the title bar after the app name, e.g. "demo: simulator on 127.0.0.1:8787".
    public var banner: String?
    /// Overrides the config's `clipboard_clear_seconds` (tests, demos).
    public var clipboardClearSeconds: Int?
    /// The environment to read `NO_COLOR`, XDG paths and secret sources from.
    public var environment: [String: String]

    public init(
        configPath: String? = nil,
        stateDirectory: String? = nil,
        themeName: String? = nil,
        banner: String? = nil,
        clipboardClearSeconds: Int? = nil,
        environment: [String: String] = ProcessEnvironment.variables
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.themeName = themeName
        self.banner = banner
        self.clipboardClearSeconds = clipboardClearSeconds
        self.environment = environment
    }
}

import FoundationEssentials
