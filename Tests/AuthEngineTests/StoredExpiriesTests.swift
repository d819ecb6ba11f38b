import Foundation
import Testing
@testable import AuthEngine

/// `StoredExpiries.of` finds each account's entry by binary search in a store written in name
/// order and through an index otherwise: either way the answer a dictionary of the entries (the
/// last entry of a name winning) gives.
@Suite struct StoredExpiriesTests {
    static func expiry(_ seconds: Double) -> StoredExpiry {
        .expiry(TokenExpiry(accessExpiresAt: Date(timeIntervalSince1970: seconds), accessExpirySource: .expiresIn, hasRefreshToken: false, refreshExpiresAt: nil, refreshExpirySource: .unknown, hasIDToken: false, obtainedAt: Date(timeIntervalSince1970: 0)))
    }

    static func byDictionary(_ names: [String], _ entries: [StoredExpiry], _ accounts: [String]) -> [StoredExpiry] {
        let last = Dictionary(zip(names, entries), uniquingKeysWith: { _, later in later })
        return accounts.map { last[$0] ?? StoredExpiry.none }
    }

    @Test func namesInOrderAreFoundWithoutAnIndex() {
        let e = Self.expiry
        let sorted = StoredExpiries(names: ["a", "b", "c", "é"], entries: [e(1), e(2), .unreadable("x"), e(4)])
        #expect(sorted.of(["a", "b", "c", "é"]) == [e(1), e(2), .unreadable("x"), e(4)])
        #expect(sorted.of(["é", "c", "zz", "a", "", "b", "b"]) == [e(4), .unreadable("x"), .none, e(1), .none, e(2), e(2)])
        // A canonically equivalent spelling, as a dictionary (String equality) finds it.
        #expect(sorted.of(["e\u{301}"]) == [e(4)])
        #expect(StoredExpiries().of(["a"]) == [StoredExpiry.none])
        #expect(sorted.of([]) == [])
    }

    @Test func namesOutOfOrderOrRepeatedUseTheLastEntry() {
        let e = Self.expiry
        #expect(StoredExpiries(names: ["b", "a", "b", "c"], entries: [e(1), e(2), e(3), e(4)]).of(["a", "b", "c", "d"]) == [e(2), e(3), e(4), .none])
        #expect(StoredExpiries(names: ["a", "a"], entries: [e(1), e(2)]).of(["a"]) == [e(2)])
    }

    @Test func anyStoreAnswersAsADictionaryOfItsEntries() {
        var generator = SystemRandomNumberGenerator()
        let pool = (0..<30).map { "acct-\($0 * 7 % 30)" } + ["", "é", "e\u{301}", "Z", "a b"]
        for round in 0..<300 {
            var names = (0..<Int.random(in: 0...25, using: &generator)).map { _ in pool.randomElement(using: &generator) ?? "" }
            if round % 2 == 0 { names = Array(Set(names)).sorted() }
            let entries = names.indices.map { Self.expiry(Double($0)) }
            let accounts = (0..<20).map { _ in pool.randomElement(using: &generator) ?? "" }
            let expiries = StoredExpiries(names: names, entries: entries)
            #expect(expiries.of(accounts) == Self.byDictionary(names, entries, accounts), "\(names) \(accounts)")
            #expect(expiries.of(names.sorted()) == Self.byDictionary(names, entries, names.sorted()))
        }
    }
}
