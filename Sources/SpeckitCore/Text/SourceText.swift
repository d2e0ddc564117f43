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
    /// For each long line with multi-byte characters (0-based), the number of scalars before every
    /// `checkpointStride`-th byte of it, so a column far along a minified JSON line costs a short walk, not
    /// a walk from the start of the line for every value on it. Lines that are pure ASCII need no walk.
    private let checkpoints: [Int: [Int]]
    private let asciiLines: [Bool]
    static let checkpointStride = 512

    init(
        path: String, text: String, report: TextReport, edits: [Int: [MojibakeRepair.Edit]],
        firstRepair: (line: Int, column: Int)?, firstInvalidLine: Int?
    ) {
        self.path = path
        self.text = text
        self.report = report
        self.edits = edits
        self.firstRepair = firstRepair
        self.firstInvalidLine = firstInvalidLine
        let bytes = Array(text.utf8)
        var starts = [0]
        var ascii: [Bool] = []
        var lineIsASCII = true
        // Through a buffer pointer: this loop sees every byte of every file, and stays fast in debug builds.
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if byte == 0x0A {
                    starts.append(offset + 1)
                    ascii.append(lineIsASCII)
                    lineIsASCII = true
                } else if byte >= 0x80 {
                    lineIsASCII = false
                }
            }
        }
        ascii.append(lineIsASCII)
        var checkpoints: [Int: [Int]] = [:]
        for line in ascii.indices where !ascii[line] {
            let start = starts[line]
            let end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
            guard end - start > Self.checkpointStride else { continue }
            var counts: [Int] = []
            var scalars = 0
            for offset in start..<end {
                if (offset - start) % Self.checkpointStride == 0 { counts.append(scalars) }
                if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
            }
            checkpoints[line] = counts
        }
        self.utf8 = bytes
        self.lineStarts = starts
        self.asciiLines = ascii
        self.checkpoints = checkpoints
    }

    /// The number of scalars in the first `bytes` bytes of a 0-based line (starting at byte `start`).
    private func scalarCount(line: Int, start: Int, bytes: Int) -> Int {
        if asciiLines[line] { return bytes }
        var scalars = 0
        var offset = start
        if let counts = checkpoints[line] {
            let index = min(bytes / Self.checkpointStride, counts.count - 1)
            scalars = counts[index]
            offset = start + index * Self.checkpointStride
        }
        for byte in offset..<(start + bytes) where utf8[byte] & 0xC0 != 0x80 { scalars += 1 }
        return scalars
    }

    /// The number of bytes the first `scalars` scalars of a 0-based line take (at most `limit`, its length).
    func byteCount(line: Int, scalars: Int) -> Int {
        guard line >= 0, line < lineStarts.count else { return scalars }
        let start = lineStarts[line]
        let limit = (line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : utf8.count) - start
        if asciiLines[line] { return min(scalars, limit) }
        var offset = 0
        var seen = 0
        if let counts = checkpoints[line] {
            // The last checkpoint with at most `scalars` scalars before it.
            var low = 0
            var high = counts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if counts[middle] <= scalars { low = middle } else { high = middle - 1 }
            }
            offset = low * Self.checkpointStride
            seen = counts[low]
            // A checkpoint may fall inside a character: step back to its first byte.
            while offset > 0, utf8[start + offset] & 0xC0 == 0x80 { offset -= 1 }
            seen = scalarCount(line: line, start: start, bytes: offset)
        }
        while offset < limit {
            if utf8[start + offset] & 0xC0 != 0x80 {
                if seen == scalars { break }
                seen += 1
            }
            offset += 1
        }
        return offset
    }

    /// Number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end < start { end = start }
        // A slice of the text, not a copy: a line starts after a `\n` and ends before one (line endings are
        // `\n` alone here), so both ends are character boundaries. Offsetting a native string's UTF-8 view
        // costs nothing.
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        return text[lower..<text.utf8.index(lower, offsetBy: end - start)]
    }

    /// Converts a 1-based *byte* column in the parsed text (what cmark-gfm reports) to a 1-based
    /// *character* column in the file as found on disk.
    public func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let limit = line < lineStarts.count ? lineStarts[line] : utf8.count
        let end = min(start + byteColumn - 1, limit)
        let scalars = scalarCount(line: line - 1, start: start, bytes: end - start)
        var original = scalars
        for edit in edits[line - 1] ?? [] where edit.repairedIndex < scalars {
            original += edit.originalLength - 1
        }
        return original + 1
    }

    /// A source range for cmark-gfm's byte positions.
    public func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(
            file: path, line: max(startLine, 1), column: column(line: startLine, byteColumn: startColumn),
            endLine: max(endLine, startLine, 1), endColumn: column(line: endLine, byteColumn: endColumn))
    }

    /// The diagnostics that describe what was repaired.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        if let encoding = report.mojibake, let first = firstRepair {
            let name = encoding == .windows1252 ? "Windows-1252" : "Mac Roman"
            out.append(
                Diagnostic(
                    .mojibake, .warning,
                    "text is UTF-8 that was decoded as \(name) and saved again (mojibake); repaired \(Plural.count(report.mojibakeRepairs, "character")) before parsing",
                    at: SourceRange(file: path, line: first.line, column: first.column)))
        }
        if report.invalidUTF8Sequences > 0 {
            out.append(
                Diagnostic(
                    .invalidUTF8, .warning,
                    "\(report.invalidUTF8Sequences) byte sequence(s) are not valid UTF-8 and were read as U+FFFD",
                    at: SourceRange(file: path, line: firstInvalidLine ?? 1, column: 1)))
        }
        if report.bom {
            out.append(
                Diagnostic(
                    .byteOrderMark, .note, "the file starts with a UTF-8 byte-order mark (dropped before parsing)",
                    at: SourceRange(file: path, line: 1, column: 1)))
        }
        if report.lineEndings == .mixed {
            out.append(
                Diagnostic(
                    .mixedLineEndings, .note, "line endings are mixed (LF and CRLF/CR)",
                    at: SourceRange(file: path, line: 1, column: 1)))
        }
        return out
    }
}
