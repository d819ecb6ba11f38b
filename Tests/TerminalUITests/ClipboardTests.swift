import Foundation
import Testing
@testable import TerminalUI

@Suite struct ClipboardTests {
    let t0 = Date(timeIntervalSinceReferenceDate: 1000)

    @Test func osc52ExactBytes() {
        #expect(OSC52.copySequence("hello") == Array("\u{1B}]52;c;aGVsbG8=\u{07}".utf8))
        #expect(OSC52.copySequence("hello", tmuxPassthrough: true) == Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}\\".utf8))
        #expect(OSC52.clearSequence() == [0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B, 0x07])
        #expect(OSC52.copySequence("é") == Array("\u{1B}]52;c;w6k=\u{07}".utf8))
    }

    func state(for text: String, tool: ClipboardTool? = .xclip) -> ClipboardState {
        ClipboardState(label: "token", copiedAt: t0, clearsAt: t0 + 45, fingerprint: ClipboardState.fingerprint(of: text), tool: tool, usedOSC52: true)
    }

    @Test func clearDecision() {
        let copied = state(for: "eyJhbGciOi")
        #expect(ClipboardClearDecision.decide(current: "eyJhbGciOi", state: copied) == .clear)
        #expect(ClipboardClearDecision.decide(current: "eyJhbGciOi\n", state: copied) == .clear)
        #expect(ClipboardClearDecision.decide(current: "something else", state: copied) == .leaveChanged)
        #expect(ClipboardClearDecision.decide(current: "", state: copied) == .leaveChanged)
        #expect(ClipboardClearDecision.decide(current: nil, state: copied) == .clearUnverified)
    }

    @Test func countdownIsAFunctionOfNow() {
        let copied = state(for: "x")
        #expect(copied.countdown(at: t0) == "0:45")
        #expect(copied.countdown(at: t0 + 3.2) == "0:42")
        #expect(copied.remainingSeconds(at: t0 + 44.5) == 1)
        #expect(!copied.isDue(at: t0 + 44.9))
        #expect(copied.isDue(at: t0 + 45))
        #expect(copied.countdown(at: t0 + 100) == "0:00")
    }

    @Test func copyWithOSC52OnlyWritesTheSequenceAndReportsSuccess() {
        let clipboard = Clipboard(clearAfter: .seconds(30), tool: nil, insideTmux: false)
        let state = clipboard.state(afterCopying: "secret", label: "access token", now: t0)
        let effects = clipboard.copy("secret", label: "access token") { TestMessage.loaded("\($0)") }
        #expect(state.clearsAt == t0 + 30)
        #expect(state.label == "access token")
        #expect(state.fingerprint == ClipboardState.fingerprint(of: "secret"))
        #expect(effects.count == 2)
        guard effects.count == 2, case .writeToTerminal(let bytes) = effects[0].action, case .send(let message) = effects[1].action else {
            Issue.record("unexpected effects")
            return
        }
        #expect(bytes == OSC52.copySequence("secret"))
        #expect(message == .loaded("copied(label: \"access token\")"))
    }

    @Test func clearWithOSC52WritesEmptySelection() {
        let clipboard = Clipboard(tool: nil, insideTmux: false)
        let effects = clipboard.clear(state(for: "x", tool: nil)) { TestMessage.loaded("\($0)") }
        guard case .writeToTerminal(let bytes) = effects.first?.action else {
            Issue.record("expected a terminal write")
            return
        }
        #expect(bytes == OSC52.clearSequence())
    }

    @Test func toolDetection() {
        let all: (String) -> Bool? = { _ in true }
        let none: (String) -> Bool? = { _ in false }
        #expect(ClipboardTool.detect(environment: ["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"], isExecutable: all) == .wlCopy)
        #expect(ClipboardTool.detect(environment: ["DISPLAY": ":0"], isExecutable: all) == .xclip)
        #expect(ClipboardTool.detect(environment: ["DISPLAY": ":0"], isExecutable: { $0 == "xsel" }) == .xsel)
        #expect(ClipboardTool.detect(environment: ["DISPLAY": ":0"], isExecutable: none) == nil)
        #expect(ClipboardTool.detect(environment: [:], isExecutable: all) == nil)
    }

    @Test func secretGoesOnStdinNotArgv() {
        for tool in ClipboardTool.allCases {
            #expect(!tool.copyArguments.contains { $0.contains("secret") })
        }
        #expect(ClipboardTool.xclip.copyArguments == ["-selection", "clipboard", "-in"])
    }

    @Test func copyThroughTheRunLoopWritesOSC52AfterAFrame() async throws {
        let clipboard = Clipboard(tool: nil, insideTmux: false)
        let backend = FakeBackend(script: [.event(.key(.character("c"))), .idle, .event(.key(.character("q")))])
        let program = Program<[String], TestMessage>(
            model: [],
            update: { log, message in
                switch message {
                case .key(.character("c")):
                    return clipboard.copy("tok", label: "token") { .loaded("\($0)") }
                case .key(.character("q")): return [.quit]
                case .loaded(let text): log.append(text); return []
                default: return []
                }
            },
            view: { _, _, size in Canvas(size: size) },
            keyMessage: { key, _ in .key(key) }
        )
        let (log, _) = try await runLoop(program, backend)
        #expect(backend.rawWrites == [OSC52.copySequence("tok")])
        #expect(log == ["copied(label: \"token\")"])
    }
}

@Suite struct TmuxClipboardTests {
    @Test func insideTmuxTheBufferIsClearedToo() {
        let clipboard = Clipboard(tool: nil, insideTmux: true)
        let state = clipboard.state(afterCopying: "tok", label: "t", now: Date())
        #expect(state.usedTmuxBuffer)
        let effects = clipboard.clear(state) { TestMessage.loaded("\($0)") }
        // OSC 52 clear, tmux buffer check, cleared message.
        #expect(effects.count == 3)
        let passthrough = Clipboard(tool: nil, tmuxPassthrough: true, insideTmux: true)
        #expect(!passthrough.state(afterCopying: "tok", label: "t", now: Date()).usedTmuxBuffer)
    }
}
