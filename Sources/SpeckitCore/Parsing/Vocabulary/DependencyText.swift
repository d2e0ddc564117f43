/// Reads dependencies only from dependency syntax: a label (`Depends on`, `Blocked by`, `After`, `depende de`,
/// `依存` … any word of `VocabularyConcept.dependsOn`) followed by id-shaped tokens, or the value of a
/// dependency field. Ranges are expanded (`T150a-d`, `T010–T014`); a number with a unit ("after 2 seconds",
/// "60s") is never an id.
enum DependencyText {
    /// The most ids one range expands to; a wider range keeps its two ends (`T001-T999` is a typo or a sweep).
    static let rangeCap = 50

    /// The ids of a dependency field's value: `[39, 40]`, `T1 complete`, `Task 1.1, 1.2, 1.3`, `Phase 1, 2`,
    /// `T010–T014`, `none`.
    static func ids(in text: String) -> [String] {
        let text = withoutAsides(text)
        var out: [String] = []
        var seen: Set<String> = []
        var prefix: String?
        // Where the last id taken ends: a bare number counts only when nothing but joiners stands between it
        // and the start of the value or that id ("3, 4", "Task 1.1, 1.2"), never after a word ("PostgreSQL 15",
        // "Section 4.2", "PR #42", "approval from 2 reviewers") or inside a date ("2025-01-15").
        var taken = text.startIndex
        for match in text.matches(of: Self.idsPattern) {
            let whole = String(match.1)
            if whole.first?.isNumber == true {
                guard let lead = Self.joinerGap(text[taken..<match.range.lowerBound]),
                    !Self.hasUnit(after: match.range.upperBound, in: text), !Self.inDate(match.range, in: text)
                else { continue }
                if let lead { prefix = lead }
            }
            taken = match.range.upperBound
            for var id in expand(whole) {
                if let number = taskNumber(id) {
                    id = "Task " + number
                    prefix = "Task "
                } else if id.lowercased().hasPrefix("phase") {
                    id = "Phase " + id.dropFirst(5).trimmingCharacters(in: .whitespaces)
                    prefix = "Phase "
                } else if let prefix, id.first?.isNumber == true {
                    // "Phase 1, 2, 3": the bare numbers are phases too.
                    id = prefix + id
                } else {
                    prefix = nil
                }
                if seen.insert(id).inserted { out.append(id) }
            }
        }
        return out
    }

    /// What stands between two ids of a value, if it is only joiners and punctuation (`, `, ` and `, `[`): nil
    /// when a word stands there, else the prefix a "Tasks"/"Phases" there gives the numbers after it ("" for none).
    private static func joinerGap(_ gap: Substring) -> String?? {
        var lead: String?
        for word in gap.lowercased().split(whereSeparator: { !$0.isLetter }) {
            switch word {
            case "tasks", "task": lead = "Task "
            case "phases", "phase": lead = "Phase "
            default: guard joinerWords.contains(String(word)) else { return nil }
            }
        }
        if gap.contains("#") || gap.last == "-" || gap.last == "." { return nil }
        return .some(lead)
    }

    /// Words that join ids in a list, in every built-in language.
    private static let joinerWords: Set<String> = ["and", "or", "y", "o", "e", "ou", "et", "und", "oder", "und"]

    /// Whether the number at `range` is part of a date or a version written with dashes (`2025-01-15`).
    private static func inDate(_ range: Range<String.Index>, in text: String) -> Bool {
        let after = text[range.upperBound...]
        if after.first == "-", after.dropFirst().first?.isNumber == true { return true }
        let before = text[..<range.lowerBound]
        return before.last == "-" && before.dropLast().last?.isNumber == true
    }

    /// The text with its asides blanked: a parenthesis after an id describes it ("TODO-044 (TASK-001 OS
    /// detection module)", "TODO-014 (US-001 v2 generated)") and names no dependency of its own. A value that
    /// is wholly in parentheses is kept.
    static func withoutAsides(_ text: String) -> String {
        guard text.contains("(") || text.contains("（") else { return text }
        var out = ""
        var depth = 0
        var seenContent = false
        for character in text {
            if character == "(" || character == "（", seenContent || depth > 0 {
                depth += 1
                out.append(" ")
            } else if depth > 0 {
                if character == ")" || character == "）" { depth -= 1 }
                out.append(" ")
            } else {
                if !character.isWhitespace, !"*_:：`".contains(character) { seenContent = true }
                out.append(character)
            }
        }
        return out
    }

