/// The parts of a SARIF 2.1.0 log speckit writes, as Codable values (property names are SARIF's).
enum Sarif {
    struct Message: Codable, Hashable {
        var text: String
        var markdown: String?
    }

    struct ArtifactLocation: Codable, Hashable {
        /// Relative to the repository root, percent-encoded.
        var uri: String
    }

    struct Region: Codable, Hashable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        /// One past the last column (SARIF's end column is exclusive).
        var endColumn: Int
    }

    struct PhysicalLocation: Codable, Hashable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Location: Codable, Hashable {
        var id: Int?
        var message: Message?
        var physicalLocation: PhysicalLocation
    }

    struct Result: Codable, Hashable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        /// A stable id per finding, so code scanning tracks an alert across pushes.
        var partialFingerprints: [String: String]
        /// `new` or `unchanged` when the run was compared with a baseline or base revision.
        var baselineState: String?
    }

    struct ReportingConfiguration: Codable, Hashable {
        var level: String
    }

    struct RuleProperties: Codable, Hashable {
        var tags: [String]
        var precision: String
        var problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, precision
            case problemSeverity = "problem.severity"
        }
    }

    struct ReportingDescriptor: Codable, Hashable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: ReportingConfiguration
        var properties: RuleProperties
    }

    struct Driver: Codable, Hashable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [ReportingDescriptor]
    }

    struct Tool: Codable, Hashable {
        var driver: Driver
    }

    struct Invocation: Codable, Hashable {
        var executionSuccessful: Bool
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }
}
