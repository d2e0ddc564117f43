/// The rewrites that are always safe: repair mojibake, drop a UTF-8 byte-order mark, and make mixed line
/// endings the file's majority. Nothing else about the bytes changes; a file with bytes that are not UTF-8
/// is left alone (rewriting it would replace them with U+FFFD and lose them).
public enum TextFixer {
    /// What fixing one file gives.
    public struct Result: Sendable, Equatable {
        /// The fixed bytes; equal to the input when there was nothing to fix.
        public var bytes: [UInt8]
        /// One phrase per kind of change ("repaired 28 mojibake characters (mac-roman)").
        public var changes: [String]
        /// Why the file was left alone, when it was.
        public var skipped: String?
    }

    public static func fix(_ bytes: [UInt8], path: String) throws -> Result {
        let source = try TextDecoding.decode(bytes, path: path)
        let report = source.report
        if report.invalidUTF8Sequences > 0 {
            return Result(
                bytes: bytes, changes: [],
                skipped: "\(report.invalidUTF8Sequences) byte sequence(s) are not UTF-8; re-save it as UTF-8 first")
        }
        var changes: [String] = []
        if let encoding = report.mojibake {
            changes.append(
                "repaired \(Plural.count(report.mojibakeRepairs, "mojibake character")) (\(encoding.rawValue))")
        }
        if report.bom { changes.append("dropped the byte-order mark") }
        // The decoded text has LF endings; put back the file's own ending (the majority when mixed).
        let ending = majorityEnding(bytes)
        if report.lineEndings == .mixed {
            changes.append("line endings: mixed → \(ending == [0x0D, 0x0A] ? "CRLF" : ending == [0x0D] ? "CR" : "LF")")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in source.text.utf8 {
            if byte == 0x0A { out += ending } else { out.append(byte) }
        }
        return Result(bytes: changes.isEmpty ? bytes : out, changes: changes, skipped: nil)
    }

    /// The line ending used most: CRLF, CR or LF (LF on a tie or when there is none).
    static func majorityEnding(_ bytes: [UInt8]) -> [UInt8] {
        var lf = 0
        var crlf = 0
        var cr = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else {
                    cr += 1
                }
            } else if bytes[index] == 0x0A {
                lf += 1
            }
            index += 1
        }
        if crlf > lf && crlf >= cr { return [0x0D, 0x0A] }
        if cr > lf && cr > crlf { return [0x0D] }
        return [0x0A]
    }
}
