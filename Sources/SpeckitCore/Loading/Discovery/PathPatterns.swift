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
        let pattern = Pattern(pattern)
        return TreeWalker.walk(pattern.root).entries.compactMap { entry in
            entry.regular && entry.problem == nil && pattern.matches(entry.inside) ? entry.path : nil
        }
    }

    /// A pattern split where its wildcards start: the folder to walk (or list, in a git revision) and what
    /// the paths below it must match. One matcher for the working tree and `--base`, so both sides of a
    /// comparison read the same files.
    struct Pattern {
        /// The folder before the first wildcard, as spelt (`specs`, `/abs/specs`, or `.`).
        let root: String
        private let rest: [Substring]
        private let glob: Glob

        init(_ pattern: String) {
            let absolute = pattern.hasPrefix("/")
            let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
            let fixed = parts.prefix { !$0.contains("*") && !$0.contains("?") }
            root = fixed.isEmpty ? (absolute ? "/" : ".") : (absolute ? "/" : "") + fixed.joined(separator: "/")
            rest = Array(parts.dropFirst(fixed.count))
            glob = Glob("./" + rest.joined(separator: "/"))
        }

        /// Whether a file at `inside` (its path below `root`) matches. A pattern of one name (`*.md`)
        /// matches in its folder only, as in a shell; `Glob` would match it anywhere.
        func matches(_ inside: [Substring]) -> Bool {
            if rest.count == 1, !rest[0].contains("**") {
                return inside.count == 1 && Glob.matchSegment(Array(rest[0].utf8), Array(inside[0].utf8))
            }
            return glob.matches(inside.joined(separator: "/"))
        }
    }
}
