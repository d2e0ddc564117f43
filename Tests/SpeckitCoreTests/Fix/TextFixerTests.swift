import Foundation
import Testing

@testable import SpeckitCore

/// The safe rewrites of `speckit fix`, and the diff `--dry-run` shows.
@Suite("Text fixer")
struct TextFixerTests {
    @Test("mojibake is repaired; nothing else changes")
    func mojibake() throws {
        let result = try TextFixer.fix(Array("# Plan\n\n## T1 — Setup âœ… COMPLETE\n".utf8), path: "p.md")
        #expect(String(decoding: result.bytes, as: UTF8.self) == "# Plan\n\n## T1 — Setup ✅ COMPLETE\n")
        #expect(result.changes == ["repaired 1 mojibake character (windows-1252)"])
    }

    @Test("a BOM is dropped and mixed endings become the majority (CRLF here)")
    func bomAndEndings() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\nc\nd\r\n".utf8)
        let result = try TextFixer.fix(bytes, path: "p.md")
        #expect(result.bytes == Array("a\r\nb\r\nc\r\nd\r\n".utf8))
        #expect(result.changes == ["dropped the byte-order mark", "line endings: mixed → CRLF"])
    }

    @Test("clean files, CRLF files and files with bytes that are not UTF-8 are left as they are")
    func leftAlone() throws {
        for text in ["# Plan\n\n- [ ] T1 ✅\n", "# Plan\r\n\r\n- [ ] T1\r\n"] {
            let result = try TextFixer.fix(Array(text.utf8), path: "p.md")
            #expect(result.bytes == Array(text.utf8) && result.changes.isEmpty)
        }
        let invalid = try TextFixer.fix(Array("caf".utf8) + [0xE9] + Array("\n".utf8), path: "p.md")
        #expect(invalid.skipped == "1 byte sequence(s) are not UTF-8; re-save it as UTF-8 first")
    }

    @Test("the diff shows changed lines with context, and nothing for equal texts")
    func diff() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "LINE 5\n")
        #expect(
            UnifiedDiff.render(old: old, new: new, path: "p.md") == """
                --- a/p.md
                +++ b/p.md
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +LINE 5
                 line 6
                 line 7
                 line 8

                """)
        #expect(UnifiedDiff.render(old: old, new: old, path: "p.md").isEmpty)
    }
}
