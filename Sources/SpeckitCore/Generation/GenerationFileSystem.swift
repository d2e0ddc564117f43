import Foundation

/// What generation needs from a file system, so tests can run it in memory.
public protocol GenerationFileSystem {
    func fileExists(_ path: String) -> Bool
    func isFolder(_ path: String) -> Bool
    func createFolder(_ path: String) throws
    /// Writes `bytes` so no reader ever sees half of them (temporary file in the same folder, then rename).
    func writeAtomically(_ bytes: [UInt8], to path: String) throws
    /// Creates the folder `path` (which does not exist) holding `files` (name → bytes), all at once: the files
    /// are written into a hidden folder beside it, which is then renamed to `path`.
    func writeFolderAtomically(_ files: [(name: String, bytes: [UInt8])], to path: String) throws
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
        try createFolder(parent)
        try StagedFolder.write(files.map { (path: $0.name, bytes: $0.bytes) }, to: target)
    }
}

/// Files and folders in memory.
public final class MemoryFileSystem: GenerationFileSystem {
    public private(set) var files: [String: [UInt8]] = [:]
    public private(set) var folders: Set<String> = []

    public init(files: [String: [UInt8]] = [:]) { self.files = files }

    public func fileExists(_ path: String) -> Bool { files[path] != nil || folders.contains(path) }
    public func isFolder(_ path: String) -> Bool { folders.contains(path) }
    public func createFolder(_ path: String) throws { folders.insert(path) }
    public func writeAtomically(_ bytes: [UInt8], to path: String) throws { files[path] = bytes }
    public func writeFolderAtomically(_ files: [(name: String, bytes: [UInt8])], to path: String) throws {
        folders.insert(path)
        for file in files { self.files[path.hasSuffix("/") ? path + file.name : path + "/" + file.name] = file.bytes }
    }
}
