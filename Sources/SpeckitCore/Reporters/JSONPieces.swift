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
    /// One pass over the bytes: a large document's JSON is copied once, not split into lines and joined.
    static func indent(_ json: String, by spaces: Int, first: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + json.utf8.count / 4)
        if first { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
        for byte in json.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\n") { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
