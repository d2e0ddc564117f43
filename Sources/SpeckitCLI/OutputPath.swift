import Foundation
import SpeckitCore

/// How an output path is written. Only a regular file, or a name that does not exist yet, gets the atomic
/// temporary-file-and-rename treatment (`PendingFile`). `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and
/// `/proc/self/fd/N` are written into that descriptor of this process (so `>> log` keeps appending), and a
/// device or pipe (`/dev/null`, a FIFO) straight into. A symbolic link, or a name under a linked folder inside
/// the working folder, is refused (`OutputGuard`).
enum OutputPath {
    case atomic(String)
    case direct(String)
    case descriptor(Int32)

    /// - Throws: `SpeckitError.cannotWrite` when the path is a folder or a link, or its folder does not exist.
    static func resolve(_ path: String) throws -> OutputPath {
        if let descriptor = OutputGuard.descriptor(named: path) { return .descriptor(descriptor) }
        try OutputGuard.check(path)
        switch FileKind.followed(path) {
        case .folder: throw SpeckitError.cannotWrite(path, reason: "it is a folder; expected a file name")
        case .regular: return .atomic(path)
        case .missing: break
        default: return .direct(path)
        }
        if path.hasSuffix("/") { throw SpeckitError.cannotWrite(path, reason: "expected a file name, not a folder") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard FileKind.followed(folder.path) == .folder else {
            throw SpeckitError.cannotWrite(path, reason: "folder \(folder.path) does not exist")
        }
        return .atomic(path)
    }

    /// A handle that writes into `descriptor` (a copy of it, closed with the handle).
    static func handle(_ descriptor: Int32, path: String) throws -> FileHandle {
        let copy = dup(descriptor)
        guard copy >= 0 else { throw SpeckitError.cannotWrite(path, reason: "descriptor \(descriptor) is not open") }
        return FileHandle(fileDescriptor: copy, closeOnDealloc: true)
    }

    /// Whether two output names are the same file: the same path once `.`, `..` and the links among its
    /// folders are resolved (a file not written yet too), or the same file on disk.
    static func same(_ a: String, _ b: String) -> Bool {
        let current = FileManager.default.currentDirectoryPath
        let resolved = { (path: String) in
            ReportPaths.resolvingLinks(ReportPaths.standard(path.hasPrefix("/") ? path : current + "/" + path))
        }
        if resolved(a) == resolved(b) { return true }
        guard let first = FileIdentity(a), let second = FileIdentity(b) else { return false }
        return first == second
    }

    /// Refuses to write a report over a file being read (`validate tasks.md -o tasks.md`), whatever the
    /// spelling: the same file reached through a link or a hard link, or the archive that files inside it
    /// (`kit.zip/tasks.md`) come from.
    static func refuseInputs(outputs: [String], inputs: [String]) throws {
        guard !outputs.isEmpty, !inputs.isEmpty else { return }
        var read = Set<FileIdentity>()
        var looked = Set<String>()
        for input in inputs {
            if let identity = FileIdentity(input) {
                read.insert(identity)
                continue
            }
            // Not on disk: a file inside an archive; the nearest file above it is the archive.
            var parent = input
            while let slash = parent.lastIndex(of: "/"), slash > parent.startIndex {
                parent = String(parent[..<slash])
                guard looked.insert(parent).inserted else { break }
                if let identity = FileIdentity(parent) {
                    read.insert(identity)
                    break
                }
            }
        }
        for output in outputs where FileIdentity(output).map(read.contains) == true {
            throw SpeckitError.cannotWrite(output, reason: "it is one of the files this run reads; choose another name")
        }
    }
}

/// A regular file on disk, whatever name reaches it: its device and inode.
private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
