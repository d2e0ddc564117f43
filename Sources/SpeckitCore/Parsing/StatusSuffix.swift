import Foundation

/// Splits a status out of a heading or line: `T2 — Edge Function ⏳ IN PROGRESS`,
/// `Phase 0 — Stabilize ✅ COMPLETE`, `Task Name (COMPLETED)`, `Thing [DONE]`, `フェーズ 1（完了）`.
struct StatusSuffix {
    /// The text with the status removed, trimmed.
    var rest: String
    /// The status as written, e.g. `⏳ IN PROGRESS`.
    var raw: String
    var status: CanonicalStatus

    /// The text without a coloured circle that colour-codes it (`🟢 Phase 6.3: Tests` → `Phase 6.3: Tests`): one
    /// followed by words that are no status.
    static func withoutColourLabel(_ text: String, vocabulary: StatusVocabulary) -> String {
        // Every coloured circle is outside ASCII.
        guard text.utf8.contains(where: { $0 >= 0x80 }), let index = text.firstIndex(where: vocabulary.isColourCircle) else { return text }
        let after = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
        guard !after.isEmpty, leadingPhrase(after, vocabulary) == nil, !vocabulary.isPriorityColour(text[index], in: text) else {
            return text
        }
        return (text[..<index] + " " + after).trimmingCharacters(in: .whitespaces)
    }

    /// Finds a status emoji (with the words after it) or a trailing ALL-CAPS / bracketed status phrase.
    static func extract(from text: String, vocabulary: StatusVocabulary) -> StatusSuffix? {
        // Every status emoji is outside ASCII (`BuiltInStatusWords.emoji`): an ASCII text has none.
        let characters = text.utf8.contains(where: { $0 >= 0x80 }) ? Array(text) : []
        // A coloured circle beside a priority word (`### 🔴 High: Fix login`, `T3 Colors 🟡 P2`) is a priority.
        if let index = characters.firstIndex(where: {
            vocabulary.isStatusEmoji($0) && !vocabulary.isPriorityColour($0, in: text)
        }) {
            let emoji = characters[index]
            let after = String(characters[(index + 1)...]).trimmingCharacters(in: .whitespaces)
            let before = String(characters[..<index])
            var status = vocabulary.status(forEmoji: emoji) ?? .unknown
            var raw = String(emoji)
            var remainder = after
            if let (phrase, wordStatus, tail) = leadingPhrase(after, vocabulary) {
                status = wordStatus
                raw += " " + phrase
                remainder = tail
            } else if vocabulary.isColourCircle(emoji), !after.isEmpty {
                // A coloured circle before words that are no status (`### 🟢 Phase 6.3: Tests` among 🔴 6.1 and
                // 🟡 6.2) colour-codes the heading; only at the end, or with a status word, is it a status.
                return extract(from: (before + " " + after).trimmingCharacters(in: .whitespaces), vocabulary: vocabulary)
            }
            let rest = (before + " " + remainder).trimmingCharacters(in: Self.trimSet)
            return StatusSuffix(rest: rest, raw: raw, status: status)
        }
        // "(COMPLETED)", "[DONE]", "- NOT STARTED" at the end.
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("(", ")"), ("[", "]"), ("（", "）")] where trimmed.hasSuffix(close) {
            if let start = trimmed.range(of: open, options: .backwards) {
                let inner = trimmed[start.upperBound..<trimmed.index(before: trimmed.endIndex)]
                if let status = vocabulary.status(forWord: inner) {
                    return StatusSuffix(
                        rest: String(trimmed[..<start.lowerBound]).trimmingCharacters(in: trimSet),
                        raw: String(inner), status: status)
                }
            }
        }
        let words = trimmed.split(separator: " ")
        var count = 0
        while count < min(3, words.count - 1), words[words.count - 1 - count].allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "_" }) {
            count += 1
        }
        while count > 0 {
            let phrase = words.suffix(count).joined(separator: " ")
            if let status = vocabulary.status(forWord: phrase) {
                let rest = words.dropLast(count).joined(separator: " ").trimmingCharacters(in: trimSet)
                return StatusSuffix(rest: rest, raw: phrase, status: status)
            }
            count -= 1
        }
        return nil
    }

    static let trimSet: Set<Character> = [" ", "—", "–", "-", ":", "：", "|", "\t"]

    /// The longest phrase of up to four leading words that names a status, and the text after it.
    private static func leadingPhrase(_ text: String, _ vocabulary: StatusVocabulary) -> (String, CanonicalStatus, String)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for count in stride(from: min(4, words.count), through: 1, by: -1) {
            let phrase = words.prefix(count).joined(separator: " ")
            let cleaned = phrase.trimmingCharacters(in: CharacterSet(charactersIn: "()[]*:,."))
            if let status = vocabulary.status(forWord: cleaned) {
                return (cleaned, status, words.dropFirst(count).joined(separator: " "))
            }
        }
        return nil
    }
}

extension String {
    /// Trims any of `characters` from both ends, in one pass from each end (`dropLast()` on a substring
    /// counts the whole of it, which made a paragraph of 30,000 trailing `_` take seconds).
    func trimmingCharacters(in characters: Set<Character>) -> String {
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }

    /// Collapses runs of white space into single spaces and trims the ends.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
