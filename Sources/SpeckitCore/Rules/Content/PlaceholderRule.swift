/// `content.placeholder`: template text nobody filled in, and code that was elided instead of written.
struct PlaceholderRule: Rule {
    static let description = RuleDescription(
        id: .placeholder,
        title: "Unfilled placeholder",
        severity: .warning,
        rationale: """
            Unreplaced template tokens (`{{name}}`, `[PROJECT_NAME]`), TBD/TKTK/FIXME/`TODO:` notes, Spec Kit's \
            `[NEEDS CLARIFICATION: …]` and elided code (`// ... (rest unchanged)`) mean the document is not \
            finished. Text inside inline code is left alone.

            Warning: a sound heuristic. The token shapes are the templates' own, but a bracketed capital word can be \
            real text.
            """,
        triggering: [
            RuleExample("# ↓{{project_name}} Constitution\n\n## Principles\n", messages: ["template token '{{project_name}}' left in the"]),
            RuleExample(
                "# Spec\n\n- **FR-006**: System MUST authenticate users via ↓[NEEDS CLARIFICATION: auth method?]\n",
                messages: ["open question '[NEEDS CLARIFICATION: auth"]),
            RuleExample(
                "# Plan: ↓[FEATURE_NAME]\n\n## Summary\n\n↓TBD\n",
                messages: ["template token '[FEATURE_NAME]' left in the", "unfinished note 'TBD' left in the document"]),
            RuleExample(
                "# Plan\n\n```swift\nfunc run() {\n    ↓// ... (rest unchanged)\n}\n```\n",
                messages: ["elided code '// ... (rest' left in the document"]),
            // Spec Kit's italic placeholders, each once: not a token, a note and an italic bracket at one place.
            RuleExample(
                "# Report\n\nReviewed on: ↓_[Date]_\nApprover: ↓_[To be filled]_\nSign-off: ↓_[TBD]_\n",
                messages: ["'_[Date]_'", "'_[To be filled]_'", "'_[TBD]_'"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\nTemplates use `{{name}}` tokens; see the [README](README.md).\n\n- [ ] T1 [P] [US1] Build\n"),
            RuleExample("# Plan\n\n```swift\nlet values = [1, 2, 3]\n```\n"),
            // Spec Kit's review checklist talks about the markers; it does not hold one.
            RuleExample("# Checklist\n\n- [x] No [NEEDS CLARIFICATION] markers remain\n- [x] No TODO or FIXME comments remain\n"),
            // Placeholders shown in code, fenced, indented or inline, are examples.
            RuleExample("# Plan\n\n```yaml\nname: [PROJECT_NAME]\n```\n\n    owner: {{owner}}\n\nRun `init [PROJECT_NAME]`.\n"),
            // An id that starts with TODO is not a note.
            RuleExample(
                "# Tasks\n\n- [x] **TODO-050**: Generate the epic\n- [x] **TODO-HLS-005-002**: Generate US-021\n- **TASK-XXX:** Set up the server\n"
            ),
            // A template's conditional-section marker is not a blank to fill.
            RuleExample("# Checklist\n\n- [ ] [[BROWNFIELD ONLY]] Existing functionality preserved\n"),
            // Bold brackets are labels and ids, not italic placeholders.
            RuleExample("# Tasks\n\n- [ ] **[P0]** Set up the project\n\n**[DDMS-DEP-010]** The system _shall_ run on-premises.\n"),
        ]
    )

    nonisolated(unsafe) static let capsToken =
        /\[(?!NEEDS CLARIFICATION\])(?:[A-Z][A-Z0-9]*(?:[_ ][A-Z0-9#]+)+|###[^\]]*|DATE|NAME|TITLE|DESCRIPTION|AUTHOR|OWNER|PLACEHOLDER|TODO|TBD)\](?![(:\[])/
    nonisolated(unsafe) static let note = /\b(?:TBD|TKTK|FIXME|XXX(?=:)|TODO(?=\s*[:(]|\s+-\s))\b/
    /// An italic bracket, Spec Kit's placeholder style: `_[To be filled]_`, `*[Date]*`, `_[TBD]_`; never a bold
    /// one (`**[P0]**`, `**[REQ-010]**` are labels and ids).
    nonisolated(unsafe) static let italicBracket = /(?:^|[^\w\]*_])(?<token>([_*])\[[^\[\]\n]{1,80}\]\2)(?![\w(\[*_])/
    /// A line that talks about placeholders rather than holding one: "No [NEEDS CLARIFICATION] markers remain",
    /// "No TODO or FIXME comments remain" (a review checklist's item).
    nonisolated(unsafe) static let mention =
        /(?i)\b(?:no|zero|without)\b.{0,80}\b(?:markers?|comments?|placeholders?|tokens?|notes?)\b/
    nonisolated(unsafe) static let mustache = /\{\{[^{}]{0,80}\}\}/
    nonisolated(unsafe) static let elided =
        /(?:\/\/|#|\/\*|<!--|--|;)\s*(?:\.\.\.|…)\s*\(?\s*(?:rest|existing|unchanged|remaining|same|omitted|previous|other|more|code|etc)\b/

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for (number, line) in context.proseLines(of: document) {
                let braces = QuickScan.containsExact(line, Self.braces)
                let token = Self.hasCapsToken(line)
                let note = Self.noteWords.contains { QuickScan.containsExact(line, $0) }
                let question = QuickScan.containsExact(line, Self.needs)
                let italic = line.contains("_[") || line.contains("*[")
                guard braces || token || note || question || italic else { continue }
                let text = Self.blankingCodeSpans(line)
                if text.firstMatch(of: Self.mention) != nil { continue }
                // One finding per place: `_[TBD]_` is one placeholder, not a token, a note and an italic bracket.
                var taken: [Range<String.Index>] = []
                func fresh(_ range: Range<String.Index>) -> Bool {
                    guard !taken.contains(where: { $0.overlaps(range) }) else { return false }
                    taken.append(range)
                    return true
                }
                if italic {
                    for match in text.matches(of: Self.italicBracket) {
                        let range = match.output.token.startIndex..<match.output.token.endIndex
                        if fresh(range) { report(String(match.output.token), "template token", document, number, text, range, context) }
                    }
                }
                if braces {
                    for match in text.matches(of: Self.mustache) where fresh(match.range) {
                        report(String(match.0), "template token", document, number, text, match.range, context)
                    }
                }
                if token {
                    // `[[FRONTEND ONLY]]` marks a conditional section of a template, not a blank to fill.
                    for match in text.matches(of: Self.capsToken)
                    where !Self.isWrapped(text, match.range, "[", "]") && fresh(match.range) {
                        report(String(match.0), "template token", document, number, text, match.range, context)
                    }
                }
                if question, let range = text.range(of: "[NEEDS CLARIFICATION:") ?? text.range(of: "[NEEDS CLARIFICATION "),
                    fresh(range)
                {
                    let end = text[range.upperBound...].firstIndex(of: "]").map { text.index(after: $0) } ?? text.endIndex
                    report(
                        String(text[range.lowerBound..<end]), "open question", document, number, text,
                        range.lowerBound..<end, context)
                }
                if note {
                    // `TASK-XXX`, `TODO-HLS-005` are ids (an unnumbered one is still an id), not notes.
                    for match in text.matches(of: Self.note)
                    where !Self.follows(text, match.range, "-") && !text[match.range.upperBound...].hasPrefix("-") && fresh(match.range) {
                        report(String(match.0), "unfinished note", document, number, text, match.range, context)
                    }
                }
            }
            for (number, line) in context.codeLines(of: document) where line.contains("...") || line.contains("…") {
                let text = String(line)
                if let match = text.firstMatch(of: Self.elided) {
                    report(String(match.0), "elided code", document, number, text, match.range, context)
                }
            }
        }
    }

    private func report(
        _ token: String, _ what: String, _ document: Document, _ line: Int, _ text: String,
        _ range: Range<String.Index>, _ context: RuleContext
    ) {
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        let length = text.distance(from: range.lowerBound, to: range.upperBound)
        context.report(
            "\(what) '\(token)' left in the document",
            at: context.range(in: document, line: line, offset: offset, length: length),
            fix: what == "elided code" ? "write the code out in full" : "replace it with the real text")
    }

    static let braces = Array("{{".utf8), needs = Array("[NEEDS".utf8)
    static let noteWords: [[UInt8]] = ["TBD", "TKTK", "FIXME", "XXX", "TODO"].map { Array($0.utf8) }

    /// A bracketed run of three or more capitals, digits, `_`, `-`, spaces or `#` (`[PROJECT_NAME]`,
    /// `[###-feature]`): what a template token needs, and what `[P]` and `[US1]` are not.
    static func hasCapsToken(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count,
                (bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A) || bytes[index + 1] == UInt8(ascii: "#")
            {
                var end = index + 1
                while end < bytes.count, Self.isTokenByte(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end - index - 1 >= 3 { return true }
                index = end
            } else {
                index += 1
            }
        }
        return false
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x20 || byte == 0x23
            || byte == 0x2D || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether the text just before `range` is `before` and just after it is `after`.
    static func isWrapped(_ text: String, _ range: Range<String.Index>, _ before: Character, _ after: Character) -> Bool {
        follows(text, range, before) && range.upperBound < text.endIndex && text[range.upperBound] == after
    }

    /// Whether the character just before `range` is `character`.
    static func follows(_ text: String, _ range: Range<String.Index>, _ character: Character) -> Bool {
        range.lowerBound > text.startIndex && text[text.index(before: range.lowerBound)] == character
    }

    /// The line with the contents of inline code spans replaced by spaces (offsets are kept).
    static func blankingCodeSpans(_ line: Substring) -> String {
        guard line.contains("`") else { return String(line) }
        var out = ""
        var inCode = false
        for character in line {
            if character == "`" {
                inCode.toggle()
                out.append(character)
            } else {
                out.append(inCode ? " " : character)
            }
        }
        return out
    }
}
