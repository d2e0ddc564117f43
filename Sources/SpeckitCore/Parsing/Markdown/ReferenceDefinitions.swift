/// Link reference definitions (`[label]: /url "title"`) at the start of a paragraph's content, read as
/// cmark-gfm 0.29's `cmark_parse_reference_inline` reads them. They matter to the block structure in one
/// place: a paragraph made only of them is no paragraph, so a setext underline after it is plain text.
enum ReferenceDefinitions {
    /// How many bytes of `text` the definitions at its start take (0 if it does not start with one).
    static func length(_ text: [UInt8]) -> Int {
        var position = 0
        while position < text.count, text[position] == 0x5B, let used = definition(text, at: position), used > 0 {
            position += used
        }
        return position
    }

    /// The bytes of one definition at `start`, or nil.
    static func definition(_ text: [UInt8], at start: Int) -> Int? {
        func peek(_ index: Int) -> UInt8 { index < text.count ? text[index] : 0 }
        func skipSpaces(_ index: inout Int) { while peek(index) == 0x20 || peek(index) == 0x09 { index += 1 } }
        func skipLineEnd(_ index: inout Int) -> Bool {
            var seen = false
            if peek(index) == 0x0D {
                index += 1
                seen = true
            }
            if peek(index) == 0x0A {
                index += 1
                seen = true
            }
            return seen || index >= text.count
        }
        func spacesAndNewline(_ index: inout Int) {
            skipSpaces(&index)
            if skipLineEnd(&index) { skipSpaces(&index) }
        }
        // The label: up to 1,000 characters, no unescaped brackets, not only white space.
        var index = start + 1
        var length = 0
        while case let byte = peek(index), byte != 0, byte != 0x5B, byte != 0x5D {
            index += 1
            length += 1
            if byte == 0x5C, LineBytes.isPunctuation(peek(index)) {
                index += 1
                length += 1
            }
            if length > 1000 { return nil }
        }
        guard peek(index) == 0x5D, text[(start + 1)..<index].contains(where: { !LineBytes.isSpace($0) }) else { return nil }
        index += 1
        guard peek(index) == 0x3A else { return nil }
        index += 1
        spacesAndNewline(&index)
        guard let url = destination(text, at: index) else { return nil }
        index += url
        let beforeTitle = index
        spacesAndNewline(&index)
        let title = index == beforeTitle ? 0 : self.title(text, at: index)
        index = title > 0 ? index + title : beforeTitle
        skipSpaces(&index)
        if !skipLineEnd(&index) {
            guard title > 0 else { return nil }
            index = beforeTitle
            skipSpaces(&index)
            guard skipLineEnd(&index) else { return nil }
        }
        return index - start
    }

    /// `manual_scan_link_url`: `<…>` or a run without spaces and with balanced parentheses; its length.
    static func destination(_ text: [UInt8], at start: Int) -> Int? {
        var index = start
        if index < text.count, text[index] == 0x3C {
            index += 1
            while index < text.count {
                let byte = text[index]
                if byte == 0x3E {
                    index += 1
                    break
                } else if byte == 0x5C {
                    index += 2
                } else if byte == 0x0A || byte == 0x3C {
                    return nil
                } else {
                    index += 1
                }
            }
            return index >= text.count ? nil : index - start
        }
        var depth = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x5C, index + 1 < text.count, LineBytes.isPunctuation(text[index + 1]) {
                index += 2
            } else if byte == 0x28 {
                depth += 1
                index += 1
                if depth > 32 { return nil }
            } else if byte == 0x29 {
                if depth == 0 { break }
                depth -= 1
                index += 1
            } else if LineBytes.isSpace(byte) {
                if index == start { return nil }
                break
            } else {
                index += 1
            }
        }
        return index >= text.count ? nil : index - start
    }

    /// `scan_link_title`: `"…"`, `'…'` or `(…)`, backslash escapes allowed, lines too; its length, or 0.
    static func title(_ text: [UInt8], at start: Int) -> Int {
        guard start < text.count else { return 0 }
        let open = text[start]
        let close: UInt8
        switch open {
        case 0x22, 0x27: close = open
        case 0x28: close = 0x29
        default: return 0
        }
        // The longest match: a closing mark after a backslash may also be an escaped one, and the match goes on.
        var longest = 0
        var index = start + 1
        while index < text.count {
            let byte = text[index]
            let escaped = index - 1 > start && text[index - 1] == 0x5C
            if byte == close {
                if !escaped { return index + 1 - start }
                longest = index + 1 - start
            } else if open == 0x28, byte == 0x28, !escaped {
                return longest
            }
            index += 1
        }
        return longest
    }
}
