import Testing

@testable import SpeckitCore

/// `TaskLinePrefix` reads ids and tags without the regex engine; wherever it answers, it must answer what
/// `TaskLineParser.idPattern` and `tagPattern` do.
@Suite("Task ids and tags read from bytes agree with the patterns")
struct TaskLinePrefixTests {
    @Test("examples: ids, tags, and what is neither")
    func examples() {
        #expect(TaskLinePrefix.id("T012 [P] Build") == .found("T012", rest: "[P] Build"))
        #expect(TaskLinePrefix.id("T1.2a: x") == .found("T1", rest: "2a: x"))
        #expect(TaskLinePrefix.id("T150a) Do") == .found("T150a", rest: "Do"))
        #expect(TaskLinePrefix.id("TASK-7: Set up") == .found("TASK-7", rest: "Set up"))
        #expect(TaskLinePrefix.id("FR-001: a requirement") == .none)
        #expect(TaskLinePrefix.id("T12ab title") == .none)
        #expect(TaskLinePrefix.id("T001 テスト") == .found("T001", rest: "テスト"))
        #expect(TaskLinePrefix.id("T1٣ title") == .unsure)
        #expect(TaskLinePrefix.id("T1.٣ title") == .unsure)
        #expect(TaskLinePrefix.id("AB-٣ title") == .unsure)
        #expect(TaskLinePrefix.tag("[US1] Story") == .found("US1", rest: "Story"))
        #expect(TaskLinePrefix.tag("[P]") == .found("P", rest: ""))
        #expect(TaskLinePrefix.tag("[1x] no") == .none)
        #expect(TaskLinePrefix.tag("[ABCDEFGHIJKLMNOPQ] too long") == .none)
    }

    @Test("random lines: every answer given is the regex's")
    func agreesWithPatterns() {
        let pieces = [
            "T", "T1", "12", "3", ".", ":", ")", "]", "[", "-", " ", "\t", "a", "b", "Z", "FR", "NFR", "REQ", "US", "SC", "AC",
            "TASK", "AB", "_", "x", "٣", "テ", "\u{A0}", "\u{301}", "\u{3000}", "é", "P", "US1",
        ]
        var generator = SplitMix(seed: 18)
        func pick(_ range: Int) -> Int { Int(generator.next() % UInt64(range)) }
        var answered = 0
        for _ in 0..<20_000 {
            let count = 1 + pick(8)
            let text = Substring((0..<count).map { _ in pieces[pick(pieces.count)] }.joined())
            switch TaskLinePrefix.id(text) {
            case .found(let id, let rest):
                answered += 1
                let match = text.prefixMatch(of: TaskLineParser.idPattern)
                #expect(match.map { String($0.1) } == String(id), "\(text.debugDescription)")
                #expect(match.map { String(text[$0.range.upperBound...]) } == String(rest), "\(text.debugDescription)")
            case .none:
                if text.first == "T" || text.first?.isUppercase == true {
                    #expect(text.prefixMatch(of: TaskLineParser.idPattern) == nil, "\(text.debugDescription)")
                }
            case .unsure: break
            }
            switch TaskLinePrefix.tag(text) {
            case .found(let tag, let rest):
                let match = text.prefixMatch(of: TaskLineParser.tagPattern)
                #expect(match.map { String($0.1) } == String(tag), "\(text.debugDescription)")
                #expect(match.map { String(text[$0.range.upperBound...]) } == String(rest), "\(text.debugDescription)")
            case .none: #expect(text.prefixMatch(of: TaskLineParser.tagPattern) == nil, "\(text.debugDescription)")
            case .unsure: break
            }
        }
        #expect(answered > 150)
    }
}
