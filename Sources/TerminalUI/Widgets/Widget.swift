/// A view that draws itself into a rectangle of a canvas and nowhere else (ratatui's
/// `Widget`). Everything it needs is in the value, so screens compose widgets by splitting
/// rectangles, and a test renders one widget into a small canvas and compares the text.
public protocol Widget {
    func render(into canvas: inout Canvas, in rect: Rect)
}

extension TextField: Widget {}
extension Form: Widget {}
extension KeyHintBar: Widget {}
extension StatusLine: Widget {}
extension Table: Widget {}

extension HelpOverlay: Widget {
    public func render(into canvas: inout Canvas, in rect: Rect) {
        render(into: &canvas, in: rect, border: .unicode)
    }
}

extension ConfirmDialog: Widget {
    public func render(into canvas: inout Canvas, in rect: Rect) {
        render(into: &canvas, in: rect, border: .unicode)
    }
}
