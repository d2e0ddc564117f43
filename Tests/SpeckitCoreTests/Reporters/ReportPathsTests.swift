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

    @Test("a file's identity is the same through a link inside the repository and from a folder outside it")
    func identity() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("specs/a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/alink", withDestinationPath: "specs/a")
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = ReportPaths(root: root.path, current: root.path)
        #expect(inside.identity("specs/a/tasks.md") == "specs/a/tasks.md")
        #expect(inside.identity("alink/tasks.md") == "specs/a/tasks.md")
        let outside = ReportPaths(root: "/", current: "/")
        #expect(outside.identity(root.path + "/specs/a/tasks.md") == "specs/a/tasks.md")
        #expect(outside.identity("/elsewhere/tasks.md") == "elsewhere/tasks.md", "in no repository: relative as reports name it")
    }

    @Test("code spans in tables: no escapes that show as backslashes, a fence longer than any run of backticks")
    func codeSpans() {
        #expect(MarkdownText.code("specs/[a]&<b>") == "`specs/[a]&<b>`")
        #expect(MarkdownText.code("a|b") == "`a\\|b`")
        #expect(MarkdownText.code("x``y") == "```x``y```")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.code("fe|at", inTable: false) == "`fe|at`", "outside a table a backslash would show")
    }
}
