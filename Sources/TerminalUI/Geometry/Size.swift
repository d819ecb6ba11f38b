/// A terminal size in character cells. Negative values are clamped to zero so that a
/// terminal reporting nonsense (0 rows while resizing, -1 on error) can never crash a layout.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "\(width)x\(height)" }
}

/// A cell position: `x` is the column, `y` the row, both from the top-left corner (0, 0).
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)
}
