/// SARIF 2.1.0 with what GitHub code scanning requires: every rule a result names in `tool.driver.rules`
/// (only those, in the order they first fire, so a report does not copy the whole catalogue) with a short and
/// full description and `help.text`; each result with its `ruleId`, level, message, a repository-relative
/// `artifactLocation.uri` and a region starting at the finding's line and column (columns count Unicode
/// code points, as `columnKind` says). Results are written as kits finish; keys are sorted.
public struct SarifReporter: ReportWriter, Sendable {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public var paths: ReportPaths
    /// Every rule speckit has, in registry order: where the descriptions of the rules that fire come from.
    public var rules: [RuleDescription]
    /// The rules that fired so far, in the order they first did: `ruleIndex` points into this list.
    private var fired: [RuleID] = []

    private var wroteResult = false
    /// Equal findings get different result fingerprints.
    private var fingerprints = UniqueFingerprints()

    public init(paths: ReportPaths, rules: [RuleDescription] = RuleRegistry.descriptions) {
        self.paths = paths
        self.rules = rules
    }

    public func begin(diff: PlanDiff?) -> String {
        """
        {
          "$schema" : "\(Self.schemaURI)",
          "runs" : [
            {
              "columnKind" : "unicodeCodePoints",
              "invocations" : [
                {
                  "executionSuccessful" : true
                }
              ],
              "results" : [
        """
    }

    public mutating func kit(_ outcome: KitOutcome) -> String {
        var out = ""
        for finding in outcome.findings {
            let fingerprint = fingerprints.next(finding, paths: paths)
            let index = fired.firstIndex(of: finding.ruleId) ?? fired.count
            if index == fired.count { fired.append(finding.ruleId) }
            let encoded = JSONPieces.encode(result(finding, fingerprint: fingerprint, ruleIndex: index))
            out += (wroteResult ? ",\n" : "\n") + JSONPieces.indent(encoded, by: 8)
            wroteResult = true
        }
        return out
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        let tool = Sarif.Tool(
            driver: Sarif.Driver(
                name: "speckit", version: Speckit.version,
                semanticVersion: Speckit.version,
                rules: fired.compactMap { id in rules.first { $0.id == id } }.map(descriptor)))
        // Findings the plans' own comments silenced are counted in the run's property bag.
        let suppressed =
            closing.summary.suppressed > 0
            ? ",\n      \"properties\" : {\n        \"suppressed\" : \(closing.summary.suppressed)\n      }" : ""
        emit(
            (wroteResult ? "\n      ]" : "]") + suppressed + ",\n      \"tool\" : "
                + JSONPieces.indent(JSONPieces.encode(tool), by: 6, first: false)
                + "\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n")
    }

    /// A result; `fingerprint` is the finding's, unique in the report (`UniqueFingerprints`: rule, file and
    /// line text, never the line number, which changes whenever lines are added above).
    func result(_ finding: Finding, fingerprint: String, ruleIndex: Int) -> Sarif.Result {
        let related = finding.related.filter { $0.range != finding.range }.enumerated().map { index, related in
            Sarif.Location(id: index + 1, message: Sarif.Message(text: related.message), physicalLocation: location(related.range))
        }
        return Sarif.Result(
            ruleId: finding.ruleId.rawValue, ruleIndex: ruleIndex,
            level: Sarif.level(finding.severity), message: Sarif.Message(text: finding.messageWithFix),
            locations: [Sarif.Location(physicalLocation: location(finding.range))],
            relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: ["speckitFinding/v2": fingerprint],
            baselineState: finding.isNew.map { $0 ? "new" : "unchanged" })
    }

    func location(_ range: SourceRange) -> Sarif.PhysicalLocation {
        let endLine = max(range.endLine, range.line)
        let endColumn = endLine == range.line ? max(range.endColumn, range.column) + 1 : range.endColumn + 1
        return Sarif.PhysicalLocation(
            artifactLocation: Sarif.ArtifactLocation(uri: paths.uri(range.file)),
            region: Sarif.Region(
                startLine: max(1, range.line), startColumn: max(1, range.column), endLine: max(1, endLine),
                endColumn: max(2, endColumn)))
    }

    func descriptor(_ rule: RuleDescription) -> Sarif.ReportingDescriptor {
        let name = rule.id.rawValue.split(whereSeparator: { $0 == "." || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        var help = rule.rationale
        if let example = rule.triggering.first?.files.first {
            help += "\n\nExample that triggers it (\(example.path)):\n\n" + String(decoding: example.bytes, as: UTF8.self)
        }
        // Severity is the one measure of confidence (docs/rules.md, "Severity policy"): SARIF's precision follows it.
        let severity: String
        let precision: String
        switch rule.defaultSeverity {
        case .error: (severity, precision) = ("error", "very-high")
        case .warning: (severity, precision) = ("warning", "high")
        case .note: (severity, precision) = ("recommendation", "medium")
        }
        return Sarif.ReportingDescriptor(
            id: rule.id.rawValue, name: name, shortDescription: Sarif.Message(text: rule.title),
            fullDescription: Sarif.Message(text: rule.rationale), help: Sarif.Message(text: help),
            defaultConfiguration: Sarif.ReportingConfiguration(level: Sarif.level(rule.defaultSeverity)),
            properties: Sarif.RuleProperties(
                tags: ["speckit", rule.id.category], precision: precision,
                problemSeverity: severity))
    }
}
