import AuthEngine
import FoundationEssentials
import PlatformSupport
import TerminalUI

/// Everything about one account: its fields, every token (masked until `r`), expiry instants
/// with where they came from, and a JWT inspector. Scrollable.
struct DetailScreen: Equatable, Sendable {
    var account: String
    var isRevealed = false
    var scroll = 0

    /// Keys on the details screen: scrolls and reveals in the screen's own state, and says
    /// what else it wants.
    mutating func update(key: Key, context: DetailContext) -> DetailOutcome {
        let page = max(1, context.bodyHeight - 1)
        let maxScroll = max(0, context.lineCount - context.bodyHeight)
        var outcome = DetailOutcome.stay
        switch DetailKeys.bindings.action(for: key) {
        case .back?: return .back
        case .quit?: return .quit
        case .login?: return .login
        case .forgotPassword?: return .forgotPassword
        case .changePassword?: return .changePassword
        case .scrollDown?: scroll += 1
        case .scrollUp?: scroll -= 1
        case .pageDown?: scroll += page
        case .pageUp?: scroll -= page
        case .top?: scroll = 0
        case .bottom?: scroll = maxScroll
        case .reveal?: isRevealed.toggle()
        case .help?: outcome = .showHelp
        case .copy?: outcome = .copy
        case nil: break
        }
        scroll = min(max(0, scroll), maxScroll)
        return outcome
    }

    static func render(_ screen: DetailScreen, model: AppModel, now: Date, into canvas: inout Canvas, in rect: Rect) {
        let all = lines(screen, model: model, now: now, width: rect.width)
        let offset = min(screen.scroll, max(0, all.count - rect.height))
        for (row, line) in all.dropFirst(offset).prefix(rect.height).enumerated() {
            canvas.write(line.text, in: rect.row(row), role: line.role)
        }
    }

    static func hints(_ screen: DetailScreen) -> [KeyHint] {
        // The reveal key's word says what it will do now.
        DetailKeys.bindings.footerHints().map { $0.key == "r" && screen.isRevealed ? KeyHint("r", "mask") : $0 }
    }

    struct Line: Equatable {
        var text: String
        var role: Role

        init(_ text: String, _ role: Role = .text) {
            self.text = text
            self.role = role
        }
    }

