/// Counts, before cmark-gfm sees a file, the lines that open a list item, a heading or a table row: the
/// blocks that become tasks, phases and rows, and that cost memory in the tree and the model. A file with
/// more than `Limits.blocks` of them is refused as a whole (a finding) instead of parsed.
enum BlockCount {
    /// Whether `text` has more than `limit` such lines; stops counting as soon as it does.
    static func exceeds(_ text: String, limit: Int) -> Bool {
        // A block line takes at least two bytes with its newline.
        guard text.utf8.count > 2 * limit else { return false }
        var count = 0, atLineStart = true, inPrefix = false
        for byte in text.utf8 {
            if byte == 0x0A { atLineStart = true; inPrefix = false; continue }
            if atLineStart { atLineStart = false; inPrefix = true }
            guard inPrefix else { continue }
            switch byte {
            case 0x20, 0x09, 0x3E: continue  // Indentation and block quote markers.
            case 0x2D, 0x2A, 0x2B, 0x23, 0x7C, 0x30...0x39:  // - * + # | and the digits of `1.`
                count += 1
                if count > limit { return true }
            default: break
            }
            inPrefix = false
        }
        return false
    }
}
