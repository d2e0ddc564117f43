import Foundation

/// Readers for the lists and small values inside a phase or task entry.
enum StructuredLists {
    /// Keys that carry the text of an item written as a mapping (`- {text: …, done: true}`).
    private static let itemTexts: Set<String> = ["text", "title", "name", "description", "criterion", "item", "id"]
    private static let itemChecks: Set<String> = ["done", "checked", "met", "passed", "complete", "completed"]

    /// The entries of a phase or task list: a sequence's items; nothing for `tasks:` left empty; or, for a
    /// mapping of mappings keyed by id (`tasks: {T1: {…}}`), each value with its key as default id.
    /// Nil when the value is none of these.
    static func entries(_ value: PlanValue) -> [PlanValue]? {
        if let items = value.items { return items }
        if value.isNull { return [] }
        guard let pairs = value.pairs, !pairs.isEmpty, pairs.allSatisfy({ $0.value.pairs != nil }) else { return nil }
        return pairs.map { $0.value.withDefaultID($0.key, line: $0.keyLine, column: $0.keyColumn) }
    }

    /// The texts of a scalar or of a list's items (a mapping item gives its `text`/`title`/`name`).
    /// With `splittingCommas`, `"a, b"` gives two texts.
    static func texts(_ value: PlanValue, splittingCommas: Bool = false) -> [(text: String, value: PlanValue)] {
        let items = value.items ?? [value]
        return items.flatMap { item -> [(text: String, value: PlanValue)] in
            guard let text = item.nonNullText ?? item.value(forAny: itemTexts)?.nonNullText else { return [] }
            guard splittingCommas else { return [(text, item)] }
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map { ($0, item) }
        }
    }

    /// Acceptance criteria: a list of strings (or of `{text:, done:}` mappings), or one string.
    static func criteria(_ value: PlanValue, source: SourceText) -> [AcceptanceCriterion] {
        texts(value).map { text, item in
            AcceptanceCriterion(
                text: text, style: .checklist, label: "acceptance",
                checked: item.value(forAny: itemChecks)?.bool, range: source.range(of: item))
        }
    }

    /// A key the parser has no use for, kept as fields: a scalar as itself, a list of scalars joined with
    /// ", ", a mapping's scalar entries as `key.entry`. Deeper structure is left out.
    static func fields(key: String, value: PlanValue, source: SourceText) -> [Field] {
        switch value.kind {
        case .scalar:
            guard let text = value.nonNullText else { return [] }
            return [Field(key: key, value: text, range: source.range(of: value))]
        case .sequence(let items):
            let texts = items.compactMap(\.nonNullText)
            guard !texts.isEmpty, texts.count == items.count else { return [] }
            return [Field(key: key, value: texts.joined(separator: ", "), range: source.range(of: value))]
        case .mapping(let pairs):
            return pairs.compactMap { pair in
                pair.value.nonNullText.map { Field(key: "\(key).\(pair.key)", value: $0, range: source.range(of: pair.value)) }
            }
        }
    }
}

extension PlanValue {
    /// An entry keyed by id (`T1: {…}`): the mapping, placed where its key was written, with `id: <key>`
    /// added in front when it has no id of its own.
    func withDefaultID(_ id: String, line: Int, column: Int) -> PlanValue {
        guard var pairs else { return self }
        if !pairs.contains(where: { StructuredKeys.role(of: $0.key) == .id }) {
            pairs.insert(Pair(key: "id", value: PlanValue(.scalar(id, plain: false), line: line, column: column)), at: 0)
        }
        return PlanValue(.mapping(pairs), line: line, column: column, endLine: max(endLine, line))
    }
}
