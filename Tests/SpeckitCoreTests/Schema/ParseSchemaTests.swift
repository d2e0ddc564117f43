import Foundation
import Testing

@testable import SpeckitCore

/// `spec/schema/parse.schema.json` documents the JSON `speckit parse --format json` prints. These tests keep
/// it honest: a result that uses every model type validates, broken documents do not, and every `$defs`
/// entry lists exactly the properties and cases the Swift types have.
@Suite("parse JSON schema")
struct ParseSchemaTests {
    // MARK: - Valid documents

    @Test("the schema uses only keywords the test validator checks")
    func schemaKeywordsAreSupported() throws {
        #expect(try Self.validator().unsupportedKeywords() == [])
    }

    @Test("a result that uses every model type validates")
    func fullResultValidates() throws {
        let errors = try Self.validator().validate(json: Self.encode(ParseSampleModel.fullResult()))
        #expect(errors == [])
    }

    @Test("a result with every optional left out validates, and nil optionals are omitted")
    func minimalResultValidates() throws {
        let range = SourceRange(file: "plan.md", line: 1, column: 1)
        var phase = Phase(id: "Phase 1", title: "Only", level: 2, range: range)
        phase.tasks = [PlanTask(id: nil, title: "untitled", form: .checkbox, range: range)]
        var document = Document(path: "plan.md", kind: .other, format: .markdown, text: TextReport())
        document.phases = [phase]
        let result = ParseResult(
            kits: [Kit(name: "one", root: "plan.md", profile: .freeform, documents: [document])],
            diagnostics: [])
        let data = try Self.encode(result)
        #expect(try Self.validator().validate(json: data) == [])

        // Optionals that are nil are left out, never written as null: the schema relies on it.
        let json = try JSONSchemaValidator.parse(data)
        let task = json["kits"]?.element(0)?["documents"]?.element(0)?["phases"]?.element(0)?["tasks"]?.element(0)
        #expect(task != nil)
        #expect(task?["id"] == nil)
        #expect(task?["marker"] == nil)
        #expect(json["kits"]?.element(0)?["documents"]?.element(0)?["title"] == nil)
        #expect(try Self.validator().validate(json: Self.encode(ParseResult(kits: [], diagnostics: []))) == [])
    }

    // MARK: - Invalid documents

    @Test(
        "a status outside the canonical set is reported at its path",
        arguments: [
            "/kits/0/documents/0/phases/0/declaredStatus/value",
            "/kits/0/documents/0/phases/0/tasks/0/status",
            "/kits/0/documents/0/phases/0/tasks/0/subtasks/1/statuses/0/value",
            "/kits/0/documents/0/claims/0/status",
        ])
    func unknownStatus(pointer: String) throws {
        let errors = try Self.validateSample(setting: pointer, to: .string("xyz"))
        #expect(errors.count == 1)
        let expected =
            "\(pointer): \"xyz\" is not one of \"todo\", \"in_progress\", \"review\", \"blocked\", "
            + "\"deferred\", \"done\", \"cancelled\", \"failed\", \"unknown\""
        #expect(errors.first == expected)
    }

    @Test(
        "a missing required property is reported on the object that lacks it",
        arguments: [
            ("/kits/0/documents/0/phases/0/tasks/0/subtasks/0/range", "/kits/0/documents/0/phases/0/tasks/0/subtasks/0", "range"),
            ("/kits/0/documents/0/text/lineEndings", "/kits/0/documents/0/text", "lineEndings"),
            ("/tool/version", "/tool", "version"),
            ("/diagnostics", "(root)", "diagnostics"),
        ])
    func missingProperty(pointer: String, object: String, property: String) throws {
        let errors = try Self.validateSample(setting: pointer, to: nil)
        #expect(errors == ["\(object): missing required property \"\(property)\""])
    }

    @Test(
        "a property the model does not have is reported",
        arguments: [
            ("/kits/0/documents/0/text", "encoding"),
            ("/kits/0/documents/0/phases/0/tasks/0/dates", "finished"),
            ("/kits/0", "version"),
            ("", "generatedAt"),
        ])
    func extraProperty(object: String, property: String) throws {
        let errors = try Self.validateSample(setting: object + "/" + property, to: .string("surprise"))
        #expect(errors == ["\(object.isEmpty ? "(root)" : object): unexpected property \"\(property)\""])
    }

