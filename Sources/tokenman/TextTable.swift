import PlatformSupport

/// Left-aligned columns separated by two spaces; the last column is not padded.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width(of: $0[column]) }.max() ?? 0 }
        // One buffer appended to, rather than a joined array per row (a third of the time the
        // table took at 10,000 rows).
        var out: [UInt8] = []
        for (number, row) in all.enumerated() {
            if number > 0 { out.append(UInt8(ascii: "\n")) }
            for (index, cell) in row.enumerated() {
                if index > 0 { out += "  ".utf8 }
                if index == row.count - 1 {
                    out += cell.utf8
                } else {
                    appendPadded(cell, to: widths[index], into: &out)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `cell.count` (characters); ASCII without a carriage return has one per byte, counted
    /// without walking grapheme boundaries.
    static func width(of cell: String) -> Int {
        allBytes(of: cell) { $0 < 0x80 && $0 != 0x0D } ? cell.utf8.count : cell.count
    }

    /// `cell` padded with spaces to `width`: ASCII cells, nearly all, by bytes; others by
    /// Characters, as `width(of:)` counts them.
    static func appendPadded(_ cell: String, to width: Int, into out: inout [UInt8]) {
        let length = cell.utf8.count
        guard length <= width, allBytes(of: cell, { $0 < 0x80 }) else {
            out += cell.paddedOrCut(toLength: width).utf8
            return
        }
        out += cell.utf8
        appendSpaces(width - length, into: &out)
    }

    /// ASCII `bytes` padded with spaces to `width` (formatted cells such as `DurationText`'s).
    static func appendPadded(ascii bytes: ArraySlice<UInt8>, to width: Int, into out: inout [UInt8]) {
        out += bytes
        appendSpaces(width - bytes.count, into: &out)
    }

    /// `cell.utf8.allSatisfy(test)`, over the contiguous bytes where the string has them
    /// (always, for native strings): the generic walk showed in the time of a long list.
    private static func allBytes(of cell: String, _ test: (UInt8) -> Bool) -> Bool {
        cell.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? cell.utf8.allSatisfy(test)
    }

    private static func appendSpaces(_ count: Int, into out: inout [UInt8]) {
        if count > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }
}
