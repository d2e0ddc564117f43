import Foundation
import Yams

/// What a generated kit is about: the parameters of `speckit generate` (flags or a JSON/YAML file).
public struct KitParameters: Codable, Hashable, Sendable {
    /// The project's name ("Ops Control Room"); the kit's folder is `spec/<slug>` unless told otherwise.
    public var name: String
    public var description: String?
    public var goals: [String]
    /// Phase titles; three default phases when none are given.
    public var phases: [String]
    /// Principle names for the constitution; three defaults when none are given.
    public var principles: [String]

    public init(
        name: String, description: String? = nil, goals: [String] = [], phases: [String] = [],
        principles: [String] = []
    ) {
        self.name = name
        self.description = description
        self.goals = goals
        self.phases = phases
        self.principles = principles
    }

    enum CodingKeys: String, CodingKey {
        case name, description, goals, phases, principles
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        description = try container.decodeIfPresent(String.self, forKey: .description)
        goals = try container.decodeIfPresent([String].self, forKey: .goals) ?? []
        phases = try container.decodeIfPresent([String].self, forKey: .phases) ?? []
        principles = try container.decodeIfPresent([String].self, forKey: .principles) ?? []
    }

    /// The folder name made from the project name (`FolderSlug`): its letters and digits, of any script,
    /// lowercased, Latin accents dropped, joined by `-` ("Ünïcode Café" → `unicode-cafe`).
    public var slug: String { FolderSlug.make(name) }

    /// The longest text each parameter may be, in Unicode scalars: the bounds of the run template's schema
    /// (`templates/run-templates/generate_spec_kit.params.schema.json`), so `generate` and `run
    /// generate_spec_kit` accept the same parameters.
    static let maxLengths: [(label: String, limit: Int)] = [
        ("name", 100), ("description", 4000), ("goal", 300), ("phase", 200), ("principle", 200),
    ]

    /// Checks the parameters; `source` names where they came from in the error. The name must give a
    /// folder name (`slug`) only when the kit's folder is made from it (`namesFolder`).
    public func validate(source: String, namesFolder: Bool = true) throws {
        func fail(_ problem: String) -> SpeckitError { .badParameters(source: source, problem: problem) }
        // Sizes first, so nothing below works on megabytes.
        guard goals.count <= 50, phases.count <= 20, principles.count <= 20 else {
            throw fail("too many items (at most 50 goals, 20 phases, 20 principles)")
        }
        for ((label, limit), values) in zip(Self.maxLengths, [[name], [description ?? ""], goals, phases, principles]) {
            for (index, value) in values.enumerated() where value.unicodeScalars.count > limit {
                let which = label == "name" ? "the project name" : values.count > 1 ? "\(label) \(index + 1)" : "the \(label)"
                throw fail("\(which) is \(value.unicodeScalars.count) characters long; at most \(limit)")
            }
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw fail("the project name is empty; expected e.g. --name \"Ops Control Room\"") }
        if namesFolder, slug.isEmpty {
            throw fail("the project name '\(name)' has no letters or digits to name its folder")
        }
        if name.contains("/") || name.contains("\\") || name.split(separator: " ").contains("..") {
            throw fail("the project name '\(name)' looks like a path; expected a plain name")
        }
        for (label, values) in [
            ("name", [name]), ("description", [description ?? ""]), ("goal", goals),
            ("phase", phases), ("principle", principles),
        ] {
            for value in values where value.unicodeScalars.contains(where: { Self.isControl($0) }) {
                throw fail("a \(label) contains a control character, a Unicode line separator or a text-direction control")
            }
        }
        for (label, values) in [("goal", goals), ("phase", phases), ("principle", principles)] {
            if let empty = values.firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                throw fail("\(label) \(empty + 1) is empty")
            }
            if let multiline = values.first(where: { $0.contains("\n") }) {
                throw fail("\(label) '\(multiline.prefix(40))' spans several lines; expected one line")
            }
        }
    }

    /// A character no parameter may hold: C0 and C1 controls (but `\n`, which a description may hold),
    /// DEL, the Unicode line and paragraph separators, which Markdown readers take for line breaks, and the
    /// text-direction embeddings, overrides and isolates, which make text read otherwise than it is stored.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Reads parameters from a JSON or YAML file, or from stdin for `-`: at most `StepRunner.maxParamsBytes`,
    /// the bound of a run step's parameters, so an endless stdin (`/dev/zero`) is never read to its end.
    /// - Throws: `SpeckitError.badParameters` or `.invalidParams` naming `file`.
    public static func load(from file: String) throws -> KitParameters {
        let limit = StepRunner.maxParamsBytes
        let bytes: [UInt8]
        do {
            bytes = try RawInput.parameters(file, limit: limit)
        } catch SpeckitError.pathNotFound {
            throw SpeckitError.badParameters(source: file, problem: "no such file (given by --params)")
        }
        guard bytes.count <= limit else {
            throw SpeckitError.badParameters(
                source: file, problem: "more than \(limit) bytes; parameters are a small JSON or YAML document")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SpeckitError.badParameters(source: file, problem: "not UTF-8 text; expected JSON or YAML")
        }
        return try read(text, source: file)
    }

    /// Reads parameters from JSON or YAML text (`source` names the file, or `-` for stdin), checked against
    /// the parameter schema of `speckit run generate_spec_kit`, so both refuse the same parameters (an
    /// unknown key, a goal that is not text). The name may be missing here: a flag can give it.
    public static func read(_ text: String, source: String) throws -> KitParameters {
        let value = try parse(text, source: source)
        let problems = try RunTemplates.named("generate_spec_kit").schema().problems(in: value)
            .filter { $0.message != ParamsSchema.missingMessage }
        guard problems.isEmpty else {
            throw SpeckitError.invalidParams(source: source, template: "generate_spec_kit", problems: problems)
        }
        return try decode(value, source: source)
    }

    /// The parameters in a JSON object that conforms to the schema.
    static func decode(_ value: JSONValue, source: String) throws -> KitParameters {
        do {
            return try JSONDecoder().decode(KitParameters.self, from: JSONEncoder().encode(value))
        } catch let error as DecodingError {
            throw SpeckitError.badParameters(source: source, problem: Self.describe(error))
        }
    }

    /// JSON text as JSON; anything else as YAML, each scalar as the text it is written as (`name: 2048` is
    /// the name "2048"; only `~`, `null` and nothing are null), since every parameter is text.
    static func parse(_ text: String, source: String) throws -> JSONValue {
        let value: JSONValue
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            value = try OrderedJSON.parse(text, source: source)
        } else {
            do {
                value = try YAMLValueReader(file: source).read(text)?.textJSONValue ?? .null
            } catch let failure as YAMLFailure {
                let at = failure.line.map { "line \($0): " } ?? ""
                throw SpeckitError.badParameters(source: source, problem: "not valid JSON or YAML: \(at)\(failure.problem)")
            }
        }
        guard case .object = value else {
            throw SpeckitError.badParameters(
                source: source,
                problem: "expected a mapping of name, description, goals, phases and principles, such as name: Ops Control Room")
        }
        return value
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context):
            let key = context.codingPath.first?.stringValue ?? ""
            let expected = ["goals", "phases", "principles"].contains(key) ? "a list of texts" : "text"
            return "'\(path(context))' should be \(expected)"
        case .valueNotFound(_, let context), .keyNotFound(_, let context):
            return "'\(path(context))' is missing"
        case .dataCorrupted(let context):
            return "not valid JSON or YAML: \(context.debugDescription.split(separator: "\n").first ?? "")"
        @unknown default:
            return "unreadable parameters"
        }
    }
}
