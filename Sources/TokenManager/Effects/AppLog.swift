import AuthEngine
import Foundation

/// Notes for the person that must not go to the screen the UI owns (a state directory that
/// had to be tightened, a corrupt token file set aside): appended to `tokenman.log` in the
/// state directory. Never given secrets.
struct AppLog: Sendable {
    let path: String

    init(directory: String) {
        path = (directory as NSString).appendingPathComponent("tokenman.log")
    }

    func write(_ line: String) {
        let stamped = "\(RFC3339.format(Date())) \(line)\n"
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(stamped.utf8))
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(stamped.utf8), attributes: [.posixPermissions: 0o600])
        }
    }
}
