import Foundation

/// What generation needs from a file system, so tests can run it in memory.
public protocol GenerationFileSystem {
    func fileExists(_ path: String) -> Bool
    func isFolder(_ path: String) -> Bool
    func createFolder(_ path: String) throws
    /// Writes `bytes` so no reader ever sees half of them (temporary file in the same folder, then rename).
    func writeAtomically(_ bytes: [UInt8], to path: String) throws
    /// Creates the folder `path` (which does not exist, or is empty) holding `files` (name → bytes), all at
    /// once: the files are written into a hidden folder beside it, which is then renamed to `path`. When
    /// something else has been put at `path` meanwhile, nothing is written and this throws.
    func writeFolderAtomically(_ files: [(name: String, bytes: [UInt8])], to path: String) throws
    /// Whether `path` is a folder with nothing in it (temporary files of killed runs aside) that can be replaced
    /// whole: not the current folder, nor a mount point.
    func isReplaceableEmptyFolder(_ path: String) -> Bool
    /// Runs `body` while this run alone writes into the existing folder `path`.
    /// - Throws: `SpeckitError.cannotWrite` when another run is writing into it.
    func exclusively(_ path: String, _ body: () throws -> Void) throws
}

extension GenerationFileSystem {
    public func isReplaceableEmptyFolder(_ path: String) -> Bool { false }
    public func exclusively(_ path: String, _ body: () throws -> Void) throws { try body() }
}

/// The real disk.
public struct DiskFileSystem: GenerationFileSystem {
    public init() {}

    public func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
    }

    public func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try PendingFile.write(bytes, to: path)
    }

    public func writeFolderAtomically(_ files: [(name: String, bytes: [UInt8])], to path: String) throws {
        let target = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        // Checked before any folder on the way is made.
        try OutputGuard.check(target)
        try createFolder(parent)
        try StagedFolder.write(files.map { (path: $0.name, bytes: $0.bytes) }, to: target)
    }

    public func isReplaceableEmptyFolder(_ path: String) -> Bool {
        guard FileKind.of(path) == .folder else { return false }
        let target = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var folder = stat()
        var above = stat()
        var current = stat()
        guard stat(target, &folder) == 0, stat(parent, &above) == 0, stat(".", &current) == 0,
            // A mount point sits on another device than its parent; the current folder cannot be renamed over.
            folder.st_dev == above.st_dev, folder.st_ino != above.st_ino,
            folder.st_dev != current.st_dev || folder.st_ino != current.st_ino
        else { return false }
        PendingFile.sweep(folder: target)
        return (try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty == true
    }

    /// Holds an exclusive `flock` on the folder while `body` runs; a second run is refused at once.
    public func exclusively(_ path: String, _ body: () throws -> Void) throws {
        try OutputGuard.check(path)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SpeckitError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw SpeckitError.cannotWrite(path, reason: "another speckit is writing into it; nothing was written")
        }
        try body()
    }
}

/// Files and folders in memory.
public final class MemoryFileSystem: GenerationFileSystem {
    public private(set) var files: [String: [UInt8]] = [:]
    public private(set) var folders: Set<String> = []

    public init(files: [String: [UInt8]] = [:]) { self.files = files }

    public func fileExists(_ path: String) -> Bool { files[path] != nil || folders.contains(path) }
    public func isFolder(_ path: String) -> Bool { folders.contains(path) }
    public func isReplaceableEmptyFolder(_ path: String) -> Bool {
        folders.contains(path) && !files.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
    }
    public func createFolder(_ path: String) throws { folders.insert(path) }
    public func writeAtomically(_ bytes: [UInt8], to path: String) throws { files[path] = bytes }
    public func writeFolderAtomically(_ files: [(name: String, bytes: [UInt8])], to path: String) throws {
        folders.insert(path)
        for file in files { self.files[path.hasSuffix("/") ? path + file.name : path + "/" + file.name] = file.bytes }
    }
}
