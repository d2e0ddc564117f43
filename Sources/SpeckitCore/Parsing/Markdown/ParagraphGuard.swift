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
    static func guarded(_ text: String, file: String, limit: Int = Limits.standard.paragraphBytes)
        -> (text: String, notes: [Diagnostic]) {
        // Nothing to do for a text shorter than the limit, which is nearly every file.
        guard text.utf8.count > limit else { return (text, []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blank: [(first: Int, last: Int, bytes: Int)] = []
        var start = -1, bytes = 0
        var fence: Substring?
        func close(before index: Int) {
            if start >= 0, bytes > limit { blank.append((start, index - 1, bytes)) }
            start = -1
            bytes = 0
        }
        for (index, line) in lines.enumerated() {
            let (opensBlock, content) = Self.inline(line)
            if let open = fence {
                if content.hasPrefix(open) { fence = nil }
                continue
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                close(before: index)
                fence = content.prefix(3)
                continue
            }
            if !opensBlock, content.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                close(before: index)
                continue
            }
            if start < 0 || opensBlock {
                close(before: index)
                start = index
            }
            bytes += content.utf8.count + 1
        }
        close(before: lines.count)
        guard !blank.isEmpty else { return (text, []) }
        var notes: [Diagnostic] = []
        for paragraph in blank {
            for index in paragraph.first...paragraph.last { lines[index] = "" }
            notes.append(Diagnostic(.paragraphTooLong, .warning,
                                    "paragraph of \(paragraph.bytes) bytes (lines \(paragraph.first + 1)–\(paragraph.last + 1)) is longer than the "
                                        + "\(limit)-byte limit (limits.paragraphBytes); its text was not read (split it into shorter paragraphs)",
                                    at: SourceRange(file: file, line: paragraph.first + 1, column: 1)))
        }
        return (lines.joined(separator: "\n"), notes)
    }

    /// Whether a line opens a block of its own (a list item, heading or table row), and its text once the
    /// container markers in front of it (indentation, `>`, list markers) are taken off: the part cmark-gfm
    /// parses for inlines.
    static func inline(_ line: Substring) -> (opensBlock: Bool, content: Substring) {
        var rest = line[...]
        var opens = false
        while true {
            while let first = rest.first, first == " " || first == "\t" || first == ">" { rest = rest.dropFirst() }
            if let marker = listMarker(rest) {
                opens = true
                rest = rest.dropFirst(marker)
                continue
            }
            break
        }
        if let first = rest.first, first == "#" || first == "|" { opens = true }
        return (opens, rest)
    }

    /// The length of a list marker (`- `, `* `, `+ `, `1. `, `2) `) at the start of `text`, or nil.
    static func listMarker(_ text: Substring) -> Int? {
        guard let first = text.first else { return nil }
        let isEnd = { (character: Character?) in character == nil || character == " " || character == "\t" }
        switch first {
        case "-", "*", "+":
            return isEnd(text.dropFirst().first) ? 1 : nil
        case "0"..."9":
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let after = text.dropFirst(digits.count)
            guard digits.count <= 9, after.first == "." || after.first == ")", isEnd(after.dropFirst().first) else { return nil }
            return digits.count + 1
        default:
            return nil
        }
    }
}
