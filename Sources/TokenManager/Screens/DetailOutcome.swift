/// What the details screen's update may read besides its own state.
struct DetailContext: Equatable, Sendable {
    /// How many lines the screen has for its account now.
    var lineCount: Int
    var bodyHeight: Int
}

/// What a key on the details screen asks of the app; scrolling and revealing stay in the
/// screen's own state.
enum DetailOutcome: Equatable, Sendable {
    case stay
    case back
    case quit
    case showHelp
    case copy
    case login
    case forgotPassword
    case changePassword
}
