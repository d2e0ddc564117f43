import Testing

@testable import SpeckitCore

@Suite("GitHub annotations")
struct GitHubReporterTests {
    @Test("data escapes %, CR and LF; properties also : and ,")
    func escaping() {
        #expect(GitHubReporter.data("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubReporter.property("a:b,c%") == "a%3Ab%2Cc%25")
        let finding = ReporterSamples.finding(message: "100% wrong\nreally", )
        let line = GitHubReporter(paths: ReporterSamples.paths).command(
            Finding(
                ruleId: finding.ruleId, severity: .warning, message: finding.message,
                range: SourceRange(file: "spec/a,b:c.md", line: 4, column: 2)))
        #expect(line == "::warning file=spec/a%2Cb%3Ac.md,line=4,col=2,title=speckit tasks.unknown-dependency::100%25 wrong%0Areally")
    }

    @Test("at most 10 annotations per severity: nine, and a tenth of the same kind counting the rest")
    func cap() {
        let findings =
            (1...25).map { ReporterSamples.finding(line: $0) } + (1...3).map { ReporterSamples.finding(.placeholder, .warning, line: $0) }
        var writer = GitHubReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome(findings)])
        let lines = text.split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("::error ") } == 10)
        #expect(lines.count { $0.hasPrefix("::error file=") } == 9)
        #expect(lines.count { $0.hasPrefix("::warning file=") } == 3)
        #expect(lines.contains { $0.hasPrefix("::error title=speckit%3A 16 more errors::16 more errors are not annotated") })
        #expect(!lines.contains { $0.hasPrefix("::notice") })
        #expect(lines.last == "25 errors, 3 warnings, 0 notes in 1 file (1 kit, 2 tasks): failed")
    }

    @Test("exactly 10 of a kind are all annotated, with no summary")
    func exactlyTen() {
        var writer = GitHubReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome((1...10).map { ReporterSamples.finding(line: $0) })])
        let lines = text.split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("::error file=") } == 10)
        #expect(!lines.contains { $0.contains("more errors") })
    }
}