    /// The screen's content, top to bottom, for a body `width` columns wide (a revealed token
    /// wraps at it).
    static func lines(_ screen: DetailScreen, model: AppModel, now: Date, width: Int = Int.max) -> [Line] {
        guard let account = model.account(named: screen.account) else { return [Line("The account is gone.", .danger)] }
        var lines: [Line] = []
        func field(_ label: String, _ value: String, _ role: Role = .text) {
            lines.append(Line(DisplayWidth.pad(label, to: 15) + value, role))
        }
        lines.append(Line(account.name, .title))
        field("Provider", model.provider(of: account).map { "\($0.displayName) (\($0.id))" } ?? account.providerID)
        field("User", account.username ?? "—")
        field("Base URL", account.baseURL ?? model.provider(of: account)?.defaultBaseURL ?? "—")
        field("Password", Self.describe(account.mode))
        for key in account.fields.keys.sorted() {
            field(key.replacing("_", with: " ").capitalizedFirst, account.fields[key] ?? "")
        }
        let expiry = model.expiry(of: account.name)
        let activity = model.activity(of: account.name)
        let unreadable = model.unreadableReason(of: account.name)
        let (state, stateRole) = AccountListScreen.stateText(account: account, tokens: expiry, activity: activity, now: now, unreadable: unreadable != nil)
        field("State", state, stateRole)
        if let error = activity.lastError { field("Last error", error, .danger) }
        if let unreadable { field("Stored entry", "cannot be read: \(unreadable)", .danger) }
        // The list keeps expiries only; the tokens are read as the screen opens (`openTokens`).
        let open = model.openTokens?.account == account.name ? model.openTokens : nil
        if expiry != nil, case .failure(let error)? = open?.reading {
            field("Tokens", "cannot be read: \(error.message)", .danger)
            return lines
        }
        if expiry != nil, open?.reading == nil {
            lines.append(Line(""))
            lines.append(Line("Reading the stored tokens…", .muted))
            return lines
        }
        guard expiry != nil, let tokens = open?.tokens else {
            lines.append(Line(""))
            lines.append(Line(unreadable == nil ? "Not logged in. Press l to log in." : "Its stored entry is kept as it is. Press l to log in again, which replaces it.", .muted))
            return lines
        }
        lines.append(Line(""))
        let named: [(String, String?, Date?, ExpirySource?)] = [
            ("Access token", tokens.accessToken, tokens.accessExpiresAt, tokens.accessExpirySource),
            ("Refresh token", tokens.refreshToken, tokens.refreshExpiresAt, tokens.refreshExpirySource),
            ("ID token", tokens.idToken, tokens.accessExpiresAt, nil),
        ]
        for (label, token, expiry, source) in named {
            guard let token else { continue }
            if screen.isRevealed {
                // All of it, on as many rows as it takes: a token cut at the edge is useless.
                for (index, part) in wrapped(token, width: width - 15).enumerated() {
                    field(index == 0 ? label : "", part, .warning)
                }
            } else {
                field(label, mask(token))
            }
            if let source {
                if let expiry {
                    let countdown = Countdown.of(expiry: expiry, lifetime: expiry.timeIntervalSince(tokens.obtainedAt), now: now)
                    field("  expires", "\(format(expiry, in: model.timeZone)) (\(Countdown.relative(expiry, now: now))) · from \(source.rawValue)", countdown.role)
                } else {
                    field("  expires", source == .never ? "never" : "unknown (\(source.rawValue))", .muted)
                }
            }
        }
        field("Obtained", format(tokens.obtainedAt, in: model.timeZone), .muted)
        lines += renewalLines(account: account, tokens: tokens, model: model, now: now)
        for key in tokens.attributes.keys.sorted() {
            // Attributes and claims are whatever the server wrote: shown through the sanitiser.
            field(ExternalText.displayable(key, limit: 40), ExternalText.displayable(tokens.attributes[key] ?? ""), .muted)
        }
        for (label, token) in [("access token", tokens.accessToken), ("refresh token", tokens.refreshToken), ("ID token", tokens.idToken)] {
            guard let token, let jwt = JWT.decodeIfPossible(token) else { continue }
            lines.append(Line(""))
            lines.append(Line("JWT · \(label)\(jwt.hasSignature ? " (signature not verified)" : " (unsigned)")", .title))
            lines.append(Line("  header", .accent))
            for claim in jwt.header { lines.append(Line("    " + describe(claim, timeZone: model.timeZone, now: now))) }
            lines.append(Line("  claims", .accent))
            for claim in jwt.claims { lines.append(Line("    " + describe(claim, timeZone: model.timeZone, now: now))) }
        }
        return lines
    }

    /// `text` in pieces of `width` columns (tokens have no spaces to wrap at).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        return WordWrap.lines(text, width: width)
    }

    /// `eyJhbGci…•••• (812 chars)`: enough to recognise a token, not enough to use it.
    static func mask(_ token: String) -> String {
        let visible = token.count >= 24 ? String(token.prefix(8)) : ""
        return "\(visible)…•••• (\(token.count) chars)"
    }

    static func describe(_ mode: AccountConfig.Mode) -> String {
        switch mode {
        case .password(.prompt): return "typed in when logging in"
        case .password(.environment(let variable)): return "from $\(variable)"
        case .password(.command(let command)): return "from command `\(command)`"
        case .apiToken(.environment(let variable)): return "API token from $\(variable)"
        case .apiToken(.command(let command)): return "API token from command `\(command)`"
        case .apiToken(.prompt): return "API token typed in"
        }
    }

    static let timeClaims: Set<String> = ["exp", "iat", "nbf", "auth_time"]

    static func describe(_ claim: JWTClaim, timeZone: DisplayTimeZone, now: Date) -> String {
        let name = DisplayWidth.pad(ExternalText.displayable(claim.name, limit: 40), to: 10)
        if timeClaims.contains(claim.name), case .number(let seconds) = claim.value, seconds.isFinite {
            let date = Date(timeIntervalSince1970: seconds)
            let relative = Countdown.relative(date, now: now).replacing("expired ", with: "")
            return "\(name)\(format(date, in: timeZone)) (\(relative))"
        }
        return "\(name)\(ExternalText.displayable(claim.value.scalarText ?? claim.value.serialized))"
    }

    static func format(_ date: Date, in timeZone: DisplayTimeZone) -> String {
        let c = timeZone.reading(of: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let offset = c.offsetSeconds
        let zone = offset == 0 ? "UTC" : (offset > 0 ? "+" : "-") + two(abs(offset) / 3600) + two(abs(offset) % 3600 / 60)
        return "\(c.year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(zone)"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
