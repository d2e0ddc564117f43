import Foundation

/// What generation needs from a file system, so tests can run it in memory.
public protocol GenerationFileSystem {
    func fileExists(_ path: String) -> Bool
    func isFolder(_ path: String) -> Bool
    func createFolder(_ path: String) throws
    /// Writes `bytes` so no reader ever sees half of them (temporary file in the same folder, then rename).
    func writeAtomically(_ bytes: [UInt8], to path: String) throws
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
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
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
}
