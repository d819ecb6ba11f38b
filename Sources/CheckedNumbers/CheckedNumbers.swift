import FoundationEssentials

// Every number that comes from outside (a provider's `expires_in`, a JWT's `exp`, `Retry-After`,
// a config duration, a flag) is a Double or a digit string of any size. `Int(someDouble)` traps
// when the value is out of range or NaN, and a `Date` billions of years away cannot be
// formatted or stored. These conversions never trap: they clamp, and say so in their names.
// A test (`CheckedConversionLintTests`) fails on any other `Int(…)` of a rounded or timed value.

extension Int {
    /// `value` rounded with `rule`, clamped to `Int`'s range; 0 for NaN.
    public init(clamping value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        guard !value.isNaN else { self = 0; return }
        let rounded = value.rounded(rule)
        // Double(Int.max) rounds up to 2^63, which is already out of range: compare with >=.
        if rounded >= Double(Int.max) { self = .max; return }
        if rounded <= Double(Int.min) { self = .min; return }
        self = Int(exactly: rounded) ?? 0
    }
}

extension Date {
    /// 0001-01-01T00:00:00Z as Foundation writes and reads it (its calendar is Julian before
    /// 1582, so this is two days before the proleptic Gregorian instant): the first instant
    /// RFC 3339 text (four-digit years) can hold.
    public static let earliestStorable = Date(timeIntervalSince1970: -62_135_769_600)
    /// 9999-12-31T23:59:59Z: the last instant RFC 3339 text can hold.
    public static let latestStorable = Date(timeIntervalSince1970: 253_402_300_799)

    /// `seconds` since 1970 (a JWT NumericDate, say), clamped to years 0001–9999; nil for NaN.
    public init?(clampingSecondsSince1970 seconds: Double) {
        guard !seconds.isNaN else { return nil }
        let low = Date.earliestStorable.timeIntervalSince1970
        let high = Date.latestStorable.timeIntervalSince1970
        self.init(timeIntervalSince1970: Swift.min(Swift.max(seconds, low), high))
    }

    /// This instant moved into years 0001–9999 if it lies outside; a NaN instant (not a time
    /// at all) becomes the earliest, which reads as long expired: the safe side for an expiry.
    public var clampedToStorable: Date {
        guard !timeIntervalSince1970.isNaN else { return .earliestStorable }
        return Swift.min(Swift.max(self, .earliestStorable), .latestStorable)
    }

    /// `self + interval`, clamped to years 0001–9999 (NaN adds nothing). Added as
    /// `addingTimeInterval` does, so an in-range result is exactly `self + interval` (a detour
    /// through seconds since 1970 would round it).
    public func adding(clamped interval: TimeInterval) -> Date {
        guard !interval.isNaN else { return self }
        return addingTimeInterval(interval).clampedToStorable
    }
}
