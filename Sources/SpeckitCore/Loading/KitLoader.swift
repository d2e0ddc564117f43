import Foundation

/// The one way from paths to kits, used by every command that reads kits (`parse`, `validate`, `status`,
/// `diff`, `fix`, `pack`, `run`): files, folders, trees and `.zip`/`.tar.gz` archives become kit sources, with
/// the configuration's include/exclude globs, profile and template setting applied; `KitReader` then reads
/// each kit.
///
/// - A folder is walked (`PathRules`); each file a layout places is a kit document, templates are left out
///   and counted, and so are `.txt` files that look like plans.
/// - A file named on the command line is always read. When it belongs to a kit, the rest of the kit is read
///   for context, and only what lies in the named files is reported; several files of one kit are one kit.
/// - An archive is read in memory and its kit found as its folder was (see `ArchiveKit`).
public struct KitLoader: Sendable {
    public var settings: ValidationSettings
    /// The folder relative paths start from.
    public var base: String

    /// A loader with `settings`; relative paths start from `base` (default: the current folder).
    public init(settings: ValidationSettings = ValidationSettings(), base: String? = nil) {
        self.settings = settings
        self.base = base ?? FileManager.default.currentDirectoryPath
    }

    /// The kits under `paths`.
    /// - Throws: `SpeckitError.pathNotFound`, `.noPlanFiles` (a folder with no plan file in it), `.noKits`
    ///   (nothing found is a plan), or `.archive` for an archive that cannot be read.
    public func discover(_ paths: [String]) throws -> KitSet {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        var found: [KitDiscovery.Found] = []
        var texts: [KitDiscovery.Found] = []
        var walked: [[String]] = []
        var excludedAny = false
        var memory: [String: [UInt8]] = [:]
        var refused: [String: SpeckitError] = [:]
        var archives: [(path: String, manifest: KitPacker.Manifest?)] = []
        for path in paths {
            if ArchiveKit.isArchive(path), FileKind.followed(path) == .regular {
                let contents = try ArchiveKit.read(path, limits: settings.archiveLimits)
                memory.merge(contents.memory) { $1 }
                refused.merge(contents.refused) { $1 }
                archives.append((path, contents.manifest))
                let (items, root) = archived(contents, name: path)
                walked.append(root)
                for item in items { if item.take == .text { texts.append(item.found) } else { found.append(item.found) } }
                continue
            }
            switch FileKind.followed(path) {
            case .folder:
                let (entries, excluded) = TreeWalker.walk(path, filter: filter)
                excludedAny = excludedAny || excluded
                guard !entries.isEmpty else {
                    if excluded, let root = settings.root { throw SpeckitError.excluded(path, configuration: root) }
                    throw SpeckitError.noPlanFiles(path)
                }
                walked.append(KitDiscovery.absoluteParts(path, base: base))
                for entry in entries {
                    let item = item(entry.path, relative: entry.relative, origin: .walked)
                    if entry.take == .text { texts.append(item) } else { found.append(item) }
                }
            case .missing:
                // A link that leads nowhere or round in a loop is there: reading it reports what it is.
                guard FileKind.isLink(path) else { throw SpeckitError.pathNotFound(path) }
                found.append(item(path, relative: [Substring(KitDiscovery.fileName(path))], origin: .named))
            default:
                found.append(item(path, relative: [Substring(KitDiscovery.fileName(path))], origin: .named))
            }
        }
        if paths.count > 1 { found = Self.readOnce(found) }
        found += context(for: found, walked: walked, filter: filter)

        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        var kits = grouped.kits.map(\.source)
        kits = Self.applyManifests(archives, to: kits, forced: settings.profile)
        // Refused archive entries are reported with the archive's first kit (or one of its own).
        for (archive, _) in archives {
            let entries = refused.keys.filter { $0.hasPrefix(archive + "/") }.sorted()
            guard !entries.isEmpty else { continue }
            if let index = kits.firstIndex(where: { $0.files.contains { $0.hasPrefix(archive + "/") } }) {
                kits[index].files = (kits[index].files + entries).sorted()
                kits[index].named.formUnion(entries)
            } else {
                kits.append(
                    KitSource(name: KitDiscovery.fileName(archive), root: archive, profile: .freeform, files: entries, named: Set(entries)))
            }
        }
        let files: any FileSource =
            memory.isEmpty && refused.isEmpty ? DiskFiles() : LayeredFiles(memory: memory, refused: refused, fallback: DiskFiles())
        let skipped = grouped.skipped + textPlans(texts, files: files)
        guard !kits.isEmpty else {
            if let archive = archives.first, paths.count == archives.count { throw SpeckitError.noPlanFiles(archive.path) }
            if excludedAny, let root = settings.root { throw SpeckitError.excluded(paths.first ?? ".", configuration: root) }
            throw SpeckitError.noKits(paths.first ?? ".", skipped: SkippedFile.summary(skipped))
        }
        return KitSet(kits: kits, files: files, skipped: skipped)
    }

