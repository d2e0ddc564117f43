/// Finds and undoes mojibake: UTF-8 text that was decoded as Windows-1252 or Mac Roman and saved again,
/// so that ✅ (E2 9C 85) reads `âœ…` or `‚úÖ`.
///
/// Each run of characters that the legacy encoding can represent is turned back into bytes, and every
/// complete UTF-8 sequence among those bytes becomes the character it encodes. Characters that do not
/// form UTF-8 (a real "café") are left alone. Windows-1252 round trips lose its five undefined bytes
/// (⏳ is E2 8F B3, and 8F is undefined, so `â³` remains); a sequence short of exactly one byte is
/// completed when exactly one undefined byte makes it an emoji or the emoji variation selector.
/// Text inside `code spans` is never changed: a document may quote mojibake on purpose.
struct MojibakeRepair {
    /// One repaired character: where it stands in the repaired line and how many characters it replaced.
    struct Edit: Hashable, Sendable {
        /// 0-based index of the repaired scalar in the repaired line.
        var repairedIndex: Int
        /// How many scalars of the original line it replaced.
        var originalLength: Int
    }

    let encoding: LegacyEncoding
    private let byteForScalar: [Unicode.Scalar: UInt8]
    /// The characters that stand for a UTF-8 lead byte (C2–F4): every repair starts at one, so a line
    /// without any has nothing to repair.
    private let leadScalars: Set<Unicode.Scalar>

    init(_ encoding: LegacyEncoding) {
        self.encoding = encoding
        self.byteForScalar = encoding.byteForScalar
        self.leadScalars = Set(byteForScalar.filter { (0xC2...0xF4).contains($0.value) }.keys)
    }

    /// Repairs one line. Returns nil when nothing in it is mojibake.
    func repair(_ line: Substring) -> (text: String, edits: [Edit])? {
        guard line.utf8.contains(where: { $0 >= 0x80 }),
            line.unicodeScalars.contains(where: { $0.value >= 0x80 && leadScalars.contains($0) })
        else { return nil }
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var edits: [Edit] = []
        var outCount = 0
        var index = 0
        var inCodeSpan = false
        while index < scalars.count {
            // Text in `code spans` is quoted as written (a document may show mojibake on purpose).
            if scalars[index] == "`" { inCodeSpan.toggle() }
            guard !inCodeSpan, byteForScalar[scalars[index]] != nil else {
                out.append(scalars[index])
                outCount += 1
                index += 1
                continue
            }
            var end = index
            var bytes: [UInt8] = []
            while end < scalars.count, let byte = byteForScalar[scalars[end]] {
                bytes.append(byte)
                end += 1
            }
            var decoded: [(scalar: Unicode.Scalar?, used: Int)] = []
            var position = 0
            while position < bytes.count {
                if let (scalar, used) = decode(bytes, at: position) {
                    decoded.append((scalar, used))
                    position += used
                } else {
                    decoded.append((nil, 1))
                    position += 1
                }
            }
            let keep = Self.isLoneNonLatinPair(decoded)
            position = 0
            for (scalar, used) in decoded {
                if let scalar, !keep {
                    out.append(scalar)
                    edits.append(Edit(repairedIndex: outCount, originalLength: used))
                    outCount += 1
                } else {
                    for offset in 0..<used { out.append(scalars[index + position + offset]) }
                    outCount += used
                }
                position += used
            }
            index = end
        }
        return edits.isEmpty ? nil : (String(out), edits)
    }

    /// Counts the characters `repair` would change in a whole text, to choose between encodings.
    func countRepairs(in text: String) -> Int {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 && leadScalars.contains($0) }) else { return 0 }
        var total = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let repaired = repair(line) { total += repaired.edits.count }
        }
        return total
    }

    /// Decodes one UTF-8 sequence starting at `position`: the scalar and how many input bytes it used.
    private func decode(_ bytes: [UInt8], at position: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[position]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        var continuation = 0
        while continuation < length - 1, position + 1 + continuation < bytes.count,
            bytes[position + 1 + continuation] & 0xC0 == 0x80
        {
            continuation += 1
        }
        let sequence = Array(bytes[position..<(position + 1 + continuation)])
        if continuation == length - 1, let scalar = Self.scalar(from: sequence) {
            return (scalar, length)
        }
        // One byte short: try the bytes the legacy encoding could not carry.
        guard continuation == length - 2, !encoding.undefinedBytes.isEmpty else { return nil }
        var found: Unicode.Scalar?
        for slot in 1..<length {
            for missing in encoding.undefinedBytes {
                var candidate = sequence
                candidate.insert(missing, at: slot)
                guard let scalar = Self.scalar(from: candidate), Self.isLikelyLostEmoji(scalar) else { continue }
                if found != nil, found != scalar { return nil }
                found = scalar
            }
        }
        guard let found else { return nil }
        return (found, length - 1)
    }

    /// Whether a run's only repair is one two-byte character outside the Latin letters: real text such as
    /// “última (Mac Roman's “ and ú are the bytes of Cyrillic Ҝ) reads so by chance, while mojibake of a
    /// Greek or Cyrillic word changes several letters in a row.
    private static func isLoneNonLatinPair(_ decoded: [(scalar: Unicode.Scalar?, used: Int)]) -> Bool {
        let repairs = decoded.compactMap(\.scalar)
        guard repairs.count == 1, let only = repairs.first else { return false }
        return only.value > 0x24F && only.value < 0x800
    }

    private static func isLikelyLostEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || (scalar.value >= 0x2000 && scalar.properties.isEmoji)
    }

    /// A scalar from a complete, shortest-form UTF-8 sequence.
    private static func scalar(from bytes: [UInt8]) -> Unicode.Scalar? {
        guard let lead = bytes.first else { return nil }
        for byte in bytes.dropFirst() where byte & 0xC0 != 0x80 { return nil }
        let value: UInt32
        switch bytes.count {
        case 2:
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
            guard value >= 0x80 else { return nil }
        case 3:
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            guard value >= 0x800 else { return nil }
        case 4:
            value =
                UInt32(lead & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12
                | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
            guard value >= 0x10000 else { return nil }
        default:
            return nil
        }
        return Unicode.Scalar(value)
    }
}
