/// Counts, before cmark-gfm sees a file, the lines that open a list item, a heading or a table row: the
/// blocks that become tasks, phases and rows, and that cost memory in the tree and the model. A file with
/// more than `Limits.blocks` of them is refused as a whole (a finding) instead of parsed.
enum BlockCount {
    /// Whether `text` has more than `limit` such lines; stops counting as soon as it does.
    static func exceeds(_ text: String, limit: Int) -> Bool {
        // A block line takes at least two bytes with its newline.
        guard text.utf8.count > 2 * limit else { return false }
        var copy = text
        return copy.withUTF8 { bytes in
            var count = 0, index = 0
            while index < bytes.count {
                // Past indentation and block quote markers.
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x3E { index += 1 }
                if index < bytes.count, opensBlock(bytes, at: index) {
                    count += 1
                    if count > limit { return true }
                }
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                index += 1
            }
            return false
        }
    }

    /// Whether the line's text at `index` starts a heading (`#`), a table row (`|`) or a list item
    /// (`-`, `*`, `+` or `1.`/`1)` followed by a space, a tab or the end of the line).
    private static func opensBlock(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func endsMarker(_ at: Int) -> Bool { at >= bytes.count || bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A }
        switch bytes[index] {
        case 0x23, 0x7C: return true
        case 0x2D, 0x2A, 0x2B: return endsMarker(index + 1)
        case 0x30...0x39:
            var end = index
            while end < bytes.count, end - index < 9, (0x30...0x39).contains(bytes[end]) { end += 1 }
            return end < bytes.count && (bytes[end] == 0x2E || bytes[end] == 0x29) && endsMarker(end + 1)
        default: return false
        }
    }
}
