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

    /// The parameters a step or `generate --params` is given: the file at `path` (a pipe such as `<(…)` or a
    /// device too, never a folder) or stdin for `-`, read to at most `limit` + 1 bytes (an endless input is
    /// never read to its end; more than `limit` is the caller's to refuse).
    /// - Throws: `SpeckitError.pathNotFound`, or `.unreadable` for a folder or a file that cannot be opened.
    package static func parameters(_ path: String, limit: Int) throws -> [UInt8] {
        if path == "-" { return try read(STDIN_FILENO, limit: limit + 1, source: "stdin") }
        switch FileKind.followed(path) {
        case .missing: throw SpeckitError.pathNotFound(path)
        case .folder: throw SpeckitError.unreadable(path, reason: "a folder; expected a file of parameters")
        default: break
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SpeckitError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try read(descriptor, limit: limit + 1, source: path)
    }

    /// The bytes of the regular file at `path` when it can be read and holds at most `limit` bytes; nil for a
    /// missing file, a folder, a FIFO or device, or one that grew past the limit.
    package static func regularFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard let bytes = try? read(descriptor, limit: limit + 1, source: path), bytes.count <= limit else { return nil }
        return bytes
    }
}
