import Foundation
import Synchronization

/// The files of the repository a kit lives in, for rules that ask whether a path a plan names exists
/// (`tasks.done-without-evidence`). Paths are in the namespace `exists` answers for: absolute on disk and at a
/// git revision, as given for files held in memory (a rule example).
public struct RepositoryFiles: Sendable {
    /// The repository's top folder.
    public let root: String
    /// A plan file's path, as the loader spells it, in this namespace.
    public let locate: @Sendable (String) -> String
    /// Whether a file or folder is at the path (never following a link at the end of it).
    public let exists: @Sendable (String) -> Bool
    /// The names of every file and folder in the repository (found once, when first asked for), and the plain
    /// names its top `.gitignore` leaves out (`dist`, `.env`): what a path names may have moved, or be generated.
    public let names: @Sendable () -> (all: Set<String>, ignored: Set<String>)

    public init(
        root: String, locate: @escaping @Sendable (String) -> String, exists: @escaping @Sendable (String) -> Bool,
        names: @escaping @Sendable () -> (all: Set<String>, ignored: Set<String>)
    ) {
        self.root = root
        self.locate = locate
        self.exists = exists
        self.names = names
    }

    /// The folders from the one holding `file` up to the repository's top, innermost first.
    public func folders(above file: String) -> [String] {
        var folder = Self.parent(of: locate(file))
        var out: [String] = []
        while folder.hasPrefix(root) || root.isEmpty {
            out.append(folder)
            if folder == root || folder.isEmpty || folder == "/" { break }
            folder = Self.parent(of: folder)
        }
        return out
    }

    /// `folder/relative` (just `relative` at the top of a namespace without one).
    public static func join(_ folder: String, _ relative: String) -> String {
        folder.isEmpty ? relative : (folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The repository on disk holding `folder` (the nearest folder above it with a `.git`), or nil when there
    /// is none.
    static func disk(containing folder: String) -> RepositoryFiles? {
        var url = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL
        while true {
            var info = stat()
            if lstat(url.appendingPathComponent(".git").path, &info) == 0 {
                let root = url.path
                return RepositoryFiles(
                    root: root, locate: { URL(fileURLWithPath: $0).standardizedFileURL.path },
                    exists: { path in
                        var info = stat()
                        return lstat(path, &info) == 0
                    },
                    names: { diskNames(root) })
            }
            if url.path == "/" { return nil }
            url.deleteLastPathComponent()
        }
    }

    /// Files held in memory as a repository of their own: a path exists when a file is at it or below it.
    static func memory(_ paths: Set<String>) -> RepositoryFiles {
        var all = paths
        for path in paths {
            var folder = parent(of: path)
            while !folder.isEmpty, all.insert(folder).inserted { folder = parent(of: folder) }
        }
        let known = all
        let names = Set(all.map { String($0.split(separator: "/").last ?? "") })
        return RepositoryFiles(root: "", locate: { $0 }, exists: { known.contains($0) }, names: { (names, []) })
    }

    /// The entries of a `.gitignore` that are plain names (`dist`, `/build/`, `.env`), not patterns or paths.
    static func plainNames(inGitignore text: String) -> Set<String> {
        var out: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard !entry.isEmpty, !entry.hasPrefix("#"), !entry.hasPrefix("!"), !entry.contains(where: { "*?[]/\\".contains($0) }) else {
                continue
            }
            out.insert(entry)
        }
        return out
    }

    /// The names found under each repository on disk, by its top folder: walked once per run.
    private static let walked = Mutex([String: (all: Set<String>, ignored: Set<String>)]())

    /// Every file and folder name under `root` (not inside `.git` or folders its `.gitignore` names, without
    /// following links, at most 500,000 entries), and those plain names of its `.gitignore`.
    private static func diskNames(_ root: String) -> (all: Set<String>, ignored: Set<String>) {
        if let known = walked.withLock({ $0[root] }) { return known }
        var ignored: Set<String> = [".git"]
        if let text = try? String(contentsOfFile: root + "/.gitignore", encoding: .utf8) {
            ignored.formUnion(plainNames(inGitignore: text))
        }
        var all: Set<String> = []
        var pending = [root]
        var seen = 0
        while let folder = pending.popLast(), seen < 500_000 {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in entries where !ignored.contains(name) {
                seen += 1
                all.insert(name)
                var info = stat()
                let path = folder + "/" + name
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
            }
        }
        let found = (all, ignored)
        walked.withLock { $0[root] = found }
        return found
    }
}
