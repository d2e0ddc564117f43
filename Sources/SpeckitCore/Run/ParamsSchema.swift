import Foundation

/// A run template's parameter schema: the JSON Schema (draft 2020-12) a UI renders its form from, and what
/// `speckit run` checks parameters against before any work.
///
/// Only the keywords the shipped schemas use are understood; a schema with any other keyword is refused
/// when it is read, so nothing a schema says is silently left unchecked.
public struct ParamsSchema: Sendable {
    /// One thing wrong with the parameters, at a JSON path (`$.goals[2]`).
    public struct Problem: Codable, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String

        public var description: String { "\(path): \(message)" }
    }

    /// The keywords the checker understands: the ones that constrain a value, and annotations it reads past.
    static let constraints: Set<String> = [
        "type", "properties", "required", "additionalProperties", "enum",
        "minLength", "maxLength", "pattern", "not", "items", "minItems", "maxItems",
        "uniqueItems", "minimum", "maximum",
    ]
    /// What a required property that is missing is told.
    static let missingMessage = "is required and missing"
    /// At most this many problems are listed; the rest are counted.
    public static let maxProblems = 50
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "default", "examples"]

    let root: JSONValue
    private let patterns: [String: NSRegularExpression]

    /// Reads a schema from JSON text (`source` names it in errors).
    public init(text: String, source: String) throws {
        let root = try OrderedJSON.parse(text, source: source)
        var patterns: [String: NSRegularExpression] = [:]
        try Self.check(root, at: "#", source: source, patterns: &patterns)
        self.root = root
        self.patterns = patterns
    }

    /// Every problem with `value`, in document order; empty when it conforms.
    public func problems(in value: JSONValue) -> [Problem] {
        var problems: [Problem] = []
        check(value, against: root, at: "$", into: &problems)
        guard problems.count > Self.maxProblems else { return problems }
        let more = problems.count - Self.maxProblems
        return Array(problems.prefix(Self.maxProblems)) + [Problem(path: "$", message: "and \(Plural.count(more, "more problem"))")]
    }

    /// The names of the top-level properties, in the order the schema lists them.
    public var propertyNames: [String] {
        guard case .object(let pairs)? = root["properties"] else { return [] }
        return pairs.map(\.key)
    }

    // MARK: Checking a value

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [Problem]) {
        func fail(_ message: String) { problems.append(Problem(path: path, message: message)) }
        if case .string(let type)? = schema["type"], !Self.value(value, is: type) {
            fail("expected \(Self.article(type)), got \(Self.kind(of: value))")
            return
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            fail("\(Self.show(value)) is not one of \(allowed.map(Self.show).joined(separator: ", "))")
        }
        if let excluded = schema["not"] {
            var inner: [Problem] = []
            check(value, against: excluded, at: path, into: &inner)
            if inner.isEmpty {
                if case .string(let description)? = excluded["description"] {
                    fail("must not contain \(description)")
                } else {
                    fail("must not match the schema under 'not'")
                }
            }
        }
        switch value {
        case .string(let text):
            let length = text.unicodeScalars.count
            if case .number(let minimum)? = schema["minLength"], Double(length) < minimum {
                fail(minimum == 1 ? "must not be empty" : "is \(length) characters long; expected at least \(Int(minimum))")
            }
            if case .number(let maximum)? = schema["maxLength"], Double(length) > maximum {
                fail("is \(length) characters long; expected at most \(Int(maximum))")
            }
            if case .string(let pattern)? = schema["pattern"], let regex = patterns[pattern],
                regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
            {
                let hint: String
                if case .string(let description)? = schema["description"] { hint = " (\(description))" } else { hint = "" }
                fail("must match the pattern \(Self.show(.string(pattern)))\(hint)")
            }
        case .number(let number):
            if case .number(let minimum)? = schema["minimum"], number < minimum { fail("expected at least \(Self.show(.number(minimum)))") }
            if case .number(let maximum)? = schema["maximum"], number > maximum { fail("expected at most \(Self.show(.number(maximum)))") }
        case .array(let items):
            if case .number(let minimum)? = schema["minItems"], Double(items.count) < minimum {
                fail("has \(Plural.count(items.count, "item")); expected at least \(Int(minimum))")
            }
            if case .number(let maximum)? = schema["maxItems"], Double(items.count) > maximum {
                fail("has \(Plural.count(items.count, "item")); expected at most \(Int(maximum))")
            }
            if case .bool(true)? = schema["uniqueItems"] {
                var seen: Set<JSONValue> = []
                for (index, item) in items.enumerated() where !seen.insert(item).inserted {
                    problems.append(Problem(path: "\(path)[\(index)]", message: "\(Self.show(item)) is listed twice"))
                }
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", into: &problems) }
            }
        case .object(let pairs):
            let properties: [JSONValue.KeyValue]
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [] }
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where !pairs.contains(where: { $0.key == name }) {
                    problems.append(Problem(path: Self.member(path, name), message: Self.missingMessage))
                }
            }
            for property in properties {
                guard let member = pairs.first(where: { $0.key == property.key }) else { continue }
                check(member.value, against: property.value, at: Self.member(path, property.key), into: &problems)
            }
            if case .bool(false)? = schema["additionalProperties"] {
                let known = properties.map(\.key)
                for pair in pairs where !known.contains(pair.key) {
                    problems.append(
                        Problem(
                            path: Self.member(path, pair.key),
                            message: "unknown parameter (expected \(known.joined(separator: ", ")))"))
                }
            }
        case .null, .bool:
            break
        }
    }

    static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func article(_ type: String) -> String {
        ["array", "object", "integer"].contains(type) ? "an \(type)" : "a \(type)"
    }

    /// A value as it is written in JSON, shortened.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return RunJSON.line(text.count > 40 ? text.prefix(40) + "…" : text)
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func member(_ path: String, _ name: String) -> String {
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !name.isEmpty
            ? "\(path).\(name)" : "\(path)[\(String(decoding: (try? JSONEncoder().encode(name)) ?? Data(), as: UTF8.self))]"
    }

    // MARK: Checking the schema itself

    private static func check(
        _ schema: JSONValue, at pointer: String, source: String,
        patterns: inout [String: NSRegularExpression]
    ) throws {
        func refuse(_ problem: String) -> SpeckitError {
            .unrecognisedStructure(file: source, expected: "a parameter schema speckit can check (\(pointer): \(problem))")
        }
        guard case .object(let pairs) = schema else { throw refuse("a schema must be an object") }
        for pair in pairs {
            guard constraints.contains(pair.key) || annotations.contains(pair.key) else {
                throw refuse("unsupported keyword '\(pair.key)'")
            }
            switch pair.key {
            case "properties":
                guard case .object(let properties) = pair.value else { throw refuse("'properties' must be an object") }
                for property in properties {
                    try check(property.value, at: "\(pointer)/properties/\(property.key)", source: source, patterns: &patterns)
                }
            case "items", "not":
                try check(pair.value, at: "\(pointer)/\(pair.key)", source: source, patterns: &patterns)
            case "pattern":
                guard case .string(let pattern) = pair.value,
                    let regex = try? NSRegularExpression(pattern: pattern)
                else { throw refuse("'pattern' is not a regular expression") }
                patterns[pattern] = regex
            case "additionalProperties":
                guard case .bool = pair.value else { throw refuse("'additionalProperties' must be true or false") }
            case "type":
                guard case .string(let type) = pair.value,
                    ["object", "array", "string", "boolean", "null", "number", "integer"].contains(type)
                else {
                    throw refuse("'type' must name one JSON type")
                }
            default:
                continue
            }
        }
    }
}
