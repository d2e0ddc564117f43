/// What `BlockScanner` found in a document: the blocks cmark-gfm would open, the inline marks it would meet,
/// and the paragraphs, headings and table rows that would cost it too much to read.
struct BlockScan {
    /// Blocks cmark-gfm would open: paragraphs, headings, thematic breaks, code and HTML blocks, block
    /// quotes, lists, list items, tables and their rows.
    var blocks = 0
    /// Whether the scan stopped because `blocks` went over `limits.blocks` (then nothing else is complete).
    var blocksExceeded = false
    /// Open blocks the lines were checked against (one for each block a line continues).
    var containerChecks = 0
    /// Whether the scan stopped because lines continue more open blocks than cmark-gfm can check in time
    /// (`BlockScanner.containerChecks(bytes:)`).
    var nestingExceeded = false
    /// Characters that start an inline node in the text cmark-gfm inline-parses, plus one for each of its
    /// lines and table cells: what its inline parser allocates for, at a few hundred bytes each.
    var marks = 0
    var lineCount = 0
    /// Paragraphs, headings and table rows (and lines cmark-gfm parses as table rows) that must not reach
    /// cmark-gfm, in document order.
    var violations: [Violation] = []
    /// What each line is and the line its block starts on (only when asked for, by the parity tests).
    var lines: [Line]?

    struct Line: Equatable {
        var kind: LineKind
        /// The first line of the paragraph, heading, code or HTML block, or table row it is part of (-1 for none).
        var start: Int
    }

    /// A run of lines (0-based, inclusive) that would cost cmark-gfm too much, and why.
    struct Violation: Equatable {
        var first: Int
        var last: Int
        var reason: Reason
    }

    enum Reason: Equatable {
        /// Longer than `limits.paragraphBytes`.
        case bytes(Int)
        /// A line with more `|` than `limits.tableCells`.
        case pipes(Int)
        /// More lines that look like a table's delimiter row but start no table than cmark-gfm can rescan the
        /// paragraph for.
        case delimiterRows(Int)
        /// Lines with so many `@` (this many on the worst) that cmark-gfm's autolink extension would scan
        /// and copy the rest of the line for each more than `BlockScanner.addressWorkPerByte` times over.
        case addresses(Int)
    }

    /// What a line is in cmark-gfm's tree.
    enum LineKind: UInt8, Equatable {
        /// Blank, or only block quote and list markers, or a link reference definition.
        case none
        case paragraph
        case heading
        case code
        case html
        case thematicBreak
        case tableHeader
        case tableDelimiter
        case tableRow
    }

    /// Scans `text`.
    static func of(_ text: String, limits: Limits, recordLines: Bool = false) -> BlockScan {
        var copy = text
        return copy.withUTF8 { bytes in
            var scanner = BlockScanner(bytes: bytes, limits: limits, recordLines: recordLines)
            return scanner.run()
        }
    }
}
