/// One character cell of a `Canvas`.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the character,
/// the second is a *continuation* cell that the backend skips (the terminal fills it).
public struct Cell: Hashable, Sendable {
    /// The grapheme shown in this cell (a space for blank cells). `Character` keeps small
    /// graphemes inline, so cells do not allocate.
    public var character: Character
    public var role: Role
    public var attributes: TextAttributes
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: Role = .text, attributes: TextAttributes = [], isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.attributes = attributes
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
