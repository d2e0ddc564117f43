import Foundation
import Testing

@testable import SpeckitCore

@Suite("Text as found")
struct TextDecodingTests {
    /// Bytes 0x80–0xFF in Mac Roman, as Python's `mac_roman` codec decodes them (Foundation on Linux
    /// does not decode Mac Roman correctly, so it cannot be the reference here).
    static let macRomanReference =
        "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"

    @Test("the legacy tables agree with reference decoders byte for byte")
    func tablesMatchReferences() {
        #expect(LegacyEncoding.macRoman.upperHalf.map { String(Character($0)) }.joined() == Self.macRomanReference)
        for byte in UInt8(0x80)...UInt8(0xFF) where !LegacyEncoding.windows1252.undefinedBytes.contains(byte) {
            let windows = String(data: Data([byte]), encoding: .windowsCP1252)
            #expect(windows == String(Character(LegacyEncoding.windows1252.upperHalf[Int(byte) - 0x80])), "CP1252 \(byte)")
        }
        #expect(Set(LegacyEncoding.macRoman.upperHalf).count == 128)
        #expect(Set(LegacyEncoding.windows1252.upperHalf).count == 128)
    }

    @Test("mojibake from both encodings is repaired, including bytes Windows-1252 dropped")
    func repairs() throws {
        let windows = try TextDecoding.decode(Array("## T2 â€” Edge âœ… â³ âŒ âš\u{A0}ï¸ cafÃ©".utf8), path: "w.md")
        #expect(windows.text == "## T2 — Edge ✅ ⏳ ❌ ⚠️ café")
        #expect(windows.report.mojibake == .windows1252)
        let mac = try TextDecoding.decode(Array("## T0 ‚Äî Spec ‚úÖ \u{F8FF}üîí".utf8), path: "m.md")
        #expect(mac.text == "## T0 — Spec ✅ 🔒")
        #expect(mac.report.mojibake == .macRoman)
    }

    @Test("genuine accented text and emoji are left alone")
    func noFalsePositive() throws {
        let text = "# Café résumé naïve — ✅ done ⏳ São Paulo Zürich\n"
        let source = try TextDecoding.decode(Array(text.utf8), path: "ok.md")
        #expect(source.text == text)
        #expect(source.report.mojibake == nil)
    }

    @Test("#16 a quote before an accented letter is text, not Mac Roman mojibake of one Cyrillic letter")
    func quoteBeforeAccent() throws {
        let text = "A “última validação” e o —é do “ñ são texto.\n"
        let source = try TextDecoding.decode(Array(text.utf8), path: "pt.md")
        #expect(source.text == text)
        #expect(source.report.mojibake == nil)
        let greek = try TextDecoding.decode(Array("## ŒöŒ±ŒªŒ∑ŒºŒ≠œÅŒ± ‚úÖ\n".utf8), path: "el.md")
        #expect(greek.text == "## Καλημέρα ✅\n")
    }

    @Test("mojibake quoted in a code span is left as written")
    func codeSpans() throws {
        let text = "Mojibake looks like `âœ…` where ✅ was meant.\n"
        let source = try TextDecoding.decode(Array(text.utf8), path: "doc.md")
        #expect(source.text == text)
        #expect(source.report.mojibake == nil)
    }

    @Test("columns after a repair and after a BOM point at the file's own characters")
    func columns() throws {
        let (bom, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/bom-crlf.md"))
        #expect(bom.text.bom && bom.text.lineEndings == .crlf)
        #expect(bom.sections.first?.range.line == 1 && bom.sections.first?.range.column == 1)
        #expect(bom.phases.first?.tasks.first?.range.line == 4)
        // "- [x] T1.1" on a line after mojibake in the heading: the heading's end column counts the 3 original characters.
        let source = try TextDecoding.decode(Array("## A âœ… B\n".utf8), path: "c.md")
        #expect(source.column(line: 1, byteColumn: 10) == 10)  // "B" is character 10 in the file (byte 10 after repair)
    }

    @Test("invalid UTF-8 is replaced and reported with its line")
    func invalidUTF8() throws {
        let (document, diagnostics) = try FixturePaths.parse(FixturePaths.fixture("markdown/invalid-utf8.md"))
        #expect(document.text.invalidUTF8Sequences == 2)
        let diagnostic = try #require(diagnostics.first { $0.ruleId == .invalidUTF8 })
        #expect(diagnostic.range.line == 4)
        #expect(document.allTasks.count == 2)
    }

    @Test(
        "empty, binary and UTF-16 input are refused with the file named",
        arguments: [
            ([UInt8](), SpeckitError.emptyFile("x.md")),
            ([0x23, 0x00, 0x41], SpeckitError.binaryFile("x.md", offset: 1)),
            (
                [0xFF, 0xFE, 0x23, 0x00],
                SpeckitError.unsupportedEncoding("x.md", encoding: "UTF-16 (it starts with a UTF-16 byte-order mark)")
            ),
        ])
    func refused(bytes: [UInt8], expected: SpeckitError) {
        #expect(throws: expected) { try TextDecoding.decode(bytes, path: "x.md") }
        #expect(expected.errorDescription?.hasPrefix("x.md: ") == true)
    }

    @Test(
        "CRLF, CR and mixed line endings are recognised",
        arguments: [
            ("a\r\nb\r\n", TextReport.LineEndings.crlf), ("a\nb\n", .lf), ("a\rb", .cr), ("a\r\nb\n", .mixed), ("a", .none),
        ])
    func lineEndings(text: String, expected: TextReport.LineEndings) throws {
        let source = try TextDecoding.decode(Array(text.utf8), path: "e.md")
        #expect(source.report.lineEndings == expected)
        #expect(!source.text.contains("\r"))
    }
}
