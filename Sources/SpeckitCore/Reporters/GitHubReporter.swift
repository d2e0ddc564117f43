/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the runner turns into
/// annotations on the pull request. GitHub shows at most 10 annotations of each kind per step, so at most
/// `cap` are written per severity, chosen when the run ends: new findings first, spread over rules and files
/// (`choose`). When there are more, the last annotation of the kind counts the rest (so it is never the one
/// GitHub drops). Data is escaped as the runner
/// expects (`%`, CR and LF; in properties also `:` and `,`), other control characters made visible. The Markdown report goes to the step summary
/// (the command line appends it to `$GITHUB_STEP_SUMMARY`).
public struct GitHubReporter: ReportWriter, Sendable {
    /// Annotations GitHub shows per kind and step.
    public static let defaultCap = 10
    /// The most places held per severity to choose from (a place: new or not, rule and file).
    static let placeLimit = 10_000

    public var paths: ReportPaths
    public var cap: Int
    /// Per severity, the places findings were seen, in the order they first were, with their first `cap`
    /// findings each, and how many findings there were in all.
    private var places: [Severity: [Place]] = [:]
    private var index: [Severity: [PlaceKey: Int]] = [:]
    private var total: [Severity: Int] = [:]
    private var diff: PlanDiff?

    private struct PlaceKey: Hashable, Sendable {
        var isNew: Bool
        var rule: RuleID
        var file: String
    }

    private struct Place: Sendable {
        var key: PlaceKey
        var findings: [Finding]
    }

    public init(paths: ReportPaths, cap: Int = GitHubReporter.defaultCap) {
        self.paths = paths
        self.cap = cap
    }

    public mutating func begin(diff: PlanDiff?) -> String {
        self.diff = diff
        return ""
    }

    /// Holds the kit's findings: which are annotated is chosen once all are known.
    public mutating func kit(_ outcome: KitOutcome) -> String {
        for finding in outcome.findings {
            let severity = finding.severity
            total[severity, default: 0] += 1
            let key = PlaceKey(isNew: finding.isNew != false, rule: finding.ruleId, file: finding.range.file)
            if let at = index[severity]?[key] {
                if places[severity]![at].findings.count < cap { places[severity]![at].findings.append(finding) }
            } else if places[severity, default: []].count < Self.placeLimit {
                index[severity, default: [:]][key] = places[severity, default: []].count
                places[severity, default: []].append(Place(key: key, findings: [finding]))
            }
        }
        return ""
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        for severity in Severity.allCases.reversed() {
            let count = total[severity, default: 0]
            let chosen = choose(places[severity] ?? [], room: count > cap ? cap - 1 : cap)
            for finding in chosen { emit(command(finding) + "\n") }
            let left = count - chosen.count
            guard left > 0 else { continue }
            emit(
                "::\(Self.kind(severity)) title=\(Self.property("speckit: \(left) more \(severity.rawValue)s"))::"
                    + Self.data(
                        "\(left) more \(severity.rawValue)s are not annotated (GitHub shows \(cap) per kind); "
                            + "the SARIF and JUnit reports list them all")
                    + "\n")
        }
        if let diff {
            emit("speckit: changes since \(diff.base): \(diff.counts.description)\n")
        }
        emit(TextReporter().summaryLine(closing.summary) + "\n")
    }

    /// Up to `room` findings: new ones first, spread over rules, then files: one from each rule's first file,
    /// then each rule's second file, and so on, before a second finding of any place. Chosen findings are
    /// written in report order.
    private func choose(_ places: [Place], room: Int) -> [Finding] {
        var filesSeen: [PlaceKey: Int] = [:]
        let ranked = places.map { place -> (place: Place, rank: Int) in
            let rule = PlaceKey(isNew: place.key.isNew, rule: place.key.rule, file: "")
            defer { filesSeen[rule, default: 0] += 1 }
            return (place, filesSeen[rule, default: 0])
        }
        .enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.place.key.isNew != y.place.key.isNew { return x.place.key.isNew }
            if x.rank != y.rank { return x.rank < y.rank }
            return a.offset < b.offset
        }.map(\.element.place)
        var chosen: [Finding] = []
        var round = 0
        while chosen.count < room {
            var took = false
            for place in ranked where round < place.findings.count && chosen.count < room {
                chosen.append(place.findings[round])
                took = true
            }
            if !took { break }
            round += 1
        }
        return chosen.sorted(by: Finding.reportOrder)
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
        let age = finding.age.map { " (\($0))" } ?? ""
        properties.append(("title", "speckit \(finding.ruleId.rawValue)\(age)"))
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
