import Testing
@testable import TokenManager

@Suite struct NaturalNameOrderTests {
    @Test func digitRunsCompareByValue() {
        #expect(NaturalNameOrder.precedes("acct-2", "acct-10"))
        #expect(!NaturalNameOrder.precedes("acct-10", "acct-2"))
        #expect(NaturalNameOrder.precedes("v9.9", "v9.10"))
        #expect(NaturalNameOrder.precedes("a1b2", "a1b10"))
    }

    @Test func caseIsIgnoredBeforeItBreaksTies() {
        #expect(NaturalNameOrder.precedes("alpha", "Beta"))
        #expect(NaturalNameOrder.precedes("Alpha", "beta"))
        // Equal but for case: byte order ("A" < "a"), so the order is total.
        #expect(NaturalNameOrder.precedes("Prod", "prod"))
        #expect(!NaturalNameOrder.precedes("prod", "Prod"))
    }

    @Test func leadingZerosOnlyBreakTies() {
        #expect(NaturalNameOrder.precedes("acct-007", "acct-8"))
        #expect(NaturalNameOrder.precedes("acct-9", "acct-010"))
        #expect(NaturalNameOrder.compare("x01", "x1") != 0)
        #expect(NaturalNameOrder.compare("x01", "x01") == 0)
    }

    @Test func prefixesComeFirstAndNonASCIIComparesByScalar() {
        #expect(NaturalNameOrder.precedes("prod", "prod-eu"))
        #expect(NaturalNameOrder.precedes("", "a"))
        #expect(NaturalNameOrder.precedes("zeta", "ärger"))
        #expect(NaturalNameOrder.precedes("é1", "é2"))
    }

    @Test func hugeDigitRunsDoNotOverflow() {
        let big = "n" + String(repeating: "9", count: 400)
        #expect(NaturalNameOrder.precedes("n1", big))
        #expect(NaturalNameOrder.precedes(big, big + "0"))
    }

    @Test func sortingIsConsistentWithCompare() {
        let names = ["b10", "B2", "a", "A", "b02", "b2", "a-1", "a-01", "z", "ä", "10", "9"]
        let sorted = names.sorted(by: NaturalNameOrder.precedes)
        #expect(sorted == ["9", "10", "A", "a", "a-01", "a-1", "B2", "b02", "b2", "b10", "z", "ä"])
        for (x, y) in zip(sorted, sorted.dropFirst()) { #expect(NaturalNameOrder.compare(x, y) < 0) }
    }
}
