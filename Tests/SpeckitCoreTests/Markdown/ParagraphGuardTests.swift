import Testing

@testable import SpeckitCore

@Suite("ParagraphGuard: paragraphs too long for cmark-gfm are blanked, everything else is read")
struct ParagraphGuardTests {
    static let blob = String(repeating: "**bold** _em_ [link](x) ", count: 2000)

    @Test("a long paragraph is blanked with its line count kept; the tasks around it keep their lines")
    func blanked() throws {
        let text = "# Tasks\n\n- [ ] T1 Before\n\n\(Self.blob)\n\(Self.blob)\n\n- [ ] T2 After\n"
        let (guarded, notes) = try ParagraphGuard.guarded(text, file: "t.md")
        #expect(
            guarded.split(separator: "\n", omittingEmptySubsequences: false).count
                == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(guarded == "# Tasks\n\n- [ ] T1 Before\n\n\n\n\n- [ ] T2 After\n")
        #expect(notes.count == 1)
        #expect(notes.first?.range.line == 5)
        #expect(notes.first?.message.hasPrefix("paragraph of \(2 * (Self.blob.utf8.count + 1)) bytes (lines 5–6)") == true)

        let (document, diagnostics) = try MarkdownPlanParser.parse(TextDecoding.decode(Array(text.utf8), path: "t.md"), kind: .tasks)
        #expect(document.allTasks.map(\.id) == ["T1", "T2"])
        #expect(document.allTasks.map(\.range.line) == [3, 8])
        #expect(diagnostics.map(\.ruleId) == [.paragraphTooLong])
    }

    static let cases: [(String, Int)] = {
        let blob = String(repeating: "**bold** _em_ [link](x) ", count: 2000)
        var out: [(String, Int)] = []
        out.append(("- [ ] T1 " + blob + "\n- [ ] T2 fine\n", 1))
        out.append(((1...3000).map { "- [ ] T\($0) A task with **bold** and [a link](x)\n" }.joined(), 0))
        out.append(("```\n" + String(repeating: "log **line** _x_ [l](x)\n", count: 3000) + "```\n", 0))
        out.append(("| Task | Status |\n|---|---|\n" + (1...3000).map { "| T\($0) | **done** |\n" }.joined(), 0))
        // Without a delimiter row these are not a table: cmark-gfm reads one long paragraph.
        out.append(((1...3000).map { "| T\($0) | **done** |\n" }.joined(), 1))
        // `#x` is not a heading, and `5.` cannot interrupt a paragraph: both carry the paragraph on.
        out.append(((1...3000).map { "#x **bold** _em_ [l](x) \($0)\n" }.joined(), 1))
        out.append(("Intro\n" + (1...3000).map { "5. **bold** _em_ [l](x) \($0)\n" }.joined(), 1))
        // A fence in a list item ends with the item: what follows is read, and guarded.
        out.append(("- ```\n  code\n" + String(repeating: "**bold** _em_ [link](x) ", count: 2000) + "\n", 1))
        out.append(("> ```\n> code\n" + String(repeating: "**bold** _em_ [link](x) ", count: 2000) + "\n", 1))
        // A fence at the top level runs to its end: nothing in it is inline-parsed.
        out.append(("```\n" + String(repeating: "**bold** _em_ [link](x) ", count: 2000) + "\n", 0))
        out.append((String(repeating: "> a quoted **line** [l](x) that goes on\n", count: 1500), 1))
        out.append((String(repeating: "1. item **one** [l](x) number\n", count: 3000), 0))
        return out
    }()

    @Test(
        "a list item with an overlong line is one paragraph; many short items, fenced code and tables are not",
        arguments: cases)
    func paragraphs(text: String, blanked: Int) throws {
        #expect(try ParagraphGuard.guarded(text, file: "t.md").notes.count == blanked)
    }

