/// cmark-gfm 0.29's block parser (`blocks.c` with the table and tasklist extensions), run over the bytes of a
/// document without building its tree: which blocks each line opens, which lines are code or HTML, and where
/// every paragraph, heading and table row begins and ends, with what it will cost cmark-gfm's inline parser.
///
/// It is the one line scanner every check before cmark-gfm reads (the block count of `limits.blocks`, the
/// paragraph guard, the inline mark count of `limits.inlineMarks`), so that none of them can disagree with
/// cmark-gfm about what a line is: a fence that cmark-gfm does not take as one (a backtick in its info
/// string, a line indented into the paragraph before it, a line inside an HTML block) is not one here
/// either. `BlockScannerParityTests` holds it to the real cmark-gfm on generated documents.
///
/// Each function names the cmark-gfm function it follows; the comments say where it differs (it keeps no
/// text, only what the checks need).
struct BlockScanner {
    /// An open block: what cmark-gfm keeps on its chain of open nodes, from the document down.
    struct Open {
        enum Kind: Equatable {
            case blockQuote
            /// `bullet` is `-`, `+` or `*` (0 for ordered lists), `delimiter` `.` or `)` (0 for bullets).
            case list(bullet: UInt8, delimiter: UInt8)
            /// A list item; `content` is the column its content starts at (marker offset plus padding).
            case item(content: Int)
            case fencedCode(mark: UInt8, length: Int, offset: Int)
            case indentedCode
            case html(type: Int)
            case paragraph
            case heading
            case thematicBreak
            case table(columns: Int)
            case tableRow
        }
        var kind: Kind
        var hasChild = false
        /// The line it opened on.
        var line = 0
    }

    let limits: Limits
    var line: LineBytes
    var lineIndex = -1
    var stack: [Open] = []
    var scan = BlockScan()
    /// The paragraph or heading being read, while it is the innermost open block.
    var unit: InlineUnit?

