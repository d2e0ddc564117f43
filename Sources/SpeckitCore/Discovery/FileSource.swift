import Foundation

/// Where plan files are read from: the disk, or (for rule examples and tests) memory.
public protocol FileSource: Sendable {
    /// The bytes of a file.
    func read(_ path: String) throws -> [UInt8]
}

/// Reads files from disk, refusing ones larger than `PlanLoader.maxFileBytes`.
public struct DiskFiles: FileSource {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > PlanLoader.maxFileBytes {
            throw SpeckitError.fileTooLarge(path, bytes: size, limit: PlanLoader.maxFileBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SpeckitError.unreadable(path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw SpeckitError.unreadable(path, reason: error.localizedDescription)
        }
    }
}

/// Files held in memory, by path.
public struct MemoryFiles: FileSource {
    public let files: [String: [UInt8]]

    public init(_ files: [(path: String, bytes: [UInt8])]) {
        var out: [String: [UInt8]] = [:]
        for (path, bytes) in files { out[path] = bytes }
        self.files = out
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw SpeckitError.pathNotFound(path) }
        return bytes
    }
}
