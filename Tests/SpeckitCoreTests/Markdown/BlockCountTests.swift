import Testing

@testable import SpeckitCore

@Suite("Block count before parsing (limits.blocks)")
struct BlockCountTests {
    @Test("lists and items, quotes, headings, table rows and underlines count, nested ones too; prose and years do not")
    func counts() {
        // # Plan: 1; - [ ] T1: 1; * b: 1; > + c: 2; 1. d: 1; 23) e: 1; | a | b |: 1; x | y: 1; Title + ===: 1;
        // - - - [ ] deep: 3. Total 13.
        let blocks = "# Plan\n- [ ] T1 a\n  * b\n> + c\n1. d\n23) e\n| a | b |\nx | y\nTitle\n===\n- - - [ ] deep\n"
        let prose = "Some text\n2024 was a year\n-not a list\n1.5 times\n\n"
        #expect(BlockCount.exceeds(blocks + prose, limit: 12))
        #expect(!BlockCount.exceeds(blocks + prose, limit: 13))
        #expect(!BlockCount.exceeds(String(repeating: prose, count: 100), limit: 1))
    }

    @Test("a file over the limit is refused before cmark-gfm, with the setting named; at the limit it is read")
    func refused() throws {
        var limits = Limits.standard
        limits.blocks = 10
        let over = try TextDecoding.decode(Array(("# T\n" + String(repeating: "- [ ] T1 x\n", count: 10)).utf8), path: "tasks.md")
        #expect(
            throws: SpeckitError.overLimit(
                "tasks.md",
                problem:
                    "opens more than 10 blocks (lists, list items, quotes, headings, table rows), the limit for one Markdown file (limits.blocks); the file was not read"
            )
        ) {
            _ = try MarkdownPlanParser.parse(over, kind: .tasks, limits: limits)
        }
        let at = try TextDecoding.decode(Array(("# T\n" + String(repeating: "- [ ] T1 x\n", count: 9)).utf8), path: "tasks.md")
        #expect(try MarkdownPlanParser.parse(at, kind: .tasks, limits: limits).0.allTasks.count == 9)
    }
}
