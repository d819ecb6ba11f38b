import AuthEngine
import Foundation
import Testing
@testable import TokenManager

/// With the store's file watched, a change on disk is read at once and the 10-second poll
/// gives way to a slow one; without a watch the poll stays.
@Suite struct StoreWatchTests {
    /// A wall-clock instant whose whole seconds since 1970 are `seconds`.
    private func instant(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    @Test func aChangeOnDiskIsReadAtOnce() {
        var model = Fixture.model()
        model.watchesStore = true
        #expect(AppUpdate.update(&model, .storeChangedOnDisk) == [.reloadStore])
    }

    @Test func anUnwatchedStoreIsPolledEveryTenSeconds() {
        var model = Fixture.model()
        model.watchesStore = false
        #expect(AppUpdate.update(&model, .ticked(instant(1_800_000_010))).contains(.reloadStore))
        #expect(!AppUpdate.update(&model, .ticked(instant(1_800_000_011))).contains(.reloadStore))
    }

    @Test func aWatchedStoreIsPolledOnlyRarely() {
        var model = Fixture.model()
        model.watchesStore = true
        let polls = (1_800_000_000..<1_800_000_240).filter { AppUpdate.update(&model, .ticked(instant($0))).contains(.reloadStore) }
        #expect(polls == [1_800_000_000, 1_800_000_120])
    }
}
