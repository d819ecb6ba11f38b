import Foundation

/// RFC 3339 instants as providers write them: `2024-01-15T10:30:00Z`, with or without fractional
/// seconds, `Z` or a numeric offset. The one place tokenman reads and writes such text.
///
/// `Date.ISO8601FormatStyle` rather than `ISO8601DateFormatter`: the style is a Sendable value
/// that can be shared, and it does not load ICU, which made each formatter cost the cached
/// `tokenman token` path several milliseconds.
public enum RFC3339 {
    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Accepts whole or fractional seconds and any offset; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return try? whole.parse(trimmed)
    }

    /// UTC with a `Z`; milliseconds when `fractionalSeconds` (the token store keeps them).
    public static func format(_ date: Date, fractionalSeconds: Bool = false) -> String {
        date.formatted(fractionalSeconds ? fractional : whole)
    }
}
