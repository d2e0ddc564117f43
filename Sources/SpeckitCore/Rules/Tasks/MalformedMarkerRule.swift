/// `tasks.malformed-marker`: a list item whose checkbox is almost, but not quite, a checkbox.
struct MalformedMarkerRule: Rule {
    static let description = RuleDescription(
        id: .malformedMarker,
        title: "Malformed task checkbox",
        severity: .warning,
        rationale: """
            `[ x]`, `[]`, `[xx]`, `[✓]`, `[v]` or `-[x]` (no space after the bullet) look like checkboxes to a \
            person but not to GitHub or any parser, so the task silently drops out of every count. Write `[ ]` or `[x]`. \
            Each way of writing the box is reported once per document, with how many items share it. A status \
            legend's line (`- [!] **Blocked** - Cannot proceed`) defines a marker and is left alone.

            Warning: a sound heuristic. The item is almost always a mistyped checkbox, but it could be text that \
            looks like one.
            """,
        triggering: [
            RuleExample("# Tasks\n\n- ↓[ x] T1 Write the schema\n", messages: ["malformed checkbox [ x]; the item is not read"]),
            RuleExample("# Tasks\n\n- ↓[] T1 Write the schema\n", messages: ["malformed checkbox []; the item is not read as"]),
            RuleExample("# Tasks\n\n* ↓[xx] T1 Write the schema\n", messages: ["malformed checkbox [xx]; the item is not read"]),
            RuleExample("# Tasks\n\n- ↓[✓] T1 Write the schema\n", messages: ["malformed checkbox [✓]; the item is not read as"]),
            RuleExample("# Tasks\n\n-↓[x] T1 Write the schema\n", messages: ["malformed checkbox [x]; the item is not read as"]),
            RuleExample(
                "# Checks\n\n- ↓[✓] Schema\n- [✓] API\n- [✓] UI\n",
                messages: ["malformed checkbox [✓]; the item is not read as a task (nor 2 more"]),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Schema\n- [x] T2 API\n- [X] T3 UI\n- [~] T4 Docs\n- [P] T5 tagged\n"),
            RuleExample("# Tasks\n\n```markdown\n- [ x] shown as an example in code\n```\n"),
            RuleExample("# Tasks\n\nAn example:\n\n    - [ x] in an indented code block\n\n<!--\n- [ x] in a comment\n-->\n"),
            // A status legend defines its markers.
            RuleExample(
                "# Roadmap\n\n### Status Indicators\n- [ ] **Todo** - Not started\n- [x] **Completed** - Done\n"
                    + "- [!] **Blocked** - Cannot proceed\n- [~] **Deferred** - Moved to later phase\n"),
        ]
    )

    func check(_ context: RuleContext) {
        let vocabulary = context.settings.vocabulary
        for document in context.kit.documents {
            // One finding per way of writing the box: a list of `[✓]` items is one habit, not seven mistakes.
            var first: [String: (line: Int, offset: Int)] = [:]
            var counts: [String: Int] = [:]
            var order: [String] = []
            for (number, line) in context.proseLines(of: document) {
                guard let (offset, marker) = Self.malformedMarker(in: line) else { continue }
                // A legend's line defines the marker (`- [!] **Blocked** - Cannot proceed`): not a mistyped box.
                let after = line.dropFirst(offset + marker.count)
                if ListLegend.definedStatus(after, vocabulary: vocabulary) != nil { continue }
                if first[marker] == nil {
                    first[marker] = (number, offset)
                    order.append(marker)
                }
                counts[marker, default: 0] += 1
            }
            for marker in order {
                guard let place = first[marker] else { continue }
                let more = (counts[marker] ?? 1) - 1
                context.report(
                    "malformed checkbox \(marker); the item is not read as a task"
                        + (more > 0 ? " (nor \(more) more written the same way)" : ""),
                    at: context.range(in: document, line: place.line, offset: place.offset, length: marker.count),
                    fix: "write [ ] or [x]")
            }
        }
    }

    /// Characters people put in a box meaning "done" or "some state" that no parser reads.
    static let lookAlikes: Set<Character> = ["✓", "✔", "✗", "✘", "v", "V", "*", "?", ">", "!"]

    /// The character offset and text of a malformed marker opening a list item (`- [ x] …`, `-[x] …`), if any.
    static func malformedMarker(in line: Substring) -> (Int, String)? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        // The indentation's length, counted alone (not the whole line twice).
        guard line.distance(from: line.startIndex, to: rest.startIndex) <= 12, let bullet = rest.first else { return nil }
        if bullet == "-" || bullet == "*" || bullet == "+" {
            rest = rest.dropFirst()
        } else if bullet.isASCII, bullet.isNumber {
            rest = rest.drop { $0.isASCII && $0.isNumber }
            guard rest.first == "." || rest.first == ")" else { return nil }
            rest = rest.dropFirst()
        } else {
            return nil
        }
        let glued = rest.first == "["
        guard glued || rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        let inside = rest[rest.index(after: rest.startIndex)..<close]
        let after = rest[rest.index(after: close)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let valid = inside == " " || inside == "x" || inside == "X"
        let boxy = inside.count <= 4 && inside.allSatisfy { $0 == " " || $0 == "x" || $0 == "X" }
        let lookAlike = inside.count == 1 && lookAlikes.contains(inside.first!)
        guard (glued && valid) || (!valid && (boxy || lookAlike)) else { return nil }
        let offset = line.distance(from: line.startIndex, to: rest.startIndex)
        return (offset, String(rest[...close]))
    }
}
