/// What one line of inline text costs cmark-gfm: its bytes, its inline marks, its most `|` and `@`, and
/// the work its `@` cause the autolink extension.
struct LineCost {
    var bytes = 0
    var marks = 0
    /// The most `|` on one line.
    var pipes = 0
    /// The most `@` on one line.
    var ats = 0
    /// For each `@` (at most 1,000 a line: the extension stops there), the autolink extension scans the
    /// rest of the line, and for each address it finds it copies the rest of the line into a new text node
    /// (a line of 5,000 addresses took 27 MB): at most `@` times the line's bytes.
    var addressWork = 0

    static func + (lhs: LineCost, rhs: LineCost) -> LineCost {
        LineCost(
            bytes: lhs.bytes + rhs.bytes, marks: lhs.marks + rhs.marks, pipes: max(lhs.pipes, rhs.pipes),
            ats: max(lhs.ats, rhs.ats), addressWork: lhs.addressWork + rhs.addressWork)
    }
}

/// A paragraph or heading being read: its lines and what they cost. The last line is kept apart, because a
/// delimiter row under it turns it into a table's header row.
struct InlineUnit {
    var first: Int
    var isHeading: Bool
    var before = LineCost()
    var last = LineCost()
    var lastIndex = -1
    /// The last line's content: where it starts and ends in the text, and the spaces in front of it (a
    /// tab cmark-gfm split).
    var lastStart = 0
    var lastEnd = 0
    var lastPrefix = 0
    /// Lines that look like a table's delimiter row but started no table (cmark-gfm rescans the whole
    /// paragraph for each).
    var probes = 0
    /// The content line by line, kept while it starts with `[` and so may be link reference definitions.
    var content: [(start: Int, end: Int, prefix: Int)]?
    var contentBytes = 0

    var total: LineCost { lastIndex >= 0 ? before + last : before }
}

