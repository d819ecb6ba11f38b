import AuthEngine
import FoundationEssentials
import Glibc
import PlatformSupport

/// Notes for the person that must not go to the screen the UI owns (a state directory that
/// had to be tightened, a corrupt token file set aside): appended to `tokenman.log` in the
/// state directory. Never given secrets.
struct AppLog: Sendable {
    let path: String

    init(directory: String) {
        path = PathText.join(directory, "tokenman.log")
    }

    func write(_ line: String) {
        let stamped = "\(RFC3339.format(Date())) \(line)\n"
        // O_APPEND: each line lands whole at the end even when two processes log at once.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        DescriptorIO.writeAll(descriptor, Array(stamped.utf8))
    }
}
