import Foundation

/// A new folder that appears with all its files or not at all.
///
/// Every file is first written whole into an unnamed file (`PendingFile`), so a kill while writing leaves
/// nothing. Then the hidden staging folder is made (and marked as speckit's, `FileMarker`) and each file is
/// linked into it, and the caller moves it into place. Only a kill during those few system calls can leave
/// the staging folder, and the next speckit that writes there removes it (`PendingFile.sweep`).
enum StagedFolder {
    /// Writes `files` (relative paths, subfolders allowed) into the new folder `staging`, their bytes first
    /// written unnamed in `home` (the folder `staging` is made in), and flushes it. On failure `staging` is
    /// removed. Returns a descriptor holding `staging` locked against `PendingFile.sweep`: close it once the
    /// folder has been moved.
    static func link(_ files: [(path: String, bytes: [UInt8])], into staging: String, writingIn home: String) throws -> Int32 {
        var pending: [(path: String, file: PendingFile)] = []
        for file in files {
            let written = try PendingFile(inFolder: home)
            try written.write(file.bytes)
            // On disk before the staging folder exists, so it exists for as short a time as can be.
            try written.flush()
            pending.append((file.path, written))
        }
        let manager = FileManager.default
        var lock: Int32 = -1
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            lock = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if lock >= 0 {
                FileMarker.mark(lock, token: PendingFile.token(of: staging) ?? "")
                flock(lock, LOCK_EX)
            }
            var folders: Set<String> = [staging]
            for (path, file) in pending {
                let destination = staging + "/" + path
                let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
                if folders.insert(folder).inserted { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try file.link(as: destination)
            }
            for folder in folders { syncFolder(folder) }
            return lock
        } catch {
            if lock >= 0 { close(lock) }
            try? manager.removeItem(atPath: staging)
            if let error = error as? SpeckitError { throw error }
            throw SpeckitError.cannotWrite(staging, reason: error.localizedDescription)
        }
    }

    /// Writes `files` as the folder `target` (new, or empty, in an existing parent folder), renamed into place
    /// at once. An empty folder is replaced by one with its permissions (and owner, for root); one that is no
    /// longer empty when the rename comes, because another run filled it meanwhile, is left as it is, and
    /// nothing is written.
    static func write(_ files: [(path: String, bytes: [UInt8])], to target: String) throws {
        try OutputGuard.check(target)
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let staging = PendingFile.temporaryName(for: target)
        let lock: Int32
        do {
            lock = try link(files, into: staging, writingIn: parent)
        } catch SpeckitError.cannotWrite(_, let reason) {
            // Named after the folder asked for, not where its files were staged.
            throw SpeckitError.cannotWrite(target, reason: reason)
        }
        defer { if lock >= 0 { close(lock) } }
        var empty = stat()
        if lock >= 0, lstat(target, &empty) == 0, (empty.st_mode & S_IFMT) == S_IFDIR {
            fchmod(lock, empty.st_mode & 0o7777)
            if geteuid() == 0 { fchown(lock, empty.st_uid, empty.st_gid) }
        }
        // rename(2) replaces an empty folder at once, and refuses one with anything in it.
        guard rename(staging, target) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: staging)
            switch code {
            case ENOTEMPTY, EEXIST:
                throw SpeckitError.cannotWrite(
                    target, reason: "something was written into it meanwhile (another run?); nothing was written")
            case EBUSY:
                throw SpeckitError.cannotWrite(
                    target, reason: "it is a mount point, which cannot be replaced whole; give a new folder inside it")
            default:
                throw SpeckitError.cannotWrite(target, reason: String(cString: strerror(code)))
            }
        }
        if lock >= 0 { FileMarker.unmark(lock) }
        syncFolder(parent)
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
