import ArgumentParser
import FoundationEssentials

extension Tokenman {
    /// `tokenman manpage`: a roff man page rendered from the command tree, because
    /// swift-argument-parser's `generate-manual` plugin needs to build a tool at package level,
    /// and this page is then always the installed binary's own.
    struct Manpage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manpage",
            abstract: "Print the tokenman(1) man page (roff) on standard output.",
            discussion: "Install with: tokenman manpage > ~/.local/share/man/man1/tokenman.1"
        )

        func run() throws {
            Console.out(ManpageRenderer.render())
        }
    }
}

/// Builds the page from ArgumentParser's own help texts, so it never disagrees with `--help`.
enum ManpageRenderer {
    static func render() -> String {
        var page: [String] = [
            ".TH TOKENMAN 1 \"\" \"tokenman\" \"User Commands\"",
            ".SH NAME",
            "tokenman \\- \(escape(Tokenman.configuration.abstract))",
            ".SH SYNOPSIS",
            ".B tokenman",
            "[\\fB\\-\\-config\\fR \\fIpath\\fR] [\\fB\\-\\-state\\-dir\\fR \\fIdir\\fR] [\\fB\\-\\-theme\\fR \\fIname\\fR]",
            ".br",
            ".B tokenman",
            "\\fIsubcommand\\fR [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
            escape(Tokenman.configuration.discussion),
            "Scripting subcommands print only their result on standard output; messages go to standard error.",
            ".SH OPTIONS",
        ]
        page += preformatted(Tokenman.helpMessage(columns: 78))
        page.append(".SH SUBCOMMANDS")
        for subcommand in Tokenman.configuration.subcommands {
            let name = subcommand.configuration.commandName ?? subcommand._commandName
            page.append(".SS \(escape(name))")
            page += preformatted(Tokenman.helpMessage(for: subcommand, columns: 78))
        }
        page.append(".SH EXIT STATUS")
        for status in CLIExitStatus.allCases {
            page += [".TP", ".B \(status.rawValue)", escape(status.meaning)]
        }
        page += [
            ".PP", "\\fBexec\\fR exits with its command's status (126/127 when it cannot be started).",
            ".SH ENVIRONMENT",
            ".TP", ".B TOKENMAN_CONFIG", "Config file, unless \\fB\\-\\-config\\fR is given.",
            ".TP", ".B TOKENMAN_STATE_DIR", "Token store directory, unless \\fB\\-\\-state\\-dir\\fR is given.",
            ".TP", ".B XDG_CONFIG_HOME, XDG_STATE_HOME", "Base directories of the defaults.",
            ".TP", ".B NO_COLOR", "Monochrome UI.",
            ".SH FILES",
            ".TP", ".I ~/.config/tokenman/config.toml", "Accounts, custom providers and settings.",
            ".TP", ".I ~/.local/state/tokenman/tokens.json", "The token store (mode 0600, directory 0700); \\fItokens.lock\\fR serialises writers.",
            ".SH SEE ALSO",
            "The README of the tokenman source tree.",
        ]
        return page.joined(separator: "\n")
    }

    /// Help text kept as laid out by ArgumentParser, in a no-fill block.
    private static func preformatted(_ text: String) -> [String] {
        [".nf"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) } + [".fi"]
    }

    /// Backslashes, and leading dots or quotes that roff would read as requests.
    static func escape(_ line: String) -> String {
        let escaped = line.replacing("\\", with: "\\e").replacing("-", with: "\\-")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { return "\\&" + escaped }
        return escaped
    }
}
