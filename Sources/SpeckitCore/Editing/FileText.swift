/// A plan file's bytes as they are on disk, for finding what the model read in them: line and column
/// (Unicode scalars of the line on disk, as `SourceRange` counts them) to byte offsets, and text the model
/// holds repaired (a file with mojibake) back to the form it has on disk.
package struct FileText: Sendable {
    package let path: String
    package let bytes: [UInt8]
    package let lines: LineTable
    /// The encoding the file's mojibake came from, when speckit repaired it while reading.
    package let mojibake: LegacyEncoding?

    package init(path: String, bytes: [UInt8], mojibake: LegacyEncoding?) {
        self.path = path
        self.bytes = bytes
        self.lines = LineTable(bytes)
        self.mojibake = mojibake
    }

    /// Line `number` without its line break, as bytes.
    package func line(_ number: Int) -> ArraySlice<UInt8>? { lines.line(number).map { bytes[$0] } }

    /// The byte offset of 1-based scalar `column` on line `number` (the end of the line past its last scalar).
    package func offset(line number: Int, column: Int) -> Int? {
        guard let range = lines.line(number) else { return nil }
        var index = range.lowerBound
        var scalar = 1
        while scalar < column, index < range.upperBound {
            index += Self.scalarLength(bytes[index])
            scalar += 1
        }
        return min(index, range.upperBound)
    }

    /// `text` as this file holds it: the same bytes, or its mojibake when the file's text was repaired.
    package func onDisk(_ text: String) -> [[UInt8]] {
        var forms = [Array(text.utf8)]
        if let mojibake {
            let upper = mojibake.upperHalf
            let garbled = String(String.UnicodeScalarView(text.utf8.map { $0 < 0x80 ? Unicode.Scalar($0) : upper[Int($0) - 0x80] }))
            if Array(garbled.utf8) != forms[0] { forms.append(Array(garbled.utf8)) }
        }
        return forms
    }

    /// Where `text` (in either form `onDisk` gives) stands on line `number`: the last occurrence when `last`,
    /// else the first at or after `column`.
    package func find(_ text: String, line number: Int, from column: Int = 1, last: Bool = false) -> Range<Int>? {
        guard let range = lines.line(number), !text.isEmpty else { return nil }
        let start = offset(line: number, column: column) ?? range.lowerBound
        var found: Range<Int>?
        for form in onDisk(text) {
            var index = start
            while index + form.count <= range.upperBound {
                if bytes[index] == form[0], bytes[index..<(index + form.count)].elementsEqual(form) {
                    let hit = index..<(index + form.count)
                    if !last { return hit }
                    if found.map({ hit.lowerBound > $0.lowerBound }) ?? true { found = hit }
                }
                index += 1
            }
        }
        return found
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