    // cmark-gfm's per-line cursor (`parser->offset`, `column`, `first_nonspace`, …), byte indices into the text.
    var offset = 0
    var column = 0
    var firstNonspace = 0
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false
    var partiallyConsumedTab = false
    var thematicBreakKillPosition = 0
    /// What the current line turned out to be, and the line its block started on.
    var kind = BlockScan.LineKind.none
    var kindStart = -1
    /// Whether cmark-gfm read the line as a table row, and how many `|` it has (counted once, when needed).
    var lineReadAsRow = false
    var linePipes: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits, recordLines: Bool) {
        self.limits = limits
        self.line = LineBytes(bytes: bytes)
        if recordLines { scan.lines = [] }
    }

    /// Scans the whole text; stops early once the text opens more than `limits.blocks` blocks.
    mutating func run() -> BlockScan {
        let bytes = line.bytes
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            line.start = start
            line.end = end
            processLine()
            if scan.blocks > limits.blocks {
                scan.blocksExceeded = true
                return scan
            }
            if scan.containerChecks > Self.containerChecks(bytes: bytes.count) {
                scan.nestingExceeded = true
                return scan
            }
            start = end + 1
        }
        while !stack.isEmpty { closeTop() }
        scan.lineCount = lineIndex + 1
        return scan
    }

    /// How many open blocks cmark-gfm may check lines against in a text of `bytes` bytes: four a byte (a
    /// line continues a list item for every two columns of indentation, and a tab is four) and a million.
    /// Only blank lines under deep nesting go past it: each continues every open list and item for free, and
    /// cmark-gfm took 11 s over 20,000 blank lines under 10,000 nested items (a 40 KB file).
    static func containerChecks(bytes: Int) -> Int { 4 * bytes + 1_000_000 }

    // MARK: The cursor (`S_find_first_nonspace`, `S_advance_offset`)

    mutating func findFirstNonspace() {
        var charsToTab = 4 - column % 4
        if firstNonspace <= offset {
            firstNonspace = offset
            firstNonspaceColumn = column
            while true {
                let byte = line.peek(firstNonspace)
                if byte == 0x20 {
                    firstNonspace += 1
                    firstNonspaceColumn += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if byte == 0x09 {
                    firstNonspace += 1
                    firstNonspaceColumn += charsToTab
                    charsToTab = 4
                } else {
                    break
                }
            }
        }
        indent = firstNonspaceColumn - column
        blank = LineBytes.isLineEnd(line.peek(firstNonspace))
    }

    /// Moves the cursor `count` columns (splitting a tab if need be) or `count` bytes.
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 {
            let byte = line.peek(offset)
            guard byte != 0 else { break }
            if byte == 0x09 {
                let charsToTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let step = min(count, charsToTab)
                    column += step
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= step
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    /// Moves the cursor to `index` (a byte index at or after it).
    mutating func advance(to index: Int) { advance(index - offset, columns: false) }

    // MARK: One line (`S_process_line`)

    mutating func processLine() {
        lineIndex += 1
        offset = line.start
        column = 0
        firstNonspace = line.start
        firstNonspaceColumn = 0
        indent = 0
        blank = false
        partiallyConsumedTab = false
        thematicBreakKillPosition = line.start
        kind = .none
        kindStart = -1
        lineReadAsRow = false
        linePipes = nil
        defer { finishLine() }

        guard let matched = checkOpenBlocks() else { return }
        let opened = openNewBlocks(matched: matched)
        addText(matched: matched, opened: opened)
    }

    /// `check_open_blocks`: how many open blocks the line continues, or nil when it closed a fence (then
    /// the line is done).
    mutating func checkOpenBlocks() -> Int? {
        var matched = 0
        defer { scan.containerChecks += matched }
        while matched < stack.count {
            findFirstNonspace()
            switch stack[matched].kind {
            case .blockQuote:
                guard indent <= 3, line.peek(firstNonspace) == 0x3E else { return matched }
                advance(indent + 1, columns: true)
                if LineBytes.isSpaceOrTab(line.peek(offset)) { advance(1, columns: true) }
            case .item(let content):
                if indent >= content {
                    advance(content, columns: true)
                } else if blank, stack[matched].hasChild {
                    advance(to: firstNonspace)
                } else {
                    return matched
                }
            case .fencedCode(let mark, let length, let fenceOffset):
                if indent <= 3, line.peek(firstNonspace) == mark, line.closingFence(firstNonspace) >= length {
                    (kind, kindStart) = (.code, stack[matched].line)
                    closeTop()
                    return nil
                }
                var remaining = fenceOffset
                while remaining > 0, LineBytes.isSpaceOrTab(line.peek(offset)) {
                    advance(1, columns: true)
                    remaining -= 1
                }
            case .indentedCode:
                if indent >= 4 {
                    advance(4, columns: true)
                } else if blank {
                    advance(to: firstNonspace)
                } else {
                    return matched
                }
            case .html(let type):
                if type >= 6, blank { return matched }
            case .paragraph:
                if blank { return matched }
            case .heading, .tableRow:
                return matched
            case .table:
                // The table extension's `matches`: the line parses as a row.
                countPipes()
                guard line.tableRowCells(firstNonspace) != nil else { return matched }
            case .list, .thematicBreak:
                break
            }
            matched += 1
        }
        return matched
    }

    // MARK: Blocks

    /// `add_child`: closes open blocks until one can hold `kind`, then opens it.
    mutating func open(_ kind: Open.Kind) {
        while let top, !Self.canContain(top, kind) { closeTop() }
        if !stack.isEmpty { stack[stack.count - 1].hasChild = true }
        stack.append(Open(kind: kind, line: lineIndex))
        scan.blocks += 1
    }

    /// `cmark_node_can_contain_type` for the blocks the scanner opens.
    static func canContain(_ parent: Open.Kind, _ child: Open.Kind) -> Bool {
        switch parent {
        case .blockQuote, .item:
            if case .item = child { return false }
            return true
        case .list:
            if case .item = child { return true }
            return false
        case .table:
            return child == .tableRow
        default:
            return false
        }
    }

    /// Closes (cmark-gfm: finalizes) the innermost open block.
    mutating func closeTop() {
        let top = stack.removeLast()
        if top.kind == .paragraph || top.kind == .heading { closeUnit() }
    }

    /// Closes open blocks until `count` are left.
    mutating func close(downTo count: Int) {
        while stack.count > count { closeTop() }
    }

    var top: Open.Kind? { stack.isEmpty ? nil : stack[stack.count - 1].kind }

    /// Records what the line was and checks a line cmark-gfm parsed as a table row for its width.
    mutating func finishLine() {
        if lineReadAsRow, let pipes = linePipes, pipes > limits.tableCells {
            scan.violations.append(BlockScan.Violation(first: lineIndex, last: lineIndex, reason: .pipes(pipes)))
        }
        scan.lines?.append(BlockScan.Line(kind: kind, start: kind == .none ? -1 : kindStart))
    }

    /// Counts the line's `|` (once) and notes that cmark-gfm parses it as a table row.
    mutating func countPipes() {
        lineReadAsRow = true
        if linePipes == nil {
            var pipes = 0
            for index in line.start..<line.end where line.bytes[index] == 0x7C { pipes += 1 }
            linePipes = pipes
        }
    }
}
