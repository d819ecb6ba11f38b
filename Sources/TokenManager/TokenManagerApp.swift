import AuthEngine
import FoundationEssentials
import PlatformSupport
import Glibc
import TerminalUI
import Themes

/// The interactive UI's entry point, called by `tokenman` (no subcommand) and `tokenman demo`.
public enum TokenManagerApp {
    /// Loads the config, takes over the terminal until the user quits, and returns the exit
    /// status: 0 after `q`, 3 (as the scripting commands) for a config or theme error (printed to stderr before the UI
    /// starts), 128 + signal when interrupted.
    ///
    /// From async code (`tokenman demo`, the parser's path): the session runs on a thread of its
    /// own, since `Program.run` blocks its thread for the whole session and must stay off
    /// Swift's small cooperative pool, where the effects and the scheduler run.
    public static func run(_ options: AppLaunchOptions) async throws -> Int32 {
        // TerminalUI's SignalPipe takes SIGINT/SIGTERM/SIGHUP on a thread of its own that
        // unblocks them. Blocking them on the main and UI threads routes them there, so a
        // signal never interrupts the UI thread's key wait.
        await MainActor.run { blockTerminationSignals() }
        return try await withCheckedThrowingContinuation { continuation in
            let started = DetachedThread.start(name: "tokenman-ui", stackSize: 8 << 20) {
                continuation.resume(with: Result { try runBlocking(options) })
            }
            if started != 0 { continuation.resume(throwing: TerminalError.cannotOpenTerminal) }
        }
    }

    /// `run` on the calling thread, which it blocks until the session ends: the plain
    /// `tokenman` launch calls it on the main thread, saving the first frame two thread hops
    /// (issue 13). Nothing in the app runs on the main actor, so blocking it stalls nothing.
    public static func runBlocking(_ options: AppLaunchOptions) throws -> Int32 {
        blockTerminationSignals()
        let config: TokenmanConfig
        do {
            config = try ConfigLoader(environment: options.environment).load(explicitPath: options.configPath)
        } catch {
            printError(error.description)
            return 3
        }
        let theme: Theme
        do {
            theme = try loadTheme(options.themeName ?? config.settings.theme, environment: options.environment)
        } catch {
            printError("\(error)")
            return 3
        }
        let log = AppLog(directory: options.stateDirectory ?? TokenStore.defaultDirectory(environment: options.environment))
        let store = TokenStore(directory: options.stateDirectory, environment: options.environment) { log.write($0) }
        let gateway = EngineGateway(config: config, store: store, environment: options.environment)
        let scheduler = SchedulerBridge()
        let lead = config.settings.refreshLead
        defer { scheduler.stop() }

        var model = AppModel(accounts: config.accounts, catalog: config.catalog, now: Date())
        model.banner = options.banner
        model.configPath = config.path
        model.refreshLead = lead
        model.clipboardSetup = Clipboard()
        model.clipboardClearSeconds = options.clipboardClearSeconds ?? config.settings.clipboardClearSeconds
        model.size = TerminalSize.current() ?? model.size
        // The first reading's stamp goes to the client, so its first poll does not decode an
        // unchanged store again.
        var firstReading: TokenFileStamp?
        do {
            // Expiries only: the tokens are read when an account's details are shown or a
            // token is copied (issue 13).
            if let reading = try gateway.service.storedExpiries(ifChangedFrom: nil) {
                model.applyStoreReading(reading)
                firstReading = reading.stamp
            }
        } catch {
            model.setStatus(error.message, role: .danger)
        }
        // Another process's login or renewal shows at once, and an idle UI reads nothing. The
        // scheduler is not woken for it: this process's writes wake it already, and it reads the
        // store for other processes' at least every `RefreshPolicy.maxSleep`.
        store.createDirectoryIfMissing()
        let storeWatch = FileChangeWatcher(directory: store.directory, fileName: PathText.lastComponent(store.filePath)) {
            scheduler.post(.storeChangedOnDisk)
        }
        defer { storeWatch?.stop() }
        model.watchesStore = storeWatch != nil
        let client = EngineClient.live(gateway: gateway, lastReading: firstReading) { service in scheduler.start(service: service, lead: lead) }
        let runner = CommandRunner(client: client, clipboard: model.clipboardSetup)
        let program = Program<AppModel, AppMessage>(
            model: model,
            update: { model, message in
                AppUpdate.update(&model, message).flatMap { runner.effects(for: $0) }
            },
            view: { model, now, size in AppView.render(model, now: now, size: size) },
            keyMessage: { key, _ in .keyPressed(key) },
            tick: { .ticked($0) },
            resize: { .resized($0) },
            subscriptions: scheduler.messages,
            // The scheduler reads the store and starts tasks: after the first frame, so it does
            // not compete with drawing it on a small machine (issue 13's first-frame figure).
            afterFirstFrame: { scheduler.start(service: gateway.service, lead: lead) }
        )
        let backend = NCursesBackend(theme: theme, environment: options.environment, reportsMouse: config.settings.mouse)
        let outcome = try program.run(backend: backend).reason
        switch outcome {
        case .quit: return 0
        case .interrupted(let signal): return 128 + signal
        }
    }

    private static func blockTerminationSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    static func loadTheme(_ name: String, environment: [String: String]) throws -> Theme {
        let theme: Theme
        if name.contains("/") || name.hasSuffix(".toml") {
            theme = try ThemeCatalog.load(file: name)
        } else {
            theme = try ThemeCatalog(searchPath: ThemeCatalog.defaultSearchPath(environment: environment)).theme(named: name)
        }
        return theme.honoringNoColor(environment: environment)
    }

    private static func printError(_ message: String) {
        StandardStream.error.write("tokenman: \(message)\n")
    }
}
