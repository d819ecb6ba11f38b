import AuthEngine
import Foundation
import Synchronization
import Testing
import TerminalUI
@testable import TokenManager

/// Drives the app as the run loop does, without a terminal: a message goes through
/// `AppUpdate`, the commands it returns go through the real `CommandRunner` with a fake
/// `EngineClient`, and the messages those answer with can be sent back in.
struct AppHarness {
    private(set) var model: AppModel
    let runner: CommandRunner
    /// What the effects wrote to the terminal (OSC 52 copies and clears), in order.
    private(set) var terminalWrites: [[UInt8]] = []

    init(model: AppModel = Fixture.model(), client: EngineClient) {
        self.model = model
        runner = CommandRunner(client: client, clipboard: model.clipboardSetup)
    }

    /// Sends a message and returns the commands; the model must have changed exactly as
    /// `change` does to a copy of the old one (TCA's exhaustive test store).
    @discardableResult
    mutating func send(_ message: AppMessage, sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout AppModel) -> Void = { _ in }) -> [AppCommand] {
        var expected = model
        change(&expected)
        let commands = AppUpdate.update(&model, message)
        #expect(model == expected, "the model changed otherwise", sourceLocation: sourceLocation)
        return commands
    }

    /// Presses keys without checking the model (typing into a form changes much of it).
    @discardableResult
    mutating func press(_ keys: Key...) -> [AppCommand] {
        keys.flatMap { AppUpdate.update(&model, .keyPressed($0)) }
    }

    /// Feeds effects' answers back without checking the model (a saved config changes much of it).
    @discardableResult
    mutating func deliver(_ messages: [AppMessage]) -> [AppCommand] {
        messages.flatMap { AppUpdate.update(&model, $0) }
    }

    mutating func type(_ text: String) {
        for character in text { _ = AppUpdate.update(&model, .keyPressed(.character(character))) }
    }

    /// Runs commands' effects to completion; returns the messages they answer with.
    mutating func run(_ commands: [AppCommand]) async -> [AppMessage] {
        var messages: [AppMessage] = []
        for effect in commands.flatMap(runner.effects(for:)) {
            switch await effect.perform() {
            case .message(let message?): messages.append(message)
            case .message(nil), .quit: break
            case .terminalWrite(let bytes): terminalWrites.append(bytes)
            }
        }
        return messages
    }
}

/// What a fake client was asked, in order, without secrets where the test does not need them.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

extension EngineClient {
    /// A client whose every call fails the test; a test replaces the calls it expects.
    static var unexpected: EngineClient {
        @Sendable func fail(_ name: String) { Issue.record("unexpected engine call: \(name)") }
        let refused = AuthError.unsupported("not expected in this test")
        return EngineClient(
            login: { _, _ in fail("login"); return .failure(refused) },
            answerChallenge: { _, _, _ in fail("answerChallenge"); return .failure(refused) },
            refresh: { _ in fail("refresh"); return .failure(refused) },
            logout: { _, _ in fail("logout"); return .failure(refused) },
            requestPasswordReset: { _ in fail("requestPasswordReset"); return .failure(refused) },
            confirmPasswordReset: { _, _, _ in fail("confirmPasswordReset"); return .failure(refused) },
            changePassword: { _, _, _ in fail("changePassword"); return .failure(refused) },
            storedExpiries: { fail("storedExpiries"); return .failure(refused) },
            loadTokens: { _ in fail("loadTokens"); return .failure(refused) },
            saveAccount: { _, _ in fail("saveAccount"); return .failure(ConfigEditError(message: "not expected")) },
            deleteAccount: { _ in fail("deleteAccount"); return .failure(ConfigEditError(message: "not expected")) })
    }
}

extension EngineClient {
    /// A client whose only working call saves account edits through the real `ConfigWriter`
    /// into the file at `path` (every other call records a failure), for form round trips.
    static func savingConfig(at path: String) -> EngineClient {
        var client = EngineClient.unexpected
        client.saveAccount = { draft, replacing in
            do throws(ConfigError) {
                let writer = ConfigWriter(path: path, environment: [:])
                let config = if let replacing { try writer.replace(account: replacing, with: draft.account) } else { try writer.add(draft.account) }
                return .success(ConfigSaved(config: config))
            } catch {
                return .failure(ConfigEditError(message: error.description))
            }
        }
        return client
    }
}