    /// The kits of files held in memory (rule examples, a generated kit, an archive about to be written),
    /// found as if they lay under the folder `root` (components of an absolute path; none: the root of the
    /// file system): every file is walked, none is named.
    public func discover(memory: [String: [UInt8]], root: [String] = []) -> KitSet {
        let entries = TreeWalker.select(Array(memory.keys))
        let found = entries.filter { $0.take == .candidate }.map {
            KitDiscovery.Found(path: $0.path, parts: root + $0.relative.map(String.init), relative: $0.relative, origin: .walked)
        }
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        return KitSet(kits: grouped.kits.map(\.source), files: MemoryFiles(memory.map { ($0.key, $0.value) }), skipped: grouped.skipped)
    }

    /// The kits of an archive held in memory (`name` is its path in findings), found as `discover` finds
    /// them in an archive named on the command line.
    public func discover(archive bytes: [UInt8], name: String) throws -> KitSet {
        let contents = try ArchiveKit.read(bytes: bytes, name: name, limits: settings.archiveLimits)
        let found = archived(contents, name: name).items.filter { $0.take == .candidate }.map(\.found)
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        var kits = Self.applyManifests([(name, contents.manifest)], to: grouped.kits.map(\.source), forced: settings.profile)
        let refused = contents.refused.keys.sorted()
        if !refused.isEmpty {
            if kits.isEmpty { kits = [KitSource(name: name, root: name, profile: .freeform, files: [])] }
            kits[0].files = (kits[0].files + refused).sorted()
            kits[0].named.formUnion(refused)
        }
        let files = LayeredFiles(memory: contents.memory, refused: contents.refused, fallback: MemoryFiles([]))
        return KitSet(kits: kits, files: files, skipped: grouped.skipped)
    }

    /// The files of an archive as discovery takes them, placed where its manifest says the kit was packed
    /// from (or where the archive is), and that place.
    private func archived(_ contents: ArchiveKit.Contents, name: String)
        -> (items: [(found: KitDiscovery.Found, take: PathRules.Take)], root: [String])
    {
        let root =
            contents.manifest?.kit.root.map { $0.split(separator: "/").map(String.init) } ?? KitDiscovery.absoluteParts(name, base: base)
        let items = TreeWalker.select(contents.entries).map { entry in
            (
                KitDiscovery.Found(
                    path: name + "/" + entry.path, parts: root + entry.relative.map(String.init), relative: entry.relative, origin: .walked),
                entry.take
            )
        }
        return (items, root)
    }

    /// The kits of files listed at a git revision (`GitRevision.planFiles`), read from `files`.
    public func discover(listed: [(path: String, relative: [Substring], named: Bool)], files: any FileSource) -> KitSet {
        let found = listed.map { item($0.path, relative: $0.relative, origin: $0.named ? .named : .walked) }
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        return KitSet(kits: grouped.kits.map(\.source), files: files, skipped: grouped.skipped)
    }

    // MARK: Pieces

