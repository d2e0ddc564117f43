import Foundation
import Testing

@testable import SpeckitCore

@Suite("SARIF report")
struct SarifReporterTests {
    static func log(_ findings: [Finding]) throws -> JSONValue {
        var writer = SarifReporter(paths: ReportPaths(root: "/repo", current: "/repo"))
        return try JSONSchemaValidator.parse(Data(ReporterSamples.render(&writer, [ReporterSamples.outcome(findings)]).utf8))
    }

    @Test("every rule that fired has an id, descriptions and help text; results point into the list")
    func rules() throws {
        let finding = Finding(
            ruleId: .conflictingStatements, severity: .error, message: "T4 stated done and open",
            range: SourceRange(file: "/repo/spec/tasks.md", line: 7, column: 3, endLine: 7, endColumn: 10),
            related: [RelatedLocation("stated open here", at: SourceRange(file: "/repo/spec/plan.md", line: 2, column: 1))])
        let log = try Self.log([finding])
        #expect(log["version"] == .string("2.1.0"))
        let run = try #require(log["runs"]?[0])
        guard case .array(let rules)? = run["tool"]?["driver"]?["rules"] else {
            Issue.record("no rules")
            return
        }
        // Only the rules that fired: a report does not copy the catalogue (#16), so a new rule changes no report.
        #expect(rules.map { $0["id"] } == [.string("status.conflicting-statements")])
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                guard case .string(let text)? = rule[key]?["text"] else {
                    Issue.record("\(key) missing")
                    continue
                }
                #expect(!text.isEmpty)
            }
        }
        let result = try #require(run["results"]?[0])
        guard case .number(let index)? = result["ruleIndex"] else {
            Issue.record("no ruleIndex")
            return
        }
        #expect(rules[Int(index)]["id"] == .string("status.conflicting-statements"))
        #expect(result["level"] == .string("error"))
        let location = try #require(result["locations"]?[0]?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"] == .string("spec/tasks.md"))
        #expect(location["region"]?["startLine"] == .number(7))
        #expect(location["region"]?["startColumn"] == .number(3))
        #expect(location["region"]?["endColumn"] == .number(11))
        #expect(result["relatedLocations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == .string("spec/plan.md"))
        #expect(run["columnKind"] == .string("unicodeCodePoints"))
    }

    @Test("fingerprints are stable and differ between findings")
    func fingerprints() throws {
        let one = try Self.log([ReporterSamples.finding()])["runs"]?[0]?["results"]?[0]?["partialFingerprints"]
        let again = try Self.log([ReporterSamples.finding()])["runs"]?[0]?["results"]?[0]?["partialFingerprints"]
        let other = try Self.log([ReporterSamples.finding(message: "else")])["runs"]?[0]?["results"]?[0]?["partialFingerprints"]
        #expect(one != nil && one == again && one != other)
    }

    @Test("rules are listed once each, in the order they first fire, and a clean run lists none")
    func firedRules() throws {
        let findings = [
            ReporterSamples.finding(message: "a"), ReporterSamples.finding(message: "b"),
            Finding(
                ruleId: .placeholder, severity: .warning, message: "token",
                range: SourceRange(file: "/repo/spec/tasks.md", line: 9, column: 1)),
        ]
        let run = try #require(Self.log(findings)["runs"]?[0])
        guard case .array(let rules)? = run["tool"]?["driver"]?["rules"], case .array(let results)? = run["results"] else {
            Issue.record("no rules or results")
            return
        }
        let ids = rules.map { $0["id"] }
        #expect(Set(ids.compactMap { $0 }).count == 2 && ids.count == 2)
        #expect(ids.contains(.string("content.placeholder")) && ids.contains(.string(ReporterSamples.finding().ruleId.rawValue)))
        #expect(results.count == 3)
        for result in results {
            guard case .number(let index)? = result["ruleIndex"] else {
                Issue.record("no ruleIndex")
                continue
            }
            #expect(rules[Int(index)]["id"] == result["ruleId"])
        }
        let clean = try #require(Self.log([])["runs"]?[0])
        #expect(clean["tool"]?["driver"]?["rules"] == .array([]))
    }
}
