import Testing

@testable import SpeckitCore

@Suite("Block count before parsing (limits.blocks)")
struct BlockCountTests {
    @Test("every block cmark-gfm would open counts, nested ones too; fenced code and HTML lines open none")
    func counts() {
        // Heading 1; list + item + paragraph 3; nested list + item + paragraph 3; quote + list + item + paragraph 4;
        // table + header + row 3; setext heading 1; three nested lists and items + paragraph 7. Total 22.
        let blocks = "# Plan\n- [ ] T1 a\n  * b\n\n> + c\n\n| a | b |\n|---|---|\nx | y\n\nTitle\n===\n- - - [ ] deep\n"
        #expect(BlockScan.of(blocks, limits: .standard).blocks == 22)
        // One fence, one HTML block, whatever their lines look like.
        let code =
            "```\n" + String(repeating: "- [ ] T1 x\n> q\n# h\n", count: 100) + "```\n<div>\n" + String(repeating: "- x\n", count: 100)
        #expect(BlockScan.of(code, limits: .standard).blocks == 2)
    }

    @Test("the scan stops as soon as the count is over the limit")
    func stopsEarly() {
        var limits = Limits.standard
        limits.blocks = 10
        let scan = BlockScan.of(String(repeating: "- [ ] T1 x\n", count: 1000), limits: limits)
        #expect(scan.blocksExceeded)
        #expect(scan.blocks == 11)
    }

    @Test("a file over the limit is refused before cmark-gfm, with the setting named; at the limit it is read")
    func refused() throws {
        var limits = Limits.standard
        limits.blocks = 10
        // A heading, a list, and an item and its paragraph for each task: 2 + 2n blocks.
        let over = try TextDecoding.decode(Array(("# T\n" + String(repeating: "- [ ] T1 x\n", count: 5)).utf8), path: "tasks.md")
        #expect(
            throws: SpeckitError.overLimit(
                "tasks.md",
                problem:
                    "opens more than 10 blocks (paragraphs, headings, lists, list items, quotes, code blocks, tables and table rows), the limit for one Markdown file (limits.blocks); the file was not read"
            )
        ) {
            _ = try MarkdownPlanParser.parse(over, kind: .tasks, limits: limits)
        }
        let at = try TextDecoding.decode(Array(("# T\n" + String(repeating: "- [ ] T1 x\n", count: 4)).utf8), path: "tasks.md")
        #expect(try MarkdownPlanParser.parse(at, kind: .tasks, limits: limits).0.allTasks.count == 4)
    }
}
