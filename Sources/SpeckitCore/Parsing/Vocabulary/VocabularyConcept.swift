/// A thing plans name in words that change with the language they are written in: the heading of a user
/// story, the label of a dependency, the section a template requires.
///
/// `.speckit.yml` adds words per concept under `words:` with these names as keys.
public enum VocabularyConcept: String, CaseIterable, Sendable {
    /// `### User Story 1 - Title (Priority: P1)`, `### ユーザーストーリー 1`, `### 用户故事 1`.
    case userStory
    /// `Phase 2`, `Fase 2`, `フェーズ 2`, `阶段 2`.
    case phase
    /// The label of a dependency list: `Depends on`, `depende de`, `依存`.
    case dependsOn
    /// The word of a `(Priority: P1)` group.
    case priority
    /// The label of a list of acceptance scenarios or criteria.
    case acceptance
    /// The words that open and continue a scenario: Given, When, Then, And.
    case given, when, then, and
    /// Section names a template requires.
    case requirements, successCriteria, userScenarios, summary, technicalContext
}

/// The words of each concept: the built-in ones of every supported language, plus any `.speckit.yml` adds.
///
/// Matching folds case; a word that ends in a Latin letter must end a word in the text too, so `Phase`
/// does not match `Phases`, while `フェーズ2` matches `フェーズ`.
public struct ConceptWords: Sendable {
    /// The built-in words of every language.
    public static let standard = ConceptWords()

    private var words: [VocabularyConcept: [String]]
    /// The words folded as `StatusVocabulary.fold` folds them, for field keys (`**Depends on**:`).
    private var folded: [VocabularyConcept: Set<String>]

    public init(extra: [VocabularyConcept: [String]] = [:]) {
        var words = BuiltInWords.concepts
        for (concept, list) in extra { words[concept, default: []] += list }
        self.words = words.mapValues(Self.longestFirst)
        self.folded = words.mapValues { Set($0.map(StatusVocabulary.fold)) }
        self.dependencyBytes = QuickScan.Needles(Self.bytes(self.words[.dependsOn] ?? []))
        refreshIndexes()
    }

    private mutating func refreshIndexes() {
        initials = words.mapValues { Set($0.compactMap { $0.first.map { Character($0.lowercased()) } }) }
        dependencyWords = (words[.dependsOn] ?? []).map { ($0, Array($0.lowercased().utf8)) }
        // Each word as a text lowercased byte by byte (`QuickScan.lowercased`, ASCII only) may hold it:
        // `dépend de` and `DÉPEND DE` (`dÉpend de` once lowered) alike.
        var needles: [[UInt8]] = []
        dependencyNeedleWord = []
        for (index, word) in dependencyWords.enumerated() {
            for variant in Self.spellings(word.word) {
                needles.append(variant)
                dependencyNeedleWord.append(index)
            }
        }
        dependencyWordNeedles = QuickScan.Needles(needles)
    }

