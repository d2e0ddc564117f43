/// Groups the files found under the paths of a run into kits, by the layouts of `KitLayouts`.
///
/// Layouts are recognised on absolute paths, so `speckit validate` run inside `specs/002-photos` finds the
/// same kit as one run at the repository root. Files found by walking a folder are kit documents when a
/// layout places them and templates are left out; a file named on the command line is always read.
enum KitDiscovery {
    /// A file found for a run.
    struct Found {
        enum Origin { case walked, named, context }

        /// The path as it is shown (spelt from the path given on the command line, or inside an archive).
        var path: String
        /// The components of its absolute path (or of where an archived kit was packed from), for layouts.
        var parts: [String]
        /// Its path as the walking and template rules read it (see `TreeWalker`).
        var relative: [Substring]
        /// Walked under a folder given, named on the command line, or read for the context of a named file.
        var origin: Origin
        /// Its path below the folder walked, when that differs from `relative` (a folder walked from outside
        /// it): test data is judged on it, so that `validate tests` reads the folder it names.
        var inside: [Substring]? = nil
        /// The archive it is an entry of: kits never mix files of two archives or of an archive and the disk,
        /// and a kit's folder never climbs above its archive.
        var container: String? = nil
        /// For an archive's entry, how many of `parts` are the archive's own place: a forced profile makes the
        /// whole archive one kit (a kit packed by hand has no manifest to say where its folders were).
        var containerDepth: Int? = nil
    }

    /// A kit as grouped, with where its folder is.
    struct Group {
        var source: KitSource
        /// The components of the kit folder's absolute path.
        var absoluteRoot: [String]
        /// The kit is one file, not a folder.
        var single: Bool
        /// The archive the kit's files are entries of.
        var container: String?
    }

    /// The kits `found` makes up, sorted by root then name, and the templates left out. `neighbours` adds the
    /// names of files beside a named file (read from its folder), which the layouts that go by the files a
    /// folder holds need.
    static func group(
        _ found: [Found], profile forced: Kit.Profile?, includeTemplates: Bool, neighbours: [String: Set<String>] = [:]
    ) -> (kits: [Group], skipped: [SkippedFile]) {
        var siblings = Dictionary(grouping: found, by: { folderKey($0) }).mapValues { Set($0.compactMap { $0.parts.last?.lowercased() }) }
        siblings.merge(neighbours) { $0.union($1) }
        var groups: [String: Group] = [:]
        var skipped: [SkippedFile] = []
        for file in found {
            let folderSiblings = siblings[folderKey(file)] ?? []
            // A template is left out and counted; with `includeTemplates` it is read like any plan (one in a
            // tool's folder, or in no layout, as a plan of its own).
            let template = file.origin == .named ? nil : PathRules.template(file.relative)
            if let why = template, !includeTemplates {
                skipped.append(SkippedFile(path: file.path, reason: .template, detail: why))
                continue
            }
            // Test data (a tool's sample plans, broken on purpose) is left out unless named.
            if file.origin == .walked, let why = PathRules.testData(file.inside ?? file.relative) {
                skipped.append(SkippedFile(path: file.path, reason: .testData, detail: why))
                continue
            }
            guard
                let (layout, placement) = place(
                    file, siblings: folderSiblings, forced: forced, asNamed: template != nil)
            else { continue }
            let rootParts = Array(file.parts.prefix(placement.depth))
            let key = (file.container ?? "") + "\u{0}" + rootParts.joined(separator: "/") + (placement.single ? "\u{0}" + file.path : "")
            if groups[key] == nil {
                var levels = file.parts.count - 1 - placement.depth
                if let container = file.container {
                    // Inside an archive a kit's folder is at most the archive itself.
                    levels = min(levels, file.path.dropFirst(container.count + 1).split(separator: "/").count - 1)
                }
                let root = placement.single ? folder(of: file.path) : ancestor(folder(of: file.path), levels: levels)
                let name = placement.single ? (file.parts.last ?? file.path) : (placement.name ?? rootParts.last ?? "/")
                groups[key] = Group(
                    source: KitSource(
                        name: name, root: root, profile: layout.profile, files: [],
                        expectedDocuments: placement.expectedDocuments ?? layout.expectedDocuments, archived: placement.archived),
                    absoluteRoot: rootParts, single: placement.single, container: file.container)
            }
            // Changed in place: a copy taken out and put back would copy the kit's list of files each time,
            // quadratic in the files of one folder.
            groups[key]?.source.files.append(file.path)
            if placement.reference { groups[key]?.source.references.insert(file.path) }
            if file.origin == .named { groups[key]?.source.named.insert(file.path) }
            if file.origin != .context {
                if groups[key]?.source.focus == nil { groups[key]?.source.focus = [] }
                groups[key]?.source.focus?.insert(file.path)
            }
        }
        let contextual = Set(found.filter { $0.origin == .context }.map(\.path))
        // A kit made only of files read for context is another kit beside the one asked for (the nested specs
        // beside a flat `.kiro/specs/tasks.md`): not part of the run.
        let kits = groups.values.filter { !$0.source.files.allSatisfy(contextual.contains) }.map { group in
            var group = group
            group.source.files.sort()
            // A kit with files read only for context reports on the others; otherwise on everything.
            if group.source.files.allSatisfy({ !contextual.contains($0) }) { group.source.focus = nil }
            return group
        }
        return (kits.sorted { ($0.source.root, $0.source.name) < ($1.source.root, $1.source.name) }, skipped)
    }

    /// The layout and kit of a file; nil when it belongs to none (a README walked past, a tool's own file).
    static func place(_ file: Found, siblings: Set<String>, forced: Kit.Profile?, asNamed: Bool = false) -> (any KitLayout, KitPlacement)? {
        let named = asNamed || file.origin == .named
        let path = LayoutPath(parts: file.parts, siblings: siblings)
        let natural = KitLayouts.place(path)
        if let forced {
            // A forced profile makes every folder a kit of it, but a tool's own files stay out.
            if natural?.placement == .toolFile, !named { return nil }
            let depth = forced == .freeform ? file.parts.count - 1 : (file.containerDepth ?? file.parts.count - 1)
            return (KitLayouts.layout(for: forced), KitPlacement(depth: depth, single: forced == .freeform))
        }
        if let (layout, placement) = natural, case .kit(let kit) = placement { return (layout, kit) }
        // A file named on the command line (or a tool's template asked for) is read whatever it is: a plan of its own.
        guard named else { return nil }
        return (FreeformLayout(), KitPlacement(depth: file.parts.count - 1, single: true))
    }

    /// The key of a file's folder among its siblings: its archive and its folder's components.
    static func folderKey(_ file: Found) -> String {
        (file.container ?? "") + "\u{0}" + file.parts.dropLast().joined(separator: "/")
    }

    /// The folder `levels` above `folder`, written the way `folder` is (relative stays relative).
    static func ancestor(_ folder: String, levels: Int) -> String {
        var out = folder
        for _ in 0..<max(levels, 0) {
            if out == "." {
                out = ".."
            } else if out == ".." || out.hasSuffix("/..") {
                out += "/.."
            } else {
                out = self.folder(of: out)
            }
        }
        return out
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `path` as the components of an absolute, normalised path (`.` and `..` resolved) from `base`.
    static func absoluteParts(_ path: String, base: String) -> [String] {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [String] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(String(part))
        }
        return parts
    }
}
