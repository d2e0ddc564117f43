import Foundation

/// The files a change touched (everything that differs from the base: edited, added, deleted, and new files
/// not ignored), for diff rules that ask whether a task ticked in the change came with its work.
public struct TouchedFiles: Sendable {
    /// Paths relative to the repository's top.
    public let paths: Set<String>
    /// A plan file's path, as the loader spells it, relative to the repository's top.
    public let locate: @Sendable (String) -> String

    public init(paths: Set<String>, locate: @escaping @Sendable (String) -> String) {
        self.paths = paths
        self.locate = locate
    }

    /// Whether the change touched the file `path` names, as written in the plan file `plan`: relative to a
    /// folder from the plan's up to the top, or (written relative to a sub-project) as the end of a touched path.
    public func touched(_ path: String, from plan: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        var folder = RepositoryFiles.parent(of: locate(plan))
        while true {
            let candidate = RepositoryFiles.join(folder, trimmed)
            if paths.contains(candidate) || paths.contains(where: { $0.hasPrefix(candidate + "/") }) { return true }
            if folder.isEmpty { break }
            folder = RepositoryFiles.parent(of: folder)
        }
        return paths.contains { $0.hasSuffix("/" + trimmed) || $0.contains("/" + trimmed + "/") }
    }
}

extension GitRevision {
    /// What the working tree changed since this revision: tracked files that differ (staged or not, deleted
    /// included) and new files git does not ignore.
    public func touched() throws -> TouchedFiles {
        var paths: Set<String> = []
        for arguments in [["diff", "--name-only", "-z", "--no-renames", commit], ["ls-files", "--others", "--exclude-standard", "-z"]] {
            for name in try Git.run(arguments, in: root).split(separator: 0) { paths.insert(String(decoding: name, as: UTF8.self)) }
        }
        let top = root
        return TouchedFiles(
            paths: paths,
            locate: { file in
                let absolute = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
                return absolute.hasPrefix(top + "/") ? String(absolute.dropFirst(top.count + 1)) : file
            })
    }
}
