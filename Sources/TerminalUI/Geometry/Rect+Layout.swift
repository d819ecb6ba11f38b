/// How much of a split one part takes. Fixed parts are served first, in order, then the
/// remaining space is shared between `.fill` parts by weight (the remainder of the integer
/// division goes to the first fill parts, so the parts always add up to the whole).
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly `n` cells (or whatever is left when space runs out).
    case fixed(Int)
    /// A percentage of the total length, rounded down.
    case percent(Int)
    /// A share of what the fixed and percentage parts leave over.
    case fill(weight: Int = 1)

    public static let fill = LayoutConstraint.fill(weight: 1)
}

extension Rect {
    /// Splits into horizontal bands stacked top to bottom, e.g. header / body / footer:
    /// `let parts = screen.splitRows([.fixed(1), .fill, .fixed(1)])`.
    public func splitRows(_ constraints: [LayoutConstraint]) -> [Rect] {
        var top = y
        return Rect.lengths(for: constraints, total: height).map { length in
            defer { top += length }
            return Rect(x: x, y: top, width: width, height: length)
        }
    }

    /// Splits into vertical strips laid out left to right, e.g. a list beside a detail pane.
    public func splitColumns(_ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
        let gaps = max(0, spacing) * max(0, constraints.count - 1)
        let usable = max(0, width - gaps)
        var left = x
        return Rect.lengths(for: constraints, total: usable).map { length in
            defer { left += length + max(0, spacing) }
            return Rect(x: left, y: y, width: length, height: height)
        }
    }

    /// Lengths for `constraints` that never exceed `total` and never go negative.
    static func lengths(for constraints: [LayoutConstraint], total: Int) -> [Int] {
        var remaining = max(0, total)
        var lengths = Array(repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .fixed(let n): wanted = max(0, n)
            case .percent(let p): wanted = max(0, total) * min(max(0, p), 100) / 100
            case .fill: continue
            }
            lengths[index] = min(wanted, remaining)
            remaining -= lengths[index]
        }
        let weights = constraints.map { constraint -> Int in
            if case .fill(let weight) = constraint { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return lengths }
        var leftover = remaining
        for index in constraints.indices where weights[index] > 0 {
            lengths[index] = remaining * weights[index] / totalWeight
            leftover -= lengths[index]
        }
        for index in constraints.indices where weights[index] > 0 && leftover > 0 {
            lengths[index] += 1
            leftover -= 1
        }
        return lengths
    }
}
