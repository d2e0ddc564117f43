import Foundation
import Testing

@testable import SpeckitCore

/// `BlockScanner` sees the blocks cmark-gfm builds: on thousands of generated documents mixing fences and
/// fence look-alikes, HTML blocks, list and quote continuation, lazy lines, tables, setext underlines, link
/// reference definitions and tabs, every non-blank line is the same kind of line (paragraph, heading, code,
/// HTML, thematic break, table header, delimiter or row) in the same block as in the tree the `cmark-gfm`
/// command prints. A paragraph guard that thought a line was inside a fence when cmark-gfm did not
/// (issue 15, #8) fails here.
@Suite("BlockScanner parity with cmark-gfm")
struct BlockScannerParityTests {
    static let prefixes = [
        "", "", "", "", "> ", ">", "- ", "* ", "1. ", "2) ", "  ", "   ", "    ", "\t", " \t", "> - ", "- > ", "10. ", "-   ",
        "-     ", "1.\t", ">\t", "  - ", "> > ", "+ ", "      ", "   - ", "     ", "\t\t", "- - ", "1. - ", "> > > ", " > ",
        "   > ", "2.  ", "1)\t", "  \t", "-\t", "*\t", ">  ", "    - ",
    ]
    static let bodies = [
        "text", "more words here", "w@x.y and a@b@c", "a | b", "a|b|c", "| a | b |", "x", "**bold** _em_ [l](x)",
        "```", "```js", "``` a`b", "~~~", "~~~ `x`", "````", "```` ``` ````", "``", "```\t", "``` x", "~~~~",
        "<div>", "<div", "</div>", "<!-- c", "-->", "<!-- x -->", "<?php", "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>",
        "<script>", "</script>", "<pre>", "</pre>", "<style type=x>", "<a href=\"x\">", "<a href='x'>", "<span>", "</span>",
        "<custom-tag attr>", "<p/>", "<x y=z w>", "<a>b</a>", "<details>", "<textarea>", "<search>", "<a b=\"c", "<Div class=x>",
        "# h", "## h ##", "####### no", "#no", "#", "# ```", "===", "---", "= =", "--- ", "-", "***", "* * *", "___",
        "- - -", "_ _ _ x", "|---|---|", "---|---", "| :-: |", "|-|", ":--", "-|-", "| a |", "|", "||", "- [ ] task",
        "- [x] done", "1) [X] x", "- ", "1.", "2. item", "[a]: /url", "[a]: <x y>", "[b]: /u \"title\"", "[c]:",
        "[d]: /u 'multi", "line'", "[e]: /u (t)", "[ ]: x", "[f]:\t/g", "\tcode", "  \tx", "", "", "", "   ", "\t",
        "    indented", "<!-- -->", "<!---->", "<? x ?>", "<![CDATA[x]]>", "<table>", "</td>", "\\```", "`` ` ``", "~~~~~~",
        "- [ ]", "10) x", "1234567890. x", "[x]: /url 'title'", "[y]: <a b> \"t\"", "  [z]: /u", ">[q]: /u", "| x | y | z |",
        "|:---|---:|", "a\\|b|c", "</pre> after", "<style>", "text -->", "<div>text</div>",
    ]

