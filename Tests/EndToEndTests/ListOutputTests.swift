import AuthEngine
import Foundation
import PlatformSupport
import Testing
@testable import tokenman

/// `tokenman list` writes its table and JSON as bytes, without the per-row strings and JSON
/// trees it used to build: the output must be what those gave, byte for byte. The references
/// below are the code `list` ran before (`DurationText`, `TextTable`, `AccountReport.listJSON`).
@Suite("tokenman list output")
struct ListOutputTests {
    // MARK: The code the list used before

    private static func durationByStrings(_ seconds: Int?) -> String {
        guard let seconds else { return "-" }
        if seconds <= 0 { return "expired" }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3600
        let minutes = (seconds % 3600) / 60, rest = seconds % 60
        if days > 0 { return "\(days)d\(pad(hours))h" }
        if hours > 0 { return "\(hours)h\(pad(minutes))m" }
        if minutes > 0 { return "\(minutes)m\(pad(rest))s" }
        return "\(rest)s"
    }

    private static func tableByStrings(header: [String], rows: [[String]]) -> String {
        func width(_ cell: String) -> Int { cell.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? cell.utf8.count : cell.count }
        func pad(_ cell: String, _ width: Int) -> String {
            let length = cell.utf8.count
            guard length <= width, cell.utf8.allSatisfy({ $0 < 0x80 }) else {
                return cell.paddedOrCut(toLength: width)
            }
            return length == width ? cell : cell + String(repeating: " ", count: width - length)
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in index == row.count - 1 ? cell : pad(cell, widths[index]) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func accessText(_ row: ListRow) -> String {
        if let source = row.accessWithoutExpiry { return source == .never ? "never" : "unknown" }
        return durationByStrings(row.accessSecondsLeft)
    }

    private static func jsonByTree(_ accounts: [AccountConfig], _ rows: [ListRow]) -> String {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func optional(_ number: Int?) -> JSONValue { number.map { .number(Double($0)) } ?? .null }
        return JSONValue.array(zip(accounts, rows).map { account, row in
            var mode = "password"
            if case .apiToken = account.mode { mode = "api_token" }
            return .object([
                ("account", .string(account.name)),
                ("provider", .string(account.providerID)),
                ("username", optional(account.username)),
                ("mode", .string(mode)),
                ("state", .string(row.state.rawValue)),
                ("access_expires_in", optional(row.accessSecondsLeft)),
                ("refresh_expires_in", optional(row.refreshSecondsLeft)),
            ])
        }).serialized
    }

    // MARK: Samples

    static let durations: [Int?] = [nil, .min, -86_400, -1, 0, 1, 9, 10, 59, 60, 61, 599, 600, 3599, 3600, 3601,
                                    7199, 36_000, 86_399, 86_400, 86_401, 90_061, 863_999, 8_640_000, 2_912_107 * 86_400,
                                    999_999_999_999_999, 1_000_000_000_000_000, .max]

    static let accounts: [AccountConfig] = [
        AccountConfig(name: "acct-000001", providerID: "starship", username: "user1@example.com", mode: .password(.environment("PW"))),
        AccountConfig(name: "ünïcödé", providerID: "wikimedia", username: "日本語ユーザー"),
        AccountConfig(name: "api", providerID: "exabits", mode: .apiToken(.command("echo t"))),
        AccountConfig(name: "quoted \"name\"\ttab", providerID: "acme", username: "a\u{1}b\\c"),
        AccountConfig(name: "cr\rname", providerID: "starship", username: "crlf\r\nuser"),
        AccountConfig(name: "emoji 👩‍👩‍👧", providerID: "starship", username: "a-very-long-user-name@a-long-domain.example.com"),
        AccountConfig(name: "x", providerID: "cognito", username: ""),
    ]

    static func rows(shift: Int) -> [ListRow] {
        let states: [AccountStatus.State] = [.loggedOut, .valid, .expired, .refreshExpired, .apiToken, .unreadable]
        return accounts.indices.map { index in
            let at = index + shift
            var row = ListRow(
                state: states[at % states.count],
                accessSecondsLeft: durations[at % durations.count],
                refreshSecondsLeft: durations[(at * 7 + 3) % durations.count]
            )
            if at % 5 == 2 {
                row.accessSecondsLeft = nil
                row.accessWithoutExpiry = at % 2 == 0 ? .never : .unknown
            }
            return row
        }
    }

    static func table(_ accounts: [AccountConfig], _ rows: [ListRow]) -> [UInt8] {
        var pieces: [[UInt8]] = []
        ListOutput.table(accounts, rows) { pieces.append($0) }
        #expect(pieces.dropLast().allSatisfy { $0.count >= ListOutput.pieceSize })
        return Array(pieces.joined())
    }

    static func json(_ accounts: [AccountConfig], _ rows: [ListRow]) -> [UInt8] {
        var pieces: [[UInt8]] = []
        ListOutput.json(accounts, rows) { pieces.append($0) }
        #expect(pieces.dropLast().allSatisfy { $0.count >= ListOutput.pieceSize })
        return Array(pieces.joined())
    }

    // MARK: Tests

    @Test func durationsAreFormattedAsBefore() {
        var samples = Self.durations
        samples += (0...4000).map { $0 * 37 } + (0...500).map { $0 * 86_400 + 3599 }
        for seconds in samples {
            #expect(DurationText.format(seconds) == Self.durationByStrings(seconds), "\(String(describing: seconds))")
        }
        var decimal: [UInt8] = []
        DurationText.appendDecimal(Int.max, to: &decimal)
        #expect(String(decoding: decimal, as: UTF8.self) == "\(Int.max)")
    }

    @Test func theTableIsWhatTheStringTableWas() {
        for shift in 0..<40 {
            let rows = Self.rows(shift: shift)
            let cells = zip(Self.accounts, rows).map { account, row in
                [account.name, account.providerID, account.username ?? "-", row.state.rawValue,
                 Self.accessText(row), Self.durationByStrings(row.refreshSecondsLeft)]
            }
            let expected = Self.tableByStrings(header: ListOutput.header, rows: cells)
            #expect(Self.table(Self.accounts, rows) == Array((expected + "\n").utf8), "\(shift)")
            #expect(Array(TextTable.render(header: ListOutput.header, rows: cells).utf8) == Array(expected.utf8))
            // ASCII-only rows take the direct padding throughout.
            let ascii = Array(Self.accounts.prefix(1)) + [Self.accounts[2]]
            let asciiRows = [rows[0], rows[2]]
            let asciiCells = zip(ascii, asciiRows).map { account, row in
                [account.name, account.providerID, account.username ?? "-", row.state.rawValue,
                 Self.accessText(row), Self.durationByStrings(row.refreshSecondsLeft)]
            }
            #expect(Self.table(ascii, asciiRows) == Array((Self.tableByStrings(header: ListOutput.header, rows: asciiCells) + "\n").utf8))
        }
        #expect(Self.table([], []) == Array((Self.tableByStrings(header: ListOutput.header, rows: []) + "\n").utf8))
    }

    /// Thousands of rows go out in several pieces that join up to the whole text.
    @Test func longListsGoOutInPieces() {
        let accounts = (0..<3000).map { index in Self.accounts[index % Self.accounts.count] }
        let rows = (0..<3000).map { index in Self.rows(shift: index / Self.accounts.count)[index % Self.accounts.count] }
        let cells = zip(accounts, rows).map { account, row in
            [account.name, account.providerID, account.username ?? "-", row.state.rawValue,
             Self.accessText(row), Self.durationByStrings(row.refreshSecondsLeft)]
        }
        var pieces = 0
        ListOutput.table(accounts, rows) { _ in pieces += 1 }
        #expect(pieces > 2)
        #expect(Self.table(accounts, rows) == Array((Self.tableByStrings(header: ListOutput.header, rows: cells) + "\n").utf8))
        #expect(Self.json(accounts, rows) == Array((Self.jsonByTree(accounts, rows) + "\n").utf8))
    }

    @Test func theJSONIsWhatTheJSONTreeWas() {
        for shift in 0..<40 {
            let rows = Self.rows(shift: shift)
            #expect(Self.json(Self.accounts, rows) == Array((Self.jsonByTree(Self.accounts, rows) + "\n").utf8), "\(shift)")
        }
        #expect(Self.json([], []) == Array("[]\n".utf8))
    }
}
