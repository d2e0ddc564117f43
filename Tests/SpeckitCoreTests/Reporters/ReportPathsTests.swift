import Testing

@testable import SpeckitCore

@Suite("Report paths")
struct ReportPathsTests {
    @Test("paths become relative to the repository root; outside it they stay as given")
    func relative() {
        let paths = ReportPaths(root: "/repo", current: "/repo/sub")
        #expect(paths.relative("tasks.md") == "sub/tasks.md")
        #expect(paths.relative("../spec/./tasks.md") == "spec/tasks.md")
        #expect(paths.relative("/repo/spec/tasks.md") == "spec/tasks.md")
        #expect(paths.relative("/elsewhere/tasks.md") == "/elsewhere/tasks.md")
        #expect(paths.relative("/repo") == ".")
    }

    @Test("URIs and links percent-encode each segment")
    func encoding() {
        let paths = ReportPaths(root: "/repo", current: "/repo", linkBase: "https://example.test/blob/1/")
        #expect(paths.uri("my specs/tâches #1.md") == "my%20specs/t%C3%A2ches%20%231.md")
        #expect(paths.link("spec/tasks.md", line: 41) == "https://example.test/blob/1/spec/tasks.md#L41")
    }
}
