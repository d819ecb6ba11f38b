import ArgumentParser
import FoundationEssentials
import Glibc
import TokenManager

/// The process entry. Two command lines skip ArgumentParser's command tree, whose construction
/// was most of their own start-up work: a cached `token`/`header` (`CachedTokenFastPath`, which
/// declines anything but the plain success case) and the UI with at most `--config`,
/// `--state-dir` and `--theme`, run on the main thread itself (`runBlocking`). Everything else,
/// every error included, goes through `Tokenman`'s parser as before.
@main
enum TokenmanEntry {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if CachedTokenFastPath.run(arguments) { exit(0) }
        if let options = uiLaunch(arguments) {
            do {
                exit(try TokenManagerApp.runBlocking(options))
            } catch {
                Tokenman.exit(withError: error)
            }
        }
        await Tokenman.main()
    }

    /// `tokenman [--config PATH] [--state-dir DIR] [--theme NAME]`, read as `Tokenman.run` would.
    static func uiLaunch(_ arguments: [String]) -> AppLaunchOptions? {
        guard let (values, positionals) = FastArguments.parse(arguments[...], options: ["--config", "--state-dir", "--theme"]),
              positionals.isEmpty else { return nil }
        return AppLaunchOptions(configPath: values["--config"], stateDirectory: values["--state-dir"], themeName: values["--theme"])
    }
}
