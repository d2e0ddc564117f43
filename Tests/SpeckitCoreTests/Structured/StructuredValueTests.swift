import Testing

@testable import SpeckitCore

@Suite("Structured value layer")
struct StructuredValueTests {
    @Test(
        "plain scalars are typed by the YAML 1.2 core schema",
        arguments: [
            ("true", JSONValue.bool(true)), ("False", .bool(false)), ("yes", .string("yes")), ("off", .string("off")),
            ("12", .number(12)), ("-1.5", .number(-1.5)), ("2e3", .number(2000)), ("1.2.3", .string("1.2.3")),
            ("0x1F", .string("0x1F")), (".inf", .string(".inf")), ("null", .null), ("~", .null), ("", .null),
            ("2025-01-02", .string("2025-01-02")),
        ])
    func plainScalars(text: String, expected: JSONValue) {
        #expect(PlanValue(.scalar(text, plain: true), line: 1, column: 1).jsonValue == expected)
    }

    @Test("quoted and explicitly tagged scalars stay strings")
    func quoted() throws {
        let value = try StructuredPlanParser.frontMatter("a: 'true'\nb: !!str 12\nc: \"null\"\n", file: "x", lineOffset: 0)
        #expect(value == .object([.init("a", .string("true")), .init("b", .string("12")), .init("c", .string("null"))]))
    }

    @Test("values keep their lines and columns; aliases share the anchored value")
    func positions() throws {
        let reader = YAMLValueReader(file: "x.yaml")
        let value = try #require(try reader.read("base: &b\n  k: v\nlist:\n  - one\n  -   two\ncopy: *b\n"))
        let list = try #require(value.value(forAny: ["list"])?.items)
        #expect(list.map(\.line) == [4, 5])
        #expect(list.map(\.column) == [5, 7])
        #expect(value.value(forAny: ["copy"])?.value(forAny: ["k"])?.text == "v")
        #expect(value.endLine == 6)
    }

    @Test("a small node budget is enforced on plain (alias-free) documents too, before Yams builds them")
    func budget() {
        let reader = YAMLValueReader(file: "x.yaml", nodeBudget: 5)
        #expect(throws: SpeckitError.yamlTooManyNodes(file: "x.yaml", limit: 5)) {
            try reader.read("[1, 2, 3, 4, 5, 6]\n")
        }
    }

    @Test("the alias-key scan ignores Markdown emphasis and a few aliases")
    func aliasKeyScan() {
        #expect(AliasKeyScan.refusal(in: "notes: |\n  **Status:** done\n  *Note*: fine\n") == nil)
        #expect(AliasKeyScan.refusal(in: "a: &a 1\n*a : 2\n") == nil)
        let many = "a: &a 1\n" + (1...9).map { "k\($0): *a" }.joined(separator: "\n") + "\n? *a\n: 3\n"
        #expect(AliasKeyScan.refusal(in: many)?.line == 11)
    }

    @Test("key folding ignores case, underscores, dashes and spaces")
    func keys() {
        #expect(StructuredKeys.role(of: "depends_on") == .dependencies)
        #expect(StructuredKeys.role(of: "dependsOn") == .dependencies)
        #expect(StructuredKeys.role(of: "Blocked-By") == .dependencies)
        #expect(StructuredKeys.role(of: "Acceptance Criteria") == .acceptance)
        #expect(StructuredKeys.role(of: "estimate") == .other)
    }

    @Test(
        "dates are read in ISO, slash and month-name forms",
        arguments: [
            ("2025-11-10", "2025-11-10"), ("2025-11-10T09:30:00Z", "2025-11-10"), ("2025/3/7", "2025-03-07"),
            ("January 8, 2026", "2026-01-08"), ("Jan 8 2026", "2026-01-08"), ("8 January 2026", "2026-01-08"),
            ("soon", nil), ("2025-13-01", nil),
        ])
    func dates(raw: String, iso: String?) {
        #expect(StructuredDates.iso(raw) == iso)
    }
}
