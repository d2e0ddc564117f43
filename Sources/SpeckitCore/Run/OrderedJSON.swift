/// A strict JSON reader (RFC 8259) that keeps keys in the order they were written, refuses duplicate keys,
/// and says where a mistake is (`params.json:3:14: JSON syntax error: expected ',' or '}'`).
///
/// Foundation's readers forget key order and positions; parameters and schemas need both for messages
/// that list problems in the order the user wrote them.
package struct OrderedJSON {
    /// How deep arrays and objects may nest.
    package static let maxDepth = 64

    private let bytes: [UInt8]
    private let source: String
    private var index = 0
    private var depthLimit = OrderedJSON.maxDepth
    private var nodeLimit = Int.max
    private var nodes = 0
    /// False when only checking: values are read and dropped, only each object's keys are kept (to find
    /// one written twice) while it is read.
    private var building = true

    private init(_ text: String, source: String) {
        self.bytes = Array(text.utf8)
        self.source = source
    }

    /// The value `text` holds. `source` names the file (or `-`) in errors.
    /// - Throws: `SpeckitError.jsonSyntax` with the line and column of the first mistake.
    package static func parse(_ text: String, source: String) throws -> JSONValue {
        var reader = OrderedJSON(text, source: source)
        return try reader.read()
    }

    /// Checks that `text` is JSON (RFC 8259: no NaN or Infinity, no comments, no key written twice in one
    /// object) nested at most `maxDepth` levels and holding at most `maxNodes` values, without keeping what
    /// it holds.
    /// - Throws: `SpeckitError.jsonSyntax` with the line and column of the first mistake, or
    ///   `.yamlDuplicateKey` for a key written twice, as the YAML reader reports one, or `.yamlTooManyNodes`.
    package static func check(_ text: String, source: String, maxDepth: Int, maxNodes: Int = .max) throws {
        var reader = OrderedJSON(text, source: source)
        reader.depthLimit = maxDepth
        reader.nodeLimit = maxNodes
        reader.building = false
        _ = try reader.read()
    }

    private mutating func read() throws -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipSpace()
        let value = try value(depth: 0)
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
        return value
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < depthLimit else { throw fail("nesting is deeper than \(depthLimit) levels") }
        nodes += 1
        if nodes > nodeLimit { throw SpeckitError.yamlTooManyNodes(file: source, limit: nodeLimit) }
        guard index < bytes.count else { throw fail("unexpected end of the text; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if bytes[index...].starts(with: Array("-Infinity".utf8)) { throw fail("-Infinity is not a JSON number") }
            return .number(try number())
        default:
            for word in ["NaN", "Infinity"] where bytes[index...].starts(with: Array(word.utf8)) {
                throw fail("\(word) is not a JSON number")
            }
            throw fail("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws -> JSONValue {
        index += 1
        var pairs: [JSONValue.KeyValue] = []
        var keys: Set<String> = []
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes") }
            let keyStart = index
            let key = try string()
            if !keys.insert(key).inserted {
                index = keyStart
                guard building else {
                    let place = fail("")
                    guard case .jsonSyntax(let file, let line, let column, _) = place else { throw place }
                    throw SpeckitError.yamlDuplicateKey(
                        file: file, line: line, column: column, problem: "duplicate key '\(key)' in one object")
                }
                throw fail("the key '\(key)' appears twice in one object")
            }
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw fail("expected ':' after the key '\(key)'") }
            index += 1
            skipSpace()
            let item = try value(depth: depth + 1)
            if building { pairs.append(JSONValue.KeyValue(key, item)) }
            skipSpace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "}")) {
                index += 1
                return .object(pairs)
            }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            let item = try value(depth: depth + 1)
            if building { items.append(item) }
            skipSpace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "]")) {
                index += 1
                return .array(items)
            }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func string() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw fail("a control character inside a string; write it as an escape such as \\n") }
            if byte == UInt8(ascii: "\\") {
                flush(index)
                index += 1
                scalars.append(try escape())
                run = index
                continue
            }
            index += 1
        }
        throw fail("a string is not closed")
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard index < bytes.count else { throw fail("a string is not closed") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[index...].starts(with: Array("\\u".utf8)) else { throw fail("a lone UTF-16 surrogate in \\u escapes") }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else {
                    throw fail("a lone UTF-16 surrogate in \\u escapes")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw fail("a lone UTF-16 surrogate in \\u escapes") }
            return scalar
        default:
            index -= 1
            throw fail("an unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        let isHex = { (byte: UInt8) in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy(isHex),
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else {
            throw fail("expected four hex digits after \\u")
        }
        index += 4
        return value
    }

    private mutating func number() throws -> Double {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        let digits = { (reader: inout OrderedJSON) -> Int in
            let from = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - from
        }
        let integerStart = index
        guard digits(&self) > 0 else { throw fail("expected a digit") }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 { throw fail("a number starts with 0") }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits(&self) > 0 else { throw fail("expected a digit after '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits(&self) > 0 else { throw fail("expected a digit in the exponent") }
        }
        guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)), number.isFinite else {
            index = start
            throw fail("a number too large to hold")
        }
        return number
    }

    private mutating func literal(_ word: String) throws {
        guard bytes[index...].starts(with: Array(word.utf8)) else {
            throw fail("expected a value (an object, array, string, number, true, false or null)")
        }
        index += word.utf8.count
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// A syntax error at the current position, with its 1-based line and column.
    private func fail(_ problem: String) -> SpeckitError {
        let before = bytes[..<min(index, bytes.count)]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        return .jsonSyntax(file: source, line: line, column: column, problem: problem)
    }
}
