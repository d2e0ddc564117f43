import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// A file being written that nobody can see until `commit` puts it in place whole, so a failed, cancelled or
/// killed run never leaves half a file or loses the one it replaces.
///
/// The bytes go into an unnamed file in the target's folder (`O_TMPFILE`): if the process dies while writing,
/// even by SIGKILL, the kernel frees it and nothing is left behind. `commit` flushes it to disk, gives it a
/// name (`.NAME.speckit-PID-RANDOM.tmp`), and renames that name onto the target at once. Only a kill
/// between those two calls, a few microseconds, can leave the named file. It is complete, and the next
/// speckit that writes into the folder removes it, since its process is gone (`sweep`). On a file system
/// without `O_TMPFILE` (or without `/proc`), the named file is used from the start, and the same sweep applies.
/// The writer holds an exclusive `flock` on its file (and `StagedFolder` on its staging folder) while it
/// works, and the sweep skips anything locked: a process id that is gone here may be alive in another PID
/// namespace (a container writing to the same mounted folder). The sweep removes only what carries
/// speckit's mark (`FileMarker`) with the token of its own name, never a file that is merely named so.
///
/// The target is checked by `OutputGuard` first: never a symbolic link, never under a linked folder of the
/// working folder.
///
/// Not thread-safe: one writer at a time (`ReportOutput` holds it under its lock).
package final class PendingFile: @unchecked Sendable {
    package let target: String
    private let folder: String
    private let descriptor: Int32
    /// The named temporary file, once it has a name (from the start without `O_TMPFILE`).
    private var named: String?
    private var done = false
    private var flushed = false

    /// Starts a file that will replace `target` (which need not exist; its folder must).
    /// - Throws: `SpeckitError.cannotWrite` when nothing can be created in the folder, or `target` is a
    ///   symbolic link or lies under a linked folder (`OutputGuard`).
    package convenience init(replacing target: String) throws {
        try OutputGuard.check(target)
        try self.init(target: target, folder: URL(fileURLWithPath: target).deletingLastPathComponent().path)
    }

    /// Starts a file in `folder` that will be given a name with `link(as:)` (in a new staging folder there).
    package convenience init(inFolder folder: String) throws {
        try self.init(target: folder + "/", folder: folder)
    }

    private init(target: String, folder: String) throws {
        self.target = target
        self.folder = folder
        Self.sweep(folder: folder)
        var descriptor: Int32 = -1
        if Self.canNameUnnamedFiles { descriptor = open(folder, Self.unnamedFlags | O_WRONLY | O_CLOEXEC, mode_t(0o600)) }
        if descriptor < 0 {
            let name = Self.temporaryName(for: target)
            descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
            named = name
            if descriptor >= 0 { FileMarker.mark(descriptor, token: Self.token(of: name) ?? "") }
        }
        guard descriptor >= 0 else {
            throw SpeckitError.cannotWrite(target, reason: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        flock(descriptor, LOCK_EX)
    }

    deinit { discard() }

    /// Appends `bytes`.
    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SpeckitError.cannotWrite(target, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private func fail(_ what: String) -> SpeckitError {
        .cannotWrite(target, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Gives the file the owner and group `uid` and `gid` (those of the file it replaces), before its
    /// permissions are set. Only root can give a file away, and a user only to a group of theirs.
    /// - Throws: `SpeckitError.cannotWrite` when this user cannot.
    func keepOwner(uid: uid_t, gid: gid_t) throws {
        var own = stat()
        guard fstat(descriptor, &own) == 0 else { throw fail("cannot read its owner") }
        guard own.st_uid != uid || own.st_gid != gid else { return }
        guard fchown(descriptor, uid, gid) == 0 else {
            throw SpeckitError.cannotWrite(
                target, reason: "it belongs to user \(uid) and group \(gid), which the rewritten file cannot keep as this user; left alone")
        }
    }

    /// Sets the permissions (those of the file at `path`, or 0644 less the umask) and flushes to disk.
    private func finish(like path: String) throws {
        guard !flushed else { return }
        flushed = true
        var existing = stat()
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644 & ~Self.umaskValue
        guard fchmod(descriptor, mode) == 0 else { throw fail("cannot set its permissions") }
        guard fsync(descriptor) == 0 else { throw fail("cannot flush it to disk") }
    }

    /// Sets a new file's permissions (0644 less the umask) and flushes it to disk, ahead of `link(as:)`.
    package func flush() throws {
        try finish(like: "")
    }

    /// Gives the finished file the name `path`, which must not exist yet (a file of a new staging folder).
    package func link(as path: String) throws {
        guard !done else { return }
        try finish(like: path)
        if let named {
            guard rename(named, path) == 0 else { throw fail("cannot move it into place") }
        } else {
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
                throw fail("cannot name it")
            }
        }
        named = nil
        done = true
        // Named from the start (without `O_TMPFILE`), it was marked; in the staging folder it needs no mark.
        FileMarker.unmark(descriptor)
        close(descriptor)
    }

    /// Flushes the file to disk and puts it in place of the target, keeping the target's permissions (new
    /// files get 0644 less the umask). `beforeRename` runs once the file is complete and named, right before
    /// the rename: throwing there leaves the target as it was (the caller then calls `discard`).
    package func commit(beforeRename: () throws -> Void = {}) throws {
        guard !done else { return }
        try finish(like: target)
        if named == nil {
            let name = Self.temporaryName(for: target)
            // Marked before it has a name, so the name is never seen without the mark.
            FileMarker.mark(descriptor, token: Self.token(of: name) ?? "")
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else {
                throw fail("cannot name it")
            }
            named = name
        }
        try beforeRename()
        guard let named, rename(named, target) == 0 else { throw fail("cannot move it into place") }
        self.named = nil
        done = true
        // In place, it is no temporary file any more.
        FileMarker.unmark(descriptor)
        close(descriptor)
        // The rename itself reaches the disk with the folder.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Drops the file; the target is left as it was.
    package func discard() {
        guard !done else { return }
        done = true
        if let named { unlink(named) }
        close(descriptor)
    }

    /// Writes `bytes` to `path` in one go: whole or not at all.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try PendingFile(replacing: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Removes the temporary files and staging folders left in `folder` by speckit processes that no longer
    /// run and that nobody holds locked, each carrying speckit's mark with the token of its name (a file
    /// that is only named like one is left alone). Each folder is swept once per process.
    package static func sweep(folder: String) {
        guard swept.withLock({ $0.insert(folder).inserted }),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let token = token(of: name), let pid = ownerPID(name), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = folder + "/" + name
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            // Unmarked: a stranger's file merely named like a temporary one, or speckit's own killed between
            // making it and marking it, which is then still empty. Only an empty one is removed: nothing is lost.
            guard FileMarker.isMarked(descriptor, token: token) else {
                var info = stat()
                guard fstat(descriptor, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    _ = rmdir(path)
                } else if (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                    _ = unlink(path)
                }
                continue
            }
            // Locked: its writer lives on, in another PID namespace.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlink(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    private static let swept = Mutex<Set<String>>([])

    /// The token of a temporary name (`PID-RANDOM` of `.NAME.speckit-PID-RANDOM.tmp`), which its mark
    /// holds; nil for other names.
    package static func token(of name: String) -> String? {
        guard name.hasSuffix(".tmp"), let marker = name.range(of: ".speckit-", options: .backwards) else { return nil }
        let token = name[marker.upperBound...].dropLast(4)
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 8, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return String(token)
    }

    /// The process that made a temporary name (`.NAME.speckit-PID-RANDOM.tmp`), or nil for other names.
    static func ownerPID(_ name: String) -> pid_t? {
        token(of: name).flatMap { $0.split(separator: "-").first }.flatMap { pid_t($0) }
    }

    /// A hidden name beside `target` (`.NAME.speckit-PID-RANDOM.tmp`), or inside it when `target` ends in `/`
    /// (`.speckit-PID-RANDOM.tmp`), that `sweep` recognises.
    static func temporaryName(for target: String) -> String {
        let unique = "speckit-\(getpid())-\(UUID().uuidString.prefix(8)).tmp"
        if target.hasSuffix("/") { return target + "." + unique }
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(unique)").path
    }

    #if os(Linux)
        /// Linux's `O_TMPFILE` (a macro Swift does not import): `__O_TMPFILE | O_DIRECTORY`.
        private static let unnamedFlags: Int32 = 0o20000000 | O_DIRECTORY
        /// An unnamed file is given its name through `/proc/self/fd`; without `/proc`, files are named from the start.
        private static let canNameUnnamedFiles = access("/proc/self/fd", F_OK) == 0
    #else
        /// Elsewhere files are named from the start.
        private static let unnamedFlags: Int32 = 0
        private static let canNameUnnamedFiles = false
    #endif

    /// The process's umask, read without changing it (`umask(2)` can only set it, racing other threads).
    private static var umaskValue: mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }
}
