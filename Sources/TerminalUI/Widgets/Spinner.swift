import CheckedNumbers
import FoundationEssentials

/// Spinner glyphs for "working…" indicators. The frame is a pure function of time, so any
/// redraw (a key, a tick, an effect result) animates it and tests can fix the frame.
public enum Spinner {
    public static let brailleFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static let asciiFrames: [Character] = ["|", "/", "-", "\\"]

    /// The frame to show at `now`, advancing `framesPerSecond` times a second.
    public static func frame(at now: Date, framesPerSecond: Double = 4, frames: [Character] = brailleFrames) -> Character {
        guard !frames.isEmpty else { return " " }
        let step = Int(clamping: now.timeIntervalSinceReferenceDate * max(framesPerSecond, 0.1), rounding: .down)
        let index = ((step % frames.count) + frames.count) % frames.count
        return frames[index]
    }
}

/// Shorthand for `Spinner.frame(at:)`.
public func spinnerFrame(_ now: Date) -> Character {
    Spinner.frame(at: now)
}
