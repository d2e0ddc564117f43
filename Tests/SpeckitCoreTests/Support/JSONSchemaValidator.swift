import Foundation
import SpeckitCore

/// A small JSON Schema (draft 2020-12) validator for tests: just the keywords speckit's schemas use.
///
/// Documents are read into `JSONValue` (no `Any`), so an integer is any number without a fractional part,
/// as the specification says. Errors are strings that start with the JSON Pointer of the offending value:
/// `/kits/0/documents/0/phases/2/declaredStatus/value: "xyz" is not one of "todo", "in_progress", …`.
///
/// Supported: `type` (a name or a list; `integer` included), `properties`, `required`, `additionalProperties`
/// (a boolean or a schema), `items`, `enum`, `const`, `$ref` to a pointer into the same document
/// (`#/$defs/Name`), `anyOf`, `oneOf`, `allOf`, `minimum`, `maximum`, `minItems`, `pattern`, and boolean schemas.
/// `unsupportedKeywords()` lists anything else a schema uses, so nothing is ignored silently.
struct JSONSchemaValidator: Sendable {
    /// Why a schema or document could not be read.
    enum LoadError: Error, CustomStringConvertible {
        case notJSON(source: String, reason: String)

        var description: String {
            switch self {
            case .notJSON(let source, let reason): return "\(source): not JSON: \(reason)"
            }
        }
    }

