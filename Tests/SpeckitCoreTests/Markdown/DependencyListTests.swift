import Foundation
import Testing

@testable import SpeckitCore

@Suite("Dependency lists and trimming in Markdown task lines")
struct DependencyListTests {
    @Test("a dependency list is read to its end, past the first 4,000 characters of the line (issue 15, #11)")
    func longList() {
        let ids = (1...2000).map { "T\($0)" }
        let facts = TaskLineParser.parse("T9999 Ship it (depends on " + ids.joined(separator: ", ") + ")")
        #expect(facts.dependencies == ids)
        // Also when the list starts after the first 4,000 characters.
        let late = TaskLineParser.parse("T9999 " + String(repeating: "word ", count: 1000) + "depends on T1, T2")
        #expect(late.dependencies == ["T1", "T2"])
    }

    @Test("ids are listed once, in order, in linear time")
    func deduplicated() {
        #expect(DependencyText.ids(in: "T1, T2, T1, Task 3, 4") == ["T1", "T2", "Task 3", "Task 4"])
        let many = (1...20_000).map { "T\($0 % 5000)" }.joined(separator: ", ")
        let started = Date()
        #expect(DependencyText.ids(in: many).count == 5000)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("trimming a set of characters is linear: 200,000 trailing '_' take no time (issue 15, #10)")
    func trimming() {
        let text = "word" + String(repeating: "_", count: 200_000)
        let started = Date()
        #expect(text.trimmingCharacters(in: Set<Character>(["_", " "])) == "word")
        #expect((String(repeating: "-", count: 100_000) + "x").trimmingCharacters(in: StatusSuffix.trimSet) == "x")
        #expect("   ".trimmingCharacters(in: Set<Character>([" "])) == "")
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
