import ArgumentParser

/// `--theme`, shared by `tokenman` and `tokenman demo`. ArgumentParser lets a parent command's
/// option follow a subcommand's name, and when both declared their own `--theme` the parent's
/// took `tokenman demo --theme light`, leaving the demo's nil (the theme was ignored). Declared
/// as one option group in both, the parsed value reaches both.
struct ThemeOption: ParsableArguments {
    @Option(help: "Colour theme: dark, light, high-contrast, monochrome, or a path to a .toml theme.")
    var theme: String?
}
