import Foundation

/// Rewrites an existing file from its own bytes (what `speckit fix` does) so that nothing another process
/// appends to it meanwhile is lost, and the file stays what it was: its owner, group and permissions, and its
/// one name.
///
/// - The file is opened without following a link (`OutputGuard` refuses links) and must be a regular file
///   with one name. A file with other hard links is refused: a rewrite replaces the file whole, which would
///   part it from them, and rewriting it in place could be left half done by a kill.
/// - `flock` on the file: one fix of it at a time.
/// - A read lease (`F_SETLEASE`) from before the read until after the rename: a process that opens the file
///   to write meanwhile waits (up to the kernel's `lease-break-time`, 45 s by default). A process that has it
///   open for writing already keeps fix from taking the lease: fix waits for it and tries again, then
///   refuses.
/// - Right before the rename, the file must be as it was read (size, modification and change times, the
///   inode at its name); if not, the new file is dropped and fix starts over, then refuses. A refusal leaves
///   the file as it is.
/// - A writer that waited on the lease found the old file: once the lease is let go, it writes there.
///   What it appends is carried over to the end of the new file. (Only a writer that found the old file at
///   the very moment of the rename and then stalled inside `open(2)` for more than 3 ms could be missed.)
///
/// Without a lease (a file of another user when not root, or a file system that has none) the same checks
/// run right before the rename, and only a line written in the microseconds between them and the rename can
/// be lost.
package enum FileRewrite {
    /// Rewrites `path` with `transform` of its bytes (nil: leave it alone). Returns whether it was rewritten.
    /// - Throws: `SpeckitError.cannotWrite` naming `path` when it is refused (left as it is), `unreadable` or
    ///   `fileTooLarge` when it cannot be read.
    @discardableResult
    package static func rewrite(_ path: String, maxBytes: Int, attempts: Int = 5, _ transform: ([UInt8]) throws -> [UInt8]?)
        throws -> Bool
    {
        try OutputGuard.check(path)
        var busy = false
        for attempt in 1...attempts {
            if attempt > 1 { usleep(UInt32(20_000 * attempt)) }
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw SpeckitError.unreadable(path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var read = stat()
            guard fstat(descriptor, &read) == 0, (read.st_mode & S_IFMT) == S_IFREG else {
                throw SpeckitError.unreadable(path, reason: "not a regular file (a FIFO, socket or device)")
            }
            guard read.st_nlink <= 1 else {
                throw SpeckitError.cannotWrite(
                    path,
                    reason: "it has \(read.st_nlink) hard links, and fix replaces a file whole, which would part it from "
                        + "them; left alone (fix a copy, or remove the other links)")
            }
            guard lock(descriptor) else {
                throw SpeckitError.cannotWrite(path, reason: "another speckit has been rewriting it for 10 seconds; left alone")
            }
            let lease = Lease(descriptor)
            if lease.state == .busy {
                busy = true
                continue
            }
            busy = false
            let bytes = try RawInput.read(descriptor, limit: maxBytes + 1, source: path)
            guard bytes.count <= maxBytes else { throw SpeckitError.fileTooLarge(path, bytes: Int(read.st_size), limit: maxBytes) }
            guard let rewritten = try transform(bytes) else { return false }
            let pending = try PendingFile(replacing: path)
            do {
                try pending.keepOwner(uid: read.st_uid, gid: read.st_gid)
                try pending.write(rewritten)
                try pending.commit {
                    guard unchanged(descriptor, since: read, at: path), lease.state != .held || lease.protects else {
                        throw Changed()
                    }
                }
            } catch is Changed {
                pending.discard()
                continue
            } catch {
                pending.discard()
                throw error
            }
            try carryOver(descriptor, after: bytes.count, into: path, lease: lease)
            return true
        }
        let reason =
            busy
            ? "another process keeps it open for writing; left alone, run fix again once it is closed"
            : "it kept changing while fix worked (another process writes to it); left alone, run fix again when it is quiet"
        throw SpeckitError.cannotWrite(path, reason: reason)
    }

    private struct Changed: Error {}

    /// Waits up to 10 s for the file's `flock`.
    private static func lock(_ descriptor: Int32) -> Bool {
        for _ in 0..<1000 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            usleep(10_000)
        }
        return false
    }

    /// Whether the open file is still as it was read, and still the one at `path`.
    private static func unchanged(_ descriptor: Int32, since read: stat, at path: String) -> Bool {
        var now = stat()
        var named = stat()
        return fstat(descriptor, &now) == 0 && now.st_size == read.st_size
            && now.st_mtim.tv_sec == read.st_mtim.tv_sec && now.st_mtim.tv_nsec == read.st_mtim.tv_nsec
            && now.st_ctim.tv_sec == read.st_ctim.tv_sec && now.st_ctim.tv_nsec == read.st_ctim.tv_nsec
            && lstat(path, &named) == 0 && named.st_dev == read.st_dev && named.st_ino == read.st_ino
    }

    /// After the rename: a writer that found the old file before it (and waited on the lease, or, without a
    /// lease, was writing at that moment) writes into the old file. Once nobody has the old file open for
    /// writing, what was appended to it is appended to the new one.
    private static func carryOver(_ descriptor: Int32, after length: Int, into path: String, lease: Lease) throws {
        var quiet = true
        if lease.state == .held {
            quiet = lease.waitUntilNobodyWrites()
        } else {
            // Without a lease there is no knowing who still writes: a moment for one caught mid-line.
            usleep(10_000)
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) > length {
            var tail = [UInt8](repeating: 0, count: Int(info.st_size) - length)
            let count = tail.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(length)) }
            let output = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
            guard count > 0, output >= 0 else {
                throw SpeckitError.cannotWrite(
                    path, reason: "lines appended while fix replaced it could not be carried over: \(String(cString: strerror(errno)))")
            }
            defer { close(output) }
            var written = 0
            while written < count {
                let step = tail.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else {
                    throw SpeckitError.cannotWrite(
                        path, reason: "lines appended while fix replaced it could not be carried over: \(String(cString: strerror(errno)))")
                }
                written += step
            }
        }
        guard quiet else {
            throw SpeckitError.cannotWrite(
                path, reason: "a process still writes to the copy fix replaced; what it writes from now on does not reach the file")
        }
    }
}

