import Foundation
import Testing
import TerminalUI

/// Whole-frame text snapshots (ratatui's `Buffer` equality): the text of every row, then the
/// role of every cell, one letter a cell, so a change of colour meaning fails as surely as a
/// change of text. Files live in `Tests/TokenManagerTests/Snapshots`; a missing one is
/// written and the test fails, so a new snapshot is read by a person before it is trusted.
/// `TOKENMAN_RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` rewrites them all.
enum Snapshot {
    static let letters: [Role: Character] = [
        .text: "t", .muted: "m", .accent: "a", .selection: "S", .success: "s", .warning: "w",
        .danger: "d", .border: "b", .title: "T", .statusBar: "B", .input: "i", .inputFocused: "I",
    ]

    static func text(of canvas: Canvas) -> String {
        var rows = canvas.lines.map { "|\($0)|" }
        rows.append("-- roles: " + Role.allCases.map { "\(letters[$0] ?? "?")=\($0.rawValue)" }.joined(separator: " "))
        for y in 0..<canvas.size.height {
            rows.append("|" + String(canvas.row(y).filter { !$0.isContinuation }.map { letters[$0.role] ?? "?" }) + "|")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func directory(_ filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static func assert(_ canvas: Canvas, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory(filePath).appendingPathComponent("\(name).txt")
        let actual = text(of: canvas)
        let record = ProcessInfo.processInfo.environment["TOKENMAN_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded; read it, then run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
    }
}
