import Foundation

/// Walks a folder on disk the way `PathRules` says, sorted by path: every file in the folders a walk enters,
/// each with what `PathRules.take` makes of it and what it is on disk. Discovery reads the files it takes;
/// `speckit pack` packs the regular ones; both see the same tree.
///
/// Which folders are entered and which files are taken is judged below the folder walked (a folder named
/// on the command line is read, hidden or not); whether a file is a template is judged on its path as spelt
/// from the current folder (`templates/x.md` is a template whether `.` or `templates` was walked). Symbolic links to folders are not followed (a link loop would never end). A file that cannot be
/// read (a FIFO or device named `tasks.md`, a link that leads nowhere or round in a loop) is still listed, so
/// reading it reports it instead of skipping it silently.
enum TreeWalker {
    struct Entry {
        /// The path as it is spelt from the folder walked (`specs/001-a/plan.md` under `specs`).
        var path: String
        /// The path below the folder walked: what the walking rules read, and what an archive of the folder
        /// names it.
        var inside: [Substring]
        /// The path as spelt from the current folder (from the folder walked, when it was given as an
        /// absolute path), for the template rules.
        var relative: [Substring]
        var take: PathRules.Take
        /// A regular file (or a link to one); otherwise a FIFO, device or link that leads nowhere.
        var regular: Bool
        /// Why a file or folder the walk met cannot be read at all (a name that is not UTF-8, a folder that
        /// cannot be listed): reported, never skipped silently. Such an entry is never regular.
        var problem: String? = nil
    }

    /// Extensions of files whose name, were it readable, could be a plan: a name that is not UTF-8 is
    /// reported only for those (and for folders), not for every image or binary with a Latin-1 name.
    static let planExtensions = [".md", ".markdown", ".yaml", ".yml", ".json", ".txt"]

    /// Every file under `root` (hidden files left out), skipping what `filter` excludes; `excluded` tells
    /// whether the filter left anything out.
    static func walk(_ root: String, filter: PathFilter = PathFilter()) -> (entries: [Entry], excluded: Bool) {
        let walk = walkNotingLinks(root, filter: filter)
        return (walk.entries, walk.excluded)
    }

    /// `walk`, and the symbolic links to folders it passed without entering that it would have entered were
    /// they folders (`speckit pack` refuses them rather than leave their files out silently).
    static func walkNotingLinks(_ root: String, filter: PathFilter = PathFilter())
        -> (entries: [Entry], excluded: Bool, linkedFolders: [Entry])
    {
        guard FileKind.of(root) == .folder || FileKind.followed(root) == .folder else { return ([], false, []) }
        var out: [Entry] = []
        var linked: [Entry] = []
        var excluded = false
        let spelt = spelt(root)
        var pending: [(path: String, inside: [Substring])] = [(root, [])]
        while let (folder, inside) = pending.popLast() {
            guard let listing = FolderListing.read(folder) else {
                // The folder named on the command line was checked to be one; below it, one that cannot be
                // listed may hold plans nobody would know were not read.
                if !inside.isEmpty {
                    out.append(
                        Entry(
                            path: folder, inside: inside, relative: spelt + inside, take: .candidate, regular: false,
                            problem: "a folder that cannot be listed (permission denied?); its plans were not read"))
                }
                continue
            }
            for (name, isFolder) in listing.undecodable {
                let below = inside + [Substring(name)]
                guard isFolder ? PathRules.enters(below) : Self.planExtensions.contains(where: { name.lowercased().hasSuffix($0) }) else {
                    continue
                }
                out.append(
                    Entry(
                        path: join(folder, name), inside: below, relative: spelt + below, take: .candidate, regular: false,
                        problem: "a \(isFolder ? "folder" : "file") whose name is not UTF-8; speckit reads names as UTF-8 "
                            + "(rename it to have \(isFolder ? "its plans" : "it") read)"))
            }
            for name in listing.names where !name.hasPrefix(".") || [.folder, .symlinkedFolder].contains(FileKind.of(join(folder, name))) {
                let path = join(folder, name)
                let below = inside + [Substring(name)]
                switch FileKind.of(path) {
                case .folder:
                    guard PathRules.enters(below) else { continue }
                    if filter.excludes(folder: path) { excluded = true } else { pending.append((path, below)) }
                case .regular, .other, .missing:
                    guard filter.keeps(file: path) else {
                        excluded = excluded || PathRules.take(below) != .ignored
                        continue
                    }
                    out.append(
                        Entry(
                            path: path, inside: below, relative: spelt + below, take: PathRules.take(below),
                            regular: FileKind.of(path) == .regular))
                case .symlinkedFolder:
                    if PathRules.enters(below), !filter.excludes(folder: path) {
                        linked.append(Entry(path: path, inside: below, relative: spelt + below, take: .ignored, regular: false))
                    }
                }
            }
        }
        return (out.sorted { $0.path < $1.path }, excluded, linked.sorted { $0.path < $1.path })
    }

    /// The entries of a list of paths (an archive's, a git revision's) that a walk would take: every folder
    /// on the way must be entered. `.` and `..` components are not part of what the rules read.
    static func select(_ paths: [String]) -> [Entry] {
        paths.sorted().compactMap { path in
            let relative = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
            guard !relative.isEmpty else { return nil }
            for end in relative.indices.dropLast() where !PathRules.enters(Array(relative[...end])) { return nil }
            let take = PathRules.take(relative)
            guard take != .ignored else { return nil }
            return Entry(path: path, inside: relative, relative: relative, take: take, regular: true)
        }
    }

    /// A folder's path as the rules read it: its components from the current folder (`.` and `..` left
    /// out), or none for an absolute path.
    static func spelt(_ path: String) -> [Substring] {
        path.hasPrefix("/") ? [] : path.split(separator: "/").filter { $0 != "." && $0 != ".." }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }
}
