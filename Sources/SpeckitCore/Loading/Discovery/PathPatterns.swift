/// PATH arguments that are globs a shell did not expand (`speckit validate 'specs/**/tasks.md'`, as CI
/// configuration quotes them): each becomes the files it matches, as the shell would have given them, found
/// by the walk every folder gets (never into `.git`, `node_modules` or hidden folders below the fixed part,
/// never through a link to a folder). `*` and `?` stay within a name, `**` is any number of folders.
enum PathPatterns {
    /// Whether `path` is a pattern: it holds `*` or `?` and no file of that name exists.
    static func isPattern(_ path: String) -> Bool {
        (path.contains("*") || path.contains("?")) && FileKind.of(path) == .missing
    }

    /// `paths` with every pattern replaced by the files it matches, sorted.
    /// - Throws: `SpeckitError.noMatch` for a pattern that matches no file.
    static func expand(_ paths: [String]) throws -> [String] {
        guard paths.contains(where: isPattern) else { return paths }
        return try paths.flatMap { path in
            guard isPattern(path) else { return [path] }
            let matches = files(matching: path)
            guard !matches.isEmpty else { throw SpeckitError.noMatch(path) }
            return matches
        }
    }

    /// The files `pattern` matches: the folder before its first wildcard is walked.
    static func files(matching pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let fixed = parts.prefix { !$0.contains("*") && !$0.contains("?") }
        let root = fixed.isEmpty ? (absolute ? "/" : ".") : (absolute ? "/" : "") + fixed.joined(separator: "/")
        let rest = parts.dropFirst(fixed.count)
        // A pattern of one name (`*.md`) matches in its folder only, as in a shell; `Glob` would match it anywhere.
        let glob = Glob("./" + rest.joined(separator: "/"))
        let single = rest.count == 1 && !rest[rest.startIndex].contains("**")
        return TreeWalker.walk(root).entries.compactMap { entry in
            guard entry.regular, entry.problem == nil else { return nil }
            let below = entry.inside.joined(separator: "/")
            if single {
                return entry.inside.count == 1 && Glob.matchSegment(Array(rest[rest.startIndex].utf8), Array(below.utf8)) ? entry.path : nil
            }
            return glob.matches(below) ? entry.path : nil
        }
    }
}
