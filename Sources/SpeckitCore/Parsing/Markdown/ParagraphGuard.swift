/// Keeps paragraphs that are too long away from cmark-gfm.
///
/// cmark-gfm 0.29's inline parser is quadratic on a long paragraph full of unmatched emphasis and links.
/// 240 KB of `**bold** _em_ [link](x)` takes about 2 s and 480 KB about 11 s, so a 20 MB paragraph would
/// never finish. A paragraph here is a line that starts a block (a list item, a heading, a quote, a table
/// row, or plain text after a blank line) together with the lines that continue it. Any paragraph longer
/// than the limit is blanked before parsing: its lines stay, empty, so every line number after it is
/// unchanged. Each blanked paragraph becomes a `parse.paragraph-too-long` note, and so a finding.
/// Fenced code is never inline-parsed and is left alone.
enum ParagraphGuard {
    /// `text` with every paragraph longer than `limit` bytes blanked, and a note for each (lines 1-based).
    /// The standard limit (`Limits.paragraphBytes`, 32 KiB) is far beyond any real paragraph, and parsed in
    /// well under a tenth of a second whatever it holds.
    /// A line with more than `cells` `|` (cmark-gfm's table parser is quadratic in a row's cells) blanks
    /// its paragraph or table the same way.
    static func guarded(
        _ text: String, file: String, limit: Int = Limits.standard.paragraphBytes,
        cells: Int = Limits.standard.tableCells
    ) -> (text: String, notes: [Diagnostic]) {
        // Nothing to do for a text shorter than both limits, which is most files.
        guard text.utf8.count > min(limit, cells) else { return (text, []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blank: [(first: Int, last: Int, bytes: Int, pipes: Int)] = []
        var start = -1
        var bytes = 0
        var pipes = 0
        // The open paragraph: its block quote depth, whether it is a list item's, whether it is a table's row.
        var quotes = 0
        var inList = false
        var inTable = false
        var previousLine = ""
        // An open fenced code block: its marker, where its content starts, and the quotes around it.
        var fence: (marker: Substring, column: Int, quotes: Int)?
        func close(before index: Int) {
            if start >= 0, bytes > limit || pipes > cells { blank.append((start, index - 1, bytes, pipes)) }
            start = -1
            bytes = 0
            pipes = 0
        }
        for (index, line) in lines.enumerated() {
            let parts = Self.parts(line)
            let isBlank = parts.content.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } && parts.marker == nil
            if let open = fence {
                // A fence ends at its closing marker, or when the list item or quote holding it ends.
                let containerEnds = !isBlank && (parts.quotes < open.quotes || parts.indent < open.column)
                if !containerEnds {
                    if parts.content.hasPrefix(open.marker) { fence = nil }
                    continue
                }
                fence = nil
            }
            if parts.content.hasPrefix("```") || parts.content.hasPrefix("~~~") {
                close(before: index)
                fence = (parts.content.prefix(3), parts.contentColumn, parts.quotes)
                continue
            }
            if isBlank {
                close(before: index)
                inTable = false
                continue
            }
            let content = parts.content
            let heading = Self.isHeading(content)
            let rule = Self.isThematicBreak(content)
            let delimiterRow = start >= 0 && Self.isTableDelimiter(content) && previousLine.contains("|")
            let opens =
                start < 0 || parts.quotes != quotes || heading || rule || delimiterRow
                || (parts.marker.map { marker in marker.interrupts || inList } ?? false)
                || (inTable && content.contains("|"))
            if opens {
                close(before: index)
                start = index
                quotes = parts.quotes
                inList = parts.marker != nil || (inList && parts.indent > 0)
                if delimiterRow { inTable = true }
            }
            bytes += content.utf8.count + 1
            pipes = max(pipes, content.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) })
            previousLine = String(content.prefix(256))
        }
        close(before: lines.count)
        guard !blank.isEmpty else { return (text, []) }
        var notes: [Diagnostic] = []
        for paragraph in blank {
            for index in paragraph.first...paragraph.last { lines[index] = "" }
            let lines = "lines \(paragraph.first + 1)–\(paragraph.last + 1)"
            let message =
                paragraph.bytes > limit
                ? "paragraph of \(paragraph.bytes) bytes (\(lines)) is longer than the \(limit)-byte limit (limits.paragraphBytes); its text was not read (split it into shorter paragraphs)"
                : "a line with \(paragraph.pipes) '|' (\(lines)) is wider than the \(cells)-cell limit for a table row (limits.tableCells); its text was not read"
            notes.append(
                Diagnostic(.paragraphTooLong, .warning, message, at: SourceRange(file: file, line: paragraph.first + 1, column: 1)))
        }
        return (lines.joined(separator: "\n"), notes)
    }

    /// A list marker at the start of a line: whether it may interrupt a paragraph (CommonMark: a bullet with
    /// text after it, or an ordered item numbered 1).
    struct Marker { var interrupts: Bool }

    /// A line taken apart the way cmark-gfm's block parser sees it: its indentation, the block quote markers
    /// and list markers in front (the innermost list marker, if any), and the text after them.
    struct Parts {
        var indent: Int
        var quotes: Int
        var marker: Marker?
        var content: Substring
        /// The byte column the content starts at.
        var contentColumn: Int
    }

    static func parts(_ line: Substring) -> Parts {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        let indent = line.utf8.count - rest.utf8.count
        var quotes = 0
        // Whether the innermost list marker could interrupt a paragraph, if it has text after it.
        var innermost: Bool?
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == ">" {
                quotes += 1
                rest = rest.dropFirst()
                continue
            }
            if let (length, interrupts) = listMarker(rest) {
                innermost = interrupts
                rest = rest.dropFirst(length)
                continue
            }
            break
        }
        let hasText = !rest.isEmpty && rest.first != "\r"
        return Parts(
            indent: indent, quotes: quotes, marker: innermost.map { Marker(interrupts: $0 && hasText) },
            content: rest, contentColumn: line.utf8.count - rest.utf8.count)
    }

    /// `#` to `######` followed by a space, a tab or the end of the line.
    static func isHeading(_ text: Substring) -> Bool {
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return false }
        let after = text.dropFirst(hashes).first
        return after == nil || after == " " || after == "\t" || after == "\r"
    }

    /// `---`, `***`, `___` (three or more, spaces allowed), or a setext underline `===`.
    static func isThematicBreak(_ text: Substring) -> Bool {
        let marks = text.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
        guard marks.count >= 3, let first = marks.first, "-*_=".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// A GFM table's delimiter row: `| --- | :-: |` and the like.
    static func isTableDelimiter(_ text: Substring) -> Bool {
        let trimmed = text.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
        return trimmed.contains("-") && trimmed.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" }
    }

    /// The length of a list marker (`- `, `* `, `+ `, `1. `, `2) `) at the start of `text`, and whether it
    /// could interrupt a paragraph (a bullet, or an ordered item numbered 1), or nil.
    static func listMarker(_ text: Substring) -> (length: Int, interrupts: Bool)? {
        guard let first = text.first else { return nil }
        let isEnd = { (character: Character?) in character == nil || character == " " || character == "\t" || character == "\r" }
        switch first {
        case "-", "*", "+":
            return isEnd(text.dropFirst().first) ? (1, true) : nil
        case "0"..."9":
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let after = text.dropFirst(digits.count)
            guard digits.count <= 9, after.first == "." || after.first == ")", isEnd(after.dropFirst().first) else { return nil }
            return (digits.count + 1, Int(digits) == 1)
        default:
            return nil
        }
    }
}
