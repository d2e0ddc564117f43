/// Every format a report can be written in: the one list `--format`, `--report FORMAT=FILE` and the run
/// step's `formats` choose from, each with its file name, media type and writer. A new format is one case
/// here and one writer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, junit, sarif, github, gitlab

    /// `text, json, markdown, junit, sarif, github, gitlab`, for help texts.
    public static let list = allCases.map(\.rawValue).joined(separator: ", ")

    /// Whether a program, not a person, reads it (no progress line, no colour).
    public var isMachineFormat: Bool { self != .text }

    /// How the file ends: `sarif`, `junit.xml`, `gitlab.json` …
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        case .junit: return "junit.xml"
        case .sarif: return "sarif"
        case .github: return "github.txt"
        case .gitlab: return "gitlab.json"
        }
    }

    /// The report's name as a run step's artifact: `report.sarif`, `report.junit.xml` …
    public var artifactName: String { "report." + fileExtension }

    public var mediaType: String {
        switch self {
        case .text, .github: return "text/plain"
        case .json, .gitlab: return "application/json"
        case .markdown: return "text/markdown"
        case .junit: return "application/xml"
        case .sarif: return "application/sarif+json"
        }
    }

    /// The writer of this format for a run.
    public func writer(_ context: ReportContext) -> any ReportWriter & Sendable {
        switch self {
        case .text:
            return TextReporter(
                color: context.color, quiet: context.quiet, strict: context.strict, verbose: context.verbose, failOn: context.failOn)
        case .json: return JSONReporter()
        case .markdown: return MarkdownReporter(paths: context.paths, strict: context.strict)
        case .junit: return JUnitReporter(rules: context.rules, strict: context.strict, paths: context.paths, failOn: context.failOn)
        case .sarif: return SarifReporter(paths: context.paths)
        case .github: return GitHubReporter(paths: context.paths)
        case .gitlab: return GitLabReporter(paths: context.paths)
        }
    }
}

/// What the writers of one run need to know: how strict it is, what fails it, the rules that ran, how to
/// name files, and how the text format looks.
public struct ReportContext: Sendable {
    public var strict: Bool
    public var failOn: ValidationReport.Summary.FailOn
    /// The rules that run, for JUnit's test cases.
    public var rules: [RuleID]
    public var paths: ReportPaths
    public var color = false
    public var quiet = false
    public var verbose = false

    public init(
        strict: Bool, rules: [RuleID], failOn: ValidationReport.Summary.FailOn = .all,
        paths: ReportPaths = .forCurrentFolder()
    ) {
        self.strict = strict
        self.failOn = failOn
        self.rules = rules
        self.paths = paths
    }

    /// The rules `settings` runs: the kit rules, and the diff rules when the run compares with a base
    /// (`speckit diff` runs only those).
    public static func rules(settings: ValidationSettings, kitRules: Bool = true, diffRules: Bool = false) -> [RuleID] {
        let descriptions =
            (kitRules ? RuleRegistry.rules.map { $0.description } : [])
            + (diffRules ? RuleRegistry.diffRules.map { $0.description } : [])
        return descriptions.filter { settings.severity(of: $0) != nil }.map(\.id)
    }
}
