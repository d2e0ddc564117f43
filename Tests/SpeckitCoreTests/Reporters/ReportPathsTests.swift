import Foundation
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

    @Test("a file reached through a symbolic link into the repository is named as inside it")
    func linked() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("specs"), withIntermediateDirectories: true)
        let link = root.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root.path)
        defer {
            try? FileManager.default.removeItem(atPath: link)
            try? FileManager.default.removeItem(at: root)
        }
        let paths = ReportPaths(root: root.path, current: root.path)
        #expect(paths.relative(link + "/specs/tasks.md") == "specs/tasks.md")
        #expect(paths.relative(link + "/specs/new/tasks.md") == "specs/new/tasks.md", "a file not written yet")
        #expect(paths.relative("/elsewhere/tasks.md") == "/elsewhere/tasks.md")
    }

    @Test("code spans in tables: no escapes that show as backslashes, a fence longer than any run of backticks")
    func codeSpans() {
        #expect(MarkdownText.code("specs/[a]&<b>") == "`specs/[a]&<b>`")
        #expect(MarkdownText.code("a|b") == "`a\\|b`")
        #expect(MarkdownText.code("x``y") == "```x``y```")
        #expect(MarkdownText.code("`x") == "`` `x ``")
    }
}
