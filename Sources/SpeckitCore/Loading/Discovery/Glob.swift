/// A path glob as the configuration writes them: `*` (any run within one folder name), `?` (one
/// character), `**` (any number of folders). A pattern without `/` matches a file or folder name anywhere
/// (`node_modules`, `*.draft.md`); one with `/` matches the whole path (`Tests/Fixtures/**`, `docs/*.md`).
package struct Glob: Sendable, Hashable {
    package let pattern: String
    private let segments: [Substring]
    private let anywhere: Bool

    package init(_ pattern: String) {
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        self.pattern = pattern
        self.anywhere = !trimmed.contains("/")
        self.segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` (relative, `/`-separated) matches.
    package func matches(_ path: String) -> Bool {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true)
        while parts.first == "." { parts.removeFirst() }
        if anywhere, let only = segments.first {
            return parts.contains { Self.matchSegment(Array(only.utf8), Array($0.utf8)) }
        }
        return Self.match(segments[...], parts[...])
    }

    /// Whether the segments match the path's components, `**` standing for any number of them. Worked out
    /// from the end, each (pattern segment, component) pair once: a pattern of many `**` is linear in
    /// its length times the path's, never exponential.
    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        let pattern = Array(pattern)
        let path = path.map { Array($0.utf8) }
        // `later[j]`: the segments after the current one match `path[j...]`.
        var later = [Bool](repeating: false, count: path.count + 1)
        later[path.count] = true
        for segment in pattern.reversed() {
            var here = [Bool](repeating: false, count: path.count + 1)
            if segment == "**" {
                // Nothing more, or one more component swallowed.
                for j in stride(from: path.count, through: 0, by: -1) { here[j] = later[j] || (j < path.count && here[j + 1]) }
            } else {
                let glob = Array(segment.utf8)
                for j in 0..<path.count where later[j + 1] { here[j] = matchSegment(glob, path[j]) }
            }
            later = here
        }
        return later[0]
    }

    /// `*` and `?` within one path segment, iteratively with backtracking to the last star.
    static func matchSegment(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