    /// The ids named after every dependency label in a task's text: `(depends on T010)`, `after T150a-d`,
    /// `Blocked by: TASK-7, TASK-9`, `（依赖 T012）`, `depende de T013 y T014`. Bare numbers count only after an
    /// explicit label (`depends on 3`), never after `after`/`needs`, and never with a word after them.
    static func labelled(in text: String, words: ConceptWords) -> [String] {
        var out: [String] = []
        for (range, explicit) in labels(in: text, words: words) {
            for id in list(from: text[range.upperBound...], bareNumbers: explicit) where !out.contains(id) {
                out.append(id)
            }
        }
        return out
    }

    /// Where each dependency label stands, and whether it is an explicit one (not "after", "needs").
    private static func labels(in text: String, words: ConceptWords) -> [(Range<String.Index>, Bool)] {
        var found: [(Range<String.Index>, Bool)] = []
        let lowered = QuickScan.lowercased(text)
        for index in Set(words.dependencyWordNeedles.found(in: lowered).map { words.dependencyNeedleWord[$0] }).sorted() {
            let word = words.dependencyWords[index].word
            let explicit = !FieldLineParser.proseOnlyDependencyWords.contains(StatusVocabulary.fold(word))
            var from = text.startIndex
            while let range = text.range(of: word, options: .caseInsensitive, range: from..<text.endIndex) {
                from = range.upperBound
                guard ConceptWords.isWordStart(text, range.lowerBound, word),
                    ConceptWords.isWordEnd(text, range.upperBound, word),
                    !found.contains(where: { $0.0.overlaps(range) })
                else { continue }
                found.append((range, explicit))
            }
        }
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// The ids at the start of `text`: after `:`, emphasis and spaces, a list joined by commas, `and`, `&`,
    /// `+`, `/`, `、`, `y`, `e`, `et`, `und`, `和`, `及`; it ends at the first token that is no id.
    private static func list(from text: Substring, bareNumbers: Bool) -> [String] {
        var rest = text.drop { " \t:：*_`(（[".contains($0) }
        var out: [String] = []
        while let match = rest.prefixMatch(of: tokenPattern) {
            let token = String(match.1)
            let after = rest[match.range.upperBound...]
            if token.first?.isNumber == true {
                guard bareNumbers, !startsWithWord(after) || startsWithJoiner(after) else { break }
            }
            out += expand(token).map { taskNumber($0).map { "Task " + $0 } ?? $0 }
            rest = after
            let separators = rest.prefixMatch(of: joinerPattern)
            guard let separators else { break }
            rest = rest[separators.range.upperBound...]
        }
        return out
    }

    /// `T150a-d` → T150a…T150d; `T010–T014` or `T010-014` → T010…T014 (padding kept); anything else as is.
    static func expand(_ token: String) -> [String] {
        // `T1.1-T1.3`, `T2.1-2.4`, `T2.1-4`: the last number runs, the rest is shared.
        if let match = token.wholeMatch(of: dottedRangePattern), let low = Int(match.3), let high = Int(match.6),
            match.4.isEmpty || match.4 == match.1, match.5.isEmpty || match.5 == match.2
        {
            let name = { (number: Int) in "\(match.1)\(match.2)\(number)" }
            guard low < high, high - low < rangeCap else { return [name(low), name(high)] }
            return (low...high).map(name)
        }
        if let match = token.wholeMatch(of: letterRangePattern),
            let low = match.2.unicodeScalars.first?.value, let high = match.3.unicodeScalars.first?.value, low <= high
        {
            return (low...high).prefix(rangeCap).compactMap { Unicode.Scalar($0).map { "\(match.1)\(Character($0))" } }
        }
        if let match = token.wholeMatch(of: numberRangePattern), let low = Int(match.2), let high = Int(match.4),
            match.3 == nil || String(match.3!) == String(match.1)
        {
            let width = match.2.count
            let name = { (number: Int) -> String in
                let digits = String(number)
                return "\(match.1)" + String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            guard low < high else { return [name(low), name(high)] }
            guard high - low < rangeCap else { return [name(low), name(high)] }
            return (low...high).map(name)
        }
        return [token]
    }

    /// The `3.1` of `Task 3.1` or `task  3.1`; nil for anything else (`TASK-7` is an id of its own).
    static func taskNumber(_ id: String) -> String? {
        guard id.lowercased().hasPrefix("task"), id.dropFirst(4).first?.isWhitespace == true else { return nil }
        return id.dropFirst(4).trimmingCharacters(in: .whitespaces)
    }

    /// The id scheme: the letters an id starts with, upper-cased (`TODO-014` → `TODO`, `T012` → `T`, `1.2` →
    /// empty). Ids of one scheme name things of one kind.
    static func scheme(_ id: String) -> String {
        String(id.prefix { $0.isLetter }).uppercased()
    }

    /// The `HLS` of a ticket-style id `HLS-006` (letters, a dash, digits), or nil for any other id: the scheme of
    /// the ids teams give tickets, stories and documents.
    static func ticketPrefix(_ id: String) -> String? {
        guard let dash = id.firstIndex(of: "-") else { return nil }
        let letters = id[..<dash]
        let digits = id[id.index(after: dash)...]
        guard letters.count >= 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }), !digits.isEmpty,
            digits.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return letters.uppercased()
    }

