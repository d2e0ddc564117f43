import Testing

@testable import SpeckitCore

@Suite("Link reference definitions, read as cmark-gfm reads them")
struct ReferenceDefinitionsTests {
    @Test(
        "definitions at the start of a paragraph, and where they stop",
        arguments: [
            ("[a]: /url\n", 10), ("[a]: /url\n[b]: <x y> \"t\"\nText\n", 25), ("[a]:\n  /url\n  'title'\n", 22),
            ("[a]: /u 'multi\nline'\n", 21), ("[a]: /u (t)\n", 12), ("[ ]: x\n", 0), ("[a]:\n", 0), ("[a] : /u\n", 0),
            ("[a]: /u 'title' trailing\n", 0), ("[a]: /u\n'title' trailing\n", 8), ("[\\]]: /u\n", 9), ("text\n", 0),
        ])
    func definitions(text: String, length: Int) {
        #expect(ReferenceDefinitions.length(Array(text.utf8)) == length)
    }

    @Test("a setext underline after nothing but definitions is text: the paragraph goes on")
    func setextAfterDefinitions() {
        let scan = BlockScan.of("[a]: /u\n===\nmore\n", limits: .standard, recordLines: true)
        #expect(scan.lines?.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        let heading = BlockScan.of("[a]: /u\nTitle\n===\n", limits: .standard, recordLines: true)
        #expect(heading.lines?.map(\.kind) == [.heading, .heading, .heading])
    }
}
