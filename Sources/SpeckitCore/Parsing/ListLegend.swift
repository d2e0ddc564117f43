import Foundation

/// A status legend written as a list: each item a marker and the status it stands for, defined
/// (`- [!] **Blocked** - Cannot proceed`, `- [x] Completed: done, with a timestamp`). Its boxes define the
/// plan's markers; they are neither tasks nor mistyped checkboxes.
enum ListLegend {
    /// The status an item's text defines (`**Blocked** - Cannot proceed` → blocked), or nil: the text is a
    /// status word or phrase, bold or not, alone or followed by a separator and its meaning.
    static func definedStatus(_ text: some StringProtocol, vocabulary: StatusVocabulary) -> CanonicalStatus? {
        let rest = Substring(text).drop { $0 == " " }
        let word: Substring
        let after: Substring
        if let delimiter = ["**", "__"].first(where: { rest.hasPrefix($0) }) {
            let inner = rest.dropFirst(2)
            guard let close = inner.range(of: delimiter) else { return nil }
            (word, after) = (inner[..<close.lowerBound], inner[close.upperBound...])
        } else {
            let end = firstSeparator(in: rest)
            (word, after) = (rest[..<end], rest[end...])
        }
        let name = word.trimmingCharacters(in: .whitespaces)
        let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: ":："))
        guard !bare.isEmpty, bare.count <= 24, let status = vocabulary.status(forWord: bare) else { return nil }
        // What follows is its meaning, after a separator (or after a label's own colon: `**Done:** merged`).
        let tail = after.trimmingCharacters(in: .whitespaces)
        guard
            tail.isEmpty || name.count != bare.count
                || separators.contains(where: { tail.hasPrefix($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        return status
    }

    /// Whether the items' texts make a legend: two or more, each defining a status, no two the same.
    static func isLegend(_ texts: [Substring], vocabulary: StatusVocabulary) -> Bool {
        guard texts.count >= 2 else { return false }
        var seen: Set<CanonicalStatus> = []
        for text in texts {
            guard let status = definedStatus(text, vocabulary: vocabulary), seen.insert(status).inserted else { return false }
        }
        return true
    }

    private static let separators = [" - ", " – ", " — ", ":", " = ", "："]
    private static let separatorBytes = separators.map { Array($0.utf8) }

    /// Where the first separator starts in `text` (its end when there is none). ASCII text is searched byte
    /// by byte; other text with Foundation, whose comparison composes accents.
    static func firstSeparator(in text: Substring) -> Substring.Index {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return separators.compactMap { text.range(of: $0)?.lowerBound }.min() ?? text.endIndex
        }
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x3A { return index }
            if byte == 0x20 {
                for separator in separatorBytes where separator.count == 3 && utf8[index...].starts(with: separator) { return index }
            }
            index = utf8.index(after: index)
        }
        return text.endIndex
    }
}