    private static func startsWithWord(_ text: Substring) -> Bool {
        let trimmed = text.drop { $0 == " " }
        return trimmed.first?.isLetter == true || trimmed.first == "%"
    }

    private static func startsWithJoiner(_ text: Substring) -> Bool {
        text.prefixMatch(of: joinerPattern) != nil
    }

    /// Whether a bare number is followed by a unit: `60s`, `2 seconds`, `3 days`, `5%`.
    private static func hasUnit(after index: String.Index, in text: String) -> Bool {
        let next = text[index...]
        if next.first?.isLetter == true || next.first == "%" { return true }
        let word = next.drop { $0 == " " }.prefix { $0.isLetter }.lowercased()
        return units.contains(word)
    }

    static let units: Set<String> = [
        "s", "sec", "secs", "second", "seconds", "ms", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour",
        "hours", "d", "day", "days", "week", "weeks", "month", "months", "year", "years", "times", "px", "kb", "mb",
        "gb", "percent", "items", "points", "pts", "segundos", "minutos", "horas", "días", "dias", "secondes",
        "heures", "jours", "sekunden", "minuten", "stunden", "tage",
    ]

    nonisolated(unsafe) static let idsPattern =
        /(?i)\b(Task\s+\d+(?:\.\d+)*|Phase\s+\d+(?:\.\d+)*|T\d+[a-z]?(?:\.\d+)*(?:\s*[-–—]\s*(?:T?\d+(?:\.\d+)*|[a-z])\b)?|[A-Z]{2,}-\d+|\d+(?:\.\d+)*)\b/
    // One id, a letter range or a number range: T012, T150a-d, T010–T014, T010-014, Task 3, TASK-7, 1.2, 3.
    nonisolated(unsafe) static let tokenPattern =
        /(T\d+[a-z]?(?:\.\d+)*(?:[-–—](?:T?\d+(?:\.\d+)*|[a-z])\b)?|[Tt]ask\s+\d+(?:\.\d+)*|[A-Z]{2,}-\d+|\d+(?:\.\d+)*)(?![A-Za-z0-9]|\.\d|-[A-Za-z0-9])/
    nonisolated(unsafe) static let joinerPattern =
        /\s*(?:,|，|、|;|&|\+|\/|\band\b|\by\b|\be\b|\bet\b|\bund\b|和|及|与|與)\s*|\s+(?=T\d)/
    nonisolated(unsafe) static let letterRangePattern = /(T\d+(?:\.\d+)*)([a-z])\s*[-–—]\s*(?:T\d+(?:\.\d+)*)?([a-z])/
    nonisolated(unsafe) static let dottedRangePattern = /([A-Za-z]*)((?:\d+\.)+)(\d+)\s*[-–—]\s*([A-Za-z]*)((?:\d+\.)*)(\d+)/
    nonisolated(unsafe) static let numberRangePattern = /([A-Za-z]*)(\d+)\s*[-–—]\s*([A-Za-z]+)?(\d+)/
}
