import FoundationEssentials

/// The OSC 52 "set selection" escape sequence: `ESC ] 52 ; c ; <base64> BEL`.
///
/// Terminals that support it (xterm, kitty, WezTerm, iTerm2, foot, Windows Terminal) put the
/// text on the system clipboard, even over SSH. tmux with `set -g set-clipboard on` takes
/// the plain sequence into its paste buffer and forwards it to the outer terminal, so the
/// DCS passthrough wrapping is only for tmux configured with `allow-passthrough on` and
/// `set-clipboard off`.
public enum OSC52 {
    /// The bytes that copy `text` to the clipboard selection ("c").
    public static func copySequence(_ text: String, tmuxPassthrough: Bool = false) -> [UInt8] {
        sequence(payload: Data(text.utf8).base64EncodedString(), tmuxPassthrough: tmuxPassthrough)
    }

    /// The bytes that clear the clipboard selection: an empty payload. OSC 52 is
    /// write-only in practice (reading back is disabled by most terminals for safety), so
    /// an OSC 52 copy is cleared blindly: whatever the user copied since is lost too.
    public static func clearSequence(tmuxPassthrough: Bool = false) -> [UInt8] {
        sequence(payload: "", tmuxPassthrough: tmuxPassthrough)
    }

    private static func sequence(payload: String, tmuxPassthrough: Bool) -> [UInt8] {
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        guard tmuxPassthrough else { return Array(osc.utf8) }
        // DCS tmux; <sequence with every ESC doubled> ST
        let escaped = osc.replacing("\u{1B}", with: "\u{1B}\u{1B}")
        return Array("\u{1B}Ptmux;\(escaped)\u{1B}\\".utf8)
    }
}
