import Foundation
import Synchronization

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
        /// Where the kit was packed from, as the trailing folders of its path that place it (`specs/001-photos`,
        /// `.kiro/specs/search`): reading the archive finds its kit as the folder's was found.
        public var root: String?
        public var documents: Int
        public var tasks: Int
        public var done: Int

        public init(name: String, profile: Kit.Profile, root: String? = nil, documents: Int, tasks: Int, done: Int) {
            self.name = name
            self.profile = profile
            self.root = root
            self.documents = documents
            self.tasks = tasks
            self.done = done
        }
    }

    public struct FileInfo: Codable, Hashable, Sendable {
        public var path: String
        public var size: Int
        public var sha256: String
    }

    /// The archive entries for the kit in `folder`, found the way every command finds kits
    /// (`KitLoader`, with `settings`' globs and profile): every regular file under it that discovery would
    /// walk past (hidden files, `.git` and build output left out; the layouts' own hidden folders kept),
    /// sorted, plus `manifest.json` (one already at the kit's top is replaced). `output`, the archive being
    /// written, is never packed, and must not be one of the kits' files.
    ///
    /// Symbolic links are not followed: a link among the files, or a link to a folder the walk would enter,
    /// is refused before anything is read. With `followLinks`, a link to a file is packed under its own name
    /// when every link on the way leads to a regular file inside `folder`; one that leads outside is still
    /// refused, and so is a link to a folder. Files are opened one folder at a time from `folder` with
    /// `O_NOFOLLOW`, so one swapped for a link while packing is refused too.
    /// - Throws: `SpeckitError.unreadable` for a link, a FIFO, device or dangling link in the kit (it cannot
    ///   be packed, and leaving it out would make the archive pass where the folder fails), `.cannotWrite`
    ///   when `output` is a kit file, `.overLimit` when the archive would hold more entries or bytes than
    ///   `limits.archiveEntries` or `limits.archiveBytes` let `speckit validate` read, `.severalKits` when
    ///   the folder holds more than one kit.
    public static func entries(
        of folder: String, settings: ValidationSettings = ValidationSettings(), output: String? = nil, followLinks: Bool = false
    ) throws -> (entries: [ArchiveEntry], manifest: Manifest) {
        guard FileKind.followed(folder) == .folder else {
            throw FileKind.of(folder) == .missing && !FileKind.isLink(folder)
                ? SpeckitError.pathNotFound(folder) : SpeckitError.unreadable(folder, reason: "not a folder; expected a kit folder")
        }
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        let target = output.map(real)
        // Links first: nothing is read through one before it is refused.
        let filter = PathFilter(include: [], exclude: settings.exclude, root: settings.root)
        let walk = TreeWalker.walkNotingLinks(folder, filter: filter)
        if let link = walk.linkedFolders.first {
            throw SpeckitError.unreadable(
                link.path,
                reason: "a symbolic link to a folder\(Self.destination(link.path)); pack does not follow links to folders "
                    + "(validate does not enter them either): replace it with the folder")
        }
        for entry in walk.entries {
            if FileKind.isLink(entry.path) {
                guard followLinks else {
                    throw SpeckitError.unreadable(
                        entry.path,
                        reason: "a symbolic link\(Self.destination(entry.path)); pack does not follow links: replace it with "
                            + "the file, or pass --follow-links to pack what a link inside the kit leads to")
                }
            } else if !entry.regular {
                throw SpeckitError.unreadable(
                    entry.path,
                    reason: entry.problem ?? "not a regular file (a FIFO, a device, or a link that leads nowhere); it cannot be packed")
            }
        }
        let packed = walk.entries.filter { $0.inside != ["manifest.json"] && real($0.path) != target }
        // validate refuses an archive of more entries than limits.archiveEntries: so does pack (manifest.json is one).
        let limits = settings.limits
        guard packed.count < limits.archiveEntries else {
            throw SpeckitError.overLimit(
                folder,
                problem: "\(packed.count) files and manifest.json would make an archive of more than \(limits.archiveEntries) entries, "
                    + "which validate refuses (limits.archiveEntries); nothing was written")
        }
        let set = try KitLoader(settings: settings).discover([folder])
        // A folder inside a kit (its checklists/) is not a kit: packing it would lose the kit around it.
        if let kit = set.kits.first(where: { $0.focus != nil }) {
            throw SpeckitError.unreadable(folder, reason: "part of the kit \(kit.root), not a kit of its own; pack \(kit.root)")
        }
        // One archive is one kit: its manifest names one kit, and `validate kit.zip` reports it under that name.
        let units = packingUnits(set.kits, folder: folder)
        if units.count > 1 { throw SpeckitError.severalKits(folder, kits: units.map(\.root)) }
        if let target, set.allFiles.contains(where: { real($0) == target }), let output {
            throw SpeckitError.cannotWrite(output, reason: "it is one of the kit's files; choose another name")
        }
        let reader = try FolderReader(folder)
        let root = FileKind.realPath(folder)
        var files: [ArchiveEntry] = []
        var total = 0
        for entry in packed {
            // Without followLinks a file that became a link since the walk is read as it was found: the
            // reader refuses the link.
            let inside = followLinks && FileKind.isLink(entry.path) ? try linkInside(entry.path, root: root, folder: folder) : entry.inside
            let bytes = try reader.read(inside, maxBytes: Limits.standard.fileBytes)
            total += bytes.count
            guard total <= limits.archiveBytes else {
                throw SpeckitError.overLimit(
                    folder,
                    problem: "the files to pack hold more than \(limits.archiveBytes) bytes, more than validate reads from an archive "
                        + "(limits.archiveBytes); nothing was written")
            }
            files.append(ArchiveEntry(path: entry.inside.joined(separator: "/"), bytes: bytes))
        }
        guard !files.isEmpty else { throw SpeckitError.noPlanFiles(folder) }
        // Two names that differ only in Unicode normalisation (é as one character or as e and an accent) are one
        // name to the archive's readers, and validate refuses an archive holding both.
        var seen: [String: String] = [:]
        for file in files {
            if let other = seen[file.path] {
                throw SpeckitError.cannotPack(
                    folder,
                    reason:
                        "'\(other.escapingControlCharacters)' and '\(file.path.escapingControlCharacters)' are one name written two ways "
                        + "(Unicode normalisation); rename one")
            }
            seen[file.path] = file.path
        }
        // The manifest's counts come from the model the loader builds; no rule runs.
        let counts = Mutex<(documents: Int, tasks: Int, done: Int)>((0, 0, 0))
        Validator(settings: settings, jobs: 1).read(set) { loaded in
            guard !loaded.isEmpty else { return }
            let summary = KitSummary(kit: loaded.reportedKit)
            let unreadable = loaded.failures.count { loaded.focus?.contains($0.path) ?? true }
            counts.withLock {
                $0.documents += summary.documents.count + unreadable
                $0.tasks += summary.tasks
                $0.done += summary.done
            }
        }
        let (documents, tasks, done) = counts.withLock { $0 }
        let absolute = KitDiscovery.absoluteParts(folder, base: FileManager.default.currentDirectoryPath)
        let single = set.kits.count == 1 ? set.kits.first : nil
        let kit = KitInfo(
            name: single?.name ?? absolute.last ?? "kit", profile: single?.profile ?? .freeform,
            root: placingRoot(absolute, folder: folder, files: files, kits: set, settings: settings), documents: documents,
            tasks: tasks, done: done)
        return try entries(files: files, kit: kit)
    }

    /// What can be packed as one archive, sorted by folder: each kit of a layout (`spec/a`, `specs/001-x`,
    /// `.kiro/specs/search`), and the loose plan files (freeform kits, each file its own) all together as
    /// one, in `folder`: a folder of plans (`plans/`, `.planning/`) is one archive.
    static func packingUnits(_ kits: [KitSource], folder: String) -> [(root: String, name: String)] {
        var units = kits.filter { $0.profile != .freeform }.map { (root: $0.root, name: $0.name) }
        if kits.contains(where: { $0.profile == .freeform }) {
            let absolute = KitDiscovery.absoluteParts(folder, base: FileManager.default.currentDirectoryPath)
            units.append((root: folder, name: absolute.last ?? "plans"))
        }
        return units.sorted { $0.root < $1.root }
    }

    /// Where the link at `path` leads, as it is written (` (to ../x)`), or nothing when it cannot be read.
    private static func destination(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (to \($0))" } ?? ""
    }

    /// The path below the kit's real folder `root` that the link at `path` leads to, through every link on the way.
    /// - Throws: `SpeckitError.unreadable` when it leads nowhere or outside the kit.
    private static func linkInside(_ path: String, root: String?, folder: String) throws -> [Substring] {
        guard let resolved = FileKind.realPath(path) else {
            throw SpeckitError.unreadable(path, reason: "a symbolic link\(destination(path)) that leads nowhere; it cannot be packed")
        }
        guard let root, resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw SpeckitError.unreadable(
                path,
                reason: "a symbolic link to \(resolved), outside the kit folder \(folder); pack never packs a file from outside "
                    + "the kit folder, even with --follow-links")
        }
        return resolved.dropFirst(root.count).split(separator: "/")
    }

    /// The fewest trailing folders of `absolute` under which the packed files make up the same kits as the
    /// folder did: the same on every machine, and enough for reading the archive to find them again. Nil
    /// when no four trailing folders do (every layout places a kit within four: `openspec/changes/archive/ID`;
    /// the archive is then found by its entries): an absolute path is never written into an archive.
    static func placingRoot(_ absolute: [String], folder: String, files: [ArchiveEntry], kits: KitSet, settings: ValidationSettings)
        -> String?
    {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let wanted = signature(kits.kits) { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        let memory = Dictionary(files.map { ($0.path, [UInt8]()) }, uniquingKeysWith: { first, _ in first })
        let loader = KitLoader(settings: settings)
        for count in 1...max(min(absolute.count, 4), 1) {
            let root = Array(absolute.suffix(count))
            if signature(loader.discover(memory: memory, root: root).kits, relative: { $0 }) == wanted {
                return root.joined(separator: "/")
            }
        }
        return nil
    }

    /// What makes kits the same kits: profile, files (relative to the packed folder), expectations, archive flag.
    private static func signature(_ kits: [KitSource], relative: (String) -> String) -> Set<String> {
        Set(
            kits.map { kit in
                "\(kit.profile.rawValue)|\(kit.archived)|\(kit.expectedDocuments)|"
                    + kit.files.map(relative).sorted().joined(separator: ",")
            })
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
        _ folder: String, format: ArchiveFormat, settings: ValidationSettings = ValidationSettings(), output: String? = nil,
        followLinks: Bool = false, epoch: Int = sourceDateEpoch()
    ) throws -> (bytes: [UInt8], manifest: Manifest) {
        let (entries, manifest) = try entries(of: folder, settings: settings, output: output, followLinks: followLinks)
        return (try LibArchive.write(entries, format: format, modified: max(epoch, defaultEpoch), source: folder), manifest)
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
    public static func sourceDateEpoch(_ environment: [String: String]? = nil) -> Int {
        (environment ?? ProcessInfo.processInfo.environment)["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? defaultEpoch
    }
}
