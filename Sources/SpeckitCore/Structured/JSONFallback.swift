import Foundation

/// Reads JSON that libyaml refused with `JSONSerialization`.
///
/// libyaml reads most JSON and gives every element its line, so this path is rare (a JSON file with a
/// duplicate key, say). `JSONSerialization` knows no positions, so every value is placed on line 1,
/// and it forgets key order, so keys are sorted to keep the output stable.
enum JSONFallback {
    /// The value of `text`, or nil when it is not JSON either.
    static func read(_ text: String, file: String, maxDepth: Int = Limits.standard.yamlNesting) throws -> PlanValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        return try convert(object, depth: 0, file: file, maxDepth: maxDepth)
    }

    private static func convert(_ object: Any, depth: Int, file: String, maxDepth: Int) throws -> PlanValue {
        guard depth <= maxDepth else {
            throw SpeckitError.jsonSyntax(
                file: file, line: nil,
                problem: "nesting is deeper than \(maxDepth) levels (limits.yamlNesting)")
        }
        let kind: PlanValue.Kind
        switch object {
        case let string as String:
            kind = .scalar(string, plain: false)
        case let number as NSNumber:
            // Booleans arrive as NSNumbers whose Objective-C type is `c` (char), on Linux as on Darwin.
            if String(cString: number.objCType) == "c" {
                kind = .scalar(number.boolValue ? "true" : "false", plain: true)
            } else {
                kind = .scalar(number.stringValue, plain: true)
            }
        case let array as [Any]:
            kind = .sequence(try array.map { try convert($0, depth: depth + 1, file: file, maxDepth: maxDepth) })
        case let dictionary as [String: Any]:
            kind = .mapping(
                try dictionary.sorted { $0.key < $1.key }.map { entry in
                    PlanValue.Pair(key: entry.key, value: try convert(entry.value, depth: depth + 1, file: file, maxDepth: maxDepth))
                })
        default:
            kind = .scalar("null", plain: true)
        }
        return PlanValue(kind, line: 1, column: 1)
    }
}
