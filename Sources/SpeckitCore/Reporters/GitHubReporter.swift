/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the runner turns into
/// annotations on the pull request. GitHub shows at most 10 annotations of each kind per step, so at most
/// `cap` are written per severity: when there are more, the last of them is an annotation of the same kind
/// that counts the rest (so it is never the one GitHub drops). Data is escaped as the runner
/// expects (`%`, CR and LF; in properties also `:` and `,`), other control characters made visible. The Markdown report goes to the step summary
/// (the command line appends it to `$GITHUB_STEP_SUMMARY`).
public struct GitHubReporter: ReportWriter, Sendable {
    /// Annotations GitHub shows per kind and step.
    public static let defaultCap = 10

    public var paths: ReportPaths
    public var cap: Int
    private var written: [Severity: Int] = [:]
    /// The `cap`-th finding of a severity, held back until it is known whether more follow.
    private var held: [Severity: Finding] = [:]
    private var left: [Severity: Int] = [:]
    private var diff: PlanDiff?

    public init(paths: ReportPaths, cap: Int = GitHubReporter.defaultCap) {
        self.paths = paths
        self.cap = cap
    }

    public mutating func begin(diff: PlanDiff?) -> String {
        self.diff = diff
        return ""
    }

    public mutating func kit(_ outcome: KitOutcome) -> String {
        var out = ""
        for finding in outcome.findings {
            let severity = finding.severity
            if written[severity, default: 0] < cap - 1 {
                written[severity, default: 0] += 1
                out += command(finding) + "\n"
            } else if held[severity] == nil, left[severity] == nil {
                held[severity] = finding
            } else {
                held[severity] = nil
                left[severity, default: 1] += 1
            }
        }
        return out
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        for severity in Severity.allCases.reversed() {
            if let finding = held[severity] { emit(command(finding) + "\n") }
            guard let count = left[severity], count > 0 else { continue }
            emit(
                "::\(Self.kind(severity)) title=\(Self.property("speckit: \(count) more \(severity.rawValue)s"))::"
                    + Self.data(
                        "\(count) more \(severity.rawValue)s are not annotated (GitHub shows \(cap) per kind); "
                            + "the SARIF and JUnit reports list them all")
                    + "\n")
        }
        if let diff {
            emit("speckit: changes since \(diff.base): \(diff.counts.description)\n")
        }
        emit(TextReporter().summaryLine(closing.summary) + "\n")
    }

    /// One workflow command for a finding.
    func command(_ finding: Finding) -> String {
        let range = finding.range
        var properties = [("file", paths.relative(range.file)), ("line", "\(range.line)"), ("col", "\(range.column)")]
        if range.endLine > range.line {
            properties.append(("endLine", "\(range.endLine)"))
        } else if range.endColumn > range.column {
            properties.append(("endColumn", "\(range.endColumn)"))
        }
        properties.append(("title", "speckit \(finding.ruleId.rawValue)"))
        return "::\(Self.kind(finding.severity)) " + properties.map { "\($0)=\(Self.property($1))" }.joined(separator: ",")
            + "::" + Self.data(finding.messageWithFix)
    }

    /// The workflow command for a severity.
    static func kind(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The message part: `%`, CR and LF escaped as the runner expects, every other control character (ESC,
    /// BEL …) shown as a visible escape, as everywhere else speckit prints.
    static func data(_ text: String) -> String {
        var out = ""
        for scalar in text.escapingControlCharacters(keeping: ["\r", "\n"]).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as `data`, and `:` and `,` escaped too.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