extension BlockScanner {
    /// Bit flags of each byte for `inlineCost`: 1 starts an inline node, 4 is `@`, 8 is `|`.
    static let byteClasses: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        var flags: UInt8 = 0
        // cmark-gfm's SPECIAL_CHARS (`\n` is counted per line), the autolink extension's `:` and `w`, the
        // strikethrough extension's `~`, and `@`, which the autolink extension splits text at.
        if Array("!&*<[\\]_`~:w@".utf8).contains(byte) { flags |= 1 }
        if byte == 0x40 { flags |= 4 }
        if byte == 0x7C { flags |= 8 }
        return flags
    }

    /// The cost of the line's text from `start` to its end, with `prefix` spaces before it.
    func inlineCost(from start: Int, prefix: Int) -> LineCost {
        var cost = LineCost(bytes: prefix + max(0, line.end - start) + 1, marks: 1)
        guard start < line.end else { return cost }
        var pipes = 0
        var marks = 0
        var ats = 0
        let (bytes, end) = (line.bytes, line.end)
        Self.byteClasses.withUnsafeBufferPointer { classes in
            for index in start..<end {
                let flags = classes[Int(bytes[index])]
                if flags == 0 { continue }
                if flags & 1 != 0 { marks += 1 }
                if flags & 4 != 0 { ats += 1 }
                if flags & 8 != 0 { pipes += 1 }
            }
        }
        cost.marks += marks
        cost.pipes = pipes
        cost.ats = ats
        cost.addressWork = min(ats, 1000) * cost.bytes
        return cost
    }

    mutating func startUnit(heading: Bool) {
        unit = InlineUnit(first: lineIndex, isHeading: heading)
    }

    /// Adds the rest of the line from `start` to the open paragraph or heading (`add_line`).
    mutating func addInlineLine(from start: Int) {
        guard unit != nil else { return }
        var start = start
        var prefix = 0
        if partiallyConsumedTab {
            // `add_line` skips the split tab and writes the spaces left of it.
            start += 1
            offset += 1
            prefix = 4 - column % 4
        }
        let cost = inlineCost(from: start, prefix: prefix)
        let first = unit!.lastIndex < 0
        if !first { unit!.before = unit!.before + unit!.last }
        unit!.last = cost
        unit!.lastIndex = lineIndex
        (unit!.lastStart, unit!.lastEnd, unit!.lastPrefix) = (start, line.end, prefix)
        // The content is kept while it starts with `[`: decided on the first line, and again on the first
        // line after link reference definitions were taken off it.
        if first { unit!.content = [] }
        if unit!.content?.isEmpty == true, !(prefix == 0 && line.peek(start) == 0x5B) { unit!.content = nil }
        if unit!.content != nil {
            unit!.contentBytes += cost.bytes
            if unit!.contentBytes > limits.paragraphBytes { unit!.content = nil } else { unit!.content!.append((start, line.end, prefix)) }
        }
        (kind, kindStart) = (unit!.isHeading ? .heading : .paragraph, unit!.first)
        lineReadAsRow = false
    }

    /// Ends the open paragraph or heading: checks it against the limits and counts its marks.
    mutating func closeUnit() {
        guard let current = unit else { return }
        unit = nil
        guard current.lastIndex >= 0 else { return }
        check(first: current.first, last: current.lastIndex, cost: current.total, probes: current.probes)
        if current.content != nil, !current.isHeading, !contentHasText(current) {
            // Nothing but link reference definitions: cmark-gfm drops the paragraph.
            scan.blocks -= 1
            if scan.lines != nil {
                for index in current.first...current.lastIndex where index < scan.lines!.count {
                    scan.lines![index] = BlockScan.Line(kind: .none, start: -1)
                }
                if current.lastIndex == lineIndex { kind = .none }
            }
        }
    }

    /// Records a violation for lines `first` to `last` if `cost` breaks a limit, and counts its marks.
    mutating func check(first: Int, last: Int, cost: LineCost, probes: Int) {
        scan.marks += cost.marks
        let reason: BlockScan.Reason? =
            if cost.bytes > limits.paragraphBytes {
                .bytes(cost.bytes)
            } else if cost.pipes > limits.tableCells {
                .pipes(cost.pipes)
            } else if probes > Self.delimiterRowsPerParagraph {
                .delimiterRows(probes)
            } else if cost.addressWork > Self.addressWorkPerByte * cost.bytes {
                .addresses(cost.ats)
            } else {
                nil
            }
        if let reason { scan.violations.append(BlockScan.Violation(first: first, last: last, reason: reason)) }
    }

    /// Lines that look like a delimiter row but start no table, allowed in one paragraph: cmark-gfm rereads
    /// the whole paragraph for each, so this many keep its work within this many times the paragraph.
    static let delimiterRowsPerParagraph = 2
    /// Bytes the autolink extension may scan and copy for the `@` of a paragraph, per byte of it: eight
    /// `@` on every line.
    static let addressWorkPerByte = 8

    /// `resolve_reference_link_definitions` at a setext underline: drops the link reference definitions
    /// the paragraph starts with; whether any text is left.
    mutating func paragraphHasContent() -> Bool {
        guard var current = unit, let content = current.content, !content.isEmpty else { return true }
        let text = contentText(content)
        let used = ReferenceDefinitions.length(text)
        guard used > 0 else { return true }
        let lines = text[..<used].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        current.content = Array(content.dropFirst(lines))
        if let next = current.content!.first, !(next.prefix == 0 && next.start < next.end && line.bytes[next.start] == 0x5B) {
            current.content = nil
        }
        unit = current
        return used < text.count
    }

    /// Whether anything is left of the paragraph once link reference definitions are taken off it.
    func contentHasText(_ current: InlineUnit) -> Bool {
        guard let content = current.content, !content.isEmpty else { return current.content == nil }
        let text = contentText(content)
        return ReferenceDefinitions.length(text) < text.count
    }

    /// The paragraph's content as cmark-gfm stores it: each line's text and a `\n`.
    func contentText(_ content: [(start: Int, end: Int, prefix: Int)]) -> [UInt8] {
        var text: [UInt8] = []
        for part in content {
            text += repeatElement(0x20, count: part.prefix)
            if part.start < part.end { text += line.bytes[part.start..<part.end] }
            text.append(0x0A)
        }
        return text
    }

    /// The table extension's `try_opening_table_header`: a delimiter row under a paragraph whose last line
    /// has as many cells turns that line into the header of a table (the lines before it stay a paragraph).
    mutating func tableHeader() -> Bool {
        guard var current = unit, line.tableDelimiterRow(firstNonspace) else { return false }
        countPipes()
        let delimiter = line.tableRowCells(firstNonspace)
        let last = LineBytes(bytes: line.bytes, start: current.lastStart, end: current.lastEnd)
        guard let columns = last.tableRowCells(current.lastStart, leadingSpaces: current.lastPrefix), columns == delimiter else {
            current.probes += 1
            unit = current
            return false
        }
        unit = nil
        if current.lastIndex > current.first {
            // The lines before the header row stay a paragraph, inserted before the table.
            check(first: current.first, last: current.lastIndex - 1, cost: current.before, probes: current.probes)
            scan.blocks += 1
        }
        var header = current.last
        header.marks += columns
        check(first: current.lastIndex, last: current.lastIndex, cost: header, probes: 0)
        if scan.lines != nil, current.lastIndex < scan.lines!.count {
            scan.lines![current.lastIndex] = BlockScan.Line(kind: .tableHeader, start: current.lastIndex)
        }
        stack[stack.count - 1].kind = .table(columns: columns)
        scan.blocks += 1
        advance(to: line.end)
        (kind, kindStart) = (.tableDelimiter, lineIndex)
        return true
    }

    /// A row of a table of `columns` cells (`try_opening_table_row`): a unit of its own, with a mark per cell.
    mutating func tableRow(columns: Int) {
        var cost = inlineCost(from: firstNonspace, prefix: 0)
        cost.marks += columns
        check(first: lineIndex, last: lineIndex, cost: cost, probes: 0)
        lineReadAsRow = false
        advance(to: line.end)
        (kind, kindStart) = (.tableRow, lineIndex)
    }
}
