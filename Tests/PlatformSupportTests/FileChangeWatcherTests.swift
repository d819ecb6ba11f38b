import Foundation
import PlatformSupport
import Synchronization
import Testing

/// The store watch the TUI uses instead of re-reading `tokens.json` every few seconds: it must
/// see a replace by rename (how the store is written) and a write in place, ignore other files
/// of the directory, answer a burst once, and go quiet when stopped.
@Suite struct FileChangeWatcherTests {
    private final class Calls: Sendable {
        let count = Atomic(0)
        let signal = DispatchSemaphore(value: 0)

        func record() {
            count.add(1, ordering: .relaxed)
            signal.signal()
        }

        func waitForOne(seconds: Double = 5) -> Bool {
            signal.wait(timeout: .now() + seconds) == .success
        }
    }

    private func makeDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tokenman-watch-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` with a fresh directory watched for `tokens.json` and the calls it reported.
    private func watching(settle: Duration = .milliseconds(10), _ body: (String, Calls) throws -> Void) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let calls = Calls()
        let watcher = try #require(FileChangeWatcher(directory: directory, fileName: "tokens.json", settle: settle) { calls.record() })
        defer { watcher.stop() }
        try body(directory, calls)
    }

    @Test func aReplaceByRenameAndAWriteInPlaceAreSeen() throws {
        try watching { directory, calls in
            try Data("new".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json.tmp"))
            #expect(rename(directory + "/tokens.json.tmp", directory + "/tokens.json") == 0)
            #expect(calls.waitForOne())

            try Data("in place".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json"))
            #expect(calls.waitForOne())

            try FileManager.default.removeItem(atPath: directory + "/tokens.json")
            #expect(calls.waitForOne())
        }
    }

    @Test func otherFilesOfTheDirectoryAreIgnored() throws {
        try watching { directory, calls in
            try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.lock"))
            try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json.bak"))
            try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.jso"))
            #expect(!calls.waitForOne(seconds: 0.5))
            // Still watching: the file itself is seen after the others.
            try Data("y".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json"))
            #expect(calls.waitForOne())
        }
    }

    @Test func aBurstOfWritesIsAnsweredOnce() throws {
        try watching(settle: .milliseconds(300)) { directory, calls in
            for index in 0..<20 {
                try Data("\(index)".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json"))
            }
            #expect(calls.waitForOne())
            #expect(!calls.waitForOne(seconds: 0.6))
            #expect(calls.count.load(ordering: .relaxed) == 1)
        }
    }

    @Test func nothingIsReportedAfterStop() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let calls = Calls()
        let watcher = try #require(FileChangeWatcher(directory: directory, fileName: "tokens.json", settle: .milliseconds(10)) { calls.record() })
        watcher.stop()
        watcher.stop()
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/tokens.json"))
        #expect(!calls.waitForOne(seconds: 0.5))
    }

    @Test func aMissingDirectoryCannotBeWatched() {
        #expect(FileChangeWatcher(directory: "/nonexistent/tokenman-\(UUID().uuidString)", fileName: "tokens.json") { } == nil)
    }
}
