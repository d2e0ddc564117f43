import Foundation

/// Writes straight to a file descriptor with `write(2)`, whole: partial writes are continued, EINTR retried,
/// and a non-blocking descriptor waited on. A reader that went away is not an error here (SIGPIPE is
/// ignored where that matters): the text is dropped, never a crash.
package enum RawOutput {
    /// Returns false when the text could not be written (the descriptor is closed, the disk is full…).
    @discardableResult
    package static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written >= 0 {
                bytes = bytes.dropFirst(written)
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 1000)
            default:
                return false
            }
        }
        return true
    }
}
