extension RuleContext {
    /// The lines of a Markdown document outside code blocks (fenced, and indented ones that do not continue a
    /// list) and HTML comments, with their 1-based numbers. Rules that read text the model does not keep
    /// (placeholders, malformed markers) walk these.
    func proseLines(of document: Document) -> [(number: Int, text: Substring)] {
        lines(of: document).prose
    }

    /// The lines inside code blocks and comments.
    func codeLines(of document: Document) -> [(number: Int, text: Substring)] {
        lines(of: document).code
    }

    /// A document's lines, split into prose and code once and kept for the other rules.
    private func lines(of document: Document) -> (prose: [(number: Int, text: Substring)], code: [(number: Int, text: Substring)]) {
        if let cached = lineCache[document.path] { return cached }
        let split = splitLines(of: document)
        lineCache[document.path] = split
        return split
    }

    private func splitLines(of document: Document) -> (prose: [(number: Int, text: Substring)], code: [(number: Int, text: Substring)]) {
        guard document.format == .markdown, let source = sources[document.path] else { return ([], []) }
        var code: [(number: Int, text: Substring)] = []
        var out: [(number: Int, text: Substring)] = []
        out.reserveCapacity(source.lineCount)
        var fence: (character: Character, length: Int)?
        var inComment = false
        var inIndentedCode = false
        var previousBlank = true
        var lastTextInList = false
        for number in 1...max(source.lineCount, 1) where number <= source.lineCount {
            let line = source.line(number)
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            defer { previousBlank = blank }
            if let marker = Self.fenceMarker(line), !inComment {
                if let open = fence {
                    if marker.character == open.character, marker.length >= open.length,
                        line.drop(while: { $0 == " " }).dropFirst(marker.length).allSatisfy(\.isWhitespace)
                    {
                        fence = nil
                    }
                } else {
                    fence = marker
                }
                continue
            }
            if fence != nil {
                code.append((number, line))
                continue
            }
            if inComment {
                if line.contains("-->") { inComment = false }
                code.append((number, line))
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("<!--") {
                inComment = !trimmed.dropFirst(4).contains("-->")
                code.append((number, line))
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            if inIndentedCode, blank || indent >= 4 {
                code.append((number, line))
                continue
            }
            inIndentedCode = false
            if !blank, indent >= 4, previousBlank, !lastTextInList {
                inIndentedCode = true
                code.append((number, line))
                continue
            }
            if !blank { lastTextInList = indent >= 2 || Self.startsListItem(trimmed) }
            out.append((number, line))
        }
        return (out, code)
    }

    /// `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line.
    static func startsListItem(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if "-*+".contains(first) { return text.dropFirst().first == " " || text.dropFirst().first == "\t" || text.count == 1 }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = text.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && (rest.dropFirst().first == " " || rest.count == 1)
    }

    /// The range of `length` characters starting at a 0-based character offset of a line, in the columns of
    /// the text as it is on disk.
    func range(in document: Document, line: Int, offset: Int, length: Int) -> SourceRange {
        guard let source = sources[document.path] else {
            return SourceRange(file: document.path, line: line, column: offset + 1)
        }
        let text = source.line(line)
        let prefixBytes = text.prefix(offset).utf8.count
        let matchBytes = text.dropFirst(offset).prefix(length).utf8.count
        let start = source.column(line: line, byteColumn: prefixBytes + 1)
        let end = source.column(line: line, byteColumn: prefixBytes + max(matchBytes, 1))
        return SourceRange(file: document.path, line: line, column: start, endLine: line, endColumn: end)
    }

    /// A fence opener or closer: three or more backticks or tildes after at most three spaces.
    static func fenceMarker(_ line: Substring) -> (character: Character, length: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3, let first = line.dropFirst(indent).first, first == "`" || first == "~" else { return nil }
        let length = line.dropFirst(indent).prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }
}
