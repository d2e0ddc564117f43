/// Recognises acceptance criteria written as scenarios or EARS requirements, wherever they stand. Scenario
/// words come from the vocabulary: Given/When/Then, Dado/Cuando/Entonces, 前提/もし/ならば, 给定/当/那么 …
enum CriterionClassifier {
    /// `.scenario` for Given/When/Then, `.ears` for "WHEN … SHALL …", nil otherwise.
    static func style(of text: String, words: ConceptWords = .standard) -> AcceptanceCriterion.Style? {
        let folded = text.lowercased()
        let body = folded.drop { !$0.isLetter }
        if body.hasPrefix("given ") && (folded.contains(" then ") || folded.contains("\nthen ") || folded.contains(" when ")) {
            return .scenario
        }
        if QuickScan.containsExact(folded, Self.shall) || folded.hasSuffix(" shall") {
            for keyword in ["when ", "if ", "while ", "where ", "the "] where body.hasPrefix(keyword) { return .ears }
        }
        // Other languages: a Given word first, and a When or Then word after it.
        let start = text.drop { !$0.isLetter }
        if let rest = words.remainder(after: .given, in: start), separated(rest), !start.lowercased().hasPrefix("given") {
            let tail = String(rest)
            if words.mentions(.then, in: tail) || words.mentions(.when, in: tail) { return .scenario }
        }
        return nil
    }

    static let shall = Array(" shall ".utf8)

    /// Whether a line continues a Given/When/Then scenario started before it.
    static func continuesScenario(_ text: String, words: ConceptWords = .standard) -> Bool {
        let body = text.lowercased().drop { !$0.isLetter }
        if ["when ", "then ", "and ", "but "].contains(where: { body.hasPrefix($0) }) { return true }
        let start = text.drop { !$0.isLetter }
        return [VocabularyConcept.when, .then, .and].contains { concept in
            words.remainder(after: concept, in: start).map(Self.separated) ?? false
        }
    }

    /// Whether a line opens a scenario ("Given …").
    static func startsScenario(_ text: String, words: ConceptWords = .standard) -> Bool {
        let start = text.drop { !$0.isLetter }
        if start.lowercased().hasPrefix("given ") { return true }
        return words.remainder(after: .given, in: start).map(Self.separated) ?? false
    }

    /// A scenario word is followed by a space, emphasis or punctuation, not by more letters: `**前提**` and
    /// `Dado que` qualify, `前提条件` (preconditions) and `当前` (current) do not.
    private static func separated(_ rest: Substring) -> Bool {
        guard let first = rest.first else { return false }
        return !first.isLetter
    }
}
