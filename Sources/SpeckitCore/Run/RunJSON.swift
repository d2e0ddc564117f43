import Foundation

/// Compact JSON for event lines and pretty JSON for `artifacts.json`, both with sorted keys.
enum RunJSON {
    /// `value` on one line.
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain structs of strings and numbers always encode.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `value` pretty-printed, ending with a newline.
    static func document(_ value: some Encodable) -> [UInt8] {
        Array((JSONPieces.encode(value) + "\n").utf8)
    }
}
