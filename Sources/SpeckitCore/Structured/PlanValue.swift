/// A YAML or JSON value as the structured parser reads it: mappings keep their keys in the order they
/// were written, and every value remembers the line and column it started at.
///
/// Scalars stay text; `jsonValue` decides what is a number, a boolean or null.
struct PlanValue: Sendable {
    enum Kind: Sendable {
        /// A scalar's text; `plain` is false for quoted or block scalars and for explicitly tagged ones.
        case scalar(String, plain: Bool)
        case sequence([PlanValue])
        case mapping([Pair])
    }

    /// One `key: value` entry of a mapping.
    struct Pair: Sendable {
        var key: String
        var value: PlanValue
        /// Where the key was written (the value of a block mapping starts on a later line).
        var keyLine: Int
        var keyColumn: Int

        init(key: String, value: PlanValue, keyLine: Int? = nil, keyColumn: Int? = nil) {
            self.key = key
            self.value = value
            self.keyLine = keyLine ?? value.line
            self.keyColumn = keyColumn ?? value.column
        }
    }

    var kind: Kind
    /// 1-based line of the value's first character.
    var line: Int
    /// 1-based column (in Unicode scalars of the parsed text).
    var column: Int
    /// The last line the value or anything inside it starts on.
    var endLine: Int

    init(_ kind: Kind, line: Int, column: Int, endLine: Int? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
    }

    /// The text of a scalar, or nil for a collection.
    var text: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The text of a scalar that is not a YAML null (`~`, `null`, empty).
    var nonNullText: String? {
        guard case .scalar(let text, let plain) = kind else { return nil }
        if plain, PlanScalar.isNull(text) { return nil }
        return text
    }

    /// Whether this is a plain `true`/`false`, and which.
    var bool: Bool? {
        guard case .scalar(let text, true) = kind else { return nil }
        return PlanScalar.bool(text)
    }

    /// Whether this is a plain scalar that reads as a number.
    var isNumber: Bool {
        guard case .scalar(let text, true) = kind else { return false }
        return PlanScalar.number(text) != nil
    }

    /// Whether this is a YAML null, written or implied (`key:` with nothing after it).
    var isNull: Bool {
        guard case .scalar(let text, true) = kind else { return false }
        return PlanScalar.isNull(text)
    }

    /// The items of a sequence, or nil.
    var items: [PlanValue]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The entries of a mapping, or nil.
    var pairs: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The first entry whose folded key is one of `names` (see `StructuredKeys.fold`).
    func value(forAny names: Set<String>) -> PlanValue? {
        pairs?.first { names.contains(StructuredKeys.fold($0.key)) }?.value
    }

    /// The value as JSON with every scalar as the text it is written as, but a plain null (`~`, `null`,
    /// nothing): for documents whose values are all text, such as `generate`'s parameters.
    var textJSONValue: JSONValue {
        switch kind {
        case .scalar(let text, let plain):
            return plain && PlanScalar.isNull(text) ? .null : .string(text)
        case .sequence(let items):
            return .array(items.map(\.textJSONValue))
        case .mapping(let pairs):
            return .object(pairs.map { JSONValue.KeyValue($0.key, $0.value.textJSONValue) })
        }
    }

    /// The value as JSON: plain `true`/`false` become booleans, plain numbers numbers, `~`/`null`/empty null;
    /// quoted scalars stay strings. Depth is bounded by the reader, so recursion here is safe.
    var jsonValue: JSONValue {
        switch kind {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            if PlanScalar.isNull(text) { return .null }
            if let flag = PlanScalar.bool(text) { return .bool(flag) }
            if let number = PlanScalar.number(text) { return .number(number) }
            return .string(text)
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(pairs.map { JSONValue.KeyValue($0.key, $0.value.jsonValue) })
        }
    }
}

/// How plain scalars are typed: the YAML 1.2 core schema (so `yes`, `no`, `on` and `off` stay words).
enum PlanScalar {
    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A decimal number (`3`, `-1.5`, `2e3`); not `1.2.3`, hex, `.inf` or `nan`.
    static func number(_ text: String) -> Double? {
        guard text.wholeMatch(of: numberPattern) != nil, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Built once: a regex literal inside a function is compiled again on every call (and the Swift runtime
    /// leaks a little of each compilation), which a fuzzed YAML file with 100,000 aliased scalars turned
    /// into seconds.
    nonisolated(unsafe) private static let numberPattern = /[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?/
}
