import Foundation

/// Finds sentences in which a document counts itself: "18 completed (16%)", "T2: Edge Function
/// (0/13 subtasks)", "111 total subtasks", "Completed: 2 task groups", "(8 tasks total)", "into 5 phases".
/// Only counts of things a plan is made of (tasks, subtasks, items, phases, task groups, requirements,
/// stories, checks, deliverables) are claims; "3 retries" or "1804 errors" are not.
///
/// A counting sentence is a claim only when its scope is clear (`ClaimPlace`): a summary or progress section,
/// the document's header fields, the phase heading or phase status line it belongs to, or a count beside the
/// phase or task it names. Ordinals ("Phase 1 tasks", "Task 3") are never counts, and sentences about another
/// file or spec, examples, test scenarios and quotes are not claims.
enum ClaimScanner {
    /// The claims on one line of text whose scope is clear, given where the line stands.
    static func claims(in line: String, range: SourceRange, place: ClaimPlace) -> [Claim] {
        // Every claim has a digit; most lines have none and cost one pass over their bytes.
        guard !place.quoted, line.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return [] }
        var found = claims(in: line, range: range)
        let field = Needs.fieldCount(line) ? fieldCounts(in: line, range: range) : []
        found = field + found.filter { claim in !field.contains { $0.noun == claim.noun && $0.count == claim.count } }
        if found.isEmpty, Needs.namedFraction(line), let named = namedFraction(in: line, range: range) { found = [named] }
        guard !found.isEmpty, !ClaimExclusions.excludes(line) else { return [] }
        let label = line.prefixMatch(of: fieldLinePattern).map { String($0.1).lowercased().split { !$0.isLetter && $0 != "-" } }
        let isField = label != nil
        // A label that qualifies the count ("MVP Total: 31/31 tasks", "Current Phase: All 7 Phases Done") names
        // a part of the document speckit does not know.
        let qualified =
            label?.contains { !labelWords.contains(String($0)) && !nounWords.contains(String($0)) && !isStatusWord(String($0)) } ?? false
        return found.compactMap { claim in
            var claim = claim
            if claim.subject != nil { return claim }
            if qualified { return nil }
            if place.phaseHeading {
                claim.subject = place.phase
                return claim
            }
            if isField, let phase = place.phase, place.phaseBody, !place.inTask {
                claim.subject = phase
                return claim
            }
            if place.summary {
                claim.subject = place.inTask ? nil : place.phase
                return claim
            }
            if place.header, isField || line.firstMatch(of: selfReference) != nil { return claim }
            // A document's own status or progress line outside any phase: "**Status**: COMPLETE - All 32 tasks
            // finished", "**Progress: 65/142 tasks completed**".
            if isField, place.phase == nil, !place.inTask { return claim }
            return nil
        }
    }

    /// Every counting sentence on one line, wherever it stands; `range` locates the line.
    static func claims(in line: String, range: SourceRange) -> [Claim] {
        // Every pattern needs a number followed by a noun or a status word.
        guard QuickScan.numberBeforeWord(line, keywords) else { return [] }
        var out: [Claim] = []
        let subject = line.firstMatch(of: subjectPattern).map { DependencyText.ids(in: String($0.1)).first ?? String($0.1) }
        var consumed: [Range<String.Index>] = []

        func add(_ claim: Claim, _ matched: Range<String.Index>, exclusive: Bool = true) {
            if exclusive {
                guard !consumed.contains(where: { $0.overlaps(matched) }) else { return }
            }
            consumed.append(matched)
            var claim = claim
            if claim.subject == nil { claim.subject = subject }
            out.append(claim)
        }

        // Each pattern runs only when the line has what it needs (regexes are slow).
        let lower = QuickScan.lowercased(line)
        let has = { (words: [[UInt8]]) in words.contains { QuickScan.contains(lower, $0) } }
        let status = has(Needs.status)
        let fractions = lower.contains(UInt8(ascii: "/")) ? line.matches(of: fractionPattern) : []
        for match in fractions where isStandalone(line, match.range) && Int(match.2) != 0 {
            var claim = Claim(kind: .fraction, text: line, noun: singular(match.3), count: Int(match.1) ?? 0, range: range)
            claim.total = Int(match.2)
            claim.status = .done
            add(claim, match.range)
        }
        for pattern in has(Needs.total) ? [totalPattern, trailingTotalPattern] : [] {
            for match in line.matches(of: pattern) where isStandalone(line, match.range) {
                let claim = Claim(kind: .total, text: line, noun: singular(match.2), count: Int(match.1) ?? 0, range: range)
                add(claim, match.range, exclusive: false)
            }
        }
        let labelled = status && lower.contains(UInt8(ascii: ":")) ? line.matches(of: labelledCountPattern) : []
        for match in labelled where isStandalone(line, match.range) {
            var claim = Claim(kind: .count, text: line, noun: singular(match.3), count: Int(match.2) ?? 0, range: range)
            apply(status: String(match.1), to: &claim)
            add(claim, match.range)
        }
        for match in status ? line.matches(of: statusCountPattern) : [] where isStandalone(line, match.range) {
            // Without a noun ("18 completed"), the number must open its clause and nothing may follow the
            // status word but punctuation or a percentage: "Phase 5 complete", "1 of 3 done" and
            // "2 completed attempts" are not claims.
            if match.3 == nil, !opensClause(line, at: match.range.lowerBound) || wordFollows(line, after: match.range.upperBound) {
                continue
            }
            var claim = Claim(kind: .count, text: line, noun: singular(match.3 ?? "task"), count: Int(match.1) ?? 0, range: range)
            apply(status: String(match.2), to: &claim)
            claim.percent = match.4.flatMap { Int($0) }
            add(claim, match.range)
        }
        for match in status ? line.matches(of: nounStatusPattern) : [] where isStandalone(line, match.range) {
            var claim = Claim(kind: .count, text: line, noun: singular(match.2), count: Int(match.1) ?? 0, range: range)
            apply(status: String(match.3), to: &claim)
            add(claim, match.range, exclusive: false)
        }
        for match in has(Needs.plainNoun) ? line.matches(of: plainCountPattern) : [] where isStandalone(line, match.range) {
            let noun = singular(match.2)
            guard noun == "phase" || noun == "task group" || noun == "user story" || noun == "requirement" else { continue }
            add(Claim(kind: .count, text: line, noun: noun, count: Int(match.1) ?? 0, range: range), match.range)
        }
        return out
    }

    static func apply(status word: String, to claim: inout Claim) {
        let folded = StatusVocabulary.fold(word)
        if ["remaining", "left", "outstanding", "open"].contains(folded) {
            claim.remaining = true
        } else {
            claim.status = StatusVocabulary.standard.status(forWord: word)
        }
    }

    /// Whether only list markers, emphasis, labels ending in `:` or an opening bracket precede `index` in its clause.
    static func opensClause(_ line: String, at index: String.Index) -> Bool {
        let before = line[..<index].reversed().drop { $0 == " " || $0 == "*" || $0 == "_" || $0 == "`" }
        guard let last = before.first else { return true }
        return ":(,;[-–—•>|\t".contains(last)
    }

    /// Whether a word (a letter) follows `index` after spaces: "completed attempts".
    static func wordFollows(_ line: String, after index: String.Index) -> Bool {
        line[index...].drop { $0 == " " }.first?.isLetter == true
    }

    /// A number that is not the end of a range ("5-6 tasks"), part of a version or decimal, or an ordinal
    /// ("Phase 1 tasks complete", "Phase 2 pending item").
    private static func isStandalone(_ line: String, _ range: Range<String.Index>) -> Bool {
        guard range.lowerBound > line.startIndex else { return true }
        if ClaimExclusions.isOrdinal(line, at: range.lowerBound) { return false }
        let before = line[line.index(before: range.lowerBound)]
        return !(before.isNumber || before.isLetter || before == "-" || before == "–" || before == "." || before == "/")
    }

    static func singular(_ noun: some StringProtocol) -> String {
        var text = noun.lowercased().collapsingWhitespace
        if text.hasSuffix("stories") { return String(text.dropLast(3)) + "y" }
        if text.hasSuffix("s") { text.removeLast() }
        return text
    }

    /// What each pattern needs in a line (lowercase ASCII stems): a necessary condition, checked on bytes before
    /// the regex runs.
    enum Needs {
        /// `statusWords`: every alternative holds one of these.
        static let status: [[UInt8]] = [
            "complete", "done", "finished", "remaining", "pending", "open", "left", "outstanding", "progress", "started",
            "blocked", "cancel", "deferred", "todo",
        ].map { Array($0.utf8) }
        static let total: [[UInt8]] = [Array("total".utf8)]
        /// The nouns `plainCountPattern`'s claims keep: phase, task group, user story, requirement.
        static let plainNoun: [[UInt8]] = ["phase", "task", "stor", "requirement"].map { Array($0.utf8) }

        /// `fieldCountPattern`, anchored: before the first `:` only spaces, bullets, emphasis and letters; after
        /// it, past spaces and emphasis, a digit (or a character outside ASCII, which may be a space).
        static func fieldCount(_ line: String) -> Bool {
            let utf8 = line.utf8
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
            for byte in utf8[..<colon] {
                let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                let mark = byte == 0x2D || byte == 0x2A || byte == 0x2B || byte == 0x5F
                guard letter || mark || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x80 else { return false }
            }
            for byte in utf8[utf8.index(after: colon)...] {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x2A || byte == 0x5F { continue }
                return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
            }
            return false
        }

        /// `\(\s*(\d+)\s*\/\s*(\d+)\s*\)` somewhere in `line` (a byte outside ASCII where a space or digit
        /// could stand counts as one).
        static func bracketedFraction(_ line: String) -> Bool {
            let bytes = Array(line.utf8)
            var start = 0
            while let open = bytes[start...].firstIndex(of: UInt8(ascii: "(")) {
                start = open + 1
                var index = open + 1
                func spaces() {
                    while index < bytes.count, bytes[index] == 0x20 || (bytes[index] >= 0x09 && bytes[index] <= 0x0D) { index += 1 }
                }
                /// Digits read; nil when a byte outside ASCII stands where one could be.
                func digits() -> Int? {
                    let first = index
                    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                    return index < bytes.count && bytes[index] >= 0x80 ? nil : index - first
                }
                spaces()
                guard let before = digits() else { return true }
                guard before > 0 else { continue }
                spaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "/") || bytes[index] >= 0x80 else { continue }
                if bytes[index] >= 0x80 { return true }
                index += 1
                spaces()
                guard let after = digits() else { return true }
                guard after > 0 else { continue }
                spaces()
                if index < bytes.count, bytes[index] == UInt8(ascii: ")") || bytes[index] >= 0x80 { return true }
            }
            return false
        }

        /// `namedFractionPattern`: a `(`, a `/`, a `)`, and "phase", "task" or a T and a digit.
        static func namedFraction(_ line: String) -> Bool {
            var (open, slash, close, name) = (false, false, false, false)
            var previous: UInt8 = 0
            for byte in line.utf8 {
                switch byte {
                case UInt8(ascii: "("): open = true
                case UInt8(ascii: "/"): slash = true
                case UInt8(ascii: ")"): close = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): if previous == UInt8(ascii: "T") { name = true }
                default: break
                }
                previous = byte
            }
            guard open, slash, close, bracketedFraction(line) else { return false }
            if name { return true }
            let lower = QuickScan.lowercased(line)
            return QuickScan.contains(lower, Array("phase".utf8)) || QuickScan.contains(lower, Array("task".utf8))
        }
    }

    /// Stems of every noun and status word the patterns know (a line with none of them has no claim).
    static let keywords: [[UInt8]] = [
        "task", "item", "phase", "requirement", "stor", "check", "deliverable", "step", "milestone", "todo", "to-do",
        "complete", "done", "finished", "remaining", "pending", "open", "left", "outstanding", "progress",
        "started", "blocked", "cancel", "deferred", "total", "finish", "not started", "sub",
    ].map { Array($0.utf8) }

    private static let nouns =
        #"(?:sub-?tasks?|task groups?|tasks?|items?|phases?|requirements?|user stories|stories|story|checks?|deliverables?|steps?|milestones?|todos?|to-dos?)"#
    private static let statusWords =
        #"(?:completed|complete|done|finished|remaining|pending|open|left|outstanding|in progress|not started|blocked|cancelled|canceled|deferred|todo)"#

    /// A sentence in the document's header that names the document itself: "This plan breaks the work into 2 phases".
    nonisolated(unsafe) static let selfReference = /\b(?i:this|the)\s+(?i:plan|document|roadmap|file|tasks list|task list)\b/
    nonisolated(unsafe) static let subjectPattern = try! Regex<(Substring, Substring)>(
        #"^\s*(?:[-*+]\s+)?\**(T\d+(?:\.\d+)*|Phase \d+(?:\.\d+)*|Task \d+(?:\.\d+)*)\**\s*(?:\([^()]{1,60}\)\s*)?(?::|—|–|-\s)"#
    ).ignoresCase()
    nonisolated(unsafe) static let fractionPattern =
        try! Regex<(Substring, Substring, Substring, Substring)>(#"(\d+)\s*/\s*(\d+)\s+("# + nouns + ")").ignoresCase()
    nonisolated(unsafe) static let totalPattern = try! Regex<(Substring, Substring, Substring)>(
        #"(\d+)\s+total\s+("# + nouns + ")"
    ).ignoresCase()
    nonisolated(unsafe) static let trailingTotalPattern = try! Regex<(Substring, Substring, Substring)>(
        #"(\d+)\s+("# + nouns + #")\s+total\b"#
    ).ignoresCase()
    nonisolated(unsafe) static let labelledCountPattern = try! Regex<(Substring, Substring, Substring, Substring)>(
        "(" + statusWords + #")\s*:\s*(\d+)\s+("# + nouns + ")"
    ).ignoresCase()
    nonisolated(unsafe) static let statusCountPattern = try! Regex<(Substring, Substring, Substring, Substring?, Substring?)>(
        #"(\d+)\s+("# + statusWords + #")\b(?:\s+("# + nouns + #"))?(?:\s*\((\d+)\s*%\))?"#
    ).ignoresCase()
    nonisolated(unsafe) static let nounStatusPattern = try! Regex<(Substring, Substring, Substring, Substring)>(
        #"(\d+)\s+("# + nouns + #")\s+(?:total\s*[-–—,]\s*(?:all\s+)?)?("# + statusWords + ")"
    ).ignoresCase()
    nonisolated(unsafe) static let plainCountPattern = try! Regex<(Substring, Substring, Substring)>(
        #"(\d+)\s+("# + nouns + #")\b(?!\s+(?:per|each|of|a|an)\b)"#
    ).ignoresCase()
}