    /// A word's bytes as `QuickScan.lowercased` leaves a text holding it in lower, upper or any ASCII case.
    private static func spellings(_ word: String) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for variant in [word.lowercased(), word.uppercased()] {
            let bytes = QuickScan.lowercased(variant)
            if !out.contains(bytes) { out.append(bytes) }
        }
        return out
    }

    /// The fewest byte strings every word contains one of, as `spellings` gives them: `depend` stands for
    /// `Depends on`, `Dependencies` and `depende de`.
    private static func bytes(_ list: [String]) -> [[UInt8]] {
        let lowered = Set((list + ["depend", "dépend", "abhängig"]).map { $0.lowercased() })
        let stems = lowered.filter { word in !lowered.contains { $0 != word && word.contains($0) } }
        return Array(Set(stems.flatMap(spellings))).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Adds words (from the configuration).
    public func adding(_ extra: [VocabularyConcept: [String]]) -> ConceptWords {
        var copy = self
        for (concept, list) in extra where !list.isEmpty {
            copy.words[concept] = Self.longestFirst((copy.words[concept] ?? []) + list)
            copy.folded[concept, default: []].formUnion(list.map(StatusVocabulary.fold))
        }
        copy.dependencyBytes = QuickScan.Needles(Self.bytes(copy.words[.dependsOn] ?? []))
        copy.refreshIndexes()
        return copy
    }

    /// The dependency words lowercased, as bytes: a line (lowercased) holding none of them names no
    /// dependency, so the label search need not run.
    private(set) var dependencyBytes = QuickScan.Needles([])
    /// The first letters (lowercased) of each concept's words.
    private var initials: [VocabularyConcept: Set<Character>] = [:]
    /// Each dependency word with its lowercased bytes, to search only for the words a text holds.
    private(set) var dependencyWords: [(word: String, bytes: [UInt8])] = []
    /// `dependencyWords`' spellings, searched for in one pass; `dependencyNeedleWord[n]` is the word of needle n.
    private(set) var dependencyWordNeedles = QuickScan.Needles([])
    private(set) var dependencyNeedleWord: [Int] = []

    /// Whether a field name (`Depends on`, `依存関係`) is, once folded, a word of `concept`.
    func isKey(_ name: String, of concept: VocabularyConcept) -> Bool {
        folded[concept]?.contains(StatusVocabulary.fold(name)) ?? false
    }

    /// The words of a concept, longest first.
    public func words(for concept: VocabularyConcept) -> [String] { words[concept] ?? [] }

    /// The text after a word of `concept` that `text` starts with (case folded), or nil.
    func remainder(after concept: VocabularyConcept, in text: Substring) -> Substring? {
        // Most texts start with a letter no word of the concept starts with: one set lookup, no string search.
        guard let first = text.first else { return nil }
        let folded: Character
        if let ascii = first.asciiValue {
            folded = Character(Unicode.Scalar(ascii >= 0x41 && ascii <= 0x5A ? ascii | 0x20 : ascii))
        } else {
            folded = Character(first.lowercased())
        }
        guard initials[concept]?.contains(folded) == true else { return nil }
        for word in words(for: concept) {
            if let rest = Self.dropPrefix(word, from: text) { return rest }
        }
        return nil
    }

    /// Where a word of `concept` first stands in `text` as a whole word: its range, or nil.
    func firstRange(of concept: VocabularyConcept, in text: String) -> Range<String.Index>? {
        var best: Range<String.Index>?
        for word in words(for: concept) {
            var from = text.startIndex
            while let found = text.range(of: word, options: [.caseInsensitive], range: from..<text.endIndex) {
                if Self.isWordStart(text, found.lowerBound, word), Self.isWordEnd(text, found.upperBound, word) {
                    if best == nil || found.lowerBound < best!.lowerBound { best = found }
                    break
                }
                from = found.upperBound
            }
        }
        return best
    }

    /// Whether `text` (already folded by the caller or not) contains a word of `concept`.
    func mentions(_ concept: VocabularyConcept, in text: String) -> Bool { firstRange(of: concept, in: text) != nil }

    static func dropPrefix(_ word: String, from text: Substring) -> Substring? {
        // An ASCII word against ASCII text: compared byte by byte, folding case with `| 0x20`. Anything else
        // (non-ASCII in the compared bytes or just after them, where Foundation folds `ß` or composes accents)
        // is left to Foundation.
        if let end = asciiPrefixEnd(word, of: text) {
            guard let end = end else { return nil }
            return isWordEnd(text, end, word) ? text[end...] : nil
        }
        guard let range = text.range(of: word, options: [.caseInsensitive, .anchored]) else { return nil }
        return isWordEnd(text, range.upperBound, word) ? text[range.upperBound...] : nil
    }

    /// Where an ASCII `word` that `text` starts with (ignoring ASCII case) ends in `text`: `.some(nil)` when
    /// it does not start with it, nil when bytes alone cannot tell.
    private static func asciiPrefixEnd(_ word: String, of text: Substring) -> Substring.Index?? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        for expected in word.utf8 {
            guard expected < 0x80 else { return nil }
            guard index < utf8.endIndex else { return .some(nil) }
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isLetter ? (byte | 0x20) != (expected | 0x20) : byte != expected { return .some(nil) }
            index = utf8.index(after: index)
        }
        // A combining mark after the word is part of its last character.
        if index < utf8.endIndex, utf8[index] >= 0x80 { return nil }
        return .some(index)
    }

    private static func isLatin(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter && character.unicodeScalars.allSatisfy { $0.value < 0x2E80 }
    }

    static func isWordEnd<S: StringProtocol>(_ text: S, _ index: S.Index, _ word: String) -> Bool {
        guard isLatin(word.last), index < text.endIndex else { return true }
        return !text[index].isLetter
    }

    static func isWordStart<S: StringProtocol>(_ text: S, _ index: S.Index, _ word: String) -> Bool {
        guard isLatin(word.first), index > text.startIndex else { return true }
        return !text[text.index(before: index)].isLetter
    }

    private static func longestFirst(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }.sorted { $0.count > $1.count }
    }
}
