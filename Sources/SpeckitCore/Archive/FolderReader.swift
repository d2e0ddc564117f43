import Foundation

/// Reads the files below one folder without following a symbolic link anywhere on the way: each folder is
/// opened from the one above it with `O_NOFOLLOW`, and so is the file, so a file or folder swapped for a link
/// after the walk looked at it is refused instead of read through (`speckit pack`).
final class FolderReader {
    /// The folder, as given.
    let path: String
    private let root: Int32

    /// Opens `path` (a link named here is the caller's choice, and is followed).
    init(_ path: String) throws {
        root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw SpeckitError.unreadable(path, reason: String(cString: strerror(errno))) }
        self.path = path
    }

    deinit { close(root) }

    /// The bytes of the regular file at `inside` (the components of its path below the folder).
    /// - Throws: `SpeckitError.unreadable` naming the component that is a link, not a folder, not a regular
    ///   file or cannot be opened; `.fileTooLarge` past `maxBytes`.
    func read(_ inside: [Substring], maxBytes: Int) throws -> [UInt8] {
        guard let last = inside.last else { throw SpeckitError.unreadable(path, reason: "not a file") }
        var folder = dup(root)
        var shown = path
        defer { if folder >= 0 { close(folder) } }
        for name in inside.dropLast() {
            shown = join(shown, name)
            let next = openat(folder, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw refusal(shown, errno) }
            close(folder)
            folder = next
        }
        shown = join(shown, last)
        // Non-blocking, so a FIFO put in a file's place cannot hang the open.
        let file = openat(folder, String(last), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { throw refusal(shown, errno) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SpeckitError.unreadable(shown, reason: "not a regular file (a FIFO, socket or device); it cannot be packed")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw SpeckitError.unreadable(shown, reason: String(cString: strerror(errno)))
            }
            bytes += chunk.prefix(count)
            if bytes.count > maxBytes {
                throw SpeckitError.fileTooLarge(shown, bytes: max(Int(info.st_size), bytes.count), limit: maxBytes)
            }
        }
        return bytes
    }

    /// A path below `folder` as the walk spells it (`x`, not `./x`).
    private func join(_ folder: String, _ name: Substring) -> String {
        folder == "." ? String(name) : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// What an `openat` failure with `code` means for the path `shown`.
    private func refusal(_ shown: String, _ code: Int32) -> SpeckitError {
        if FileKind.isLink(shown) || code == ELOOP {
            return .unreadable(shown, reason: "a symbolic link (it appeared after the kit was walked); pack does not follow links")
        }
        if code == ENOTDIR { return .unreadable(shown, reason: "no longer a folder (it changed while the kit was packed)") }
        return .unreadable(shown, reason: String(cString: strerror(code)))
    }
}