    @Test("fence look-alikes cmark-gfm does not take as fences leave the paragraph after them guarded (issue 15, #8)")
    func fenceLookAlikes() throws {
        let blob = String(repeating: "**b** _e_ [l](x) ", count: 3000)
        for prefix in ["``` a`b\n", "para\n    ```\n    ", "<div>\n```\n</div>\n\n", "<!--\n```\n-->\n", "> ```\n> x\n"] {
            #expect(try ParagraphGuard.guarded(prefix + blob + "\n", file: "t.md").notes.count == 1, "\(prefix.debugDescription)")
        }
        // Real fences still hold what is in them, however long.
        for fence in ["```\n", "~~~ `x`\n", "- ```\n  ", "<pre>\n```\n"] {
            #expect(try ParagraphGuard.guarded(fence + blob + "\n", file: "t.md").notes.isEmpty, "\(fence.debugDescription)")
        }
    }

    @Test("more than two delimiter-like rows that start no table, or lines of many '@', blank their paragraph")
    func superLinearParagraphs() throws {
        let rows = try ParagraphGuard.guarded("Intro\n|-|-|\n|-|\n|-|-|\n\nAfter\n", file: "t.md")
        #expect(rows.text == "\n\n\n\n\nAfter\n")
        #expect(
            rows.notes.map(\.message) == [
                "paragraph (lines 1–4) has 3 lines that look like a table's delimiter row but start no table, more than the 2 cmark-gfm can reread the paragraph for; its text was not read"
            ])
        // Two are read; a delimiter row under a header of as many cells is a table, not a probe.
        #expect(try ParagraphGuard.guarded("Intro\n|-|-|\n|-|\n", file: "t.md").notes.isEmpty)
        #expect(
            try ParagraphGuard.guarded("| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 100), file: "t.md").notes.isEmpty)

        let addresses = try ParagraphGuard.guarded("Owners: " + String(repeating: "a@b.co ", count: 9) + "\n", file: "t.md")
        #expect(addresses.notes.first?.message.hasPrefix("paragraph (lines 1–1) has a line with 9 '@'") == true)
        #expect(try ParagraphGuard.guarded("Owners: " + String(repeating: "a@b.co ", count: 8) + "\n", file: "t.md").notes.isEmpty)
    }

    @Test("blanking can end a table early: the rows after it are scanned again as the paragraph they become")
    func scannedAgain() throws {
        // Row 3 is too wide; once it is blank, rows 4 on are a paragraph of 40 KB, blanked in a second pass.
        let wide = "|" + String(repeating: "x|", count: 200) + "\n"
        let rows = String(repeating: "| " + String(repeating: "w", count: 36) + " |\n", count: 1000)
        let (text, notes) = try ParagraphGuard.guarded("| a |\n|---|\n" + wide + rows, file: "t.md")
        #expect(notes.map(\.range.line) == [3, 4])
        #expect(text == "| a |\n|---|\n" + String(repeating: "\n", count: 1001))
        #expect(notes.last?.message.hasPrefix("paragraph of 41000 bytes (lines 4–1003)") == true, "\(notes.map(\.message))")
    }

    @Test("inline marks: characters that start inline nodes, lines and table cells, only where cmark-gfm inline-parses")
    func inlineMarks() throws {
        func marks(_ text: String) -> Int { BlockScan.of(text, limits: .standard).marks }
        // Two lines; four `*`, two `_`, `[` and `]`; three `w`, `@` and `:`.
        #expect(marks("**a** _b_ [c]\nwww@x:y\n") == 2 + 4 + 2 + 2 + 3 + 1 + 1)
        // Code and HTML blocks are not inline-parsed.
        #expect(marks("```\n**a** [b] <c> `d`\n```\n<div>\n**a** [b]\n</div>\n") == 0)
        // A table row holds as many cells as the header, whatever it spells.
        #expect(marks("| a | b | c |\n|---|---|---|\nx\n") == 1 + 3 + 1 + 3)
        // Past limits.inlineMarks the file is refused.
        var limits = Limits.standard
        limits.inlineMarks = 10
        #expect(
            throws: SpeckitError.overLimit(
                "t.md",
                problem:
                    "holds more than 10 inline marks (characters that start emphasis, links, code, HTML, autolinks and strikethrough, lines and table cells), the limit for one Markdown file (limits.inlineMarks); the file was not read"
            )
        ) { try ParagraphGuard.guarded(String(repeating: "a *b*\n", count: 4), file: "t.md", limits: limits) }
        #expect(try ParagraphGuard.guarded(String(repeating: "a *b*\n", count: 3), file: "t.md", limits: limits).notes.isEmpty)
    }
}
