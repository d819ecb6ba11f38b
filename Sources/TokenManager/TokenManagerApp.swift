import Foundation

/// The interactive UI's entry point, called by `tokenman` (no subcommand) and `tokenman demo`.
public enum TokenManagerApp {
    /// Loads the config, takes over the terminal until the user quits, and returns the exit
    /// status: 0 after `q`, 2 for a config or theme error (printed to stderr before the UI
    /// starts), 128 + signal when interrupted.
    public static func run(_ options: AppLaunchOptions) async throws -> Int32 {
        FileHandle.standardError.write(Data("tokenman: the interactive UI is not built yet\n".utf8))
        return 1
    }
}
