/// One line of a document's UTF-8 bytes, read the way cmark-gfm reads it: the line ends with a `\n` at `end`
/// (whether the text has one there or not) and a NUL after that, so a scan can never run into the next line.
///
/// The recognisers here are cmark-gfm 0.29's line scanners (`scanners.re`, `ext_scanners.re` and the list
/// marker parser of `blocks.c`), rewritten over bytes: each takes the byte index where cmark-gfm would
/// start it and answers what cmark-gfm's answers.
struct LineBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line's first byte and the index of its `\n` (or the end of the text).
    var start = 0
    var end = 0

    /// The byte at `index`: the text inside the line, `\n` at its end, NUL after it.
    @inline(__always) func peek(_ index: Int) -> UInt8 {
        index < end ? bytes[index] : (index == end ? 0x0A : 0)
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    /// `cmark_isspace`: space, tab, line feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    /// `spacechar` of scanners.re: space, tab, line feed, vertical tab, form feed, carriage return.
    static func isSpaceChar(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    /// `spacechar` of the extensions' scanners: space, tab, vertical tab, form feed.
    static func isExtensionSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    /// `cmark_ispunct`: ASCII punctuation.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    /// `scan_atx_heading_start`: one to six `#` and a space, a tab or the end of the line; the bytes matched.
    func atxHeadingStart(_ position: Int) -> Int {
        var index = position
        while peek(index) == 0x23, index - position < 7 { index += 1 }
        guard (1...6).contains(index - position) else { return 0 }
        if Self.isLineEnd(peek(index)) { return index + 1 - position }
        guard Self.isSpaceOrTab(peek(index)) else { return 0 }
        while Self.isSpaceOrTab(peek(index)) { index += 1 }
        return index - position
    }

    /// `scan_setext_heading_line`: 1 for a line of `=`, 2 for a line of `-` (trailing spaces allowed), else 0.
    func setextLevel(_ position: Int) -> Int {
        let mark = peek(position)
        guard mark == 0x3D || mark == 0x2D else { return 0 }
        var index = position
        while peek(index) == mark { index += 1 }
        while Self.isSpaceOrTab(peek(index)) { index += 1 }
        guard Self.isLineEnd(peek(index)) else { return 0 }
        return mark == 0x3D ? 1 : 2
    }

    /// `S_scan_thematic_break`: three or more `*`, `-` or `_` (spaces and tabs between) and nothing else.
    /// Also returns where the scan stopped, which cmark-gfm keeps so as not to scan the same run again.
    func thematicBreak(_ position: Int) -> (matched: Bool, stop: Int) {
        let mark = peek(position)
        guard mark == 0x2A || mark == 0x5F || mark == 0x2D else { return (false, position) }
        var count = 1
        var index = position
        var next: UInt8 = 0
        while true {
            index += 1
            next = peek(index)
            if next == 0 { break }
            if next == mark {
                count += 1
            } else if next != 0x20, next != 0x09 {
                break
            }
        }
        return (count >= 3 && Self.isLineEnd(next), index)
    }

    /// `scan_open_code_fence`: three or more backticks with no backtick after them on the line, or three or
    /// more tildes; the length of the run, or 0.
    func openingFence(_ position: Int) -> Int {
        guard let (mark, length) = fenceRun(position) else { return 0 }
        var index = position + length
        while true {
            let byte = peek(index)
            if Self.isLineEnd(byte) { return length }
            if byte == 0 || (mark == 0x60 && byte == 0x60) { return 0 }
            index += 1
        }
    }

    /// `scan_close_code_fence`: three or more backticks or tildes and only spaces or tabs after them.
    func closingFence(_ position: Int) -> Int {
        guard let (_, length) = fenceRun(position) else { return 0 }
        var index = position + length
        while Self.isSpaceOrTab(peek(index)) { index += 1 }
        return Self.isLineEnd(peek(index)) ? length : 0
    }

    /// A run of three or more backticks or tildes at `position`: its character and length.
    private func fenceRun(_ position: Int) -> (mark: UInt8, length: Int)? {
        let mark = peek(position)
        guard mark == 0x60 || mark == 0x7E else { return nil }
        var index = position
        while peek(index) == mark { index += 1 }
        return index - position >= 3 ? (mark, index - position) : nil
    }

    /// A list marker as cmark-gfm's `parse_list_marker` reads it.
    struct ListMarker {
        /// Bytes of the marker (`-`, `12.`).
        var length: Int
        /// `-`, `+` or `*` for a bullet list, 0 for an ordered one.
        var bullet: UInt8
        /// `.` or `)` for an ordered list, 0 for a bullet list.
        var delimiter: UInt8
    }

    /// `parse_list_marker`: a bullet, or up to nine digits and `.` or `)`, followed by white space. A marker
    /// that interrupts a paragraph needs text after it, and an ordered one must start at 1.
    func listMarker(_ position: Int, interruptsParagraph: Bool) -> ListMarker? {
        let first = peek(position)
        var index = position
        var marker: ListMarker
        if first == 0x2A || first == 0x2D || first == 0x2B {
            index += 1
            guard Self.isSpace(peek(index)) else { return nil }
            marker = ListMarker(length: 1, bullet: first, delimiter: 0)
        } else if Self.isDigit(first) {
            var start = 0
            var digits = 0
            repeat {
                start = start * 10 + Int(peek(index) - 0x30)
                index += 1
                digits += 1
            } while digits < 9 && Self.isDigit(peek(index))
            if interruptsParagraph, start != 1 { return nil }
            let delimiter = peek(index)
            guard delimiter == 0x2E || delimiter == 0x29 else { return nil }
            index += 1
            guard Self.isSpace(peek(index)) else { return nil }
            marker = ListMarker(length: index - position, bullet: 0, delimiter: delimiter)
        } else {
            return nil
        }
        if interruptsParagraph {
            var after = index
            while Self.isSpaceOrTab(peek(after)) { after += 1 }
            if Self.isLineEnd(peek(after)) { return nil }
        }
        return marker
    }

    /// The tasklist extension's `scan_tasklist`, from the start of the line: a list marker, white space,
    /// `[ ]`, `[x]` or `[X]`, and white space.
    func tasklistItem() -> Bool {
        var index = start
        while Self.isExtensionSpace(peek(index)) { index += 1 }
        let first = peek(index)
        var candidates: [Int] = []
        if first == 0x2D || first == 0x2B || first == 0x2A {
            candidates = [index + 1]
        } else if Self.isDigit(first) {
            // `[0-9]+.`: the `.` is any byte but a line feed, so it may be the last digit or the byte after them.
            var after = index
            while Self.isDigit(peek(after)) { after += 1 }
            if after - index >= 2 { candidates.append(after) }
            if peek(after) != 0x0A { candidates.append(after + 1) }
        }
        return candidates.contains { candidate in
            var cursor = candidate
            guard Self.isExtensionSpace(peek(cursor)) else { return false }
            while Self.isExtensionSpace(peek(cursor)) { cursor += 1 }
            let mark = peek(cursor + 1)
            guard peek(cursor) == 0x5B, mark == 0x20 || mark == 0x78 || mark == 0x58, peek(cursor + 2) == 0x5D else { return false }
            return Self.isExtensionSpace(peek(cursor + 3))
        }
    }
}
