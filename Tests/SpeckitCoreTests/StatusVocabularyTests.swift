import Testing

@testable import SpeckitCore

@Suite("Status vocabulary")
struct StatusVocabularyTests {
    @Test(
        "words fold case, underscores, dashes and spaces",
        arguments: [
            ("IN PROGRESS", CanonicalStatus.inProgress), ("in-progress", .inProgress), ("in_progress", .inProgress),
            ("COMPLETE", .done), ("completed", .done), ("NOT STARTED", .todo), ("pending", .todo),
            ("cancelled", .cancelled), ("canceled", .cancelled), ("blocked", .blocked), ("PARTIALLY COMPLETE", .inProgress),
        ])
    func words(text: String, expected: CanonicalStatus) {
        #expect(StatusVocabulary.standard.status(forWord: text) == expected)
    }

    @Test("a leading emoji yields to the words after it")
    func emojiAndWords() {
        let vocabulary = StatusVocabulary.standard
        #expect(vocabulary.leadingStatus(in: "❌ NOT STARTED") == .todo)
        #expect(vocabulary.leadingStatus(in: "⏳ PARTIALLY COMPLETE") == .inProgress)
        #expect(vocabulary.leadingStatus(in: "✅ Shipped (January 8, 2026)") == .done)
        #expect(vocabulary.leadingStatus(in: "✅") == .done)
        #expect(vocabulary.leadingStatus(in: "🔒") == .blocked)
        #expect(vocabulary.leadingStatus(in: "Basic UI exists, needs enhancement") == nil)
    }

    @Test("status emoji and coloured circles are all outside ASCII: headings of ASCII text skip looking for them")
    func emojiAreNotASCII() {
        let marks = Array(BuiltInStatusWords.emoji.keys) + Array(BuiltInStatusWords.priorityColours)
        #expect(!marks.isEmpty)
        #expect(marks.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x80 } })
        // The suffix is still read from ASCII headings, and emoji from the others.
        #expect(StatusSuffix.extract(from: "Phase 2: API (COMPLETED)", vocabulary: .standard)?.status == .done)
        #expect(StatusSuffix.extract(from: "Phase 2: API ✅", vocabulary: .standard)?.status == .done)
        #expect(StatusSuffix.extract(from: "Phase 2: API", vocabulary: .standard) == nil)
    }

    @Test("extra words from configuration")
    func extraWords() {
        let vocabulary = StatusVocabulary.standard.adding(["shelved": .deferred])
        #expect(vocabulary.status(forWord: "Shelved") == .deferred)
        #expect(StatusVocabulary.standard.status(forWord: "Shelved") == nil)
    }
}
