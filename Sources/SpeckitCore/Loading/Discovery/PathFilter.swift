import Foundation

/// The configuration's include and exclude globs, matched against paths relative to the configuration's
/// folder (or to the current folder when there is no configuration file).
package struct PathFilter: Sendable {
    package var include: [Glob]
    package var exclude: [Glob]
    /// The absolute folder the globs are relative to.
    package var root: String?
    private let cwd: String

    package init(include: [String] = [], exclude: [String] = [], root: String? = nil) {
        self.include = include.map(Glob.init)
        self.exclude = exclude.map(Glob.init)
        self.root = root
        self.cwd = FileManager.default.currentDirectoryPath
    }

    /// Whether a folder is skipped.
    package func excludes(folder path: String) -> Bool {
        !exclude.isEmpty && exclude.contains { $0.matches(relative(path)) }
    }

    /// Whether a file is read.
    package func keeps(file path: String) -> Bool {
        guard !include.isEmpty || !exclude.isEmpty else { return true }
        let relative = relative(path)
        if exclude.contains(where: { $0.matches(relative) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relative) }
    }

    /// `path` relative to `root`, when it lies inside it.
    func relative(_ path: String) -> String {
        guard let root else { return path }
        let absolute = URL(fileURLWithPath: path.hasPrefix("/") ? path : cwd + "/" + path).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
    }
}
