import Foundation
import Testing

@testable import SpeckitCore

/// What a finding's fingerprint is made of, and the cases a review found wrong: lines of punctuation shared
/// by many findings, edits past a line's 200th character, and the "N more findings" note.
@Suite("Finding fingerprints")
struct FindingFingerprintTests {
    private let paths = ReportPaths(root: "/repo", current: "/repo")

    /// Fingerprints `findings` against `text` as the file `/repo/tasks.json`.
    private func assigned(_ findings: [Finding], in text: String) throws -> [Finding] {
        var findings = findings
        let source = try TextDecoding.decode(Array(text.utf8), path: "/repo/tasks.json")
        FindingFingerprint.assign(&findings, sources: ["/repo/tasks.json": source], paths: paths)
        return findings
    }

    private func finding(_ message: String, line: Int, rule: RuleID = .unknownDependency) -> Finding {
        Finding(ruleId: rule, severity: .error, message: message, range: SourceRange(file: "/repo/tasks.json", line: line, column: 1))
    }

    @Test("A line of punctuation (`{`) says too little: the message is part of the anchor, so findings stay apart")
    func punctuationLines() throws {
        let text = "[\n  {\n    \"id\": 1\n  },\n  {\n    \"id\": 2\n  }\n]\n"
        let found = try assigned(
            [finding("task 1 depends on 9, which does not exist", line: 2), finding("task 2 depends on 8, which does not exist", line: 5)],
            in: text)
        #expect(found[0].anchor == "{ — task 1 depends on 9, which does not exist")
        #expect(found[0].fingerprint != found[1].fingerprint)
        // The same finding moved down by inserted lines keeps its fingerprint.
        let moved = try assigned([finding("task 1 depends on 9, which does not exist", line: 4)], in: "[\n\n\n" + text.dropFirst(2))
        #expect(moved[0].fingerprint == found[0].fingerprint)
        // A line with words is anchor enough by itself.
        let worded = try assigned([finding("any", line: 3), finding("other", line: 3)], in: text)
        #expect(worded[0].anchor == "\"id\": 1" && worded[0].fingerprint == worded[1].fingerprint)
    }

    @Test("A message naming another line is anchored without the number, which moves when lines are inserted")
    func messageLineNumbers() {
        #expect(
            FindingFingerprint.messageAnchor("task id T1 is already used on line 41 ('Build')")
                == "task id T1 is already used on line # ('Build')")
        #expect(FindingFingerprint.messageAnchor("online 5 times") == "online 5 times")
    }

    @Test("The whole line counts: an edit past the 200th character makes a new finding; a baseline shows 200")
    func longLines() throws {
        let long = "- [ ] T1 " + String(repeating: "word ", count: 60)
        let before = try assigned([finding("x", line: 1)], in: long + "end one\n")
        let after = try assigned([finding("x", line: 1)], in: long + "end two\n")
        #expect(before[0].fingerprint != after[0].fingerprint)
        let baseline = Baseline(findings: before, paths: paths)
        #expect(baseline.findings[0].text.count == 200)
        #expect(baseline.findings[0].text.hasPrefix("T1 word word"))
    }

    @Test("A line longer than 2,000 bytes (a minified file) is no anchor: the message is, so edits elsewhere keep it")
    func minifiedLines() throws {
        let tasks = (1...100).map { #"{"id":\#($0),"title":"Task \#($0)","dependencies":[\#(900 + $0)]}"# }
        let text = "[" + tasks.joined(separator: ",") + "]\n"
        let found = try assigned([finding("task 7 depends on 907, which does not exist", line: 1)], in: text)
        #expect(found[0].anchor == "task 7 depends on 907, which does not exist")
        let edited = try assigned(
            [finding("task 7 depends on 907, which does not exist", line: 1)], in: text.replacingOccurrences(of: "Task 50", with: "Task L"))
        #expect(edited[0].fingerprint == found[0].fingerprint)
    }

    @Test("A baseline never shows bidirectional or control characters as they are")
    func shownText() {
        #expect(FindingFingerprint.shown("T1 safe\u{202E}txt.exe") == "T1 safe\u{FFFD}txt.exe")
        #expect(FindingFingerprint.shown("a\u{7}b") == "a\u{FFFD}b")
    }

    @Test("The note about findings past the limit has its own fingerprint, not the last listed finding's")
    func limitNote() throws {
        var text = "# Tasks\n\n"
        for n in 1...1_002 { text += "- [ ] T\(n) Part (depends on T\(90_000 + n))\n" }
        let report = Validator(jobs: 1, paths: paths).validate(KitLoader().discover(memory: ["tasks.md": Array(text.utf8)]))
        let findings = report.outcomes.flatMap(\.findings).filter { $0.ruleId == .unknownDependency }
        let note = try #require(findings.first { $0.severity == .note })
        #expect(note.severity == .note && note.message.hasPrefix("2 more tasks.unknown-dependency findings"))
        #expect(note.anchor == "more tasks.unknown-dependency findings in this kit are not listed")
        #expect(Set(findings.compactMap(\.fingerprint)).count == findings.count)
    }

    @Test("Equal findings get distinct report fingerprints, the first keeping the same one run after run")
    func uniqueFingerprints() throws {
        let found = try assigned([finding("same", line: 3), finding("same", line: 3)], in: "[\n  {\n    \"id\": 1\n")
        #expect(found[0].fingerprint == found[1].fingerprint)
        var first = UniqueFingerprints()
        let a = first.next(found[0], paths: paths)
        let b = first.next(found[1], paths: paths)
        var again = UniqueFingerprints()
        #expect(a != b && again.next(found[1], paths: paths) == a)
    }
}
