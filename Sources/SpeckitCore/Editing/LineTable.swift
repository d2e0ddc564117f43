/// Where each line of a file's bytes starts and ends, counted the way speckit counts lines when it reads a
/// file: a byte order mark does not belong to line 1, and `\r\n`, `\n` and a lone `\r` each end a line. Edits
/// and content hashes work on these byte ranges, so everything outside them stays byte for byte as it was.
package struct LineTable: Sendable {
    /// The bytes of each line without its line break, 1-based through `line(_:)`.
    private let contents: [Range<Int>]
    /// The line break after each line (empty for a last line without one).
    private let breaks: [Range<Int>]

    package init(_ bytes: [UInt8]) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var contents: [Range<Int>] = []
        var breaks: [Range<Int>] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                let end = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                contents.append(start..<index)
                breaks.append(index..<end)
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < bytes.count || contents.isEmpty {
            contents.append(start..<bytes.count)
            breaks.append(bytes.count..<bytes.count)
        }
        self.contents = contents
        self.breaks = breaks
    }

    /// How many lines the file has.
    package var count: Int { contents.count }

    /// The bytes of line `number` (1-based) without its line break, or nil past the end.
    package func line(_ number: Int) -> Range<Int>? {
        contents.indices.contains(number - 1) ? contents[number - 1] : nil
    }

    /// The line break that ends line `number` (`\r\n`, `\n`, `\r`, or empty at the end of the file).
    package func lineBreak(_ number: Int) -> Range<Int>? {
        breaks.indices.contains(number - 1) ? breaks[number - 1] : nil
    }

    /// The line break most lines of the file end with (`\n` when none does).
    package func usualBreak(in bytes: [UInt8]) -> [UInt8] {
        var counts: [[UInt8]: Int] = [:]
        for range in breaks where !range.isEmpty { counts[Array(bytes[range]), default: 0] += 1 }
        return counts.max { ($0.value, $1.key.count) < ($1.value, $0.key.count) }?.key ?? [0x0A]
    }
}
