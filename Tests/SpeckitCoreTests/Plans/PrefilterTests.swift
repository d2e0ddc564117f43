import Testing

@testable import SpeckitCore

/// The byte checks that let most lines skip a regex are necessary conditions: on random lines, wherever a
/// check says no, the regex it guards finds nothing.
@Suite("Byte prefilters never hide a regex match")
struct PrefilterTests {
    static let pieces = [
        "Phase", "phase", "TASK", "task", "T1", "T12", "3", "45", " ", "  ", "\t", "(", ")", "/", ":", "：", "*", "_", "-", "+",
        "Total", "tasks", "done", "[", "]", "###", "PROJECT", "_NAME", " NAME", "DATE", "US1", "P", "no", "zero", "without",
        "markers", "note", "comments", "token", "é", "٣", "\u{A0}", "\u{301}", "x", "a", "TBD", "TODO:", "{{", "}}",
        "(3/45)", "( 3 / 4 )", "[PROJECT_NAME]", "[DATE]", "[US1]", "[A B]",
    ]

    /// `count` random lines made of `pieces`, the same on every run.
    static func lines(_ count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + Int(generator.next() % 10))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test("claim patterns: field counts and bracketed fractions")
    func claimPatterns() {
        var matched = (field: 0, fraction: 0)
        for line in Self.lines(60_000, seed: 7) {
            if line.prefixMatch(of: ClaimScanner.fieldCountPattern) != nil {
                matched.field += 1
                #expect(ClaimScanner.Needs.fieldCount(line), "\(line.debugDescription)")
            }
            if line.firstMatch(of: ClaimScanner.namedFractionPattern) != nil {
                matched.fraction += 1
                #expect(ClaimScanner.Needs.namedFraction(line), "\(line.debugDescription)")
            }
        }
        // The lines exercise both patterns.
        #expect(matched.field > 20 && matched.fraction > 5, "\(matched)")
    }

    @Test("lines split at line feeds by bytes are the lines split by characters")
    func lineSlices() {
        var generator = SplitMix(seed: 3)
        let pieces = ["\n", "a", " ", "\u{301}", "é", "テ", "\n\n", "👍🏽", "\u{200D}", "|"]
        for _ in 0..<20_000 {
            let text = (0..<(Int(generator.next() % 12))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(text.lineSlices() == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
            #expect(text.lineSlices(omittingEmpty: true) == text.split(separator: "\n"), "\(text.debugDescription)")
        }
    }

    @Test("placeholder clues: caps tokens and mentions")
    func placeholderClues() {
        var matched = (token: 0, mention: 0)
        for line in Self.lines(60_000, seed: 11) {
            // The clue keeps every line the earlier check (`Self.bracketRun`) let the regex see.
            if Self.bracketRun(line), line.firstMatch(of: PlaceholderRule.capsToken) != nil {
                matched.token += 1
                #expect(PlaceholderRule.Clues(Substring(line)).contains(.token), "\(line.debugDescription)")
            }
            if line.firstMatch(of: PlaceholderRule.mention) != nil {
                matched.mention += 1
                #expect(PlaceholderRule.mayMention(line), "\(line.debugDescription)")
            }
        }
        #expect(matched.token > 20 && matched.mention > 20, "\(matched)")
        #expect(!PlaceholderRule.Clues("- [ ] T001 [P] [US1] Build the thing").contains(.token))
        #expect(PlaceholderRule.Clues("# [PROJECT_NAME] Constitution").contains(.token))
        #expect(PlaceholderRule.Clues("[### ]").contains(.token))
    }

    /// The check the clue narrowed, as it was: a `[`, a capital or `#`, then three or more capitals, letters,
    /// digits, `_`, `-`, spaces or `#` up to a `]`.
    static func bracketRun(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        func isTokenByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x20 || byte == 0x23
                || byte == 0x2D || (byte >= 0x61 && byte <= 0x7A)
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "[") && index + 1 < bytes.count {
            guard (bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A) || bytes[index + 1] == UInt8(ascii: "#") else { continue }
            var end = index + 1
            while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end - index - 1 >= 3 { return true }
        }
        return false
    }
}
