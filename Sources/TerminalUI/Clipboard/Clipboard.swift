import FoundationEssentials
import PlatformSupport

/// Copies secrets to the clipboard and clears them again after `clearAfter`.
///
/// ```swift
/// // update, on "c":
/// model.clipboardState = model.clipboard.state(afterCopying: token, label: "access token", now: now)
/// return model.clipboard.copy(token, label: "access token") { .copied($0) }
/// // update, on .tick(now):
/// if let state = model.clipboardState, state.isDue(at: now) {
///     model.clipboardState = nil
///     return model.clipboard.clear(state) { .clipboardCleared($0) }
/// }
/// // view: "copied access token · clears in \(state.countdown(at: now))"
/// ```
///
/// Copying uses OSC 52 (through the backend, between frames) and, when a display is
/// present, wl-copy / xclip / xsel too, so it works locally, over SSH and inside tmux.
public struct Clipboard: Hashable, Sendable {
    public var clearAfter: Duration
    /// The desktop tool, if any (see `ClipboardTool.detect`).
    public var tool: ClipboardTool?
    public var usesOSC52: Bool
    /// Wrap OSC 52 for tmux passthrough (only for tmux with `set-clipboard off`).
    public var tmuxPassthrough: Bool
    /// Inside tmux (`TMUX` set): clear tmux's paste buffer too, see `ClipboardState.usedTmuxBuffer`.
    public var insideTmux: Bool

    public init(clearAfter: Duration = .seconds(45), tool: ClipboardTool? = ClipboardTool.detect(), usesOSC52: Bool = true, tmuxPassthrough: Bool = false, insideTmux: Bool = ProcessEnvironment.variables["TMUX"].map { !$0.isEmpty } ?? false) {
        self.clearAfter = clearAfter
        self.tool = tool
        self.usesOSC52 = usesOSC52
        self.tmuxPassthrough = tmuxPassthrough
        self.insideTmux = insideTmux
    }

    /// The outcome of a copy, for the status line.
    public enum CopyResult: Hashable, Sendable {
        case copied(label: String)
        case failed(label: String, reason: String)
    }

    /// The outcome of clearing.
    public enum ClearResult: Hashable, Sendable {
        case cleared
        /// The user copied something else meanwhile; it was left alone.
        case leftChanged
    }

    /// What a copy of `text` at `now` leaves to clear later: keep it in the model, and hand
    /// it to `clear` when `isDue`. A pure function, so `update` can call it.
    public func state(afterCopying text: String, label: String, now: Date) -> ClipboardState {
        let seconds = Double(clearAfter.components.seconds) + Double(clearAfter.components.attoseconds) / 1e18
        return ClipboardState(
            label: label, copiedAt: now, clearsAt: now.addingTimeInterval(seconds),
            fingerprint: ClipboardState.fingerprint(of: text), tool: tool, usedOSC52: usesOSC52,
            usedTmuxBuffer: usesOSC52 && insideTmux && !tmuxPassthrough
        )
    }

    /// The effects that copy `text` (return them from `update`); `done` turns the outcome
    /// into the app's message.
    public func copy<Message: Sendable>(_ text: String, label: String, done: @escaping @Sendable (CopyResult) -> Message) -> [Effect<Message>] {
        let usedOSC52 = usesOSC52
        var effects: [Effect<Message>] = []
        if usesOSC52 {
            effects.append(.writeToTerminal(OSC52.copySequence(text, tmuxPassthrough: tmuxPassthrough)))
        }
        if let tool {
            effects.append(.run {
                done(tool.copy(text) || usedOSC52 ? .copied(label: label) : .failed(label: label, reason: "\(tool.rawValue) failed"))
            })
        } else if usesOSC52 {
            effects.append(.send(done(.copied(label: label))))
        } else {
            effects.append(.send(done(.failed(label: label, reason: "no clipboard available"))))
        }
        return effects
    }

    /// Clears what `state` copied, unless the user has copied something else since (which
    /// can only be checked through the desktop tool; OSC 52 is cleared blindly).
    public func clear<Message: Sendable>(_ state: ClipboardState, done: @escaping @Sendable (ClearResult) -> Message) -> [Effect<Message>] {
        var effects: [Effect<Message>] = []
        if state.usedOSC52 {
            effects.append(.writeToTerminal(OSC52.clearSequence(tmuxPassthrough: tmuxPassthrough)))
        }
        if state.usedTmuxBuffer {
            // Not reported: the message below (or the tool's) says how clearing went.
            effects.append(.run {
                let shown = ClipboardTool.run("tmux", ["show-buffer"], input: nil)
                let current = shown.status == 0 ? String(data: shown.output, encoding: .utf8) : nil
                if let current, ClipboardClearDecision.decide(current: current, state: state) == .clear {
                    _ = ClipboardTool.run("tmux", ["delete-buffer"], input: nil)
                }
                return nil
            })
        }
        if let tool = state.tool {
            effects.append(.run {
                switch ClipboardClearDecision.decide(current: tool.paste(), state: state) {
                case .clear, .clearUnverified:
                    _ = tool.copy("")
                    return done(.cleared)
                case .leaveChanged:
                    return done(.leftChanged)
                }
            })
        } else {
            effects.append(.send(done(.cleared)))
        }
        return effects
    }
}
