import Testing

@testable import SpeckitCore

@Suite("OrderedJSON: a strict JSON reader that keeps key order and says where a mistake is")
struct OrderedJSONTests {
    @Test("keys stay in the order written; values of every kind")
    func values() throws {
        let value = try OrderedJSON.parse(#"{"z": 1, "a": [true, false, null, -1.5e2, "x\"\u00e9\ud83d\ude00\n"], "m": {}}"#, source: "p")
        guard case .object(let pairs) = value else {
            Issue.record("not an object")
            return
        }
        #expect(pairs.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .array([.bool(true), .bool(false), .null, .number(-150), .string("x\"é😀\n")]))
        #expect(value["m"] == .object([]))
        #expect(try OrderedJSON.parse("\u{FEFF} [] ", source: "p") == .array([]))
    }

    @Test(
        "mistakes name the file, line and column",
        arguments: [
            ("{\"a\": 1,\n  \"a\": 2}", "p.json:2:3: JSON syntax error: the key 'a' appears twice in one object"),
            ("{\"a\" 1}", "p.json:1:6: JSON syntax error: expected ':' after the key 'a'"),
            ("[1, 2", "p.json:1:6: JSON syntax error: expected ',' or ']'"),
            ("{\"a\": 01}", "p.json:1:9: JSON syntax error: a number starts with 0"),
            ("{\"a\": tru}", "p.json:1:7: JSON syntax error: expected a value (an object, array, string, number, true, false or null)"),
            ("\"a\nb\"", "p.json:1:3: JSON syntax error: a control character inside a string; write it as an escape such as \\n"),
            ("\"\\ud800\"", "p.json:1:8: JSON syntax error: a lone UTF-16 surrogate in \\u escapes"),
            ("\"\\u+041\"", "p.json:1:4: JSON syntax error: expected four hex digits after \\u"),
            ("\"\\u-000\"", "p.json:1:4: JSON syntax error: expected four hex digits after \\u"),
            ("{} x", "p.json:1:4: JSON syntax error: unexpected text after the value"),
            ("", "p.json:1:1: JSON syntax error: unexpected end of the text; expected a value"),
        ])
    func mistakes(text: String, message: String) {
        #expect(throws: SpeckitError.self) { try OrderedJSON.parse(text, source: "p.json") }
        do {
            _ = try OrderedJSON.parse(text, source: "p.json")
        } catch {
            #expect(error.errorDescription == message)
        }
    }

    @Test("nesting deeper than the limit is refused instead of exhausting the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: SpeckitError.self) { try OrderedJSON.parse(deep, source: "p") }
        let fine = String(repeating: "[", count: OrderedJSON.maxDepth) + String(repeating: "]", count: OrderedJSON.maxDepth)
        #expect((try? OrderedJSON.parse(fine, source: "p")) != nil)
    }
}

extension Error {
    fileprivate var errorDescription: String? { (self as? SpeckitError)?.errorDescription }
}
