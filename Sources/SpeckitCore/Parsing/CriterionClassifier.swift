/// Recognises acceptance criteria written as scenarios or EARS requirements, wherever they stand.
enum CriterionClassifier {
    /// `.scenario` for Given/When/Then, `.ears` for "WHEN … SHALL …", nil otherwise.
    static func style(of text: String) -> AcceptanceCriterion.Style? {
        let folded = text.lowercased()
        let body = folded.drop { !$0.isLetter }
        if body.hasPrefix("given ") && (folded.contains(" then ") || folded.contains("\nthen ") || folded.contains(" when ")) {
            return .scenario
        }
        if folded.contains(" shall ") || folded.hasSuffix(" shall") {
            for keyword in ["when ", "if ", "while ", "where ", "the "] where body.hasPrefix(keyword) { return .ears }
        }
        return nil
    }

    /// Whether a line continues a Given/When/Then scenario started before it.
    static func continuesScenario(_ text: String) -> Bool {
        let body = text.lowercased().drop { !$0.isLetter }
        return ["when ", "then ", "and ", "but "].contains { body.hasPrefix($0) }
    }

    /// Whether a line opens a scenario ("Given …").
    static func startsScenario(_ text: String) -> Bool {
        text.lowercased().drop { !$0.isLetter }.hasPrefix("given ")
    }
}
