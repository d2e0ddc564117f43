/// How urgent a task's priority text is, for ordering `speckit next`: `P0` and "critical" first, then
/// `P1`/"high"/🔴, `P2`/"medium"/🟡 (and tasks with no priority), then `P3`/"low"/🟢 and below. The words are
/// the priority words of every built-in language.
enum TaskPriority {
    /// The rank of a priority as written; lower is sooner. No priority ranks as medium.
    static func rank(_ text: String?) -> Int {
        guard let text, !text.isEmpty else { return medium }
        let folded = text.lowercased()
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // `P0`…`P9`: the number is the rank (P1 is high, P2 medium, P3 low).
        for word in words where word.count == 2 && word.first == "p" {
            if let digit = word.last?.wholeNumberValue { return digit }
        }
        for (rank, vocabulary) in ranked where words.contains(where: vocabulary.contains) { return rank }
        for (rank, circles) in colours where text.unicodeScalars.contains(where: { circles.contains($0) }) { return rank }
        // CJK priority words are whole words without spaces: `高`, `優先度: 高`.
        for (rank, word) in [(1, "高"), (3, "低"), (2, "中"), (1, "높음"), (2, "중간"), (3, "낮음")] where folded.contains(word) {
            return rank
        }
        return medium
    }

    private static let medium = 2

    private static let ranked: [(Int, Set<String>)] = [
        (0, ["critical", "urgent", "blocker", "highest", "kritisch", "crítica", "crítico", "critique"]),
        (1, ["high", "major", "must", "alta", "alto", "haute", "élevée", "hoch"]),
        (3, ["low", "minor", "could", "baja", "bajo", "baixa", "basse", "niedrig"]),
        (4, ["lowest", "trivial", "optional", "wont"]),
        (2, ["medium", "normal", "mid", "moderate", "should", "media", "medio", "média", "moyenne", "mittel"]),
    ]

    private static let colours: [(Int, Set<Unicode.Scalar>)] = [
        (1, ["\u{1F534}"]),  // 🔴
        (1, ["\u{1F7E0}"]),  // 🟠
        (2, ["\u{1F7E1}"]),  // 🟡
        (3, ["\u{1F7E2}", "\u{1F535}"]),  // 🟢 🔵
    ]
}
