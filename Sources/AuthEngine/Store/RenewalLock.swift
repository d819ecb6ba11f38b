import CheckedNumbers
import FoundationEssentials
import PlatformSupport
import Glibc

/// The per-account lock a renewal holds across its network call, so that one account is
/// renewed by one process at a time: the TUI's scheduler and every CLI command alike.
///
/// One lock file per account under `locks/` in the state directory (named by the hex of the
/// account name, so any name is a safe file name); `flock`, so a crashed holder releases it.
/// Waiting polls a non-blocking `flock` with `Task.sleep` in between: a waiter holds no thread
/// of the cooperative pool, and the wait is bounded by `timeout`.
/// Readers of valid tokens never take it: the cached path stays a single read.
enum RenewalLock {
    static func path(for account: String, in directory: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let hex = String(decoding: account.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
        return PathText.join(directory, "locks/\(hex).lock")
    }

    /// Takes the lock of `account`, waiting at most `timeout` seconds for another holder.
    static func acquire(account: String, directory: String, timeout: TimeInterval) async throws(AuthError) -> AdvisoryFileLock {
        let path = path(for: account, in: directory)
        let lockDirectory = PathText.deletingLastComponent(path)
        if mkdir(lockDirectory, 0o700) != 0, errno != EEXIST {
            throw .storage("\(lockDirectory): mkdir failed: \(currentErrnoDescription())")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt64 = 2_000_000
        while true {
            let lock: AdvisoryFileLock?
            do {
                lock = try AdvisoryFileLock.attempt(path: path)
            } catch {
                throw .storage(error.description)
            }
            if let lock { return lock }
            if Date() >= deadline {
                throw .storage("another tokenman process has been renewing account \(account) for over \(Int(clamping: timeout)) s (lock \(path)); try again")
            }
            do {
                try await Task.sleep(nanoseconds: pause)
            } catch {
                throw .cancelled
            }
            // 2 ms doubling to 50 ms: a waiter sees the holder's tokens soon after it stores
            // them, and twenty waiting processes still cost next to nothing.
            pause = min(pause * 2, 50_000_000)
        }
    }
}
