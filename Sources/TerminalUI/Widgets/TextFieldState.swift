/// The editing state of a single-line text field, as a value. All editing operations are
/// pure mutations, so `update` can apply them and tests can check them without a terminal.
///
/// The cursor counts characters (grapheme clusters), from 0 (before the first) to
/// `characters.count` (after the last).
public struct TextFieldState: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    /// Shown as bullets (passwords, secrets).
    public var isMasked: Bool
    /// A masked field the user chose to show in clear (toggled by `toggleReveal()`).
    public var isRevealed: Bool

    public init(_ text: String = "", masked: Bool = false) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.isMasked = masked
        self.isRevealed = false
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// What the field displays: bullets for a masked, unrevealed field.
    public var displayText: String {
        isMasked && !isRevealed ? String(repeating: "•", count: characters.count) : text
    }

    // MARK: Editing

    public mutating func insert(_ text: String) {
        // Pasted newlines or tabs would be invisible in a one-line field: drop them.
        let clean = text.filter { !$0.isNewline && $0 != "\t" }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    /// Ctrl-U, as in readline and shells: deletes everything before the cursor (with the
    /// cursor at the end, the usual case, that clears the field).
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-W: deletes the word before the cursor, and the spaces between it and the cursor.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    public mutating func toggleReveal() {
        isRevealed.toggle()
    }

    /// Applies an editing key. Returns `false` for keys the field does not use (Tab, Enter,
    /// Esc, arrows up/down…), so the caller can handle them.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(c)
        case .backspace: backspace()
        case .delete, .control("d"): deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .home, .control("a"): moveToStart()
        case .end, .control("e"): moveToEnd()
        case .control("u"): deleteToStart()
        case .control("w"): deleteWordBackward()
        default: return false
        }
        return true
    }
}
