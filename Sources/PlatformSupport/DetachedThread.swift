import CheckedNumbers
#if canImport(Glibc)
import Glibc
#endif

/// Runs a closure on a new detached POSIX thread: for blocking work (a libcurl transfer, a
/// `poll`/`waitpid` loop, the UI's key wait) that must stay off Swift's small cooperative pool.
/// Foundation's `Thread` did this before; it is the one thing that module was linked for here,
/// and linking it costs every process start CoreFoundation's initialisation (issue 13).
public enum DetachedThread {
    /// Starts `body` on its own thread. `stackSize` in bytes (nil: the system default, the
    /// process's stack limit). Returns 0, or pthread_create's error number when the system
    /// refuses a thread (then `body` never runs).
    @discardableResult
    public static func start(name: String? = nil, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) -> Int32 {
        let box = Unmanaged.passRetained(ThreadBody(name: name, body: body))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize, stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let body = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
            if let name = body.name, let setName = DetachedThread.setName {
                // Linux limits thread names to 15 bytes; a longer name is refused, not cut.
                _ = setName(pthread_self(), String(decoding: name.utf8.prefix(15), as: UTF8.self))
            }
            body.body()
            return nil
        }, box.toOpaque())
        if result != 0 { box.release() }
        return result
    }

    /// Blocks the calling thread for `seconds` (nothing for zero, negative or NaN), resuming
    /// after signals.
    public static func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        let whole = Int(clamping: seconds, rounding: .down)
        let nanoseconds = Int(clamping: (seconds - Double(whole)) * 1_000_000_000, rounding: .down)
        var request = timespec(tv_sec: whole, tv_nsec: nanoseconds)
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }
}

extension DetachedThread {
    typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32

    /// glibc's `pthread_setname_np`, which Swift's Glibc module does not declare (it is a GNU
    /// extension); found once through the dynamic linker. Names show in `top -H` and debuggers.
    static let setName: SetName? = {
        // RTLD_DEFAULT is the null handle in glibc.
        guard let symbol = dlsym(nil, "pthread_setname_np") else { return nil }
        return unsafeBitCast(symbol, to: SetName.self)
    }()
}

private final class ThreadBody: Sendable {
    let name: String?
    let body: @Sendable () -> Void
    init(name: String?, body: @escaping @Sendable () -> Void) {
        self.name = name
        self.body = body
    }
}
