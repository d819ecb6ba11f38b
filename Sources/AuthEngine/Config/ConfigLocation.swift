import FoundationEssentials
import PlatformSupport

/// Which config file to read, and whether the person named it (then it must exist).
public struct ConfigLocation: Sendable, Equatable {
    public var path: String
    /// True for `--config PATH` and `TOKENMAN_CONFIG`; false for the XDG default.
    public var isExplicit: Bool

    /// Precedence: the `--config` flag, then `$TOKENMAN_CONFIG`, then
    /// `$XDG_CONFIG_HOME/tokenman/config.toml`, then `~/.config/tokenman/config.toml`.
    public static func resolve(explicitPath: String?, environment: [String: String]) -> ConfigLocation {
        if let explicitPath, !explicitPath.isEmpty {
            return ConfigLocation(path: expandTilde(explicitPath, environment: environment), isExplicit: true)
        }
        if let fromEnvironment = environment["TOKENMAN_CONFIG"], !fromEnvironment.isEmpty {
            return ConfigLocation(path: expandTilde(fromEnvironment, environment: environment), isExplicit: true)
        }
        // The XDG spec says relative values are invalid and must be ignored.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigLocation(path: PathText.join(xdg, "tokenman/config.toml"), isExplicit: false)
        }
        return ConfigLocation(
            path: PathText.join(home(environment), ".config/tokenman/config.toml"),
            isExplicit: false
        )
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? PathText.homeDirectory(environment: [:])
    }

    static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return home(environment) + path.dropFirst()
    }

    /// The path as shown in messages: `~/.config/tokenman/config.toml`.
    static func display(_ path: String, environment: [String: String]) -> String {
        let home = home(environment)
        guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