/// A read lease on an open file (`fcntl(F_SETLEASE, F_RDLCK)`): while it is held, a process that opens the
/// file to write waits, and the holder can see that it does. It ends when the descriptor is closed. Linux
/// only; elsewhere there is none.
private struct Lease {
    enum State { case held, busy, unavailable }

    let descriptor: Int32
    let state: State
    /// When it was taken: the kernel breaks a lease `lease-break-time` seconds after a writer starts waiting.
    private let taken = Date()

    #if os(Linux)
        private static let setLease: Int32 = 1024
        private static let getLease: Int32 = 1025
        private static let setSignal: Int32 = 10
    #endif

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        #if os(Linux)
            // The kernel announces a writer with a signal to the holder: SIGURG, which is ignored unless a
            // handler is set, instead of SIGIO, which would end the process.
            _ = fcntl(descriptor, Self.setSignal, SIGURG)
            if fcntl(descriptor, Self.setLease, Int32(F_RDLCK)) == 0 {
                state = .held
            } else {
                state = errno == EAGAIN ? .busy : .unavailable
            }
        #else
            state = .unavailable
        #endif
    }

    /// Whether the lease still holds writers back: taken less than the kernel's `lease-break-time` ago (less a
    /// second), so a writer waiting on it is still waiting.
    var protects: Bool {
        let breakTime =
            (try? String(contentsOfFile: "/proc/sys/fs/lease-break-time", encoding: .utf8))
            .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 45
        return Date().timeIntervalSince(taken) < breakTime - 1
    }

    /// Lets waiting writers go, then waits (up to 5 s) until nobody has the file open for writing and nobody
    /// is on the way to; returns false when that did not happen.
    func waitUntilNobodyWrites() -> Bool {
        #if os(Linux)
            // A writer that found the file just before the rename is on its way to the lease: a moment for it
            // to get there (only one stalled longer than that inside open(2) could still miss it).
            usleep(3_000)
            guard fcntl(descriptor, Self.getLease) != Int32(F_RDLCK) else { return true }
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                _ = fcntl(descriptor, Self.setLease, Int32(F_UNLCK))
                usleep(2_000)
                // Refused while a writer has the file open; granted once every writer is done.
                guard fcntl(descriptor, Self.setLease, Int32(F_RDLCK)) == 0 else { continue }
                // A writer that found the file and is on its way in would now wait on the lease.
                usleep(5_000)
                if fcntl(descriptor, Self.getLease) == Int32(F_RDLCK) { return true }
            }
            return false
        #else
            return true
        #endif
    }
}
