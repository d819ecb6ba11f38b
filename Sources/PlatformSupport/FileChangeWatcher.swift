import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells when one file in a directory is written, replaced or removed, through inotify, on a
/// thread of its own that sleeps in `poll` until then: the TUI learns at once that another
/// process logged in or renewed, and costs nothing while nobody does (polling the file every
/// few seconds started a thread and read the file each time, most of the UI's idle CPU).
///
/// Replacing by rename (how the token store is written) shows as `IN_MOVED_TO`, writing in
/// place as `IN_CLOSE_WRITE`. Events that come within `settle` of each other are reported
/// once: a burst of writes costs one reaction.
public final class FileChangeWatcher: Sendable {
    private let inotifyDescriptor: Int32
    /// Written to by `stop()` to end the thread's `poll`.
    private let stopPipe: [Int32]
    private let stopped = Atomic<Bool>(false)

    /// Starts watching `fileName` in `directory`; nil when the directory cannot be watched
    /// (it does not exist yet, no inotify, the watch limit is reached): callers poll instead.
    public init?(directory: String, fileName: String, settle: Duration = .milliseconds(50), onChange: @escaping @Sendable () -> Void) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)
        var ends: [Int32] = [-1, -1]
        guard inotify_add_watch(descriptor, directory, mask) >= 0, CloseOnExecPipe.make(&ends) else {
            close(descriptor)
            return nil
        }
        inotifyDescriptor = descriptor
        stopPipe = ends
        let settleSeconds = Double(settle.components.seconds) + Double(settle.components.attoseconds) / 1e18
        let watched = Array(fileName.utf8)
        let started = DetachedThread.start(name: "tokenman-watch") { [descriptor, ends] in
            Self.watch(descriptor: descriptor, stopDescriptor: ends[0], fileName: watched, settleSeconds: settleSeconds, onChange: onChange)
            close(descriptor)
            close(ends[0])
        }
        guard started == 0 else {
            close(descriptor)
            close(ends[0])
            close(ends[1])
            return nil
        }
    }

    /// Ends the watch; `onChange` is not called after the thread sees this (a call already
    /// under way finishes).
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
        close(stopPipe[1])
    }

    deinit {
        stop()
    }

    private static func watch(descriptor: Int32, stopDescriptor: Int32, fileName: [UInt8], settleSeconds: Double, onChange: @Sendable () -> Void) {
        while true {
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[1].revents != 0 { return }
            guard descriptors[0].revents & Int16(POLLIN) != 0 else { return }
            var touched = drainEvents(descriptor, naming: fileName)
            guard touched.matched || touched.watchEnded else { continue }
            // Let a burst finish, then answer it once.
            DetachedThread.sleep(seconds: settleSeconds)
            let later = drainEvents(descriptor, naming: fileName)
            touched.watchEnded = touched.watchEnded || later.watchEnded
            var stop = pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&stop, 1, 0) > 0 { return }
            onChange()
            // The directory itself went away or moved: nothing more will come from this watch.
            if touched.watchEnded { return }
        }
    }

    /// Reads every queued event; whether one named `fileName`, and whether the watch ended.
    private static func drainEvents(_ descriptor: Int32, naming fileName: [UInt8]) -> (matched: Bool, watchEnded: Bool) {
        var matched = false
        var ended = false
        let headerSize = MemoryLayout<inotify_event>.size
        var buffer = [UInt8](repeating: 0, count: 4096 + 256)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset + headerSize <= count {
                let (mask, nameLength) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self), Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameStart = offset + headerSize
                let nameEnd = min(count, nameStart + nameLength)
                // The name is NUL-padded to the record's length.
                let name = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
                if name.elementsEqual(fileName) { matched = true }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW) != 0 {
                    // An overflow lost events: the file may have changed.
                    matched = true
                    if mask & UInt32(IN_Q_OVERFLOW) == 0 { ended = true }
                }
                offset = nameStart + nameLength
            }
        }
        return (matched, ended)
    }
}
