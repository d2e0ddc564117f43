/// Decides, before cmark-gfm sees a Markdown file, whether it may see it whole, and blanks what it may not.
///
/// cmark-gfm 0.29 is quadratic in places: its inline parser on a long paragraph full of unmatched emphasis
/// and links (240 KB of `**bold** _em_ [link](x)` take about 2 s, 480 KB about 11 s), its table parser in a
/// row's cells, its table extension in the delimiter-like rows a paragraph collects, its autolinker in runs
/// of `@`. Its memory follows the inline nodes it makes (a few hundred bytes each) and the blocks it opens.
/// `BlockScanner` reads the file the way cmark-gfm will, so the guard sees the same paragraphs, headings,
/// table rows, code and HTML blocks:
/// - a file that opens more than `limits.blocks` blocks, whose text holds more than `limits.inlineMarks`
///   inline marks, or whose lines continue more open blocks than cmark-gfm can check in time, is refused
///   whole (`SpeckitError.overLimit`, which becomes an `input.unreadable` finding);
/// - a paragraph, heading or table row longer than `limits.paragraphBytes`, with a line of more than
///   `limits.tableCells` `|`, with more than two lines that look like a delimiter row but start no table, or
///   with more `@` than the autolinker can copy the rest of their lines for (eight a line), is blanked: its
///   lines stay, empty, so every line number after it is unchanged, and each becomes a
///   `structure.paragraph-too-long` note.
/// The blanked text is scanned again (blank lines can end a table or a list item early) until nothing is
/// over a limit.
enum ParagraphGuard {
    /// `text` as cmark-gfm may be given it, and a note for each paragraph blanked (lines 1-based).
    /// - Throws: `SpeckitError.overLimit` when the file opens too many blocks, holds too many inline marks or
    ///   nests too deep over too many lines.
    static func guarded(_ text: String, file: String, limits: Limits = .standard) throws -> (text: String, notes: [Diagnostic]) {
        var current = text
        var notes: [Diagnostic] = []
        for _ in 0..<4 {
            let scan = BlockScan.of(current, limits: limits)
            if scan.blocksExceeded {
                throw SpeckitError.overLimit(
                    file,
                    problem:
                        "opens more than \(limits.blocks) blocks (paragraphs, headings, lists, list items, quotes, code blocks, tables and table rows), the limit for one Markdown file (limits.blocks); the file was not read"
                )
            }
            if scan.nestingExceeded {
                throw SpeckitError.overLimit(
                    file,
                    problem:
                        "nests lists and quotes so deep over so many lines that cmark-gfm would check them more than \(BlockScanner.containerChecks(bytes: current.utf8.count)) times (four a byte); the file was not read"
                )
            }
            guard !scan.violations.isEmpty else {
                if scan.marks > limits.inlineMarks {
                    throw SpeckitError.overLimit(
                        file,
                        problem:
                            "holds more than \(limits.inlineMarks) inline marks (characters that start emphasis, links, code, HTML, autolinks and strikethrough, lines and table cells), the limit for one Markdown file (limits.inlineMarks); the file was not read"
                    )
                }
                return (current, notes)
            }
            notes += scan.violations.map { note($0, file: file, limits: limits) }
            current = blanking(scan.violations, in: current)
        }
        throw SpeckitError.overLimit(
            file, problem: "its paragraphs could not be kept within limits.paragraphBytes and limits.tableCells; the file was not read")
    }

    static func note(_ violation: BlockScan.Violation, file: String, limits: Limits) -> Diagnostic {
        let lines = "lines \(violation.first + 1)–\(violation.last + 1)"
        let message: String
        switch violation.reason {
        case .bytes(let bytes):
            message =
                "paragraph of \(bytes) bytes (\(lines)) is longer than the \(limits.paragraphBytes)-byte limit (limits.paragraphBytes); its text was not read (split it into shorter paragraphs)"
        case .pipes(let pipes):
            message =
                "a line with \(pipes) '|' (\(lines)) is wider than the \(limits.tableCells)-cell limit for a table row (limits.tableCells); its text was not read"
        case .delimiterRows(let rows):
            message =
                "paragraph (\(lines)) has \(rows) lines that look like a table's delimiter row but start no table, more than the \(BlockScanner.delimiterRowsPerParagraph) cmark-gfm can reread the paragraph for; its text was not read"
        case .addresses(let ats):
            message =
                "paragraph (\(lines)) has a line with \(ats) '@' and cmark-gfm's autolinker copies the rest of the line for each address, more than \(BlockScanner.addressWorkPerByte) times the paragraph's length in all; its text was not read"
        }
        return Diagnostic(.paragraphTooLong, .warning, message, at: SourceRange(file: file, line: violation.first + 1, column: 1))
    }

    /// `text` with the lines of every violation emptied (their line breaks kept).
    static func blanking(_ violations: [BlockScan.Violation], in text: String) -> String {
        var blank = Array(repeating: false, count: (violations.map(\.last).max() ?? 0) + 1)
        for violation in violations { for index in violation.first...violation.last { blank[index] = true } }
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var line = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if line >= blank.count || !blank[line] { out += bytes[start..<end] }
                if end < bytes.count { out.append(0x0A) }
                line += 1
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
