/// Counts, before cmark-gfm sees a file, the blocks it would open: every block quote marker and list marker at
/// the start of a line (each list item counts once, nested ones too: `- - - [ ] x` counts three), headings,
/// table rows (any line with a `|`) and setext underlines. They become tasks, phases and rows, and they cost
/// memory in the tree and the model. A file with more than `Limits.blocks` of them is refused as a whole (a
/// finding) instead of parsed.
enum BlockCount {
    /// Whether `text` opens more than `limit` blocks; stops counting as soon as it does.
    static func exceeds(_ text: String, limit: Int) -> Bool {
        // A block takes at least two bytes.
        guard text.utf8.count > 2 * limit else { return false }
        var copy = text
        return copy.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                count += blocks(bytes, from: &index)
                if count > limit { return true }
            }
            return false
        }
    }

    /// The blocks the line starting at `index` opens; moves `index` to the start of the next line.
    private static func blocks(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int {
        func isSpace(_ at: Int) -> Bool { at < bytes.count && (bytes[at] == 0x20 || bytes[at] == 0x09) }
        func endsMarker(_ at: Int) -> Bool { at >= bytes.count || bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A }
        var count = 0
        // Container markers: quotes and list items, as deep as they go.
        while index < bytes.count {
            while isSpace(index) { index += 1 }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x3E {
                count += 1
                index += 1
            } else if (byte == 0x2D || byte == 0x2A || byte == 0x2B) && endsMarker(index + 1) {
                count += 1
                index += 1
            } else if (0x30...0x39).contains(byte) {
                var end = index
                while end < bytes.count, end - index < 9, (0x30...0x39).contains(bytes[end]) { end += 1 }
                guard end < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x29, endsMarker(end + 1) else { break }
                count += 1
                index = end + 1
            } else {
                break
            }
        }
        // What the line itself is: a heading, a setext underline, or a table row.
        let first = index < bytes.count ? bytes[index] : 0x0A
        if first == 0x23 { count += 1 }
        var underline = first == 0x3D || first == 0x2D
        var pipe = false
        while index < bytes.count, bytes[index] != 0x0A {
            let byte = bytes[index]
            if byte == 0x7C { pipe = true }
            if byte != first, byte != 0x20, byte != 0x09, byte != 0x0D { underline = false }
            index += 1
        }
        index += 1
        return count + (pipe ? 1 : 0) + (underline ? 1 : 0)
    }
}
