import ArgumentParser

/// Options every command shares: where the config and the token store live.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $TOKENMAN_CONFIG, else $XDG_CONFIG_HOME/tokenman/config.toml).",
        valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Token store directory (default: $TOKENMAN_STATE_DIR, else $XDG_STATE_HOME/tokenman).",
        valueName: "dir"))
    var stateDir: String?
}
