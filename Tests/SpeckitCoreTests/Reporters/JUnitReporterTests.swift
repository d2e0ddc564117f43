import Foundation
import Testing

@testable import SpeckitCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("JUnit report")
struct JUnitReporterTests {
    static func xml(strict: Bool = false) throws -> XMLDocument {
        let findings = [
            ReporterSamples.finding(), ReporterSamples.finding(line: 9),
            ReporterSamples.finding(.placeholder, .warning, line: 4, message: "placeholder 'TBD' <left> & \"quoted\""),
            ReporterSamples.finding(.headingSkip, .error, line: 2, file: "spec/plan.md", message: "skip"),
        ]
        var writer = JUnitReporter(rules: [.unknownDependency, .placeholder, .headingSkip], strict: strict, paths: ReporterSamples.paths)
        let text = ReporterSamples.render(
            &writer, [ReporterSamples.outcome(findings, files: ["spec/tasks.md", "spec/plan.md"])], strict: strict)
        return try XMLDocument(data: Data(text.utf8))
    }

    @Test("a test case per rule and file, unique names, no dots in classname, failures for errors")
    func structure() throws {
        let document = try Self.xml()
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == 6)
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(Set(names).count == names.count)
        #expect(names.contains("tasks.unknown-dependency spec/tasks.md"))
        #expect(cases.allSatisfy { !($0.attribute(forName: "classname")?.stringValue ?? ".").contains(".") })
        let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }
        #expect(
            failed.compactMap { $0.attribute(forName: "name")?.stringValue }.sorted()
                == ["structure.heading-skip spec/plan.md", "tasks.unknown-dependency spec/tasks.md"])
        let failure = try #require(
            failed.first { $0.attribute(forName: "name")?.stringValue == "tasks.unknown-dependency spec/tasks.md" }?
                .elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "2 findings; the first: task T2 depends on T9, which does not exist")
        #expect(failure.stringValue?.split(separator: "\n").count == 2)
        let warning = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == "content.placeholder spec/tasks.md" })
        #expect(
            warning.elements(forName: "system-out").first?.stringValue
                == "spec/tasks.md:4:3: warning: placeholder 'TBD' <left> & \"quoted\"")
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "6")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
    }

    @Test("under --strict warnings are failures too")
    func strict() throws {
        let failed = try Self.xml(strict: true).nodes(forXPath: "//testcase[failure]")
        #expect(failed.count == 3)
    }

    @Test("attributes are written in a fixed order")
    func attributeOrder() throws {
        var writer = JUnitReporter(rules: [.unknownDependency], strict: false, paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome([ReporterSamples.finding()])])
        #expect(text.contains("<testsuites name=\"speckit\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\">"))
        #expect(text.contains("<testcase name=\"tasks.unknown-dependency spec/tasks.md\" classname=\"spec\" time=\"0\">"))
    }

    @Test("control characters XML cannot hold are replaced, not written")
    func controlCharacters() throws {
        var writer = JUnitReporter(rules: [.unknownDependency], strict: false, paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome([ReporterSamples.finding(message: "bell \u{07} here")])])
        let document = try XMLDocument(data: Data(text.utf8))
        #expect(try document.nodes(forXPath: "//failure").first?.stringValue?.contains("bell \u{FFFD} here") == true)
    }
}