    @Test(
        "wrong types, nulls for omitted optionals, and out-of-range numbers are reported",
        arguments: [
            ("/kits/0/documents/0/title", JSONValue.null, "null is null, expected string"),
            ("/kits/0/documents/0/phases/0/range/line", .string("5"), "\"5\" is string, expected integer"),
            ("/kits/0/documents/0/phases/0/range/line", .number(2.5), "2.5 is number, expected integer"),
            ("/kits/0/documents/0/phases/0/range/column", .number(0), "0 is less than the minimum 1"),
            ("/kits/0/documents/0/sections/0/level", .number(7), "7 is more than the maximum 6"),
            (
                "/kits/0/documents/0/phases/0/tasks/0/marker/raw", .string("(x)"),
                "\"(x)\" does not match the pattern ^\\[[ xX~/-]\\]\\*?$"
            ),
            (
                "/kits/0/profile", .string("spec-kit"),
                "\"spec-kit\" is not one of \"speckit\", \"github-spec-kit\", \"kiro\", \"openspec\", \"taskmaster\", \"freeform\""
            ),
            (
                "/diagnostics/0/ruleId", .string("parse.unknown"),
                "\"parse.unknown\" is not one of \"parse.mojibake\", \"parse.invalid-utf8\", \"parse.bom\", "
                    + "\"parse.mixed-line-endings\", \"parse.nesting-too-deep\", \"parse.paragraph-too-long\", \"parse.invalid-field\", "
                    + "\"parse.unread-shape\", \"input.unreadable\""
            ),
            ("/schemaVersion", .number(2), "2 is not 1"),
            ("/kits/0/documents/0/phases/0/tasks/0/tags/0", .number(1), "1 is integer, expected string"),
        ])
    func wrongValue(pointer: String, value: JSONValue, message: String) throws {
        let errors = try Self.validateSample(setting: pointer, to: value)
        #expect(errors == ["\(pointer): \(message)"])
    }

    // MARK: - Schema and Swift types agree

    @Test(
        "each object definition lists exactly the stored properties of its Swift type",
        arguments: ParseSampleModel.everyObjectType().map(\.0))
    func objectDefinitionMatchesType(definition: String) throws {
        let schema = try #require(try Self.schema()["$defs"]?[definition], "no $defs/\(definition)")
        let value = try #require(ParseSampleModel.everyObjectType().first { $0.0 == definition }?.1)
        let children = Mirror(reflecting: value).children.compactMap { child in
            child.label.map { ($0, Mirror(reflecting: child.value).displayStyle == .optional) }
        }
        let properties: [String]
        if case .object(let pairs)? = schema["properties"] { properties = pairs.map(\.key) } else { properties = [] }
        let required: [String]
        if case .array(let names)? = schema["required"] {
            required = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        } else {
            required = []
        }
        #expect(Set(properties) == Set(children.map(\.0)), "properties of $defs/\(definition)")
        #expect(Set(required) == Set(children.filter { !$0.1 }.map(\.0)), "required of $defs/\(definition)")
        #expect(schema["additionalProperties"] == .bool(false), "$defs/\(definition) must forbid extra properties")
        #expect(schema["title"] != nil && schema["description"] != nil, "$defs/\(definition) needs a title and description")
    }

    @Test("every object definition in the schema is checked against a Swift type")
    func everyObjectDefinitionIsCovered() throws {
        guard case .object(let definitions)? = try Self.schema()["$defs"] else {
            Issue.record("the schema has no $defs")
            return
        }
        let objects = definitions.filter { $0.value["type"] == .string("object") }.map(\.key)
        #expect(Set(objects) == Set(ParseSampleModel.everyObjectType().map(\.0)))
    }

