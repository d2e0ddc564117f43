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
    /// A folder plan files found by walking must not lead out of through a symbolic link (the run step's
    /// working folder); nil: the repository each file is in, else the folder walked (see `LinkBoundary`).
    public var linkBoundary: String? = nil
    /// Read a file named on the command line only when walking its folder from the current one would read it:
    /// placed by a layout or named like a plan, not a template, test data, hidden, or left out by the
    /// configuration's globs (`--only-plans`, for hooks handed every file a commit changed).
    public var namedAsWalked = false

    /// A loader with `settings`; relative paths start from `base` (default: the current folder).
    public init(settings: ValidationSettings = ValidationSettings(), base: String? = nil) {
        self.settings = settings
        self.base = base ?? FileManager.default.currentDirectoryPath
    }

    /// The kits under `paths`.
    /// A path that is a glob the shell did not expand (`'specs/**/tasks.md'`) stands for the files it
    /// matches, each named (`PathPatterns`).
    /// - Throws: `SpeckitError.pathNotFound`, `.noMatch` (a glob that matches no file), `.noPlanFiles` (a
    ///   folder with no plan file in it), `.noKits` (nothing found is a plan), or `.archive` for an archive
    ///   that cannot be read.
    public func discover(_ paths: [String]) throws -> KitSet {
        let paths = try PathPatterns.expand(paths)
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let links = LinkBoundary(fixed: linkBoundary)
        var run = Run()
        for path in paths {
            if ArchiveKit.isArchive(path), FileKind.followed(path) == .regular {
                run.add(try ArchiveKit.read(path, limits: settings.archiveLimits), name: path, base: base)
                continue
            }
            switch FileKind.followed(path) {
            case .folder:
                let (entries, excluded) = TreeWalker.walk(path, filter: filter)
                let taken = entries.filter { $0.take != .ignored }
                run.excluded = run.excluded || excluded
                guard !taken.isEmpty else {
                    if excluded, let root = settings.root { throw SpeckitError.excluded(path, configuration: root) }
                    throw SpeckitError.noPlanFiles(path)
                }
                run.walked.append(KitDiscovery.absoluteParts(path, base: base))
                for entry in taken {
                    if let problem = entry.problem {
                        // Read as named (a kit of its own) so that reading it reports why it cannot be read.
                        run.found.append(item(entry.path, relative: entry.relative, origin: .named))
                        run.refused[entry.path] = .unreadable(entry.path, reason: problem)
                        continue
                    }
                    var file = item(entry.path, relative: entry.relative, origin: .walked)
                    file.inside = entry.inside
                    run.take(file, entry.take)
                    if let refusal = links.refusal(for: entry.path, walkedFrom: path) { run.refused[entry.path] = refusal }
                }
            case .missing:
                // A link that leads nowhere or round in a loop is there: reading it reports what it is.
                guard FileKind.isLink(path) else { throw SpeckitError.pathNotFound(path) }
                run.found.append(item(path, relative: [Substring(KitDiscovery.fileName(path))], origin: .named))
            default:
                if namedAsWalked {
                    let parts = Self.walkedParts(path, from: base)
                    // As the walk from the current folder would meet it: its layout decides, or nothing does.
                    guard filter.keeps(file: path), PathRules.take(parts) == .candidate else { continue }
                    var file = item(path, relative: parts, origin: .walked)
                    file.inside = parts
                    run.found.append(file)
                    continue
                }
                run.found.append(item(path, relative: [Substring(KitDiscovery.fileName(path))], origin: .named))
            }
        }
        if paths.count > 1 { run.found = Self.readOnce(run.found) }
        let context = context(for: run.found, walked: run.walked)
        for file in context {
            if let refusal = links.refusal(for: file.path, walkedFrom: KitDiscovery.folder(of: file.path)) {
                run.refused[file.path] = refusal
            }
        }
        run.found += context
        let set = assemble(run)
        guard !set.kits.isEmpty else {
            if paths.count == run.archives.count, let archive = run.archives.first { throw SpeckitError.noPlanFiles(archive.path) }
            if run.excluded, let root = settings.root { throw SpeckitError.excluded(paths.first ?? ".", configuration: root) }
            throw SpeckitError.noKits(paths.first ?? ".", skipped: SkippedFile.summary(set.skipped))
        }
        return set
    }

    /// The kits under `paths`, where the path `-` is a plan read from standard input, `bytes`, named `name`
    /// in findings (and placed by that name: `specs/001-x/tasks.md` is read as that kit's tasks, with the rest
    /// of the kit on disk for context, the text from stdin in place of the file on disk).
    public func discover(_ paths: [String], standardInput bytes: [UInt8], name: String) throws -> KitSet {
        let named = paths.map { $0 == "-" ? name : $0 }
        var set: KitSet
        if FileKind.followed(name) == .regular {
            set = try discover(named)
        } else {
            let others = named.filter { $0 != name }
            var parts = Array(name.split(separator: "/"))
            parts.removeAll { $0 == "." }
            let listed = KitLoader(settings: settings, base: base)
                .discover(listed: [(path: name, relative: parts.isEmpty ? [Substring(name)] : parts, named: true)], files: DiskFiles())
            set = others.isEmpty ? listed : try discover(others)
            if !others.isEmpty {
                set.kits = listed.kits + set.kits
                set.skipped = listed.skipped + set.skipped
            }
        }
        set.files = LayeredFiles(memory: [name: bytes], fallback: set.files)
        return set
    }

    /// The kits of an archive held in memory (`name` is its path in findings), found as `discover` finds
    /// those of an archive named on the command line.
    public func discover(archive bytes: [UInt8], name: String) throws -> KitSet {
        var run = Run()
        run.add(try ArchiveKit.read(bytes: bytes, name: name, limits: settings.archiveLimits), name: name, base: base)
        return assemble(run, disk: MemoryFiles([]))
    }

    /// The kits of files held in memory (rule examples, a generated kit, an archive about to be written),
    /// found as if they lay under the folder `root` (components of an absolute path; none: the root of the
    /// file system): every file is walked, none is named.
    public func discover(memory: [String: [UInt8]], root: [String] = [], repository: Bool = false) -> KitSet {
        let found = TreeWalker.select(Array(memory.keys)).filter { $0.take == .candidate }.map {
            KitDiscovery.Found(path: $0.path, parts: root + $0.relative.map(String.init), relative: $0.relative, origin: .walked)
        }
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        let files = MemoryFiles(memory.map { ($0.key, $0.value) }, repository: repository ? RepositoryFiles.memory(Set(memory.keys)) : nil)
        return KitSet(kits: grouped.kits.map(\.source), files: files, skipped: grouped.skipped)
    }

    /// The kits of files listed at a git revision (`GitRevision.planFiles`), read from `files`.
    public func discover(listed: [(path: String, relative: [Substring], named: Bool)], files: any FileSource) -> KitSet {
        let found = listed.map { item($0.path, relative: $0.relative, origin: $0.named ? .named : .walked) }
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: settings.includeTemplates)
        return KitSet(kits: grouped.kits.map(\.source), files: files, skipped: grouped.skipped)
    }

    // MARK: Pieces

    /// The components of `path` below the folder `base` (spelt relative, absolute or through a link); none
    /// when a walk of `base` never reaches it (`node_modules/…`, a hidden folder, a file outside `base`).
    static func walkedParts(_ path: String, from base: String) -> [Substring] {
        let inside = ReportPaths(root: base, current: base).relative(path)
        guard !inside.hasPrefix("/"), inside != "." else { return [] }
        let parts = inside.split(separator: "/")
        guard !parts.contains("..") else { return [] }
        for end in parts.indices.dropLast() where !PathRules.enters(Array(parts[...end])) { return [] }
        return parts
    }

    /// What one run has found so far.
    private struct Run {
        var found: [KitDiscovery.Found] = []
        var texts: [KitDiscovery.Found] = []
        /// The folders walked whole (components of their absolute paths).
        var walked: [[String]] = []
        var excluded = false
        var memory: [String: [UInt8]] = [:]
        var refused: [String: SpeckitError] = [:]
        var archives: [(path: String, manifest: KitPacker.Manifest?)] = []

        mutating func take(_ file: KitDiscovery.Found, _ take: PathRules.Take) {
            if take == .text { texts.append(file) } else if take == .candidate { found.append(file) }
        }

        /// An archive's entries, placed where its manifest says its kit was packed from (when that is sound),
        /// else where the archive is; they belong to the archive and are never walked on disk for context.
        mutating func add(_ contents: ArchiveKit.Contents, name: String, base: String) {
            memory.merge(contents.memory) { $1 }
            refused.merge(contents.refused) { $1 }
            archives.append((name, contents.manifest))
            let root = contents.manifest?.kit.root.flatMap(KitLoader.placingRoot) ?? KitDiscovery.absoluteParts(name, base: base)
            for entry in TreeWalker.select(contents.entries) {
                var file = KitDiscovery.Found(
                    path: name + "/" + entry.path, parts: root + entry.relative.map(String.init), relative: entry.relative, origin: .walked)
                file.container = name
                file.containerDepth = root.count
                take(file, entry.take)
            }
        }
    }

    /// The kits of what a run found: grouped by layout, an archive's one kit keeping its manifest's name and
    /// profile, refused archive entries reported with their archive's first kit, `.txt` plans counted.
    private func assemble(_ run: Run, disk: any FileSource = DiskFiles()) -> KitSet {
        let grouped = KitDiscovery.group(
            run.found, profile: settings.profile, includeTemplates: settings.includeTemplates, neighbours: neighbours(of: run.found))
        var kits = Self.applyManifests(run.archives, to: grouped.kits, forced: settings.profile)
        for (archive, _) in run.archives {
            let entries = run.refused.keys.filter { $0.hasPrefix(archive + "/") }.sorted()
            guard !entries.isEmpty else { continue }
            if let index = kits.firstIndex(where: { $0.container == archive }) {
                kits[index].source.files = (kits[index].source.files + entries).sorted()
                kits[index].source.named.formUnion(entries)
            } else {
                let source = KitSource(
                    name: KitDiscovery.fileName(archive), root: archive, profile: .freeform, files: entries, named: Set(entries))
                kits.append(KitDiscovery.Group(source: source, absoluteRoot: [], single: false, container: archive))
            }
        }
        let files: any FileSource =
            run.memory.isEmpty && run.refused.isEmpty ? disk : LayeredFiles(memory: run.memory, refused: run.refused, fallback: disk)
        return KitSet(kits: kits.map(\.source), files: files, skipped: grouped.skipped + textPlans(run.texts, files: files))
    }

    /// A file found on disk (or at a git revision); `relative` is its path as the rules read it.
    private func item(_ path: String, relative: [Substring], origin: KitDiscovery.Found.Origin) -> KitDiscovery.Found {
        KitDiscovery.Found(path: path, parts: KitDiscovery.absoluteParts(path, base: base), relative: relative, origin: origin)
    }

    /// The names of the plan files beside each named file, read from its folder: the layouts that go by what
    /// a folder holds (speckit's constitution and one more, Kiro's three documents) place a named file as
    /// they place it when its folder is walked.
    private func neighbours(of found: [KitDiscovery.Found]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for file in found where file.origin == .named && file.container == nil {
            let key = KitDiscovery.folderKey(file)
            guard out[key] == nil else { continue }
            let folder = KitDiscovery.folder(of: file.path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            out[key] = Set(names.filter { PathRules.take([Substring($0)]) == .candidate }.map { $0.lowercased() })
        }
        return out
    }

    /// The same file reached through two paths (`validate . docs`, `a.md ./a.md`) is read once; a named file
    /// that a folder walk also found is kept as named.
    static func readOnce(_ found: [KitDiscovery.Found]) -> [KitDiscovery.Found] {
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        var seen: [String: Int] = [:]
        var out: [KitDiscovery.Found] = []
        for file in found {
            let key = file.container.map { $0 + "\u{0}" + file.path } ?? real(file.path)
            if let index = seen[key] {
                if file.origin == .named { out[index].origin = .named }
                continue
            }
            seen[key] = out.count
            out.append(file)
        }
        return out
    }

    /// The rest of each kit on disk that a named file (or a folder inside a kit) belongs to but no folder walk
    /// covered: read for context, never reported on. The configuration's globs do not apply: the file was
    /// asked for, and its kit is its kit. An archive's kits are never completed from the disk.
    private func context(for found: [KitDiscovery.Found], walked: [[String]]) -> [KitDiscovery.Found] {
        let grouped = KitDiscovery.group(found, profile: settings.profile, includeTemplates: true, neighbours: neighbours(of: found))
        var known = Set(found.map(\.parts))
        var out: [KitDiscovery.Found] = []
        for group in grouped.kits where !group.single && group.container == nil {
            let covered = walked.contains { walk in group.absoluteRoot.starts(with: walk) }
            guard !covered, FileKind.followed(group.source.root) == .folder else { continue }
            for entry in TreeWalker.walk(group.source.root).entries where entry.take == .candidate && entry.problem == nil {
                let item = self.item(entry.path, relative: entry.relative, origin: .context)
                guard known.insert(item.parts).inserted else { continue }
                out.append(item)
            }
        }
        return out
    }

    /// The folders a manifest says its kit was packed from, when they are sound: a manifest is a stranger's
    /// file, so a root that is absolute, climbs with `..`, holds control characters or is absurdly long is
    /// ignored (the archive is then found by its entries, as one without a manifest).
    static func placingRoot(_ root: String) -> [String]? {
        let parts = root.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !root.hasPrefix("/"), root.utf8.count <= 1_024, parts.count <= 32,
            parts.allSatisfy({ part in
                !part.isEmpty && part != "." && part != ".." && !part.unicodeScalars.contains { $0.properties.generalCategory == .control }
            })
        else { return nil }
        return parts
    }

    /// An archive `speckit pack` wrote holds one kit: it keeps the manifest's name (when it is a sound name)
    /// and its profile unless one is forced.
    static func applyManifests(
        _ archives: [(path: String, manifest: KitPacker.Manifest?)], to kits: [KitDiscovery.Group], forced: Kit.Profile?
    ) -> [KitDiscovery.Group] {
        var kits = kits
        for (archive, manifest) in archives {
            guard let manifest else { continue }
            let inside = kits.indices.filter { kits[$0].container == archive }
            guard inside.count == 1, let index = inside.first else { continue }
            let name = manifest.kit.name
            if !name.isEmpty, name.utf8.count <= 255, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                kits[index].source.name = name
            }
            if forced == nil, kits[index].source.profile != manifest.kit.profile {
                kits[index].source.profile = manifest.kit.profile
                kits[index].source.expectedDocuments = KitLayouts.layout(for: manifest.kit.profile).expectedDocuments
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
