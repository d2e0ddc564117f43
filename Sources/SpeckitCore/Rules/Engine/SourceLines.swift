extension RuleContext {
    /// The lines of a Markdown document outside fenced code blocks, with their 1-based numbers. Rules that
    /// read text the model does not keep (placeholders, malformed markers) walk these.
    func proseLines(of document: Document) -> [(number: Int, text: Substring)] {
        guard document.format == .markdown, let source = sources[document.path] else { return [] }
        var out: [(number: Int, text: Substring)] = []
        out.reserveCapacity(source.lineCount)
        var fence: (character: Character, length: Int)?
        for number in 1...max(source.lineCount, 1) where number <= source.lineCount {
            let line = source.line(number)
            if let marker = Self.fenceMarker(line) {
                if let open = fence {
                    if marker.character == open.character, marker.length >= open.length,
                       line.drop(while: { $0 == " " }).dropFirst(marker.length).allSatisfy(\.isWhitespace) {
                        fence = nil
                    }
                } else {
                    fence = marker
                }
                continue
            }
            if fence == nil { out.append((number, line)) }
        }
        return out
    }

    /// The lines inside fenced code blocks.
    func codeLines(of document: Document) -> [(number: Int, text: Substring)] {
        guard document.format == .markdown, let source = sources[document.path] else { return [] }
        let prose = Set(proseLines(of: document).map(\.number))
        return (1...max(source.lineCount, 1)).compactMap { number in
            guard number <= source.lineCount, !prose.contains(number) else { return nil }
            let line = source.line(number)
            return Self.fenceMarker(line) == nil ? (number, line) : nil
        }
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
