/// A rectangle of the canvas and what a widget drew there, so a mouse click can be mapped
/// to a table row or a form field by the very layout that drew the frame: the app renders
/// the view and asks `canvas.hitTarget(at:)` instead of repeating the layout's numbers.
public struct HitRegion: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// A table's row, by its index among all rows (not only the visible ones).
        case tableRow(Int)
        /// A form's field, by its id.
        case formField(String)
    }

    public var rect: Rect
    public var target: Target
}

extension Canvas {
    /// Records that `target` was drawn in `rect` (clipped to the canvas; empty rectangles
    /// are not recorded).
    public mutating func markHitRegion(_ rect: Rect, _ target: HitRegion.Target) {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return }
        hitRegions.append(HitRegion(rect: clipped, target: target))
    }

    /// What was drawn last at `point` (later drawing is on top), nil for nothing marked.
    public func hitTarget(at point: Point) -> HitRegion.Target? {
        hitRegions.last { $0.rect.contains(point) }?.target
    }
}
