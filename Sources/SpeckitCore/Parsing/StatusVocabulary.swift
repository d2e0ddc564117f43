/// The words and emoji people use for statuses, and how they map to the canonical set.
///
/// Matching folds case and ignores `_`, `-` and spaces, so `IN PROGRESS`, `in-progress` and `in_progress`
/// are one word. Extra words can be added (the configuration does this).
public struct StatusVocabulary: Sendable {
    /// The built-in vocabulary.
    public static let standard = StatusVocabulary()

    private var words: [String: CanonicalStatus]
    private let emoji: [String: CanonicalStatus]
    /// The words of the other concepts (user story, phase, depends on …) documents are read with.
    public var concepts: ConceptWords

    public init(extraWords: [String: CanonicalStatus] = [:], concepts: ConceptWords = .standard) {
        var words: [String: CanonicalStatus] = [:]
        for (status, list) in BuiltInStatusWords.words { for word in list { words[Self.fold(word)] = status } }
        for (word, status) in extraWords { words[Self.fold(word)] = status }
        self.words = words
        self.emoji = BuiltInStatusWords.emoji
        self.concepts = concepts
    }

    /// Adds concept words (e.g. from the configuration's `words:`).
    public func adding(concepts extra: [VocabularyConcept: [String]]) -> StatusVocabulary {
        var copy = self
        copy.concepts = concepts.adding(extra)
        return copy
    }

    /// Adds words (e.g. from the configuration).
    public func adding(_ extra: [String: CanonicalStatus]) -> StatusVocabulary {
        var copy = self
        for (word, status) in extra { copy.words[Self.fold(word)] = status }
        return copy
    }

    /// Lowercases and drops `_`, `-`, spaces and apostrophes.
    public static func fold(_ text: some StringProtocol) -> String {
        String(text.lowercased().unicodeScalars.filter { !"_- '’".unicodeScalars.contains($0) })
    }

    /// The status a whole word or phrase names (`IN PROGRESS`, `completed`), or nil.
    public func status(forWord text: some StringProtocol) -> CanonicalStatus? {
        words[Self.fold(text)]
    }

    /// The status an emoji names (variation selectors ignored), or nil.
    public func status(forEmoji character: Character) -> CanonicalStatus? {
        let base = String(character.unicodeScalars.filter { $0.value != 0xFE0F && $0.value != 0xFE0E })
        return emoji[base]
    }

    /// Whether a character is one of the status emoji.
    public func isStatusEmoji(_ character: Character) -> Bool { status(forEmoji: character) != nil }

    /// Reads the status at the start of a value such as `✅ Shipped (January 8, 2026)`, `in-progress`,
    /// `Not started`, or `Partially implemented`: a leading emoji, else the longest run of up to four
    /// leading words that names a status. Returns nil when the value names none.
    public func leadingStatus(in value: some StringProtocol) -> CanonicalStatus? {
        let trimmed = value.drop { $0 == " " || $0 == "*" || $0 == "`" || $0 == "_" }
        if let first = trimmed.first, let status = status(forEmoji: first) {
            // Words after the emoji win: "❌ NOT STARTED" is todo, "⏳ PARTIALLY COMPLETE" in progress.
            return leadingWordStatus(trimmed.dropFirst()) ?? status
        }
        if let status = leadingWordStatus(trimmed) { return status }
        // "PASSING ✅", "All ruff checks passing ✅": the emoji after the words says it.
        if let emoji = trimmed.first(where: isStatusEmoji), !isPriorityColour(emoji, in: trimmed) {
            return status(forEmoji: emoji)
        }
        return nil
    }

    /// Whether the character is a coloured circle (🔴 🟠 🟡 🟢 🔵 ⚪ ⚫), which marks a status, a priority or just
    /// a colour.
    public func isColourCircle(_ character: Character) -> Bool {
        BuiltInStatusWords.priorityColours.contains(String(character.unicodeScalars.filter { $0.value != 0xFE0F && $0.value != 0xFE0E }))
    }

    /// Whether a coloured circle marks a priority, not a status: `🔴 High`, `🟡 P2`, `Priority: 🟢`.
    public func isPriorityColour(_ character: Character, in text: some StringProtocol) -> Bool {
        guard isColourCircle(character) else { return false }
        let tokens = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return tokens.contains { BuiltInStatusWords.priorityWords.contains(String($0)) }
    }

    private func leadingWordStatus(_ text: some StringProtocol) -> CanonicalStatus? {
        let tokens = text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "_") })
            .prefix(4)
        guard !tokens.isEmpty else { return nil }
        for count in stride(from: tokens.count, through: 1, by: -1) {
            if let status = status(forWord: tokens.prefix(count).joined(separator: " ")) { return status }
        }
        return nil
    }
}
