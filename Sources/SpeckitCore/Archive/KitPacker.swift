import Foundation

/// `speckit pack`: a kit folder as a reproducible zip or tar.gz with a `manifest.json`.
///
/// The same files give the same bytes on any machine: entries sorted by path, every mtime
/// `SOURCE_DATE_EPOCH` (or 1980-01-01), mode 0644, uid/gid 0, no owner names, no time zone.
public enum KitPacker {
    /// 1980-01-01T00:00:00Z, the earliest time a zip can hold.
    public static let defaultEpoch = 315_532_800

    /// The manifest carried in every archive.
    public struct Manifest: Codable, Hashable, Sendable {
        public var schemaVersion = 1
        public var tool: ParseResult.Tool
        public var kit: KitInfo
        public var files: [FileInfo]
    }

    public struct KitInfo: Codable, Hashable, Sendable {
        public var name: String
        public var profile: Kit.Profile
        public var documents: Int
        public var tasks: Int
        public var done: Int
    }

    public struct FileInfo: Codable, Hashable, Sendable {
        public var path: String
        public var size: Int
        public var sha256: String
    }

    /// The archive entries for the kit in `folder`: every regular file under it (hidden files and folders,
    /// `.git` and build output left out), sorted, plus `manifest.json`.
    public static func entries(of folder: String) throws -> (entries: [ArchiveEntry], manifest: Manifest) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SpeckitError.pathNotFound(folder)
        }
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var files: [(relative: String, bytes: [UInt8])] = []
        var pending = [root]
        while let current = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: current.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                let url = current.appendingPathComponent(name)
                switch FileKind.of(url.path) {
                case .folder:
                    if !PlanFileWalker.skippedFolders.contains(name) { pending.append(url) }
                case .regular:
                    let relative = String(url.path.dropFirst(root.path.count + 1))
                    files.append((relative, try DiskFiles().read(url.path)))
                default:
                    continue
                }
            }
        }
        guard !files.isEmpty else { throw SpeckitError.noPlanFiles(folder) }
        return try entries(
            files: files.map { ArchiveEntry(path: $0.relative, bytes: $0.bytes) },
            kit: try summary(of: folder, name: root.lastPathComponent))
    }

    /// The archive entries for files already in memory (paths relative to the kit), plus `manifest.json`
    /// describing them as `kit`.
    public static func entries(files: [ArchiveEntry], kit: KitInfo) throws -> (entries: [ArchiveEntry], manifest: Manifest) {
        var entries = files.sorted { $0.path < $1.path }
        let manifest = Manifest(
            tool: ParseResult.Tool(name: "speckit", version: Speckit.version), kit: kit,
            files: entries.map { FileInfo(path: $0.path, size: $0.bytes.count, sha256: SHA256.hex($0.bytes)) })
        entries.append(ArchiveEntry(path: "manifest.json", bytes: Array(try JSONOutput.encode(manifest).utf8)))
        entries.sort { $0.path < $1.path }
        return (entries, manifest)
    }

    /// Packs the kit in `folder` into archive bytes.
    public static func pack(
        _ folder: String, format: ArchiveFormat,
        epoch: Int = sourceDateEpoch()
    ) throws -> (bytes: [UInt8], manifest: Manifest) {
        let (entries, manifest) = try entries(of: folder)
        return (try LibArchive.write(entries, format: format, modified: max(epoch, defaultEpoch)), manifest)
    }

    /// Packs files already in memory, described as `kit`, into archive bytes.
    public static func pack(
        files: [ArchiveEntry], kit: KitInfo, format: ArchiveFormat,
        epoch: Int = sourceDateEpoch()
    ) throws -> (bytes: [UInt8], manifest: Manifest) {
        let (entries, manifest) = try entries(files: files, kit: kit)
        return (try LibArchive.write(entries, format: format, modified: max(epoch, defaultEpoch)), manifest)
    }

    /// `SOURCE_DATE_EPOCH` when it is a number, else 1980-01-01.
    public static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? defaultEpoch
    }

    /// The kit's name, profile and task counts, from the same discovery and parser `validate` uses.
    static func summary(of folder: String, name: String) throws -> KitInfo {
        let validator = Validator(jobs: 1)
        let kits = (try? validator.discover([folder])) ?? []
        let report = validator.validate(kits: kits)
        let profile = kits.count == 1 ? kits[0].profile : (kits.first?.profile ?? .freeform)
        return KitInfo(
            name: name, profile: profile, documents: report.summary.files, tasks: report.summary.tasks,
            done: report.kits.reduce(0) { $0 + $1.done })
    }
}
