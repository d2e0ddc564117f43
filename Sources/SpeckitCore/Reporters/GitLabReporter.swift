/// GitLab Code Quality (a Code Climate issue list): a JSON array with one issue per finding, each with a
/// `description`, the rule as `check_name`, a `fingerprint` unique in the report and stable across edits
/// elsewhere in the file, a `severity` (error → major, warning → minor, note → info) and a `location` with
/// the repository-relative `path` and `lines.begin`. Written as kits finish; keys sorted.
public struct GitLabReporter: ReportWriter, Sendable {
    public var paths: ReportPaths
    private var wrote = false
    /// Equal findings get different issue fingerprints.
    private var fingerprints = UniqueFingerprints()

    public init(paths: ReportPaths) {
        self.paths = paths
    }

    struct Issue: Encodable {
        struct Location: Encodable {
            struct Lines: Encodable { var begin: Int }
            var path: String
            var lines: Lines
        }
        var type = "issue"
        var checkName: String
        var description: String
        var categories = ["Bug Risk"]
        var fingerprint: String
        var severity: String
        var location: Location

        enum CodingKeys: String, CodingKey {
            case type, description, categories, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    public func begin(diff: PlanDiff?) -> String { "[" }

    public mutating func kit(_ outcome: KitOutcome) -> String {
        var out = ""
        for finding in outcome.findings {
            let file = paths.relative(finding.range.file)
            let issue = Issue(
                checkName: finding.ruleId.rawValue, description: finding.messageWithFix,
                fingerprint: fingerprints.next(finding, paths: paths),
                severity: Self.severity(finding.severity),
                location: Issue.Location(path: file, lines: Issue.Location.Lines(begin: max(1, finding.range.line))))
            out += (wrote ? ",\n" : "\n") + JSONPieces.indent(JSONPieces.encode(issue), by: 2)
            wrote = true
        }
        return out
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        emit(wrote ? "\n]\n" : "]\n")
    }

    /// Code Climate's severities: info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "major"
        case .warning: return "minor"
        case .note: return "info"
        }
    }
}
