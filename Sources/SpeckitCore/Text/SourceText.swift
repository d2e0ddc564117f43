/// A plan file's text as speckit parses it — BOM dropped, line endings made `\n`, invalid UTF-8 replaced,
/// mojibake repaired — together with the means to map positions back to the file as it is on disk.
public struct SourceText: Sendable {
    /// The file name used in every source range.
    public let path: String
    /// The text to parse.
    public let text: String
    /// What was found and repaired.
    public let report: TextReport
    /// Where the first mojibake repair and the first invalid byte were found (1-based line, column).
    let firstRepair: (line: Int, column: Int)?
    let firstInvalidLine: Int?
    /// Per repaired line (0-based), the repairs made in it.
    private let edits: [Int: [MojibakeRepair.Edit]]
    /// Byte offset of each line start in `utf8`.
    private let lineStarts: [Int]
    private let utf8: [UInt8]

    init(path: String, text: String, report: TextReport, edits: [Int: [MojibakeRepair.Edit]],
         firstRepair: (line: Int, column: Int)?, firstInvalidLine: Int?) {
        self.path = path
        self.text = text
        self.report = report
        self.edits = edits
        self.firstRepair = firstRepair
        self.firstInvalidLine = firstInvalidLine
        let bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.utf8 = bytes
        self.lineStarts = starts
    }

    /// Number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end < start { end = start }
        return Substring(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Converts a 1-based *byte* column in the parsed text (what cmark-gfm reports) to a 1-based
    /// *character* column in the file as found on disk.
    public func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let limit = line < lineStarts.count ? lineStarts[line] : utf8.count
        let end = min(start + byteColumn - 1, limit)
        var scalars = 0
        for offset in start..<end where utf8[offset] & 0xC0 != 0x80 { scalars += 1 }
        var original = scalars
        for edit in edits[line - 1] ?? [] where edit.repairedIndex < scalars {
            original += edit.originalLength - 1
        }
        return original + 1
    }

    /// A source range for cmark-gfm's byte positions.
    public func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(file: path, line: max(startLine, 1), column: column(line: startLine, byteColumn: startColumn),
                    endLine: max(endLine, startLine, 1), endColumn: column(line: endLine, byteColumn: endColumn))
    }

    /// The diagnostics that describe what was repaired.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        if let encoding = report.mojibake, let first = firstRepair {
            let name = encoding == .windows1252 ? "Windows-1252" : "Mac Roman"
            out.append(Diagnostic(.mojibake, .warning,
                "text is UTF-8 that was decoded as \(name) and saved again (mojibake); repaired \(report.mojibakeRepairs) character\(report.mojibakeRepairs == 1 ? "" : "s") before parsing",
                at: SourceRange(file: path, line: first.line, column: first.column)))
        }
        if report.invalidUTF8Sequences > 0 {
            out.append(Diagnostic(.invalidUTF8, .warning,
                "\(report.invalidUTF8Sequences) byte sequence(s) are not valid UTF-8 and were read as U+FFFD",
                at: SourceRange(file: path, line: firstInvalidLine ?? 1, column: 1)))
        }
        if report.bom {
            out.append(Diagnostic(.byteOrderMark, .note, "the file starts with a UTF-8 byte-order mark (dropped before parsing)",
                                  at: SourceRange(file: path, line: 1, column: 1)))
        }
        if report.lineEndings == .mixed {
            out.append(Diagnostic(.mixedLineEndings, .note, "line endings are mixed (LF and CRLF/CR)",
                                  at: SourceRange(file: path, line: 1, column: 1)))
        }
        return out
    }
}
