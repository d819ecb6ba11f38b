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
        didSet {
            // Each account keeps its stored entry by name (the old rows still name the old positions).
            storedEntries = list.rows.entries(storedEntries, for: accounts)
            list.configChanged(accounts: accounts, catalog: catalog, entries: storedEntries)
        }
    }
    var catalog: ProviderCatalog {
        didSet { if catalog != oldValue { list.configChanged(accounts: accounts, catalog: catalog, entries: storedEntries) } }
    }
    /// What the token store holds for each account, parallel to `accounts`: its expiry, none, or
    /// a short reason its entry cannot be read (shown as such, not as "logged out": the entry
    /// stays in the file until a login replaces it). The store is the truth, this its last
    /// reading. Only expiries: an account's tokens are read when shown or copied (`openTokens`).
    private(set) var storedEntries: [StoredExpiry] = [] {
        didSet { list.noteTokensChanged() }
    }
    /// The tokens of the one account whose details (or copy menu, or a form opened from its
    /// details) are shown; nil otherwise. Kept current by `AppUpdate` (see `OpenTokens`).
    var openTokens: OpenTokens?
    /// A copy picked before the account's tokens were read: made when they arrive.
    var pendingCopy: PendingCopy?
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

    init(accounts: [AccountConfig], catalog: ProviderCatalog = ProviderCatalog(), now: Date) {
        self.accounts = accounts
        self.catalog = catalog
        self.storedEntries = [StoredExpiry](repeating: .none, count: accounts.count)
        self.now = now
        list.configChanged(accounts: accounts, catalog: catalog, entries: storedEntries)
    }

    /// A model whose store holds `tokens` (tests).
    init(accounts: [AccountConfig], catalog: ProviderCatalog = ProviderCatalog(), tokens: [String: TokenSet], now: Date) {
        self.init(accounts: accounts, catalog: catalog, now: now)
        storedEntries = AccountExpiries(names: accounts.map(\.name), tokens: tokens).entries
        list.configChanged(accounts: accounts, catalog: catalog, entries: storedEntries)
    }

    // MARK: Stored tokens

    /// What the store holds for `name` (`.none` when it is not configured).
    func storedEntry(of name: String) -> StoredExpiry {
        list.rows.position(of: name).map { storedEntries[$0] } ?? .none
    }

    /// When `name`'s stored tokens expire; nil when it has none (or they cannot be read).
    func expiry(of name: String) -> TokenExpiry? {
        if case .expiry(let expiry) = storedEntry(of: name) { return expiry }
        return nil
    }

    /// Whether `name` has stored tokens (it is logged in).
    func hasTokens(_ name: String) -> Bool {
        expiry(of: name) != nil
    }

    /// Why `name`'s stored entry cannot be read, if it cannot.
    func unreadableReason(of name: String) -> String? {
        if case .unreadable(let reason) = storedEntry(of: name) { return reason }
        return nil
    }

    /// `name`'s tokens changed in this process (a login, renewal or logout: nil): the list's
    /// entry, and the open tokens when they are that account's.
    mutating func setTokens(_ tokens: TokenSet?, of name: String) {
        if let position = list.rows.position(of: name) {
            storedEntries[position] = tokens.map { .expiry(TokenExpiry($0)) } ?? .none
        }
        if openTokens?.account == name {
            // A load under way read the store before this change: its answer is dropped.
            openTokens = OpenTokens(account: name, reading: .success(tokens), requestID: makeRequestID())
        }
    }

    /// A reading of the whole store (the first frame's, or a poll's after another process wrote).
    mutating func applyStoreReading(_ reading: AccountExpiries) {
        if reading.names.count == accounts.count, zip(reading.names, accounts).allSatisfy({ $0 == $1.name }) {
            storedEntries = reading.entries
        } else {
            // Read for another config (one saved meanwhile): matched by name.
            let byName = Dictionary(zip(reading.names, reading.entries), uniquingKeysWith: { first, _ in first })
            storedEntries = accounts.map { byName[$0.name] ?? .none }
        }
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
        list.refreshTokens(storedEntries, changedAccount: account)
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
