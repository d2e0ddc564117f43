import Foundation

/// How reports name files: relative to the repository root (the nearest folder above the current one that
/// holds `.git`, else the current folder), as GitHub annotations, SARIF and Markdown links expect. A file
/// outside the root keeps the path it was given.
public struct ReportPaths: Sendable {
    /// The absolute folder paths are made relative to.
    public var root: String
    /// The absolute current folder relative paths are resolved from.
    public var current: String
    /// What Markdown links start with: empty for links relative to the repository root, or a URL such as
    /// `https://github.com/owner/repo/blob/<sha>/` so the links work from a pull-request comment.
    public var linkBase: String

    public init(root: String, current: String, linkBase: String = "") {
        self.root = Self.resolvingLinks(Self.standard(root))
        self.current = Self.standard(current)
        self.linkBase = linkBase
    }

    /// Paths relative to the repository holding the current folder; links go to the commit under test when
    /// run in GitHub Actions (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_SHA`).
    public static func forCurrentFolder(environment: [String: String]? = nil) -> ReportPaths {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let current = FileManager.default.currentDirectoryPath
        var linkBase = ""
        if let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
            let sha = environment["GITHUB_SHA"], !server.isEmpty, !repository.isEmpty, !sha.isEmpty
        {
            linkBase = "\(server)/\(repository)/blob/\(sha)/"
        }
        return ReportPaths(root: repositoryRoot(from: current) ?? current, current: current, linkBase: linkBase)
    }

    /// The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree).
    public static func repositoryRoot(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// `file` relative to the repository root, with `/` separators. A file reached through a symbolic link
    /// into the repository (`/tmp` for `/private/tmp`, a linked checkout) is named as inside it, so its
    /// findings keep their fingerprints however the path was spelt; a file outside keeps the path it was given.
    public func relative(_ file: String) -> String {
        let absolute = file.hasPrefix("/") ? Self.standard(file) : Self.standard(current + "/" + file)
        if let inside = Self.path(absolute, inside: root) { return inside }
        let resolved = Self.resolvingLinks(absolute)
        if resolved != absolute, let inside = Self.path(resolved, inside: root) { return inside }
        return file
    }

    /// The name a finding's fingerprint and a baseline give `file`, the same however the path was spelt and
    /// wherever speckit was run from: the file with every symbolic link resolved, relative to the top of
    /// the git repository holding it (`relative` when it is in none).
    public func identity(_ file: String) -> String {
        let absolute = file.hasPrefix("/") ? Self.standard(file) : Self.standard(current + "/" + file)
        let resolved = Self.resolvingLinks(absolute)
        let folder = (resolved as NSString).deletingLastPathComponent
        if let top = Self.repositoryRoot(from: folder).map({ Self.resolvingLinks(Self.standard($0)) }),
            let inside = Self.path(resolved, inside: top)
        {
            return inside
        }
        return relative(file)
    }

    /// `absolute` relative to `folder` ("." for the folder itself), or nil when it is not inside.
    package static func path(_ absolute: String, inside folder: String) -> String? {
        if absolute == folder { return "." }
        let prefix = folder == "/" ? "/" : folder + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }

    /// A standard absolute path with the symbolic links in the part of it that exists resolved; the rest
    /// (a file named but not yet written, a path in another revision) is kept as it is.
    package static func resolvingLinks(_ absolute: String) -> String {
        var existing = URL(fileURLWithPath: absolute).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            tail.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return standard(([existing.resolvingSymlinksInPath().path] + tail).joined(separator: "/"))
    }

    /// `file` as a relative URI reference (each path segment percent-encoded), for SARIF.
    public func uri(_ file: String) -> String {
        relative(file).split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? String($0) }
            .joined(separator: "/")
    }

    /// A link target for `file` at `line`: `spec/tasks.md#L41`, prefixed with `linkBase`.
    public func link(_ file: String, line: Int) -> String {
        linkBase + uri(file) + "#L\(line)"
    }

    /// Characters left as they are in a link or URI path segment.
    static let pathCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'*+=@")

    /// Resolves `.` and `..` without touching the disk.
    package static func standard(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
