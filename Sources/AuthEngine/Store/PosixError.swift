import FoundationEssentials
import Glibc

/// The text for the current `errno`, e.g. "Permission denied".
func currentErrnoDescription() -> String {
    String(cString: strerror(errno))
}
