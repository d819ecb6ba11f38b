import AuthEngine

/// The text of `tokenman list` and `tokenman list --json`, with the final newline, written
/// straight into a buffer (without a string per cell or a JSON tree per row) that goes to
/// `write` in pieces of about `pieceSize` bytes: a few writes of 64 KiB cost no more than one
/// write, and holding a list of 100,000 accounts whole for one write added megabytes to the
/// peak memory. `accounts[i]` is the config of `rows[i]`.
enum ListOutput {
    static let header = ["ACCOUNT", "PROVIDER", "USERNAME", "STATE", "ACCESS", "REFRESH"]
    static let pieceSize = 64 * 1024

    /// Hands `out` to `write` once it holds a piece.
    private static func writeIfFull(_ out: inout [UInt8], _ write: ([UInt8]) -> Void) {
        guard out.count >= pieceSize else { return }
        write(out)
        out.removeAll(keepingCapacity: true)
    }

    /// `TextTable.render(header:rows:)` of the rows as strings, byte for byte.
    static func table(_ accounts: [AccountConfig], _ rows: [ListRow], write: ([UInt8]) -> Void) {
        // The two countdown cells of every row, formatted once: their widths are needed before
        // the first row is written. `cellEnds` holds where each row's two cells end.
        var cells: [UInt8] = []
        cells.reserveCapacity(rows.count * 14)
        var cellEnds: [Int] = []
        cellEnds.reserveCapacity(rows.count * 2)
        var widths = header.map(TextTable.width)
        for (account, row) in zip(accounts, rows) {
            widths[0] = max(widths[0], TextTable.width(of: account.name))
            widths[1] = max(widths[1], TextTable.width(of: account.providerID))
            widths[2] = max(widths[2], account.username.map(TextTable.width) ?? 1)
            widths[3] = max(widths[3], row.state.rawValue.utf8.count)
            let start = cells.count
            row.appendAccessText(to: &cells)
            widths[4] = max(widths[4], cells.count - start)
            cellEnds.append(cells.count)
            DurationText.append(row.refreshSecondsLeft, to: &cells)
            cellEnds.append(cells.count)
        }
        var out: [UInt8] = []
        out.reserveCapacity(pieceSize + widths.reduce(2, +) + 2 * header.count)
        for (index, title) in header.enumerated() {
            if index > 0 { out += "  ".utf8 }
            if index == header.count - 1 {
                out += title.utf8
            } else {
                TextTable.appendPadded(title, to: widths[index], into: &out)
            }
        }
        var cellStart = 0
        for (number, (account, row)) in zip(accounts, rows).enumerated() {
            out.append(UInt8(ascii: "\n"))
            TextTable.appendPadded(account.name, to: widths[0], into: &out)
            out += "  ".utf8
            TextTable.appendPadded(account.providerID, to: widths[1], into: &out)
            out += "  ".utf8
            TextTable.appendPadded(account.username ?? "-", to: widths[2], into: &out)
            out += "  ".utf8
            TextTable.appendPadded(ascii: ArraySlice(row.state.rawValue.utf8), to: widths[3], into: &out)
            out += "  ".utf8
            let accessEnd = cellEnds[2 * number], refreshEnd = cellEnds[2 * number + 1]
            TextTable.appendPadded(ascii: cells[cellStart..<accessEnd], to: widths[4], into: &out)
            out += "  ".utf8
            out += cells[accessEnd..<refreshEnd]
            cellStart = refreshEnd
            writeIfFull(&out, write)
        }
        out.append(UInt8(ascii: "\n"))
        write(out)
    }

    /// `JSONValue.array(reports.map(\.listJSON)).serialized`, byte for byte.
    static func json(_ accounts: [AccountConfig], _ rows: [ListRow], write: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(pieceSize + 1024)
        out.append(UInt8(ascii: "["))
        for (number, (account, row)) in zip(accounts, rows).enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"account":"#.utf8
            JSONValue.appendString(account.name, to: &out)
            out += #","provider":"#.utf8
            JSONValue.appendString(account.providerID, to: &out)
            out += #","username":"#.utf8
            if let username = account.username { JSONValue.appendString(username, to: &out) } else { out += "null".utf8 }
            if case .apiToken = account.mode {
                out += #","mode":"api_token","state":"#.utf8
            } else {
                out += #","mode":"password","state":"#.utf8
            }
            JSONValue.appendString(row.state.rawValue, to: &out)
            out += #","access_expires_in":"#.utf8
            appendSeconds(row.accessSecondsLeft, to: &out)
            out += #","refresh_expires_in":"#.utf8
            appendSeconds(row.refreshSecondsLeft, to: &out)
            out.append(UInt8(ascii: "}"))
            writeIfFull(&out, write)
        }
        out += "]\n".utf8
        write(out)
    }

    /// A number as `JSONValue.number(Double(seconds))` writes it, or null.
    private static func appendSeconds(_ seconds: Int?, to out: inout [UInt8]) {
        guard let seconds else {
            out += "null".utf8
            return
        }
        // Below 10^15 (every countdown between years 1 and 9999) that is the integer's digits.
        guard seconds > -1_000_000_000_000_000, seconds < 1_000_000_000_000_000 else {
            JSONValue.number(Double(seconds)).write(to: &out)
            return
        }
        if seconds < 0 { out.append(UInt8(ascii: "-")) }
        DurationText.appendDecimal(Int(seconds.magnitude), to: &out)
    }
}