    /// A document of `count` lines drawn from the prefixes and bodies above.
    static func document(seed: UInt64, count: Int) -> String {
        var generator = SplitMix(seed: seed)
        var lines: [String] = []
        for _ in 0..<count {
            let prefix = prefixes[Int(generator.next() % UInt64(prefixes.count))]
            let body = bodies[Int(generator.next() % UInt64(bodies.count))]
            lines.append(generator.next() % 3 == 0 ? body : prefix + body)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("generated documents: every line is what cmark-gfm makes of it", arguments: 0..<40)
    func generated(batch: Int) throws {
        for index in 0..<25 {
            let text = Self.document(seed: UInt64(batch * 1000 + index), count: 32)
            try Self.expectParity(text)
        }
    }

    @Test(
        "fence look-alikes and the blocks around them",
        arguments: [
            "``` a`b\n**x**\n```\n", "para\n    ```\n    code\n", "<div>\n```\n</div>\n\ntext\n", "<!--\n```\n-->\ntext\n",
            "- a\n ```\n b\n", "> ```\n> x\ny\n", "- ```\n  x\n- y\n", "    ```\nx\n", "<x y=\"z\">\n```\n\nt\n",
            "a\n<span>\n```\nb\n", "| a |\n|---|\n```\n", "[a]: /u\n===\nb\n", "[a]: /u\n---\nb\n", "~~~ `x`\ny\n~~~\n",
            "a\n|-|-|\n|-|\n|-|-|\n", "1.  a\n\n     ```\n     x\n", "- \n  a\n", "-\n\n  a\n", ">\t```\n>\t x\n",
        ])
    func cases(text: String) throws {
        try Self.expectParity(text)
    }

    static func expectParity(_ text: String) throws {
        let expected = try cmarkLines(text)
        let scan = BlockScan.of(text, limits: .standard, recordLines: true)
        let found = try #require(scan.lines)
        #expect(scan.blocks == (try cmarkBlockCount(text)), "block count of:\n\(text.debugDescription)")
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<min(found.count, raw.count) where !raw[index].allSatisfy({ $0 == " " || $0 == "\t" }) {
            let want = index < expected.count ? expected[index] : .exactly(BlockScan.Line(kind: .none, start: -1))
            #expect(
                want.accepts(found[index]), "line \(index + 1) of:\n\(text.debugDescription)\ncmark-gfm: \(want), scanner: \(found[index])")
            if !want.accepts(found[index]) { return }
        }
    }

    /// The blocks in the tree `cmark-gfm` prints (table cells are inline marks, not blocks).
    static func cmarkBlockCount(_ text: String) throws -> Int {
        let xml = try cmarkXML(text)
        return xml.matches(
            of:
                /<(paragraph|heading|code_block|html_block|thematic_break|block_quote|list|item|tasklist|table|table_header|table_row)[ >\/]/
        ).count
    }

    static func cmarkXML(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table", "-e", "tasklist", "-e", "strikethrough", "-e", "autolink", "--sourcepos", "-t", "xml"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let xml = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return xml
    }

    /// Each line's kind and block start in the tree `cmark-gfm` prints as XML with source positions.
    /// A line cmark-gfm's tree says is this, or this or anything a later block makes of it.
    enum Expected {
        case exactly(BlockScan.Line)
        case either(BlockScan.Line)

        func accepts(_ line: BlockScan.Line) -> Bool {
            switch self {
            case .exactly(let want): return line == want
            case .either: return true
            }
        }
    }

    static func cmarkLines(_ text: String) throws -> [Expected] {
        let xml = try cmarkXML(text)
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = Array(repeating: Expected.exactly(BlockScan.Line(kind: .none, start: -1)), count: raw.count + 1)
        func mark(_ first: Int, _ last: Int, _ kind: BlockScan.LineKind, start: Int) {
            guard first >= 0 else { return }
            for index in first...max(first, last) where index < lines.count {
                lines[index] = .exactly(BlockScan.Line(kind: kind, start: start))
            }
        }
        // cmark-gfm's source positions are off by a line in three places: a fenced code block closed by the end
        // of its container, and a setext heading, end on the line after them (the one that closed them), and an
        // HTML block closed by its end condition ends on the line before it. The HTML block's literal says how
        // many lines it has; the last line of the others may be either.
        var htmlLines: [Int: Int] = [:]
        for match in xml.matches(of: /<html_block sourcepos="(\d+):\d+-\d+:\d+" xml:space="preserve">([^<]*)<\/html_block>/) {
            htmlLines[Int(match.1)! - 1] = match.2.filter { $0 == "\n" }.count
        }
        let element =
            /<(paragraph|heading|code_block|html_block|thematic_break|table|table_header|table_row)(?=[ >\/])(?: sourcepos="(\d+):(\d+)-(\d+):\d+")?/
        var headerParagraph = false
        var table: (first: Int, last: Int, rows: [Int])?
        func finishTable() {
            guard let open = table else { return }
            table = nil
            let delimiter = open.rows.first.map { $0 - 1 } ?? open.last
            let header = delimiter - 1
            if headerParagraph { mark(open.first, header - 1, .paragraph, start: open.first) }
            headerParagraph = false
            mark(header, header, .tableHeader, start: header)
            mark(delimiter, delimiter, .tableDelimiter, start: delimiter)
            for row in open.rows { mark(row, row, .tableRow, start: row) }
        }
        for match in xml.matches(of: element) {
            let name = String(match.1)
            let first = match.2.flatMap { Int($0) }.map { $0 - 1 } ?? -1
            let column = match.3.flatMap { Int($0) }.map { $0 - 1 } ?? -1
            let last = match.4.flatMap { Int($0) }.map { $0 - 1 } ?? -1
            if name == "table_row" {
                table?.rows.append(first)
                continue
            }
            if name == "table_header" { continue }
            finishTable()
            switch name {
            case "paragraph" where first < 0: headerParagraph = true
            case "paragraph": mark(first, last, .paragraph, start: first)
            case "heading":
                mark(first, last, .heading, start: first)
                if last > first { lines[last] = .either(BlockScan.Line(kind: .heading, start: first)) }
            case "code_block":
                let opening = raw[first].utf8.dropFirst(column).prefix(3)
                let fenced = opening.elementsEqual("```".utf8) || opening.elementsEqual("~~~".utf8)
                mark(first, last, .code, start: first)
                if fenced, last > first { lines[last] = .either(BlockScan.Line(kind: .code, start: first)) }
            case "html_block": mark(first, first + max(1, htmlLines[first] ?? 1) - 1, .html, start: first)
            case "thematic_break":
                // A thematic break stays open over the blank lines after it (`>` alone in a quote), in its range.
                mark(first, first, .thematicBreak, start: first)
                for index in (first + 1)..<max(first + 1, last + 1) where index < lines.count {
                    lines[index] = .either(BlockScan.Line(kind: .thematicBreak, start: first))
                }
            case "table": table = (first, last, [])
            default: break
            }
        }
        finishTable()
        return lines
    }
}
