import Glibc
import Testing
@testable import PlatformSupport

@Suite struct ChildProcessTests {
    @Test func inputGoesInAndOutputComesBack() {
        let outcome = ChildProcess.run("/bin/sh", ["-c", "tr a-z A-Z"], input: Array("token-abc".utf8), collectOutput: false)
        #expect(outcome.status == 0)
        #expect(outcome.output.isEmpty)
        let echoed = ChildProcess.run("sh", ["-c", "printf 'out'; printf 'err' >&2; exit 3"], input: nil, collectOutput: true)
        #expect(echoed.status == 3)
        #expect(String(decoding: echoed.output, as: UTF8.self) == "out")
        let both = ChildProcess.run("sh", ["-c", "printf 'out'; printf 'err' >&2"], input: nil, collectOutput: true, includeErrors: true)
        #expect(String(decoding: both.output, as: UTF8.self) == "outerr")
    }

    @Test func programsAreLookedUpThroughPATH() {
        #expect(ChildProcess.run("true", [], input: nil, collectOutput: false).status == 0)
        #expect(ChildProcess.run("false", [], input: nil, collectOutput: false).status == 1)
        #expect(ChildProcess.run("tokenman-no-such-program-here", [], input: nil, collectOutput: true).status == -1)
    }

    @Test func aChildThatExitsWithoutReadingDoesNotKillUs() {
        // 1 MiB into a pipe nobody reads: the write fails with EPIPE instead of SIGPIPE.
        let input = [UInt8](repeating: 0x41, count: 1 << 20)
        let outcome = ChildProcess.run("sh", ["-c", "exit 0"], input: input, collectOutput: false)
        #expect(outcome.status == 0)
    }

    @Test func aSignalledChildReportsTheSignal() {
        let outcome = ChildProcess.run("sh", ["-c", "kill -TERM $$"], input: nil, collectOutput: false)
        #expect(outcome.status == 128 + 15)
    }
}

@Suite struct DetachedThreadTests {
    @Test func runsTheBodyOnANamedThreadOfItsOwn() async {
        let name = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let started = DetachedThread.start(name: "tm-test-thread") {
                continuation.resume(returning: Self.currentThreadName())
            }
            #expect(started == 0)
        }
        #expect(name == "tm-test-thread")
    }

    /// The thread's name as Linux reports it.
    private static func currentThreadName() -> String {
        guard let file = fopen("/proc/thread-self/comm", "r") else { return "" }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 32)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
