import Foundation
import Yams

/// A run template of the control plane: what a worker runs when it claims a run of this kind. The
/// definitions ship under `templates/run-templates/` (`NAME.yaml` beside `NAME.params.schema.json`) and are
/// embedded in the binary, so `speckit run` works from any folder.
public struct RunTemplate: Codable, Hashable, Sendable {
    /// One step of the template's step DSL: a shell command the worker runs.
    public struct Step: Codable, Hashable, Sendable {
        public var name: String
        /// `shell`: the only kind speckit's templates use.
        public var kind: String
        public var run: String
    }

    public var name: String
    public var description: String
    /// The lane a run of this template goes to unless the run names another.
    public var defaultLane: String
    /// The parameter JSON Schema's file name, beside the template.
    public var paramsSchema: String
    /// How long a worker lets the whole run take.
    public var timeoutSeconds: Int
    public var steps: [Step]

    enum CodingKeys: String, CodingKey {
        case name, description, steps
        case defaultLane = "default_lane"
        case paramsSchema = "params_schema"
        case timeoutSeconds = "timeout_seconds"
    }

    /// The template's definition as shipped (YAML).
    public var definitionText: String { EmbeddedRunTemplates.files["\(name).yaml"] ?? "" }

    /// The parameter schema as shipped (JSON text).
    public var schemaText: String { EmbeddedRunTemplates.files[paramsSchema] ?? "" }

    /// The parameter schema, ready to check parameters with.
    public func schema() throws -> ParamsSchema {
        try ParamsSchema(text: schemaText, source: paramsSchema)
    }
}

/// The run templates speckit can run.
public enum RunTemplates {
    /// Every template, by name.
    public static let all: [RunTemplate] = EmbeddedRunTemplates.files.keys.sorted()
        .filter { $0.hasSuffix(".yaml") }
        .compactMap { file in
            // The shipped files are checked by a test; one that did not decode would be missing from the list.
            try? YAMLDecoder().decode(RunTemplate.self, from: EmbeddedRunTemplates.files[file] ?? "")
        }

    /// The template called `name`.
    /// - Throws: `SpeckitError.unknownRunTemplate` naming the templates there are.
    public static func named(_ name: String) throws -> RunTemplate {
        guard let template = all.first(where: { $0.name == name }) else {
            throw SpeckitError.unknownRunTemplate(name, known: all.map(\.name))
        }
        return template
    }
}
