import Foundation

/// Where plan files are read from: the disk, or (for rule examples and tests) memory.
public protocol FileSource: Sendable {
    /// The bytes of a file; `SpeckitError.fileTooLarge` when it holds more than `maxBytes`.
    func read(_ path: String, maxBytes: Int) throws -> [UInt8]
    /// At most the first `bytes` bytes of a file, or nil when it cannot be read.
    func head(_ path: String, bytes: Int) -> [UInt8]?
    /// The repository the kit folder `folder` belongs to, or nil when speckit cannot see one (an archive,
    /// standard input, files in memory).
    func repository(of folder: String) -> RepositoryFiles?
}

extension FileSource {
    public func repository(of folder: String) -> RepositoryFiles? { nil }

    /// The bytes of a file no larger than the standard `Limits.fileBytes`.
    public func read(_ path: String) throws -> [UInt8] {
        try read(path, maxBytes: Limits.standard.fileBytes)
    }
}

/// Reads files from disk, refusing ones larger than the limit.
public struct DiskFiles: FileSource {
    public init() {}

    /// Reads a regular file (or a link to one), never more than `maxBytes` + 1 bytes, so a link to
    /// `/dev/zero` or a FIFO named `tasks.md` can neither fill memory nor hang the run.
    public func read(_ path: String, maxBytes limit: Int) throws -> [UInt8] {
        switch FileKind.followed(path) {
        case .regular: break
        case .missing:
            var info = stat()
            let loop = stat(path, &info) != 0 && errno == ELOOP
            throw SpeckitError.unreadable(path, reason: loop ? "a symbolic link loop" : "a symbolic link to a file that does not exist")
        default:
            throw SpeckitError.unreadable(path, reason: "not a regular file (a FIFO, socket or device)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SpeckitError.unreadable(path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit {
                // /proc and other pseudo files say they are empty: what was read is the better figure then.
                let size = max((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0, data.count)
                throw SpeckitError.fileTooLarge(path, bytes: size, limit: limit)
            }
            return [UInt8](data)
        } catch let error as SpeckitError {
            throw error
        } catch {
            throw SpeckitError.unreadable(path, reason: error.localizedDescription)
        }
    }

    public func repository(of folder: String) -> RepositoryFiles? { RepositoryFiles.disk(containing: folder) }

    public func head(_ path: String, bytes: Int) -> [UInt8]? {
        guard FileKind.followed(path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: bytes) else { return nil }
        return [UInt8](data)
    }
}

/// Files held in memory, by path.
public struct MemoryFiles: FileSource {
    public let files: [String: [UInt8]]
    /// The repository the files belong to: themselves (a rule example), another one (a git revision's plan
    /// files, with the revision's whole listing), or none (an archive, a generated kit).
    public var repository: RepositoryFiles?

    public init(_ files: [(path: String, bytes: [UInt8])], repository: RepositoryFiles? = nil) {
        var out: [String: [UInt8]] = [:]
        for (path, bytes) in files { out[path] = bytes }
        self.files = out
        self.repository = repository
    }

    public func repository(of folder: String) -> RepositoryFiles? { repository }

    public func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        guard let bytes = files[path] else { throw SpeckitError.pathNotFound(path) }
        guard bytes.count <= maxBytes else { throw SpeckitError.fileTooLarge(path, bytes: bytes.count, limit: maxBytes) }
        return bytes
    }

    public func head(_ path: String, bytes: Int) -> [UInt8]? { files[path].map { Array($0.prefix(bytes)) } }
}

/// Files held in memory (an archive's contents) in front of another source, and paths that must not be read
/// with the reason (an archive entry that was refused), which reading reports as an error.
public struct LayeredFiles: FileSource {
    public var memory: [String: [UInt8]]
    public var refused: [String: SpeckitError]
    public var fallback: any FileSource

    public init(memory: [String: [UInt8]], refused: [String: SpeckitError] = [:], fallback: any FileSource) {
        self.memory = memory
        self.refused = refused
        self.fallback = fallback
    }

    public func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        if let error = refused[path] { throw error }
        if let bytes = memory[path] {
            guard bytes.count <= maxBytes else { throw SpeckitError.fileTooLarge(path, bytes: bytes.count, limit: maxBytes) }
            return bytes
        }
        return try fallback.read(path, maxBytes: maxBytes)
    }

    /// An archive's kit is in no repository; a kit on disk beside it is in its own.
    public func repository(of folder: String) -> RepositoryFiles? {
        let prefix = folder.isEmpty || folder == "." ? "" : folder + "/"
        if memory.keys.contains(where: { $0.hasPrefix(prefix) }) || refused.keys.contains(where: { $0.hasPrefix(prefix) }) { return nil }
        return fallback.repository(of: folder)
    }

    public func head(_ path: String, bytes: Int) -> [UInt8]? {
        if refused[path] != nil { return nil }
        if let held = memory[path] { return Array(held.prefix(bytes)) }
        return fallback.head(path, bytes: bytes)
    }
}
