import Foundation

/// Reads from a file descriptor with `read(2)`: up to a limit, retrying when a signal interrupts the read
/// (Foundation's readers take an interrupted read for the end of the input).
package enum RawInput {
    /// At most `limit` bytes, until the end of the input.
    /// - Throws: `SpeckitError.unreadable` naming `source` when the descriptor cannot be read.
    package static func read(_ descriptor: Int32, limit: Int, source: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count > 0 {
                bytes += chunk[..<count]
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw SpeckitError.unreadable(source, reason: String(cString: strerror(errno)))
            }
        }
        return bytes
    }
}
