/// Turns the bytes of a plan file into a `SourceText`: refuses what is not text, then drops the BOM,
/// normalises line endings, replaces invalid UTF-8 and repairs mojibake, recording each step.
public enum TextDecoding {
    /// Decodes `bytes` read from `path`.
    public static func decode(_ bytes: [UInt8], path: String) throws -> SourceText {
        guard !bytes.isEmpty else { throw SpeckitError.emptyFile(path) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SpeckitError.unsupportedEncoding(path, encoding: "UTF-16 (it starts with a UTF-16 byte-order mark)")
        }
        if let nul = bytes.firstIndex(of: 0) { throw SpeckitError.binaryFile(path, offset: nul) }

        var report = TextReport(bytes: bytes.count)
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            report.bom = true
            body = body.dropFirst(3)
        }

        let (normalised, endings) = normaliseLineEndings(body)
        report.lineEndings = endings

        var firstInvalidLine: Int?
        var text: String
        if let valid = String(validating: normalised, as: UTF8.self) {
            text = valid
        } else {
            let (decoded, invalid, firstLine) = decodeWithReplacement(normalised)
            text = decoded
            report.invalidUTF8Sequences = invalid
            firstInvalidLine = firstLine
        }

        var edits: [Int: [MojibakeRepair.Edit]] = [:]
        var firstRepair: (line: Int, column: Int)?
        if text.utf8.contains(where: { $0 >= 0x80 }), let repairer = bestRepairer(for: text) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var total = 0
            for index in lines.indices {
                guard let repaired = repairer.repair(Substring(lines[index])) else { continue }
                lines[index] = repaired.text
                edits[index] = repaired.edits
                total += repaired.edits.count
                if firstRepair == nil, let first = repaired.edits.first {
                    let before = repaired.edits.filter { $0.repairedIndex < first.repairedIndex }
                    let column = first.repairedIndex + before.reduce(0) { $0 + $1.originalLength - 1 } + 1
                    firstRepair = (index + 1, column)
                }
            }
            text = lines.joined(separator: "\n")
            report.mojibake = repairer.encoding
            report.mojibakeRepairs = total
        }
        report.lines = text.isEmpty ? 0 : text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } - (text.hasSuffix("\n") ? 1 : 0)
        return SourceText(
            path: path, text: text, report: report, edits: edits,
            firstRepair: firstRepair, firstInvalidLine: firstInvalidLine)
    }

    /// The encoding whose mojibake explains the most characters, if any does.
    static func bestRepairer(for text: String) -> MojibakeRepair? {
        let candidates = LegacyEncoding.allCases.map { MojibakeRepair($0) }
        let scored = candidates.map { ($0, $0.countRepairs(in: text)) }.filter { $0.1 > 0 }
        return scored.max { $0.1 < $1.1 }?.0
    }

    private static func normaliseLineEndings(_ bytes: ArraySlice<UInt8>) -> ([UInt8], TextReport.LineEndings) {
        // Most files have no `\r`: copied whole, only their line feeds looked for.
        if !bytes.contains(0x0D) { return (Array(bytes), bytes.contains(0x0A) ? .lf : .none) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lf = 0
        var crlf = 0
        var cr = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0D {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == 0x0A {
                    crlf += 1
                    index = next
                } else {
                    cr += 1
                }
                out.append(0x0A)
            } else {
                if byte == 0x0A { lf += 1 }
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        let kinds = [lf > 0, crlf > 0, cr > 0].filter { $0 }.count
        let endings: TextReport.LineEndings
        if kinds > 1 {
            endings = .mixed
        } else if crlf > 0 {
            endings = .crlf
        } else if cr > 0 {
            endings = .cr
        } else if lf > 0 {
            endings = .lf
        } else {
            endings = .none
        }
        return (out, endings)
    }

    /// Decodes UTF-8, replacing each invalid sequence by U+FFFD; counts them and notes the first one's line.
    private static func decodeWithReplacement(_ bytes: [UInt8]) -> (String, Int, Int?) {
        var scalars = String.UnicodeScalarView()
        var decoder = Unicode.UTF8()
        var iterator = bytes.makeIterator()
        var invalid = 0
        var line = 1
        var firstLine: Int?
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .error:
                invalid += 1
                if firstLine == nil { firstLine = line }
                scalars.append(Unicode.Scalar(0xFFFD)!)
            case .emptyInput:
                break loop
            }
        }
        return (String(scalars), invalid, firstLine)
    }
}
