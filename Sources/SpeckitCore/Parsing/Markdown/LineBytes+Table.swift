extension LineBytes {
    /// `scan_table_start`: a delimiter row (`| --- | :-: |`) from `position` to the end of the line.
    func tableDelimiterRow(_ position: Int) -> Bool {
        // One `spacechar* :? -+ :? spacechar*`; where it ends, or nil.
        func marker(_ at: Int) -> Int? {
            var index = at
            while Self.isExtensionSpace(peek(index)) { index += 1 }
            if peek(index) == 0x3A { index += 1 }
            guard peek(index) == 0x2D else { return nil }
            while peek(index) == 0x2D { index += 1 }
            if peek(index) == 0x3A { index += 1 }
            while Self.isExtensionSpace(peek(index)) { index += 1 }
            return index
        }
        var index = position
        if peek(index) == 0x7C { index += 1 }
        guard var after = marker(index) else { return false }
        while peek(after) == 0x7C {
            guard let next = marker(after + 1) else {
                after += 1
                break
            }
            after = next
        }
        while Self.isExtensionSpace(peek(after)) { after += 1 }
        if peek(after) == 0x0D { after += 1 }
        return peek(after) == 0x0A
    }

    /// The table extension's `row_from_string` over the rest of the line from `position`: the number of
    /// cells, or nil where it finds no row (a line of nothing but `|` and spaces).
    func tableRowCells(_ position: Int) -> Int? {
        // The string cmark-gfm scans runs through the line's `\n`.
        let length = end + 1 - position
        func cellEnd(_ offset: Int) -> Int {
            guard offset < length, peek(position + offset) == 0x7C else { return 0 }
            var index = position + offset + 1
            while Self.isExtensionSpace(peek(index)) { index += 1 }
            return index - position - offset
        }
        // `(escaped_char | [^|\r\n])+`, longest: a `|` stays in the cell when a backslash is before it.
        func cell(_ offset: Int) -> Int {
            guard offset < length else { return 0 }
            var index = position + offset
            while true {
                let byte = peek(index)
                if byte == 0x0A || byte == 0x0D || byte == 0 { break }
                if byte == 0x7C, !(index > position + offset && peek(index - 1) == 0x5C) { break }
                index += 1
            }
            return index - position - offset
        }
        func rowEnd(_ offset: Int) -> Int {
            guard offset < length else { return 0 }
            var index = position + offset
            while Self.isExtensionSpace(peek(index)) { index += 1 }
            if peek(index) == 0x0D { index += 1 }
            return peek(index) == 0x0A ? index + 1 - position - offset : 0
        }
        var offset = cellEnd(0)
        var cells = 0
        var expectMore = true
        while offset < length, expectMore {
            let cellLength = cell(offset)
            let pipeLength = cellEnd(offset + cellLength)
            if cellLength > 0 || pipeLength > 0 { cells += 1 }
            offset += cellLength + pipeLength
            if pipeLength > 0 { continue }
            let rowEndLength = rowEnd(offset)
            offset += rowEndLength
            expectMore = false
            if rowEndLength > 0, offset != length {
                cells = 0
                offset += cellEnd(offset)
                expectMore = true
            }
        }
        return offset == length && cells > 0 ? cells : nil
    }
}

extension LineBytes {
    /// `tableRowCells` for a line stored with `spaces` spaces in front (a tab cmark-gfm split): the spaces
    /// start the first cell.
    func tableRowCells(_ position: Int, leadingSpaces spaces: Int) -> Int? {
        guard spaces > 0 else { return tableRowCells(position) }
        var copy = [UInt8](repeating: 0x20, count: spaces)
        if position < end { copy += bytes[position..<end] }
        return copy.withUnsafeBufferPointer { LineBytes(bytes: $0, start: 0, end: $0.count).tableRowCells(0) }
    }
}
