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

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let first = path.first, matchSegment(Array(head.utf8), Array(first.utf8)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
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
