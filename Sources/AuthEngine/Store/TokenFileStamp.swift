import FoundationEssentials
import Glibc

/// What identifies one version of `tokens.json` without reading it: device, inode, size and
/// modification time to the nanosecond. Every write replaces the file by `rename`, so a new
/// version has a new inode even when size and time repeat; a reader that saw this stamp last
/// time can skip reading and decoding the file.
public struct TokenFileStamp: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    /// No file (the store is empty).
    public static let missing = TokenFileStamp(device: 0, inode: 0, size: -1, modifiedSeconds: 0, modifiedNanoseconds: 0)

    public init(device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ info: stat) {
        self.init(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(truncatingIfNeeded: info.st_size),
            modifiedSeconds: Int64(truncatingIfNeeded: info.st_mtim.tv_sec), modifiedNanoseconds: Int64(truncatingIfNeeded: info.st_mtim.tv_nsec))
    }
}
