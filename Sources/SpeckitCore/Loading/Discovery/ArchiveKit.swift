import Foundation

/// A kit packed in a `.zip` or `.tar.gz`, read straight from the archive: its files become files in memory
/// named `ARCHIVE/PATH` (`kit.zip/tasks.md`), so findings point into the archive.
///
/// An archive `speckit pack` wrote carries a `manifest.json` naming the kit, its profile and the folder it
/// was packed from (`specs/001-photos`); discovery then sees the entries where they were, so the archive's kit
/// is found exactly as its folder was.
public enum ArchiveKit {
    public static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".zip") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") || lower.hasSuffix(".tar")
    }

    /// What an archive holds, as discovery takes it.
    public struct Contents: Sendable {
        /// The bytes of every file, by its path shown (`kit.zip/tasks.md`).
        public var memory: [String: [UInt8]]
        /// Entries refused (absolute or `..` paths, links, devices), by path shown, with why.
        public var refused: [String: SpeckitError]
        /// The manifest `speckit pack` wrote, when there is one.
        public var manifest: KitPacker.Manifest?
        /// Every entry's path inside the archive, sorted.
        public var entries: [String]
    }

    /// Reads the archive at `path` (never more than `limits.maxBytes` of it).
    public static func read(_ path: String, limits: ArchiveLimits) throws -> Contents {
        let bytes: [UInt8]
        do {
            // The archive itself may be as large as what it may hold.
            bytes = try DiskFiles().read(path, maxBytes: limits.maxBytes)
        } catch SpeckitError.fileTooLarge(_, let size, let limit) {
            throw SpeckitError.archive("\(path): the archive is \(size) bytes, more than \(limit) (limits.archiveBytes)")
        }
        return try read(bytes: bytes, name: path, limits: limits)
    }

    /// The contents of an archive already in memory; `name` is the archive's path in findings.
    public static func read(bytes: [UInt8], name path: String, limits: ArchiveLimits) throws -> Contents {
        let contents = try LibArchive.read(bytes, name: path, limits: limits)
        var memory: [String: [UInt8]] = [:]
        var refused: [String: SpeckitError] = [:]
        var manifest: KitPacker.Manifest?
        for file in contents.files {
            if file.path == "manifest.json" {
                manifest = try? JSONDecoder().decode(KitPacker.Manifest.self, from: Data(file.bytes))
            }
            memory[path + "/" + file.path] = file.bytes
        }
        for (entry, reason) in contents.rejected {
            refused[path + "/" + entry] = .unreadable(
                path + "/" + entry, reason: "archive entry is \(reason); refused, nothing was extracted")
        }
        return Contents(memory: memory, refused: refused, manifest: manifest, entries: contents.files.map(\.path).sorted())
    }
}
