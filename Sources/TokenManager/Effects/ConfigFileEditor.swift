import AuthEngine
import Foundation

/// Why the config file could not be changed; shown in the form.
struct ConfigEditError: Error, Equatable, Sendable {
    var message: String
}

/// Rewrites `[[accounts]]` blocks in the config file as text, leaving every other line (and
/// comment) alone, then reads the file back with the strict `ConfigLoader`; if the loader
/// rejects the result, the old text is put back.
///
/// This lives in the app because the engine has no config writer yet (see the report).
struct ConfigFileEditor: Sendable {
    var path: String
    var environment: [String: String]

    /// Adds `draft`, or replaces the block of the account named `replacing`.
    func save(_ draft: AccountDraft, replacing: String?, current: TokenmanConfig) throws(ConfigEditError) -> TokenmanConfig {
        let original = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = original.components(separatedBy: "\n")
        let block = Self.block(for: draft)
        if let replacing {
            guard let range = blockRange(of: replacing, in: lines, current: current) else {
                throw ConfigEditError(message: "cannot find the block of \(replacing) in \(path)")
            }
            lines.replaceSubrange(range, with: block + [""])
        } else {
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            if !lines.isEmpty { lines.append("") }
            lines += block + [""]
        }
        return try write(lines.joined(separator: "\n"), restoring: original)
    }

    func delete(_ name: String, current: TokenmanConfig) throws(ConfigEditError) -> TokenmanConfig {
        let original = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = original.components(separatedBy: "\n")
        guard let range = blockRange(of: name, in: lines, current: current) else {
            throw ConfigEditError(message: "cannot find the block of \(name) in \(path)")
        }
        lines.removeSubrange(range)
        return try write(lines.joined(separator: "\n"), restoring: original)
    }

    /// From the account's `[[accounts]]` line up to the next table header (or the end).
    private func blockRange(of name: String, in lines: [String], current: TokenmanConfig) -> Range<Int>? {
        guard let line = current.account(named: name)?.line, line >= 1, line <= lines.count else { return nil }
        let start = line - 1
        guard lines[start].trimmingCharacters(in: .whitespaces).hasPrefix("[[accounts]]") else { return nil }
        var end = start + 1
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("[") { end += 1 }
        return start..<end
    }

    private func write(_ text: String, restoring original: String) throws(ConfigEditError) -> TokenmanConfig {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ConfigEditError(message: "cannot write \(path): \(error.localizedDescription)")
        }
        do {
            return try ConfigLoader(environment: environment).load(explicitPath: path)
        } catch {
            try? Data(original.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            throw ConfigEditError(message: error.description)
        }
    }

    static func block(for draft: AccountDraft) -> [String] {
        var lines = ["[[accounts]]", "name = \(quote(draft.name))", "provider = \(quote(draft.providerID))"]
        if let username = draft.username { lines.append("username = \(quote(username))") }
        if let baseURL = draft.baseURL { lines.append("base_url = \(quote(baseURL))") }
        switch draft.mode {
        case .password(.prompt): lines.append("password_prompt = true")
        case .password(.environment(let v)): lines.append("password_env = \(quote(v))")
        case .password(.command(let c)): lines.append("password_command = \(quote(c))")
        case .apiToken(.environment(let v)): lines.append("api_token_env = \(quote(v))")
        case .apiToken(.command(let c)): lines.append("api_token_command = \(quote(c))")
        case .apiToken(.prompt): break
        }
        if !draft.fields.isEmpty {
            let members = draft.fields.keys.sorted().map { "\(quote($0)) = \(quote(draft.fields[$0] ?? ""))" }
            lines.append("fields = { \(members.joined(separator: ", ")) }")
        }
        return lines
    }

    /// A TOML basic string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
