/// Cheap byte-level tests run before a regular expression, so the (slow) regex engine only sees lines
/// that can match. Every check is a necessary condition of the pattern it guards.
enum QuickScan {
    /// Whether a standalone number (or `n/m`) is followed, after spaces, by a word starting with one of
    /// `words` (ASCII, lowercase), ignoring case: `18 completed`, `3/27 subtasks`, `111 total`.
    static func numberBeforeWord(_ text: some StringProtocol, _ words: [[UInt8]]) -> Bool {
        let bytes = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func isSpace(_ i: Int) -> Bool { i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) }
        var i = 0
        while i < bytes.count {
            guard isDigit(i) else {
                i += 1
                continue
            }
            let previous: UInt8 = i > 0 ? bytes[i - 1] : 0x20
            let glued =
                (previous >= 0x30 && previous <= 0x39) || (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A)
                || previous == 0x2E || previous == 0x2D || previous == 0x5F || previous == 0x2F
            var j = i
            while isDigit(j) { j += 1 }
            if !glued {
                var k = j
                while isSpace(k) { k += 1 }
                if k < bytes.count, bytes[k] == 0x2F {
                    k += 1
                    while isSpace(k) { k += 1 }
                    while isDigit(k) { k += 1 }
                }
                if k > j, isSpace(k - 1) || bytes[k - 1] >= 0x30 {
                    while isSpace(k) { k += 1 }
                    for word in words where k + word.count <= bytes.count {
                        var matched = 0
                        while matched < word.count && bytes[k + matched] | 0x20 == word[matched] { matched += 1 }
                        if matched == word.count { return true }
                    }
                }
            }
            i = j
        }
        return false
    }

    /// Several needles searched for in one pass over the text: each byte is looked up in a table of the
    /// needles' first bytes, so a line costs one pass however many words a vocabulary has.
    struct Needles: Sendable {
        let needles: [[UInt8]]
        /// For each first byte, the needles starting with it.
        private let byFirst: [[Int]]

        init(_ needles: [[UInt8]]) {
            self.needles = needles
            var table = Array(repeating: [Int](), count: 256)
            for (index, needle) in needles.enumerated() {
                if let first = needle.first { table[Int(first)].append(index) }
            }
            byFirst = table
        }

        /// The indexes of the needles `bytes` contains, in needle order.
        func found(in bytes: [UInt8]) -> [Int] {
            var hits = Array(repeating: false, count: needles.count)
            bytes.withUnsafeBufferPointer { buffer in
                for start in buffer.indices {
                    for index in byFirst[Int(buffer[start])] where !hits[index] {
                        let needle = needles[index]
                        guard start + needle.count <= buffer.count else { continue }
                        var matched = 1
                        while matched < needle.count && buffer[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { hits[index] = true }
                    }
                }
            }
            return hits.indices.filter { hits[$0] }
        }

        /// Whether `bytes` contains any of the needles.
        func any(in bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                for start in buffer.indices {
                    for index in byFirst[Int(buffer[start])] {
                        let needle = needles[index]
                        guard start + needle.count <= buffer.count else { continue }
                        var matched = 1
                        while matched < needle.count && buffer[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                }
                return false
            }
        }
    }

    /// Whether `text` contains `needle` exactly (case-sensitive bytes).
    static func containsExact(_ text: some StringProtocol, _ needle: [UInt8]) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ contains($0, needle) }) { return found }
        return contains(Array(text.utf8), needle)
    }

    /// The UTF-8 bytes of `text` with ASCII letters lowercased, for several `contains` checks on one text.
    static func lowercased(_ text: some StringProtocol) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return bytes
    }

    /// Whether `bytes` contains `needle`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, needle) }
    }

    private static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, buffer.count >= needle.count else { return needle.isEmpty }
        var index = 0
        let last = buffer.count - needle.count
        while index <= last {
            if buffer[index] == first {
                var matched = 1
                while matched < needle.count && buffer[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// The text split at its line feeds, found by bytes: `split(separator: "\n")` without walking characters.
    /// The same slices, as a `\n` is always a character of its own once line endings are `\n` alone (no mark
    /// joins it; only `\r\n` would, and decoding leaves none).
    func lineSlices(omittingEmpty: Bool = false) -> [Substring] {
        utf8.split(separator: 0x0A, omittingEmptySubsequences: omittingEmpty).map { self[$0.startIndex..<$0.endIndex] }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (a fast, Foundation-free trim).
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
