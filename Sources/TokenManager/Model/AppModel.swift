import AuthEngine
import FoundationEssentials
import PlatformSupport
import TerminalUI

/// Everything the UI knows, as one value. `AppUpdate` changes it in response to messages;
/// `AppView` draws it. Nothing in here ticks: countdowns are computed from `now` and the
/// stored expiry instants when drawing.
struct AppModel: Equatable, Sendable {
    // The list's rows are derived from these three (see `AccountListRows`). A config change
    // rebuilds them at once; a token change is only counted here (a renewal of one account
    // must not cost every account) and applied by `AppUpdate` after each message. The
    // observers of the collections never read `oldValue`, which would copy them on each change.

    /// The configured accounts, in config order.
    var accounts: [AccountConfig] {
        didSet { list.configChanged(accounts: accounts, catalog: catalog, tokens: tokens) }
    }
    var catalog: ProviderCatalog {
        didSet { if catalog != oldValue { list.configChanged(accounts: accounts, catalog: catalog, tokens: tokens) } }
    }
    /// Stored tokens by account name: the token store is the truth, this is its last reading.
    var tokens: [String: TokenSet] = [:] {
        didSet { list.noteTokensChanged() }
    }
    /// Accounts whose stored entry cannot be read, with a short reason: shown as such, not as
    /// "logged out" (the entry is still in the file, kept as it is, until a login replaces it).
    var unreadableEntries: [String: String] = [:]
    /// Requests in flight, pending challenges and last errors, by account name.
    var activity: [String: AccountActivity] = [:]
    var list = AccountListState()
    var screen: Screen = .accounts
    /// A dialog or menu drawn over the screen; it takes the keys while shown.
    var overlay: Overlay?
    /// How far the help overlay is scrolled (back to the top when it closes).
    var helpOffset = 0
    /// The one current message: a new one replaces it (see `setStatus`).
    var status: StatusMessage?
    /// The accounts `R` is refreshing and how they ended so far, for its summary.
    var refreshAllBatch: RefreshAllBatch?
    /// What we put on the clipboard and when it will be cleared.
    var clipboard: ClipboardState?
    /// How copies are made (OSC 52, the desktop tool) and how long they stay: the one place
    /// a copy's `ClipboardState` comes from. Tests keep the default, which runs no tool.
    var clipboardSetup = Clipboard(clearAfter: .seconds(45), tool: nil, usesOSC52: true, tmuxPassthrough: false, insideTmux: false)
    /// 0: never clear.
    var clipboardClearSeconds: Int {
        get { Int(truncatingIfNeeded: clipboardSetup.clearAfter.components.seconds) }
        set { clipboardSetup.clearAfter = .seconds(max(0, newValue)) }
    }
    var now: Date
    var size: Size = Size(width: 80, height: 24)
    var banner: String?
    /// Where the config lives, for the add/edit/delete forms (nil: none to write to).
    var configPath: String?
    /// Shows expiry instants in local time; tests pin it to UTC.
    var timeZone: DisplayTimeZone = .system
    private(set) var lastRequestID = 0
    /// Logins, renewals, failures, copies and clears this session (`L`).
    var activityLog = ActivityLog()
    /// The scheduler's `refresh_lead`, for the details screen's next renewal.
    var refreshLead: TimeInterval = RefreshPolicy().lead
    /// The store's file is watched for changes (else it is polled every few seconds).
    var watchesStore = false
    /// The details screen a form was opened from: where the form returns (nil: the list).
    var formOrigin: DetailScreen?

    init(accounts: [AccountConfig], catalog: ProviderCatalog = ProviderCatalog(), tokens: [String: TokenSet] = [:], now: Date) {
        self.accounts = accounts
        self.catalog = catalog
        self.tokens = tokens
        self.now = now
        list.configChanged(accounts: accounts, catalog: catalog, tokens: tokens)
    }

    /// A fresh id for a request whose reply must only affect the screen that sent it.
    mutating func makeRequestID() -> Int {
        lastRequestID += 1
        return lastRequestID
    }

    func account(named name: String) -> AccountConfig? {
        list.rows.account(named: name)
    }

    func provider(of account: AccountConfig) -> ProviderDefinition? {
        catalog.definition(id: account.providerID)
    }

    /// What the account's provider asks of new passwords (the defaults for an unknown one).
    func passwordRules(of account: AccountConfig) -> PasswordRules {
        provider(of: account)?.passwordRules ?? PasswordRules()
    }

    /// The provider's name, short enough for a column: its first word, as the list shows it.
    func providerShortName(of account: AccountConfig) -> String {
        catalog.shortName(of: account)
    }

    func activity(of name: String) -> AccountActivity {
        activity[name] ?? AccountActivity()
    }

    mutating func updateActivity(of name: String, _ change: (inout AccountActivity) -> Void) {
        var value = activity[name] ?? AccountActivity()
        change(&value)
        activity[name] = value == AccountActivity() ? nil : value
    }

    /// The account the list's selection points at (nil when the list is empty).
    var selectedAccount: AccountConfig? {
        list.selectedAccount
    }

    /// Applies counted token changes to the list's order (see `AccountListRows`).
    /// `account`: the one account the last message was about, if one.
    mutating func refreshListRows(changedAccount account: String?) {
        list.refreshTokens(tokens, changedAccount: account)
    }

    /// Replaces the current message. `account`: the account it is about, so deleting that
    /// account can clear it.
    mutating func setStatus(_ text: String, role: Role = .statusBar, account: String? = nil) {
        status = StatusMessage(text: text, role: role, shownAt: now, account: account)
    }

    /// Forgets the messages and activity of accounts no longer configured (after a delete).
    mutating func forgetRemovedAccounts() {
        let names = Set(accounts.map(\.name))
        activity = activity.filter { names.contains($0.key) }
        if let account = status?.account, !names.contains(account) { status = nil }
        refreshAllBatch?.pending.formIntersection(names)
    }
}

/// A line for the status bar, e.g. "logged in to prod-wme"; it fades after a while.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var role: Role
    var shownAt: Date
    /// The account the message is about, if one.
    var account: String?

    static let lifetime: TimeInterval = 10

    func isVisible(at now: Date) -> Bool {
        now.timeIntervalSince(shownAt) < Self.lifetime
    }
}

/// An `R` in progress: the accounts still refreshing and the tally of those done.
struct RefreshAllBatch: Equatable, Sendable {
    var pending: Set<String>
    var succeeded = 0
    var failed = 0

    /// "refreshed 3 accounts" or "refresh all: 2 succeeded, 1 failed".
    var summary: (text: String, role: Role) {
        if failed == 0 { return ("refreshed \(succeeded) account\(succeeded == 1 ? "" : "s")", .success) }
        return ("refresh all: \(succeeded) succeeded, \(failed) failed", succeeded == 0 ? .danger : .warning)
    }
}
