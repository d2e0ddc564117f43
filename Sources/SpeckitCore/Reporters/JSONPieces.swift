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

    /// `value` as pretty JSON with sorted keys, every line indented by `spaces`: the encoder's bytes are copied
    /// once, into the string.
    static func encodeIndented(_ value: some Encodable, by spaces: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return String(repeating: " ", count: spaces) + "null" }
        let lines = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return String(unsafeUninitializedCapacity: data.count + lines * spaces) { buffer in
            var at = 0
            func pad() {
                for _ in 0..<spaces {
                    buffer[at] = UInt8(ascii: " ")
                    at += 1
                }
            }
            pad()
            for byte in data {
                buffer[at] = byte
                at += 1
                if byte == UInt8(ascii: "\n") { pad() }
            }
            return at
        }
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
