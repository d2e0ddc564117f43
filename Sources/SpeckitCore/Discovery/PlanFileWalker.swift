import Foundation

/// Finds the plan files under a folder: Markdown, YAML plans and Taskmaster `tasks.json`, sorted by path.
enum PlanFileWalker {
    /// Folders never entered (build output, dependencies, VCS); other hidden folders are entered only when
    /// they are a known kit layout (`.specify`, `.kiro`, `.taskmaster`). Symbolic links to folders are not
    /// followed (a link loop would never end); only regular files (or links to them) are read, never FIFOs
    /// or devices. A plan file that cannot be read (a FIFO or device named `tasks.md`, a link that leads
    /// nowhere or round in a loop) is still listed, so reading it reports it instead of skipping it silently.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm", "vendor", "Pods", "DerivedData"]
    static let visibleHiddenFolders: Set<String> = [".specify", ".kiro", ".taskmaster"]

    /// Plan files under `root`, skipping folders and files the filter excludes.
    static func files(under root: String, filter: PathFilter = PathFilter()) -> [String] {
        let manager = FileManager.default
        var out: [String] = []
        guard FileKind.of(root) == .folder || FileKind.followed(root) == .folder else { return [] }
        var pending = [root]
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                switch FileKind.of(path) {
                case .folder:
                    if skippedFolders.contains(name) { continue }
                    if name.hasPrefix("."), !visibleHiddenFolders.contains(name) { continue }
                    if filter.excludes(folder: path) { continue }
                    pending.append(path)
                case .regular, .other, .missing:
                    if !name.hasPrefix("."), isPlanFile(name), filter.keeps(file: path) { out.append(path) }
                default:
                    continue
                }
            }
        }
        return out.sorted()
    }

    static func isPlanFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            return true
        }
        return lower.hasSuffix(".json") && lower.contains("task")
    }

    /// The format a file is read as, from its extension (anything else is read as Markdown text).
    static func format(of path: String) -> Document.Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        if lower.hasSuffix(".json") { return .json }
        return .markdown
    }
}

/// What a path is, as far as walking and reading care.
public enum FileKind: Equatable, Sendable {
    case folder, regular, symlinkedFolder, other, missing

    /// The path itself, without following a final symbolic link to a folder.
    public static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            switch followed(path) {
            case .folder: return .symlinkedFolder
            case let kind: return kind
            }
        }
        return kind(info)
    }

    /// Whether the path itself is a symbolic link (whatever it leads to).
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// What the path leads to, following symbolic links.
    public static func followed(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(info)
    }

    private static func kind(_ info: stat) -> FileKind {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .regular
        default: return .other
        }
    }
}

/// The plan files under a folder, for commands that work file by file (`speckit fix`).
public enum PlanFiles {
    public static func under(_ folder: String) -> [String] { PlanFileWalker.files(under: folder) }
}
