import Testing

@testable import SpeckitCore

@Suite("plurals and folder names")
struct WordingTests {
    @Test("Plural agrees with the count: 0 and 2 are plural, 1 is singular")
    func plural() {
        #expect(Plural.count(0, "file") == "0 files")
        #expect(Plural.count(1, "file") == "1 file")
        #expect(Plural.count(2, "entry", "entries") == "2 entries")
        #expect(Plural.count(1, "entry", "entries") == "1 entry")
        #expect(Plural.pick(1, "is", "are") == "is" && Plural.pick(3, "is", "are") == "are")
        #expect(Plural.share(1, of: 3, "task") == "1 of its 3 tasks is")
        #expect(Plural.share(2, of: 3, "task") == "2 of its 3 tasks are")
        #expect(Plural.share(1, of: 1, "subtask") == "its only subtask is")
    }

    @Test(
        "a folder name keeps letters and digits of every script, lowercased, Latin accents dropped",
        arguments: [
            ("Ops Control Room", "ops-control-room"), ("Ünïcode Café", "unicode-cafe"), ("日本語プロジェクト", "日本語プロジェクト"),
            ("  --Hello,   World!--  ", "hello-world"), ("Straße Łódź", "straße-łodz"), ("ΑΒΓ Δέλτα", "αβγ-δέλτα"),
            ("Привет мир", "привет-мир"), ("🚀 Launch 🚀", "launch"), ("!!!", ""), ("İstanbul", "istanbul"),
            // A decomposed é (e + U+0301) gives the same name as a composed one; a joiner inside a letter goes, a
            // direction mark between letters separates them; Greek keeps its accents (only Latin ones go).
            ("Cafe\u{301}", "cafe"), ("a\u{200D}b\u{200F}c", "ab-c"), ("हिन्दी", "हिन्दी"),
        ])
    func slug(name: String, expected: String) {
        #expect(FolderSlug.make(name) == expected)
    }

    @Test("a long name of 3-byte letters is cut between letters, at most 120 bytes")
    func longSlug() {
        let slug = FolderSlug.make(String(repeating: "語", count: 100))
        #expect(slug.utf8.count <= FolderSlug.maxBytes && slug == String(repeating: "語", count: 40))
        #expect(FolderSlug.make(String(repeating: "a", count: 100)).count == 100)
    }
}