    /// Keywords that constrain values and are checked.
    static let assertionKeywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "$ref",
        "anyOf", "oneOf", "allOf", "minimum", "maximum", "minItems", "pattern",
    ]
    /// Keywords that only annotate or hold definitions; they never make a value invalid.
    static let annotationKeywords: Set<String> = [
        "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated",
    ]

    /// The whole schema document; `$ref`s are resolved against it.
    let root: JSONValue
    /// How many schemas may be applied inside one another before validation gives up on a branch.
    let maxDepth: Int

    init(schema: JSONValue, maxDepth: Int = 256) {
        self.root = schema
        self.maxDepth = maxDepth
    }

    init(contentsOf url: URL, maxDepth: Int = 256) throws {
        self.init(schema: try Self.parse(try Data(contentsOf: url), source: url.path), maxDepth: maxDepth)
    }

    /// Reads JSON text into a `JSONValue`.
    static func parse(_ data: Data, source: String = "document") throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw LoadError.notJSON(source: source, reason: "\(error)")
        }
    }

    /// Validates JSON text; see `validate(_:)`.
    func validate(json data: Data) throws -> [String] {
        validate(try Self.parse(data))
    }

    /// Every way `instance` breaks the schema, each prefixed by the JSON Pointer of the value at fault.
    /// An empty list means the instance is valid.
    func validate(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(root, instance, path: "", depth: 0, errors: &errors)
        return errors
    }

    /// Keywords the schema uses that this validator does not check, as `location: keyword`.
    func unsupportedKeywords() -> [String] {
        var found: [String] = []
        var stack: [(schema: JSONValue, location: String)] = [(root, "#")]
        while let (schema, location) = stack.popLast() {
            guard case .object(let pairs) = schema else { continue }
            for pair in pairs {
                let here = location + "/" + Self.escape(pair.key)
                if !Self.assertionKeywords.contains(pair.key) && !Self.annotationKeywords.contains(pair.key) {
                    found.append("\(location): \(pair.key)")
                    continue
                }
                switch (pair.key, pair.value) {
                case ("properties", .object(let members)), ("$defs", .object(let members)):
                    stack += members.map { ($0.value, here + "/" + Self.escape($0.key)) }
                case ("anyOf", .array(let members)), ("oneOf", .array(let members)), ("allOf", .array(let members)):
                    stack += members.enumerated().map { ($0.element, here + "/\($0.offset)") }
                case ("items", _), ("additionalProperties", _):
                    stack.append((pair.value, here))
                default:
                    break
                }
            }
        }
        return found.sorted()
    }

    // MARK: - Checking

    private func check(_ schema: JSONValue, _ instance: JSONValue, path: String, depth: Int, errors: inout [String]) {
        let at = path.isEmpty ? "(root)" : path
        guard depth <= maxDepth else {
            errors.append("\(at): schemas nest deeper than \(maxDepth) levels; validation stopped here")
            return
        }
        switch schema {
        case .bool(true):
            return
        case .bool(false):
            errors.append("\(at): no value is allowed here")
            return
        case .object:
            break
        default:
            errors.append("\(at): the schema here is \(Self.typeName(schema)), expected an object or a boolean")
            return
        }

        if case .string(let reference)? = schema["$ref"] {
            if let target = resolve(reference) {
                check(target, instance, path: path, depth: depth + 1, errors: &errors)
            } else {
                errors.append("\(at): $ref \"\(reference)\" does not resolve in the schema")
            }
        }

        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let items): names = items.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(instance, type: $0) }) {
                let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
                errors.append("\(at): \(Self.describe(instance)) is \(Self.typeName(instance)), expected \(expected)")
                return
            }
        }

        if case .array(let allowed)? = schema["enum"], !allowed.contains(where: { Self.equal($0, instance) }) {
            let list = allowed.map(Self.describe).joined(separator: ", ")
            errors.append("\(at): \(Self.describe(instance)) is not one of \(list)")
        }
        if let constant = schema["const"], !Self.equal(constant, instance) {
            errors.append("\(at): \(Self.describe(instance)) is not \(Self.describe(constant))")
        }

        checkCombinators(schema, instance, path: path, depth: depth, errors: &errors)

        switch instance {
        case .number(let number):
            if case .number(let minimum)? = schema["minimum"], number < minimum {
                errors.append("\(at): \(Self.describe(instance)) is less than the minimum \(Self.describe(.number(minimum)))")
            }
            if case .number(let maximum)? = schema["maximum"], number > maximum {
                errors.append("\(at): \(Self.describe(instance)) is more than the maximum \(Self.describe(.number(maximum)))")
            }
        case .string(let string):
            if case .string(let pattern)? = schema["pattern"] {
                do {
                    let regex = try Regex(pattern)
                    if (try? regex.firstMatch(in: string)) == nil {
                        errors.append("\(at): \(Self.describe(instance)) does not match the pattern \(pattern)")
                    }
                } catch {
                    errors.append("\(at): the schema's pattern \(pattern) is not a regular expression")
                }
            }
        case .array(let elements):
            if case .number(let minItems)? = schema["minItems"], Double(elements.count) < minItems {
                errors.append("\(at): has \(elements.count) items, fewer than the minimum \(Self.describe(.number(minItems)))")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    check(items, element, path: path + "/\(index)", depth: depth + 1, errors: &errors)
                }
            }
        case .object(let pairs):
            checkObject(schema, pairs, path: path, depth: depth, errors: &errors)
        case .null, .bool:
            break
        }
    }

    private func checkObject(
        _ schema: JSONValue, _ pairs: [JSONValue.KeyValue], path: String, depth: Int,
        errors: inout [String]
    ) {
        let at = path.isEmpty ? "(root)" : path
        if case .array(let required)? = schema["required"] {
            for case .string(let name) in required where !pairs.contains(where: { $0.key == name }) {
                errors.append("\(at): missing required property \"\(name)\"")
            }
        }
        let properties: [JSONValue.KeyValue]
        if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [] }
        for pair in pairs.sorted(by: { $0.key < $1.key }) {
            let childPath = path + "/" + Self.escape(pair.key)
            if let property = properties.first(where: { $0.key == pair.key }) {
                check(property.value, pair.value, path: childPath, depth: depth + 1, errors: &errors)
            } else if let additional = schema["additionalProperties"] {
                if case .bool(false) = additional {
                    errors.append("\(at): unexpected property \"\(pair.key)\"")
                } else {
                    check(additional, pair.value, path: childPath, depth: depth + 1, errors: &errors)
                }
            }
        }
    }

    private func checkCombinators(
        _ schema: JSONValue, _ instance: JSONValue, path: String, depth: Int,
        errors: inout [String]
    ) {
        let at = path.isEmpty ? "(root)" : path
        if case .array(let all)? = schema["allOf"] {
            for member in all { check(member, instance, path: path, depth: depth + 1, errors: &errors) }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let members)? = schema[keyword] else { continue }
            let outcomes = members.map { member -> [String] in
                var memberErrors: [String] = []
                check(member, instance, path: path, depth: depth + 1, errors: &memberErrors)
                return memberErrors
            }
            let passing = outcomes.filter(\.isEmpty).count
            if passing == 0 {
                let closest = outcomes.min { $0.count < $1.count } ?? []
                let detail = closest.isEmpty ? "" : " (closest: \(closest.joined(separator: "; ")))"
                errors.append("\(at): matches none of the \(members.count) alternatives of \(keyword)\(detail)")
            } else if keyword == "oneOf" && passing > 1 {
                errors.append("\(at): matches \(passing) alternatives of oneOf, expected exactly one")
            }
        }
    }

    /// The subschema a `#`-relative JSON Pointer names, if any.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        let pointer = reference.dropFirst()
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object:
                guard let next = current[key] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    // MARK: - Values

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
            ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let number)):
            return number.isFinite && number.rounded() == number
        default:
            return false
        }
    }

    /// JSON equality: numbers by value, objects regardless of key order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { pair in rhs[pair.key].map { equal(pair.value, $0) } ?? false }
        default: return false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return matches(value, type: "integer") && abs(number) < 1e15 ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// A short rendering of a value for messages: scalars as JSON, containers by their size.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let string):
            var escaped = ""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return "\"\(escaped.count > 80 ? String(escaped.prefix(80)) + "…" : escaped)\""
        case .array(let items): return "an array of \(items.count)"
        case .object(let pairs): return "an object with \(pairs.count) properties"
        }
    }

    /// Escapes one JSON Pointer token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension JSONValue {
    /// The element at `index` when this is an array.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let values) = self, values.indices.contains(index) else { return nil }
        return values[index]
    }
}