    @Test(
        "each enum definition lists exactly the raw values of its Swift enum",
        arguments: ParseSampleModel.everyEnum())
    func enumDefinitionMatchesType(definition: String, rawValues: [String]) throws {
        let schema = try #require(try Self.schema()["$defs"]?[definition], "no $defs/\(definition)")
        #expect(schema["enum"] == .array(rawValues.map(JSONValue.string)), "$defs/\(definition)")
        #expect(schema["type"] == .string("string"))
        #expect(schema["title"] != nil && schema["description"] != nil, "$defs/\(definition) needs a title and description")
    }

    // MARK: - Helpers

    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    static let repositoryRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    static var schemaURL: URL {
        repositoryRoot.appendingPathComponent("spec/schema/parse.schema.json")
    }

    /// The schema file, read once for all tests.
    private static let loadedValidator = Result { try JSONSchemaValidator(contentsOf: schemaURL) }
    /// The full sample as JSON, encoded once for all tests.
    private static let encodedSample = Result { try JSONSchemaValidator.parse(encode(ParseSampleModel.fullResult())) }

    static func schema() throws -> JSONValue {
        try loadedValidator.get().root
    }

    static func validator() throws -> JSONSchemaValidator {
        try loadedValidator.get()
    }

    /// Encodes the way `speckit parse --format json` does.
    static func encode(_ result: ParseResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(result)
    }

    /// Validates the full sample after putting `value` at `pointer` (nil removes what is there).
    static func validateSample(setting pointer: String, to value: JSONValue?) throws -> [String] {
        let json = try encodedSample.get()
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let changed = try #require(json.replacing(tokens[...], with: value), "\(pointer) is not in the sample")
        #expect(changed != json, "setting \(pointer) changed nothing")
        return try validator().validate(changed)
    }
}