    private func item(_ path: String, relative: [Substring], origin: KitDiscovery.Found.Origin) -> KitDiscovery.Found {
        KitDiscovery.Found(path: path, parts: KitDiscovery.absoluteParts(path, base: base), relative: relative, origin: origin)
    }

    /// The same file reached through two paths (`validate . docs`, `a.md ./a.md`) is read once; a named file
    /// that a folder walk also found is kept as named.
    static func readOnce(_ found: [KitDiscovery.Found]) -> [KitDiscovery.Found] {
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        var seen: [String: Int] = [:]
        var out: [KitDiscovery.Found] = []
        for file in found {
            let key = real(file.path)
            if let index = seen[key] {
                if file.origin == .named { out[index].origin = .named }
                continue
            }
            seen[key] = out.count
            out.append(file)
        }
        return out
    }

    /// The rest of each kit that a named file (or a folder inside a kit) belongs to but no folder walk
    /// covered: read for context, never reported on.
    private func context(for found: [KitDiscovery.Found], walked: [[String]], filter: PathFilter) -> [KitDiscovery.Found] {
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: true)
        var known = Set(found.map(\.parts))
        var out: [KitDiscovery.Found] = []
        for group in grouped.kits where !group.single {
            let covered = walked.contains { walk in group.absoluteRoot.starts(with: walk) }
            guard !covered, FileKind.followed(group.source.root) == .folder else { continue }
            for entry in TreeWalker.walk(group.source.root, filter: filter).entries where entry.take == .candidate {
                let item = self.item(entry.path, relative: entry.relative, origin: .context)
                guard known.insert(item.parts).inserted else { continue }
                out.append(item)
            }
        }
        return out
    }

    /// An archive `speckit pack` wrote holds one kit: it keeps the manifest's name, and its profile unless one
    /// is forced.
    static func applyManifests(_ archives: [(path: String, manifest: KitPacker.Manifest?)], to kits: [KitSource], forced: Kit.Profile?)
        -> [KitSource]
    {
        var kits = kits
        for (archive, manifest) in archives {
            guard let manifest else { continue }
            let inside = kits.indices.filter { kits[$0].files.allSatisfy { $0.hasPrefix(archive + "/") } && !kits[$0].files.isEmpty }
            guard inside.count == 1, let index = inside.first else { continue }
            kits[index].name = manifest.kit.name
            if forced == nil, kits[index].profile != manifest.kit.profile {
                kits[index].profile = manifest.kit.profile
                kits[index].expectedDocuments = KitLayouts.layout(for: manifest.kit.profile).expectedDocuments
            }
        }
        return kits
    }

    /// The `.txt` files found that look like plans (a tool's own files and templates aside).
    private func textPlans(_ texts: [KitDiscovery.Found], files: any FileSource) -> [SkippedFile] {
        texts.compactMap { file in
            let natural = KitLayouts.place(LayoutPath(parts: file.parts, siblings: []))
            guard natural?.placement != .toolFile, PathRules.template(file.relative) == nil,
                let head = files.head(file.path, bytes: PlainTextPlans.sniffBytes), PlainTextPlans.looksLikePlan(head)
            else { return nil }
            return SkippedFile(path: file.path, reason: .textFile, detail: "a .txt file that looks like a plan")
        }
    }
}

/// The kits a run found, where to read their files from, and what was found but not taken.
public struct KitSet: Sendable {
    public var kits: [KitSource]
    /// The disk, with the contents of every archive named in front of it.
    public var files: any FileSource
    /// Templates and `.txt` files found and left out (files that are not plans by their content are found
    /// while reading, see `LoadedKit.skipped`).
    public var skipped: [SkippedFile]

    public init(kits: [KitSource], files: any FileSource = DiskFiles(), skipped: [SkippedFile] = []) {
        self.kits = kits
        self.files = files
        self.skipped = skipped
    }

    /// Every file of every kit.
    public var allFiles: [String] { kits.flatMap(\.files) }
}
