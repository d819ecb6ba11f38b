/// Writes an `AccountConfig` as a `[[accounts]]` block in the shape `ConfigLoader` reads.
enum AccountBlockRenderer {
    /// - Parameter topLevelFields: keys of `account.fields` written as keys of the block
    ///   (`subdomain = "…"`, for fields the provider declares), in this order; the other
    ///   fields go into `fields = { … }`.
    static func render(_ account: AccountConfig, topLevelFields: [String] = []) -> String {
        var lines = ["[[accounts]]", "name = \(quote(account.name))", "provider = \(quote(account.providerID))"]
        if let baseURL = account.baseURL { lines.append("base_url = \(quote(baseURL))") }
        if let username = account.username { lines.append("username = \(quote(username))") }
        if let caFile = account.caFile { lines.append("ca_file = \(quote(caFile))") }
        let topLevel = topLevelFields.filter { account.fields[$0] != nil }
        for name in topLevel {
            lines.append("\(key(name)) = \(quote(account.fields[name] ?? ""))")
        }
        let inTable = account.fields.keys.filter { !topLevel.contains($0) }.sorted()
        if !inTable.isEmpty {
            let pairs = inTable.map { "\(key($0)) = \(quote(account.fields[$0] ?? ""))" }
            lines.append("fields = { \(pairs.joined(separator: ", ")) }")
        }
        if let cognito = account.cognito { lines += CognitoKeys.render(cognito) }
        switch account.mode {
        case .password(.prompt): lines.append("password_prompt = true")
        case .password(.environment(let name)): lines.append("password_env = \(quote(name))")
        case .password(.command(let command)): lines.append("password_command = \(quote(command))")
        case .apiToken(.environment(let name)): lines.append("api_token_env = \(quote(name))")
        case .apiToken(.command(let command)): lines.append("api_token_command = \(quote(command))")
        case .apiToken(.prompt): break // Not expressible in the file; ConfigLoader never produces it.
        }
        return lines.joined(separator: "\n") + "\n"
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
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? name : quote(name)
    }
}
