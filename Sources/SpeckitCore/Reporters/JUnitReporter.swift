import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit XML, built as an XML tree with FoundationXML (libxml2) and never by pasting strings: one
/// `testsuite` per kit, one `testcase` per checked rule and file (named `rule file`, unique), a `failure` for
/// the findings that fail the run (errors, and warnings under `--strict`); other findings go to
/// `system-out`. `classname` is the kit's path with dots replaced, as JUnit readers split class names on
/// dots. Attributes are always written in the same order, so identical runs give identical files.
public struct JUnitReporter: ReportWriter, Sendable {
    /// The rules that ran, in registry order (rules turned off are not test cases).
    public var rules: [RuleID]
    public var strict: Bool
    public var paths: ReportPaths
    /// Whether only new findings fail (existing ones go to `system-out`).
    public var failOn: ValidationReport.Summary.FailOn

    private var suites: [Suite] = []

    /// One kit's results, kept until the end (the tree is written whole).
    private struct Suite: Sendable {
        var name: String
        var classname: String
        var root: String
        var profile: String
        var cases: [Case]
        /// Findings the kit's own `speckit-disable` comments covered.
        var suppressed = 0
    }

    private struct Case: Sendable {
        var name: String
        var rule: RuleID
        var failing: [Finding]
        var other: [Finding]
    }

    public init(rules: [RuleID], strict: Bool, paths: ReportPaths, failOn: ValidationReport.Summary.FailOn = .all) {
        self.rules = rules
        self.strict = strict
        self.paths = paths
        self.failOn = failOn
    }

    public func begin(diff: PlanDiff?) -> String { "" }

    public mutating func kit(_ outcome: KitOutcome) -> String {
        var files = outcome.summary.documents.map(\.path)
        var known = Set(files)
        for finding in outcome.findings where known.insert(finding.range.file).inserted { files.append(finding.range.file) }
        var byCase: [String: [Finding]] = [:]
        for finding in outcome.findings { byCase[finding.ruleId.rawValue + "\u{0}" + finding.range.file, default: []].append(finding) }
        var cases: [Case] = []
        for rule in rules + outcome.findings.map(\.ruleId).filter({ !rules.contains($0) }).uniqued() {
            for file in files {
                let found = byCase[rule.rawValue + "\u{0}" + file] ?? []
                cases.append(
                    Case(
                        name: "\(rule.rawValue) \(paths.relative(file))", rule: rule,
                        failing: found.filter(fails), other: found.filter { !fails($0) }))
            }
        }
        let root = paths.relative(outcome.summary.root)
        // Loose plan files in one folder are kits of their own with the same root: name them by their file.
        let name =
            outcome.summary.profile == .freeform
            ? (root == "." ? outcome.summary.name : "\(root)/\(outcome.summary.name)")
            : (root == "." ? outcome.summary.name : root)
        suites.append(
            Suite(
                name: name, classname: name.replacingOccurrences(of: ".", with: "_"), root: root,
                profile: outcome.summary.profile.rawValue, cases: cases, suppressed: outcome.suppressed))
        return ""
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        let root = XMLElement(name: "testsuites")
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.count { !$0.failing.isEmpty } }
        Self.set(
            root,
            [
                ("name", "speckit"), ("tests", "\(tests)"), ("failures", "\(failures)"), ("errors", "0"),
                ("skipped", "0"), ("time", "0"),
            ])
        for suite in suites { root.addChild(element(suite)) }
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        emit(document.xmlString(options: [.nodePrettyPrint]) + "\n")
    }

    private func element(_ suite: Suite) -> XMLElement {
        let element = XMLElement(name: "testsuite")
        Self.set(
            element,
            [
                ("name", suite.name), ("tests", "\(suite.cases.count)"),
                ("failures", "\(suite.cases.count { !$0.failing.isEmpty })"), ("errors", "0"),
                ("skipped", "0"), ("time", "0"),
            ])
        let properties = XMLElement(name: "properties")
        for (name, value) in [("root", suite.root), ("profile", suite.profile)]
            + (suite.suppressed > 0 ? [("suppressed", "\(suite.suppressed)")] : [])
        {
            let property = XMLElement(name: "property")
            Self.set(property, [("name", name), ("value", value)])
            properties.addChild(property)
        }
        element.addChild(properties)
        for test in suite.cases {
            let testcase = XMLElement(name: "testcase")
            Self.set(testcase, [("name", test.name), ("classname", suite.classname), ("time", "0")])
            if let first = test.failing.first {
                let failure = XMLElement(name: "failure", stringValue: XMLText.clean(test.failing.map(line).joined(separator: "\n")))
                let message = test.failing.count == 1 ? first.message : "\(test.failing.count) findings; the first: \(first.message)"
                Self.set(failure, [("message", message), ("type", test.rule.rawValue)])
                testcase.addChild(failure)
            }
            if !test.other.isEmpty {
                testcase.addChild(XMLElement(name: "system-out", stringValue: XMLText.clean(test.other.map(line).joined(separator: "\n"))))
            }
            element.addChild(testcase)
        }
        return element
    }

    /// Whether a finding fails the run.
    private func fails(_ finding: Finding) -> Bool {
        finding.failsRun(strict: strict, failOn: failOn)
    }

    /// `spec/tasks.md:41:3: error: message`, with the path relative to the repository; `(new)` or
    /// `(existing)` after it when the run was compared with a baseline or base.
    private func line(_ finding: Finding) -> String {
        "\(paths.relative(finding.range.file)):\(finding.range.line):\(finding.range.column): \(finding.severity.rawValue): \(finding.message)"
            + (finding.age.map { " (\($0))" } ?? "")
    }

    /// Adds attributes in the order given (libxml2 keeps insertion order).
    private static func set(_ element: XMLElement, _ attributes: [(String, String)]) {
        for (name, value) in attributes {
            // `attribute(withName:stringValue:)` always makes an attribute node.
            if let node = XMLNode.attribute(withName: name, stringValue: XMLText.clean(value)) as? XMLNode {
                element.addAttribute(node)
            }
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

/// Text made safe for XML 1.0: characters XML cannot hold at all (most C0 controls, lone surrogates cannot
/// occur in a Swift String) become U+FFFD.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isForbidden($0) ? "\u{FFFD}" : $0 }))
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return false
        case 0..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
