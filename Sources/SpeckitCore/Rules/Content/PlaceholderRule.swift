/// `content.placeholder`: template text nobody filled in.
struct PlaceholderRule: Rule {
    static let description = RuleDescription(
        id: .placeholder,
        title: "Unfilled placeholder",
        severity: .warning,
        rationale: """
            Unreplaced template tokens (`{{name}}`, `[PROJECT_NAME]`), TBD/TKTK/FIXME/`TODO:` notes and Spec Kit's \
            `[NEEDS CLARIFICATION: …]` mean the document is not finished. Text inside code is left alone, and so \
            is what real plans showed to be deliberate: a TBD in a table cell or deferred on purpose ("TBD during \
            planning", "TBD (requires usage analysis)"), the template's own guidance (`[NEEDS CLARIFICATION: \
            specific question]`), elided code in examples, a token the text names rather than holds (in quotes, \
            after "e.g.", "marked as" or "placeholders"), a tag after a question that says who answers it \
            ("…or mocked? [REQUIRES TECH LEAD]"), a path pattern (`feature/[###-name]`), and the `{{slots}}` of a \
            document that shows its template in a code block. A document still holding five or more template \
            tokens is one unfilled template: it is reported once, with the count.

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
                "# ↓[PROJECT_NAME] Constitution\n\n## [PRINCIPLE_1_NAME]\n\n[PRINCIPLE_1_DESCRIPTION]\n\n## [PRINCIPLE_2_NAME]\n\n"
                    + "[PRINCIPLE_2_DESCRIPTION]\n",
                path: ".specify/memory/constitution.md",
                messages: ["template token '[PROJECT_NAME]' left in the document, and 4 more: the document is still its template"]),
            // Spec Kit's spec template never run through /specify: one finding, its example questions included.
            RuleExample(
                "# Feature Specification: ↓[FEATURE NAME]\n\n**Input**: User description: \"$ARGUMENTS\"\n\n## Requirements\n\n"
                    + "- **FR-006**: System MUST authenticate users via [NEEDS CLARIFICATION: auth method not specified]\n",
                path: "specs/001-a/spec.md",
                messages: ["template token '[FEATURE NAME]' left in the document, and 2 more: the document is still its template"]),
            // Spec Kit's italic placeholders, each once: not a token, a note and an italic bracket at one place.
            RuleExample(
                "# Report\n\nReviewed on: ↓_[Date]_\nApprover: ↓_[To be filled]_\nSign-off: ↓_[TBD]_\n",
                messages: ["'_[Date]_'", "'_[To be filled]_'", "'_[TBD]_'"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\nTemplates use `{{name}}` tokens; see the [README](README.md).\n\n- [ ] T1 [P] [US1] Build\n"),
            RuleExample("# Plan\n\n```swift\nlet values = [1, 2, 3]\n    // ... (rest unchanged)\n```\n"),
            // Deliberate: a table's TBD cell, a deferral, the template's own guidance.
            RuleExample(
                "# Plan\n\n| Metric | Current |\n| --- | --- |\n| p95 | TBD |\n\nThe design is TBD during planning.\n\n"
                    + "Use [NEEDS CLARIFICATION: specific question] for any assumption.\n"),
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
            // Tokens the text names: quoted, as an example, "marked as", "placeholders (…)".
            RuleExample(
                "# Story\n\nPatterns detected:\n\n- \"TODO: ...\"\n- \"Action item:\"\n- `allowed_markers`: markers allowed (e.g., [\"[REQUIRES SPIKE]\", \"[REQUIRES ADR]\"])\n"
                    + "- Commit format: \"chore(deps): update {{depName}} to {{newValue}}\"\n"
                    + "- [x] Constraints marked as [CUSTOMIZE PER PRODUCT]\n- Templates hold Handlebars-style placeholders ({{VARIABLE}})\n"
            ),
            // A tag closing a question says who answers it; a TBD with its reason is deferred; a branch pattern.
            RuleExample(
                "# Task\n\n## Open Questions\n\n1. Real handshake or a mocked client? [REQUIRES TECH LEAD]\n"
                    + "2. What timeout? Homebrew can be slow. [CLARIFY BEFORE START]\n\n"
                    + "**Probability**: TBD (requires usage analysis)\n\n- **feature/[###-name]**: feature branches\n"),
            // A document that shows its template in a code block talks about the template's slots.
            RuleExample(
                "# Create Story Task\n\n```markdown\n# Story {{Title}}\n\nAs a {{user_type}}\n```\n\n"
                    + "Criteria:\n\n1. Existing {{affected feature}} keeps working\n"),
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
    /// What follows a TBD that defers it on purpose: "TBD during planning", "TBD in the Tech Spec phase".
    nonisolated(unsafe) static let deferral =
        /^\s*\(?(?:during|in|after|until|once|when|by|at|per|pending|requires?|needs?|to be|awaiting|depends)\b/
    /// What comes just before a token the text names rather than holds: "e.g.", "such as", "marked as",
    /// "placeholders (".
    nonisolated(unsafe) static let naming =
        /(?i)(?:\b(?:e\.g\.|i\.e\.|such as|like|marked|tagged|labell?ed|flagged)(?:\s+(?:as|with))?|\b(?:placeholders?|markers?|tokens?|syntax))\W{0,4}$/

    /// A found placeholder, held until the document is read so that an unfilled template is reported once.
    private struct Found {
        var token: String, what: String, line: Int, text: String, range: Range<String.Index>
    }

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            var found: [Found] = []
            let showsTemplate = Self.showsTemplate(document, context)
            func report(
                _ token: String, _ what: String, _ document: Document, _ line: Int, _ text: String, _ range: Range<String.Index>,
                _ context: RuleContext
            ) {
                found.append(Found(token: token, what: what, line: line, text: text, range: range))
            }
            for (number, line) in context.proseLines(of: document) {
                let clues = Clues(line)
                guard !clues.isEmpty else { continue }
                let (braces, token, note) = (clues.contains(.braces), clues.contains(.token), clues.contains(.note))
                let (question, italic, input) = (clues.contains(.question), clues.contains(.italic), clues.contains(.input))
                let text = Self.blankingCodeSpans(line)
                if Self.mayMention(text), text.firstMatch(of: Self.mention) != nil { continue }
                let marks = LineMarks(text)
                let named = { (range: Range<String.Index>) in Self.isNamed(text, range, marks) }
                // One finding per place: `_[TBD]_` is one placeholder, not a token, a note and an italic bracket.
                var taken: [Range<String.Index>] = []
                // At most `perLine` places a line (a generated line of thousands of tokens stays linear).
                func fresh(_ range: Range<String.Index>) -> Bool {
                    guard taken.count < Self.perLine, !taken.contains(where: { $0.overlaps(range) }) else { return false }
                    taken.append(range)
                    return true
                }
                if italic {
                    for match in text.matches(of: Self.italicBracket) {
                        let range = match.output.token.startIndex..<match.output.token.endIndex
                        if !named(range), fresh(range) {
                            report(String(match.output.token), "template token", document, number, text, range, context)
                        }
                    }
                }
                if input, let range = text.range(of: Self.specKitInput), fresh(range) {
                    report(Self.specKitInput, "template token", document, number, text, range, context)
                }
                if braces {
                    for match in text.matches(of: Self.mustache) where !showsTemplate && !named(match.range) && fresh(match.range) {
                        report(String(match.0), "template token", document, number, text, match.range, context)
                    }
                }
                if token {
                    // `[[FRONTEND ONLY]]` marks a conditional section of a template, not a blank to fill.
                    // A tag closing a question ("…mocked? [REQUIRES TECH LEAD]") says who answers it; a token in a
                    // path (`feature/[###-name]`) is a pattern.
                    for match in text.matches(of: Self.capsToken)
                    where !Self.isWrapped(text, match.range, "[", "]") && !Self.followsQuestion(text, match.range, marks)
                        && !Self.follows(text, match.range, "/") && !named(match.range) && fresh(match.range)
                    {
                        report(String(match.0), "template token", document, number, text, match.range, context)
                    }
                }
                if question, let range = text.range(of: "[NEEDS CLARIFICATION:") ?? text.range(of: "[NEEDS CLARIFICATION "),
                    fresh(range)
                {
                    let end = text[range.upperBound...].firstIndex(of: "]").map { text.index(after: $0) } ?? text.endIndex
                    // The template's own guidance names the marker with a stand-in question.
                    if text[range.upperBound..<end].lowercased().contains("specific question") { continue }
                    report(
                        String(text[range.lowerBound..<end]), "open question", document, number, text,
                        range.lowerBound..<end, context)
                }
                if note {
                    // `TASK-XXX`, `TODO-HLS-005` are ids (an unnumbered one is still an id), not notes.
                    // A TBD in a table cell is a value still to measure; "TBD during planning" is deferred on purpose.
                    let tableRow = text.drop { $0 == " " }.hasPrefix("|")
                    for match in text.matches(of: Self.note)
                    where !Self.follows(text, match.range, "-") && !text[match.range.upperBound...].hasPrefix("-")
                        && !(tableRow && match.0 == "TBD") && text[match.range.upperBound...].firstMatch(of: Self.deferral) == nil
                        && !named(match.range) && fresh(match.range)
                    {
                        report(String(match.0), "unfinished note", document, number, text, match.range, context)
                    }
                }
            }
            let tokens = found.filter { $0.what == "template token" }
            // Spec Kit's `/specify` replaces `$ARGUMENTS` first: a spec still holding it is the template itself,
            // its example questions included ("authenticate users via [NEEDS CLARIFICATION: auth method …]").
            if let input = tokens.first(where: { $0.token == Self.specKitInput }), let first = found.first {
                emit(first.token == input.token ? first : tokens[0], more: found.count - 1, document, context)
                continue
            }
            let template = tokens.count >= Self.templateCount
            for item in found {
                if template, item.what == "template token", item.line != tokens[0].line || item.range != tokens[0].range { continue }
                let more = template && item.what == "template token" ? tokens.count - 1 : 0
                emit(item, more: more, document, context)
            }
        }
    }

    /// The slot of Spec Kit's templates that `/specify` fills with the user's description.
    static let specKitInput = "$ARGUMENTS"

    /// The most placeholders read on one line.
    static let perLine = 64

    /// How many template tokens make a document an unfilled template, reported once.
    static let templateCount = 5

    private func emit(_ item: Found, more: Int, _ document: Document, _ context: RuleContext) {
        let (token, what, text, range) = (item.token, item.what, item.text, item.range)
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        let length = text.distance(from: range.lowerBound, to: range.upperBound)
        let suffix = more > 0 ? ", and \(more) more: the document is still its template" : ""
        context.report(
            "\(what) '\(token)' left in the document\(suffix)",
            at: context.range(in: document, line: item.line, offset: offset, length: length),
            fix: "replace it with the real text")
    }

    /// What a line needs for each kind of placeholder, found in one pass over its bytes (most lines have none
    /// and cost only that pass). Each is a necessary condition of the pattern it guards.
    struct Clues: OptionSet {
        let rawValue: UInt8
        /// `{{`: a mustache token.
        static let braces = Clues(rawValue: 1)
        /// A bracketed run of three or more capitals, digits, `_`, `-`, spaces or `#` shaped as `capsToken`
        /// wants it (`[PROJECT_NAME]`, `[###-feature]`, `[DATE]`): what a template token needs, and what
        /// `[P]` and `[US1]` are not.
        static let token = Clues(rawValue: 2)
        /// TBD, TKTK, FIXME, XXX or TODO.
        static let note = Clues(rawValue: 4)
        /// `[NEEDS`.
        static let question = Clues(rawValue: 8)
        /// `_[` or `*[`.
        static let italic = Clues(rawValue: 16)
        /// `$ARGUMENTS`.
        static let input = Clues(rawValue: 32)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ line: Substring) {
            var line = line
            self = line.withUTF8 { Clues(bytes: $0) }
        }

        init(bytes: UnsafeBufferPointer<UInt8>) {
            var clues: Clues = []
            let count = bytes.count
            func has(_ word: StaticString, at index: Int) -> Bool {
                let length = word.utf8CodeUnitCount
                guard index + length <= count else { return false }
                let start = word.utf8Start
                for offset in 0..<length where bytes[index + offset] != start[offset] { return false }
                return true
            }
            // A bracketed run, and one shaped as `capsToken` wants; `[###` lets the regex look at the line
            // whenever a run is there.
            var (run, shaped, hashes) = (false, false, false)
            var index = 0
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: "{"):
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "{") { clues.insert(.braces) }
                case UInt8(ascii: "["):
                    if has("[NEEDS", at: index) { clues.insert(.question) }
                    if has("[###", at: index) { hashes = true }
                    if index + 1 < count, (bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A) || bytes[index + 1] == UInt8(ascii: "#") {
                        var end = index + 1
                        var separated = false
                        while end < count, Self.isTokenByte(bytes[end]) {
                            separated = separated || bytes[end] == 0x5F || bytes[end] == 0x20
                            end += 1
                        }
                        if end < count, bytes[end] == UInt8(ascii: "]"), end - index - 1 >= 3 {
                            run = true
                            let inner = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                            if separated || bytes[index + 1] == UInt8(ascii: "#") || Self.words.contains(where: { $0.elementsEqual(inner) })
                            {
                                shaped = true
                            }
                        }
                    }
                case UInt8(ascii: "_"), UInt8(ascii: "*"):
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "[") { clues.insert(.italic) }
                case UInt8(ascii: "$"):
                    if has("$ARGUMENTS", at: index) { clues.insert(.input) }
                case UInt8(ascii: "T"):
                    if has("TBD", at: index) || has("TKTK", at: index) || has("TODO", at: index) { clues.insert(.note) }
                case UInt8(ascii: "F"):
                    if has("FIXME", at: index) { clues.insert(.note) }
                case UInt8(ascii: "X"):
                    if has("XXX", at: index) { clues.insert(.note) }
                default: break
                }
                index += 1
            }
            if shaped || (run && hashes) { clues.insert(.token) }
            self = clues
        }

        /// The words `capsToken` takes alone in brackets.
        static let words = ["DATE", "NAME", "TITLE", "DESCRIPTION", "AUTHOR", "OWNER", "PLACEHOLDER", "TODO", "TBD"].map { Array($0.utf8) }

        private static func isTokenByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x20 || byte == 0x23
                || byte == 0x2D || (byte >= 0x61 && byte <= 0x7A)
        }
    }

    /// Whether the token at `range` is named rather than held: inside a quoted string, or just after "e.g.",
    /// "marked as", "placeholders (" and the like.
    static func isNamed(_ text: String, _ range: Range<String.Index>, _ marks: LineMarks) -> Bool {
        let straight = marks.count(marks.straightQuotes, before: range.lowerBound)
        if straight % 2 == 1, straight < marks.straightQuotes.count { return true }
        if marks.count(marks.openingQuotes, before: range.lowerBound) > marks.count(marks.closingQuotes, before: range.lowerBound) {
            return true
        }
        return text[..<range.lowerBound].suffix(40).firstMatch(of: naming) != nil
    }

    /// Whether the token closes a line that asks a question ("…or mocked? [REQUIRES TECH LEAD]", "What timeout?
    /// Homebrew can be slow. [CLARIFY BEFORE START]"): it tags the question with who answers it.
    static func followsQuestion(_ text: String, _ range: Range<String.Index>, _ marks: LineMarks) -> Bool {
        guard let question = marks.firstQuestion, question < range.lowerBound else { return false }
        return text[range.upperBound...].allSatisfy { $0 == " " || $0 == "*" || $0 == "_" }
    }

    /// Where a line's quotes and first question mark stand, found in one pass, so that each token's checks cost
    /// a binary search rather than a scan of the line before it (a line of 5,000 tokens stays linear).
    struct LineMarks {
        var straightQuotes: [String.Index] = []
        var openingQuotes: [String.Index] = []
        var closingQuotes: [String.Index] = []
        var firstQuestion: String.Index?

        init(_ text: String) {
            var index = text.startIndex
            while index < text.endIndex {
                switch text[index] {
                case "\"": straightQuotes.append(index)
                case "“": openingQuotes.append(index)
                case "”": closingQuotes.append(index)
                case "?": if firstQuestion == nil { firstQuestion = index }
                default: break
                }
                index = text.index(after: index)
            }
        }

        /// How many of `marks` (sorted) stand before `index`.
        func count(_ marks: [String.Index], before index: String.Index) -> Int {
            var (low, high) = (0, marks.count)
            while low < high {
                let middle = (low + high) / 2
                if marks[middle] < index { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// What `mention` needs: "no", "zero" or "without", and "marker", "comment", "placeholder", "token" or
    /// "note" (ASCII letters, any case).
    static func mayMention(_ text: String) -> Bool {
        let lower = QuickScan.lowercased(text)
        return Self.negations.contains { QuickScan.contains(lower, $0) } && Self.mentioned.contains { QuickScan.contains(lower, $0) }
    }

    static let negations = ["no", "zero", "without"].map { Array($0.utf8) }
    static let mentioned = ["marker", "comment", "placeholder", "token", "note"].map { Array($0.utf8) }

    /// Whether the document shows a template in a fenced code block (a `{{slot}}` inside one): its prose then
    /// talks about the template's slots ("Existing {{affected feature}} keeps working") rather than holding blanks.
    static func showsTemplate(_ document: Document, _ context: RuleContext) -> Bool {
        context.codeLines(of: document).contains { $0.text.contains("{{") }
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
