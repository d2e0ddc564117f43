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
}
