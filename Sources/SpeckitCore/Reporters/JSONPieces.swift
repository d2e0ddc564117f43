import Foundation

/// Pieces of pretty-printed JSON for the reports that stream: values encoded with sorted keys, then indented
/// to sit inside an object or array written by hand around them.
enum JSONPieces {
    /// `value` as pretty JSON with sorted keys and unescaped slashes.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain Codable structs of strings and numbers cannot fail.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Every line indented by `spaces`; the first line too unless it follows a key on the same line.
    static func indent(_ json: String, by spaces: Int, first: Bool = true) -> String {
        let pad = String(repeating: " ", count: spaces)
        return json.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 && !first ? String(line) : pad + line
        }.joined(separator: "\n")
    }
}