/// Tests of the validator itself on small inline schemas, so its own mistakes do not hide the schema's.
@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
    private func errors(_ schema: String, _ instance: String, maxDepth: Int = 256) throws -> [String] {
        let validator = JSONSchemaValidator(schema: try JSONSchemaValidator.parse(Data(schema.utf8)), maxDepth: maxDepth)
        return try validator.validate(json: Data(instance.utf8))
    }

    @Test("type accepts a list of names; integer means no fractional part")
    func types() throws {
        let schema = #"{"type": ["integer", "null"]}"#
        #expect(try errors(schema, "3") == [])
        #expect(try errors(schema, "3.0") == [])
        #expect(try errors(schema, "null") == [])
        #expect(try errors(schema, "3.5") == ["(root): 3.5 is number, expected one of integer, null"])
        #expect(try errors(schema, "true") == ["(root): true is boolean, expected one of integer, null"])
        #expect(try errors(#"{"type": "boolean"}"#, "0") == ["(root): 0 is integer, expected boolean"])
    }

    @Test("const, enum, minimum and minItems")
    func values() throws {
        #expect(try errors(#"{"const": {"a": [1, "b"]}}"#, #"{"a": [1, "b"]}"#) == [])
        #expect(try errors(#"{"const": "x"}"#, #""y""#) == [#"(root): "y" is not "x""#])
        #expect(try errors(#"{"enum": [1, "one"]}"#, "2") == [#"(root): 2 is not one of 1, "one""#])
        #expect(try errors(#"{"minimum": 0}"#, "-1") == ["(root): -1 is less than the minimum 0"])
        #expect(try errors(#"{"minimum": 0}"#, #""not a number""#) == [])
        #expect(
            try errors(#"{"minItems": 2, "items": {"type": "string"}}"#, #"["a", 1]"#)
                == ["/1: 1 is integer, expected string"])
        #expect(try errors(#"{"minItems": 2}"#, "[1]") == ["(root): has 1 items, fewer than the minimum 2"])
    }

    @Test("properties, required and additionalProperties as a schema; pointer tokens are escaped")
    func objects() throws {
        let schema = #"""
            {"type": "object", "properties": {"a/b": {"type": "string"}}, "required": ["a/b", "c"],
             "additionalProperties": {"type": "integer"}}
            """#
        #expect(try errors(schema, #"{"a/b": "x", "c": 1, "d": 2}"#) == [])
        #expect(
            try errors(schema, #"{"a/b": 1, "c~": "x"}"#) == [
                #"(root): missing required property "c""#,
                "/a~1b: 1 is integer, expected string",
                #"/c~0: "x" is string, expected integer"#,
            ])
    }

    @Test("anyOf needs one match, oneOf exactly one")
    func combinators() throws {
        let anyOf = #"{"anyOf": [{"type": "string"}, {"minimum": 10}]}"#
        #expect(try errors(anyOf, "12") == [])
        #expect(try errors(anyOf, #""s""#) == [])
        #expect(
            try errors(anyOf, "3") == [
                "(root): matches none of the 2 alternatives of anyOf (closest: (root): 3 is integer, expected string)"
            ])
        let oneOf = #"{"oneOf": [{"type": "integer"}, {"minimum": 10}]}"#
        #expect(try errors(oneOf, "3") == [])
        #expect(try errors(oneOf, "10.5") == [])
        #expect(try errors(oneOf, "12") == ["(root): matches 2 alternatives of oneOf, expected exactly one"])
    }

    @Test("$ref resolves pointers into $defs, recursively, and reports those that do not resolve")
    func references() throws {
        let schema = ##"""
            {"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object", "additionalProperties": false,
              "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}
            """##
        #expect(try errors(schema, #"{"children": [{"children": []}, {}]}"#) == [])
        #expect(
            try errors(schema, #"{"children": [{"children": [{"x": 1}]}]}"#)
                == [#"/children/0/children/0: unexpected property "x""#])
        #expect(
            try errors(##"{"$ref": "#/$defs/Missing"}"##, "1")
                == [##"(root): $ref "#/$defs/Missing" does not resolve in the schema"##])
    }

    @Test("a depth guard stops runaway nesting and self-referencing schemas")
    func depthGuard() throws {
        let loop = try errors(##"{"$ref": "#"}"##, "1", maxDepth: 20)
        #expect(loop == ["(root): schemas nest deeper than 20 levels; validation stopped here"])
        let deep = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let recursive = ##"{"$ref": "#/$defs/A", "$defs": {"A": {"type": "array", "items": {"$ref": "#/$defs/A"}}}}"##
        let nested = try errors(recursive, deep, maxDepth: 30)
        #expect(nested.count == 1)
        #expect(nested.first?.hasSuffix("schemas nest deeper than 30 levels; validation stopped here") == true)
    }

    @Test("boolean schemas and unsupported keywords")
    func booleansAndKeywords() throws {
        #expect(try errors("true", #"{"any": "thing"}"#) == [])
        #expect(try errors("false", "1") == ["(root): no value is allowed here"])
        let schema = try JSONSchemaValidator.parse(Data(#"{"properties": {"a": {"format": "date", "title": "A"}}, "maxLength": 3}"#.utf8))
        #expect(JSONSchemaValidator(schema: schema).unsupportedKeywords() == ["#/properties/a: format", "#: maxLength"])
    }
}

extension JSONValue {
    /// The element at `index` when this is an array.
    func element(_ index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// A copy with the value at the JSON Pointer `tokens` replaced by `newValue`, or removed when it is nil.
    /// The last token may name a key the object does not have yet. Nil when the path does not exist.
    func replacing(_ tokens: ArraySlice<String>, with newValue: JSONValue?) -> JSONValue? {
        guard let token = tokens.first else { return newValue }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var pairs):
            if let index = pairs.firstIndex(where: { $0.key == token }) {
                if rest.isEmpty, newValue == nil {
                    pairs.remove(at: index)
                } else {
                    guard let replaced = pairs[index].value.replacing(rest, with: newValue) else { return nil }
                    pairs[index].value = replaced
                }
            } else {
                guard rest.isEmpty, let newValue else { return nil }
                pairs.append(KeyValue(token, newValue))
            }
            return .object(pairs)
        case .array(var items):
            guard let index = Int(token), items.indices.contains(index),
                let replaced = items[index].replacing(rest, with: newValue)
            else { return nil }
            items[index] = replaced
            return .array(items)
        default:
            return nil
        }
    }
}

/// Model values built by hand with the public initialisers: one result that sets every property of every type.
enum ParseSampleModel {
    static let file = "spec/demo/tasks.md"

    static func at(_ line: Int, _ column: Int = 1, to endColumn: Int? = nil) -> SourceRange {
        SourceRange(file: file, line: line, column: column, endLine: line, endColumn: endColumn)
    }

    static func fullResult() -> ParseResult {
        let yaml = Document(
            path: "spec/demo/tasks.yaml", kind: .plan, format: .yaml,
            text: TextReport(lineEndings: .none, bytes: 20, lines: 1))
        var json = Document(path: "spec/demo/tasks.json", kind: .checklist, format: .json, text: TextReport())
        var structured = PlanTask(id: "7", title: "Structured task", form: .structured, range: at(1))
        structured.status = .blocked
        structured.statuses = [Status(value: .blocked, raw: "blocked", source: .structured)]
        json.tasks = [structured]
        let kits = [
            Kit(name: "demo", root: "spec/demo", profile: .speckit, documents: [markdownDocument(), yaml, json]),
            Kit(name: "seed", root: "seed.md", profile: .freeform, documents: []),
        ]
        let severities: [Severity] = [.note, .warning, .error]
        let diagnostics = Diagnostic.ID.allCases.enumerated().map { index, id in
            Diagnostic(id, severities[index % severities.count], "diagnostic \(index)", at: at(index + 1, 1, to: 4))
        }
        let skipped = [SkippedFile(path: "deploy/build-task.yaml", reason: .notAPlan, detail: "a Kubernetes object (apiVersion and kind)")]
        return ParseResult(kits: kits, diagnostics: diagnostics, skipped: skipped)
    }

    static func markdownDocument() -> Document {
        var document = Document(
            path: file, kind: .tasks, format: .markdown,
            text: TextReport(
                bom: true, lineEndings: .crlf, invalidUTF8Sequences: 1,
                mojibake: .windows1252, mojibakeRepairs: 3, bytes: 2048, lines: 60))
        document.title = "Tasks — Demo"
        document.frontMatter = .object([
            .init("title", .string("Demo")), .init("version", .number(2)), .init("ratio", .number(0.5)),
            .init("draft", .bool(false)), .init("owners", .array([.string("ana"), .null])),
        ])
        document.sections = [
            Section(
                title: "Tasks — Demo", level: 1, range: at(1),
                children: [
                    Section(title: "Phase 1 — Foundation ⏳ IN PROGRESS", level: 2, range: at(5, 1, to: 40))
                ])
        ]
        document.phases = [phase()]

        var headingTask = PlanTask(id: "Task 39", title: "Health Schema Consolidation", form: .heading, range: at(50))
        headingTask.statuses = [Status(value: .review, raw: "In Review", source: .field, range: at(51, 3, to: 24))]
        headingTask.status = .review
        var looseTask = PlanTask(id: nil, title: "A task without an id", form: .checkbox, range: at(55))
        looseTask.marker = TaskMarker(raw: "[-]", kind: .extended, checked: false)
        looseTask.status = .cancelled
        document.tasks = [headingTask, looseTask]

        var functional = Requirement(
            id: "FR-001", text: "speckit MUST parse every plan style", kind: .functional,
            range: at(20, 3, to: 60))
        functional.priority = "P1"
        functional.acceptanceCriteria = [
            AcceptanceCriterion(
                text: "WHEN a file is parsed THE SYSTEM SHALL keep its source ranges", style: .ears,
                label: "Acceptance Criteria", range: at(22, 3))
        ]
        document.requirements = [
            functional,
            Requirement(id: "US1", text: "Check a plan before merging", kind: .userStory, range: at(25)),
            Requirement(id: "Requirement 1", text: "Status report", kind: .requirement, range: at(28)),
        ]
        document.acceptanceCriteria = [
            AcceptanceCriterion(text: "the seeds parse", style: .checklist, label: nil, checked: false, range: at(30, 3))
        ]

        var fraction = Claim(
            kind: .fraction, text: "- T2: Edge Function (0/13 subtasks)", noun: "subtask", count: 0,
            range: at(58, 3, to: 38))
        fraction.total = 13
        fraction.percent = 0
        fraction.status = .done
        fraction.subject = "T2"
        var remaining = Claim(kind: .count, text: "- **93 remaining (84%)**", noun: "task", count: 93, range: at(59))
        remaining.percent = 84
        remaining.remaining = true
        document.claims = [
            fraction, remaining,
            Claim(
                kind: .total, text: "- **111 total subtasks**", noun: "subtask",
                count: 111, range: at(60)),
        ]
        document.checklist = [
            ChecklistItem(
                text: "No implementation details", marker: TaskMarker(raw: "[x]", kind: .gfm, checked: true),
                section: "Review & Acceptance Checklist", task: "T1", range: at(62))
        ]
        return document
    }

    static func phase() -> Phase {
        var phase = Phase(id: "Phase 1", title: "Foundation", level: 2, range: at(5, 1, to: 40))
        let heading = Status(value: .inProgress, raw: "⏳ IN PROGRESS", source: .heading, range: at(5, 27, to: 40))
        phase.declaredStatus = heading
        phase.statuses = [
            heading, Status(value: .inProgress, raw: "⏳", source: .emoji),
            Status(value: .inProgress, raw: "In progress", source: .field, range: at(6, 13, to: 23)),
        ]
        phase.priority = "P1"
        phase.dependencies = [Dependency(raw: "Phase 0 complete", id: "Phase 0")]
        phase.dates.started = DateValue(raw: "January 8, 2026", iso: "2026-01-08")
        phase.dates.lastUpdated = DateValue(raw: "last week", iso: nil)
        phase.fields = [Field(key: "Estimated", value: "3-5 days", range: at(7)), Field(key: "Owner", value: "core")]
        phase.deliverables = [ListEntry(text: "`speckit parse` for every plan style", range: at(9, 3, to: 40))]
        phase.acceptanceCriteria = [
            AcceptanceCriterion(text: "every seed parses", style: .checklist, label: "Acceptance checks", range: at(12, 3)),
            AcceptanceCriterion(
                text: "the schema test passes", style: .checklist, label: "Acceptance checks",
                checked: true, range: at(13, 3)),
        ]
        phase.tasks = [task()]
        return phase
    }

    static func task() -> PlanTask {
        var done = PlanTask(id: "T003.1", title: "Kit and Document", form: .checkbox, range: at(16, 3, to: 30))
        done.marker = TaskMarker(raw: "[x]", kind: .gfm, checked: true)
        done.status = .done
        done.statuses = [Status(value: .done, raw: "[x]", source: .checkbox, range: at(16, 5, to: 7))]
        var optional = PlanTask(id: "T003.2", title: "Optional extras", form: .checkbox, range: at(17, 3))
        optional.marker = TaskMarker(raw: "[ ]*", kind: .extended, checked: false, optional: true)
        optional.status = .todo
        optional.statuses = [Status(value: .todo, raw: "[ ]*", source: .checkbox)]

        var task = PlanTask(id: "T003", title: "Model types", form: .checkbox, range: at(15, 1, to: 48))
        task.marker = TaskMarker(raw: "[~]", kind: .extended, checked: false)
        task.status = .inProgress
        task.statuses = [Status(value: .inProgress, raw: "[~]", source: .checkbox, range: at(15, 3, to: 5))]
        task.priority = "high"
        task.dependencies = [Dependency(raw: "T001", id: "T001"), Dependency(raw: "Task 1.1", id: "T1.1")]
        task.assignee = "@ana"
        task.dates.started = DateValue(raw: "2026-01-02", iso: "2026-01-02")
        task.dates.completed = DateValue(raw: "Jan 9", iso: nil)
        task.dates.lastUpdated = DateValue(raw: "2026-01-09", iso: "2026-01-09")
        task.dates.due = DateValue(raw: "March 1, 2026", iso: "2026-03-01")
        task.tags = ["P", "US1"]
        task.requirementRefs = ["FR-001"]
        task.taskRefs = ["T002"]
        task.fields = [Field(key: "Complexity", value: "M", range: at(18, 5))]
        task.acceptanceCriteria = [
            AcceptanceCriterion(
                text: "Given a plan, When it is parsed, Then every task keeps its range", style: .scenario,
                label: "Scenario: ranges", range: at(19, 5))
        ]
        task.subtasks = [done, optional]
        return task
    }

    /// Each object `$defs` entry with a value of its Swift type (every optional set, so `Mirror` sees them all).
    static func everyObjectType() -> [(String, any Sendable)] {
        let result = fullResult()
        let kit = result.kits[0]
        let document = kit.documents[0]
        let phase = document.phases[0]
        let task = phase.tasks[0]
        return [
            ("ParseResult", result), ("Tool", result.tool), ("Kit", kit), ("Document", document), ("SkippedFile", result.skipped[0]),
            ("Section", document.sections[0]), ("TextReport", document.text), ("Phase", phase),
            ("ListEntry", phase.deliverables[0]), ("PlanTask", task), ("TaskMarker", task.marker!),
            ("Dependency", task.dependencies[0]), ("TaskDates", task.dates), ("DateValue", task.dates.started!),
            ("Field", task.fields[0]), ("Status", task.statuses[0]), ("Requirement", document.requirements[0]),
            ("AcceptanceCriterion", document.acceptanceCriteria[0]), ("Claim", document.claims[0]),
            ("ChecklistItem", document.checklist[0]), ("Diagnostic", result.diagnostics[0]), ("SourceRange", task.range),
        ]
    }

    /// Each enum `$defs` entry with the raw values of its Swift enum, in declaration order.
    static func everyEnum() -> [(String, [String])] {
        [
            ("CanonicalStatus", CanonicalStatus.allCases.map(\.rawValue)),
            ("Severity", Severity.allCases.map(\.rawValue)),
            ("DiagnosticID", Diagnostic.ID.allCases.map(\.rawValue)),
            ("DocumentKind", Document.Kind.allCases.map(\.rawValue)),
            ("KitProfile", Kit.Profile.allCases.map(\.rawValue)),
            ("SkippedReason", SkippedFile.Reason.allCases.map(\.rawValue)),
            ("LegacyEncoding", LegacyEncoding.allCases.map(\.rawValue)),
            ("StatusSource", [StatusSource.checkbox, .emoji, .field, .heading, .structured].map(rawValue)),
            ("DocumentFormat", [Document.Format.markdown, .yaml, .json].map(rawValue)),
            ("LineEndings", [TextReport.LineEndings.lf, .crlf, .cr, .mixed, .none].map(rawValue)),
            ("TaskForm", [PlanTask.Form.checkbox, .heading, .structured, .table].map(rawValue)),
            ("TaskMarkerKind", [TaskMarker.Kind.gfm, .extended].map(rawValue)),
            ("RequirementKind", [Requirement.Kind.functional, .userStory, .requirement].map(rawValue)),
            ("AcceptanceCriterionStyle", [AcceptanceCriterion.Style.checklist, .scenario, .ears].map(rawValue)),
            ("ClaimKind", [Claim.Kind.count, .fraction, .total].map(rawValue)),
        ]
    }

    // The enums below are not `CaseIterable`. Each exhaustive `switch` stops compiling when a case is added,
    // which is the reminder to extend the list above and the schema.
    static func rawValue(_ value: StatusSource) -> String {
        switch value {
        case .checkbox, .emoji, .field, .heading, .structured: value.rawValue
        }
    }
    static func rawValue(_ value: Document.Format) -> String {
        switch value {
        case .markdown, .yaml, .json: value.rawValue
        }
    }
    static func rawValue(_ value: TextReport.LineEndings) -> String {
        switch value {
        case .lf, .crlf, .cr, .mixed, .none: value.rawValue
        }
    }
    static func rawValue(_ value: PlanTask.Form) -> String {
        switch value {
        case .checkbox, .heading, .structured, .table: value.rawValue
        }
    }
    static func rawValue(_ value: TaskMarker.Kind) -> String {
        switch value {
        case .gfm, .extended: value.rawValue
        }
    }
    static func rawValue(_ value: Requirement.Kind) -> String {
        switch value {
        case .functional, .userStory, .requirement: value.rawValue
        }
    }
    static func rawValue(_ value: AcceptanceCriterion.Style) -> String {
        switch value {
        case .checklist, .scenario, .ears: value.rawValue
        }
    }
    static func rawValue(_ value: Claim.Kind) -> String {
        switch value {
        case .count, .fraction, .total: value.rawValue
        }
    }
}
