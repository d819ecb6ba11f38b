import CheckedNumbers
import FoundationEssentials

/// What is on the clipboard because of us, as a value for the model: the status line shows
/// `state.countdown(at: now)` and, on a tick where `isDue(at: now)`, the app asks
/// `Clipboard.clear` for the clearing effects. The secret itself is not kept, only a
/// fingerprint to recognise it when reading the clipboard back.
public struct ClipboardState: Hashable, Sendable {
    /// What was copied, for people: "access token of prod-wme".
    public var label: String
    public var copiedAt: Date
    public var clearsAt: Date
    /// FNV-1a of the copied text: enough to tell "still ours" from "the user copied
    /// something else", without keeping the secret in the model.
    public var fingerprint: UInt64
    /// How it was copied, which decides how it can be cleared.
    public var tool: ClipboardTool?
    public var usedOSC52: Bool
    /// Running inside tmux: the OSC 52 copy also became tmux's newest paste buffer, which
    /// an empty OSC 52 does not clear (tmux ignores empty payloads), so it is deleted with
    /// `tmux delete-buffer` if it still holds what we copied.
    public var usedTmuxBuffer: Bool

    public init(label: String, copiedAt: Date, clearsAt: Date, fingerprint: UInt64, tool: ClipboardTool?, usedOSC52: Bool, usedTmuxBuffer: Bool = false) {
        self.label = label
        self.copiedAt = copiedAt
        self.clearsAt = clearsAt
        self.fingerprint = fingerprint
        self.tool = tool
        self.usedOSC52 = usedOSC52
        self.usedTmuxBuffer = usedTmuxBuffer
    }

    /// Seconds until clearing (0 once due).
    public func remainingSeconds(at now: Date) -> Int {
        max(0, Int(clamping: clearsAt.timeIntervalSince(now), rounding: .up))
    }

    public func isDue(at now: Date) -> Bool {
        now >= clearsAt
    }

    /// "0:42" for the status line.
    public func countdown(at now: Date) -> String {
        let seconds = remainingSeconds(at: now)
        let tail = seconds % 60 < 10 ? "0\(seconds % 60)" : "\(seconds % 60)"
        return "\(seconds / 60):\(tail)"
    }

    public static func fingerprint(of text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Whether to clear the clipboard when the timer runs out.
public enum ClipboardClearDecision: Hashable, Sendable {
    /// The clipboard still holds what we copied: clear it.
    case clear
    /// The user copied something else since: leave it alone.
    case leaveChanged
    /// It cannot be read back (OSC 52 only, or the tool failed): clear without checking.
    case clearUnverified

    /// - Parameter current: the clipboard as read back now, or nil if it cannot be read.
    public static func decide(current: String?, state: ClipboardState) -> ClipboardClearDecision {
        guard let current else { return .clearUnverified }
        if ClipboardState.fingerprint(of: current) == state.fingerprint { return .clear }
        // Some tools add a trailing newline on the way out.
        if current.hasSuffix("\n"), ClipboardState.fingerprint(of: String(current.dropLast())) == state.fingerprint { return .clear }
        return .leaveChanged
    }
}
