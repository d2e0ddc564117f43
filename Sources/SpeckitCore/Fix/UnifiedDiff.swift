/// A unified diff of two texts, for `speckit fix --dry-run`. The fixes keep every line where it is (a line
/// is repaired, not moved), so lines are compared one for one and changed runs become hunks with three
/// lines of context. Lines and the path are shown with control characters escaped (a `\r` the fix drops
/// shows as `\r`; an escape sequence in the file never reaches the terminal).
public enum UnifiedDiff {
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let before = lines(old)
        let after = lines(new)
        guard before != after else { return "" }
        let count = max(before.count, after.count)
        let changed = (0..<count).filter { index in
            index >= before.count || index >= after.count || before[index] != after[index]
        }
        let path = path.escapingControlCharacters
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var hunkStart = 0
        while hunkStart < changed.count {
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changed.count, changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * context { hunkEnd += 1 }
            let from = max(0, changed[hunkStart] - context)
            let to = min(count, changed[hunkEnd] + context + 1)
            let oldLines = (from..<min(to, before.count))
            let newLines = (from..<min(to, after.count))
            out += "@@ -\(oldLines.lowerBound + 1),\(oldLines.count) +\(newLines.lowerBound + 1),\(newLines.count) @@\n"
            for index in from..<to {
                let old = index < before.count ? before[index] : nil
                let new = index < after.count ? after[index] : nil
                if old == new, let old {
                    out += " " + old.escapingControlCharacters + "\n"
                    continue
                }
                if let old { out += "-" + old.escapingControlCharacters + "\n" }
                if let new { out += "+" + new.escapingControlCharacters + "\n" }
            }
            hunkStart = hunkEnd + 1
        }
        return out
    }

    /// Lines without their final `\n` (a `\r` before it stays, so an ending change shows as a change).
    static func lines(_ text: String) -> [String] {
        // Split the bytes, not the characters: "\r\n" is one Character and would not split on "\n".
        var parts = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
