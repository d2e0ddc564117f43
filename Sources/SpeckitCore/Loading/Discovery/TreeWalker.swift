import Foundation

/// Walks a folder on disk the way `PathRules` says: the files it takes and the `.txt` files beside them,
/// sorted by path, each with its path relative to the folder walked.
///
/// Symbolic links to folders are not followed (a link loop would never end). A plan file that cannot be read
/// (a FIFO or device named `tasks.md`, a link that leads nowhere or round in a loop) is still listed, so
/// reading it reports it instead of skipping it silently.
enum TreeWalker {
    struct Entry {
        /// The path as it is spelt from the folder walked (`specs/001-a/plan.md` under `specs`).
        var path: String
        var relative: [Substring]
        var take: PathRules.Take
    }

    /// The files under `root` that `PathRules` takes (and `.txt` files), skipping what `filter` excludes;
    /// `excluded` tells whether the filter left anything out.
    static func walk(_ root: String, filter: PathFilter = PathFilter()) -> (entries: [Entry], excluded: Bool) {
        guard FileKind.of(root) == .folder || FileKind.followed(root) == .folder else { return ([], false) }
        var out: [Entry] = []
        var excluded = false
        var pending: [(path: String, relative: [Substring])] = [(root, [])]
        while let (folder, relative) = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                let inner = relative + [Substring(name)]
                switch FileKind.of(path) {
                case .folder:
                    guard PathRules.enters(inner) else { continue }
                    if filter.excludes(folder: path) { excluded = true } else { pending.append((path, inner)) }
                case .regular, .other, .missing:
                    let take = PathRules.take(inner)
                    guard take != .ignored else { continue }
                    if filter.keeps(file: path) { out.append(Entry(path: path, relative: inner, take: take)) } else { excluded = true }
                case .symlinkedFolder:
                    continue
                }
            }
        }
        return (out.sorted { $0.path < $1.path }, excluded)
    }

    /// The entries of a list of paths (an archive's, a git revision's) that a walk from their common folder
    /// would take: every folder on the way must be entered.
    static func select(_ paths: [String], filter: PathFilter? = nil) -> [Entry] {
        paths.sorted().compactMap { path in
            let relative = path.split(separator: "/")
            guard !relative.isEmpty else { return nil }
            for end in relative.indices.dropLast() where !PathRules.enters(Array(relative[...end])) { return nil }
            let take = PathRules.take(relative)
            guard take != .ignored, filter?.keeps(file: path) ?? true else { return nil }
            return Entry(path: path, relative: relative, take: take)
        }
    }
}

extension TreeWalker {
    /// Every regular file under `root` in the folders a walk enters (hidden files and links to folders left
    /// out): what `speckit pack` puts in an archive, so reading the archive sees what walking the folder saw.
    static func files(_ root: String, filter: PathFilter) -> [Entry] {
        var out: [Entry] = []
        var pending: [(path: String, relative: [Substring])] = [(root, [])]
        while let (folder, relative) = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let inner = relative + [Substring(name)]
                switch FileKind.of(path) {
                case .folder:
                    if PathRules.enters(inner), !filter.excludes(folder: path) { pending.append((path, inner)) }
                case .regular:
                    if !name.hasPrefix("."), filter.keeps(file: path) {
                        out.append(Entry(path: path, relative: inner, take: PathRules.take(inner)))
                    }
                default:
                    continue
                }
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
