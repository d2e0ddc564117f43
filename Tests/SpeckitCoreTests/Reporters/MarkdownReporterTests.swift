import Testing

@testable import SpeckitCore

@Suite("Markdown report")
struct MarkdownReporterTests {
    @Test("marker first, verdict, progress with a bar, findings with links to their lines")
    func layout() {
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome([ReporterSamples.finding()])])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "<!-- speckit:report -->")
        #expect(lines[1] == "### ❌ speckit failed: 1 error, 0 warnings, 0 notes")
        #expect(text.contains("| **spec** | | `█████░░░░░` 50% | 1/2 |"))
        #expect(text.contains("| | [Phase 1 — Setup](spec/tasks.md#L1) | `█████░░░░░` 50% | 1/2 |"))
        #expect(
            text.contains(
                "| ❌ | `tasks.unknown-dependency` | [spec/tasks.md:3](spec/tasks.md#L3) | task T2 depends on T9, which does not exist |"))
        #expect(!text.contains("<details>"))
    }

    @Test("cells cannot break the table or inject HTML")
    func escaping() {
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(
            &writer,
            [
                ReporterSamples.outcome([
                    ReporterSamples.finding(message: "a | b <script>x</script> & c\nnext line [x](y) @team")
                ])
            ])
        #expect(text.contains("| a \\| b &lt;script&gt;x&lt;/script&gt; &amp; c next line \\[x\\](y) @\u{200B}team |"))
    }

    @Test("errors come first, then warnings, then notes")
    func severityOrder() {
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(
            &writer,
            [
                ReporterSamples.outcome([
                    ReporterSamples.finding(.placeholder, .warning, line: 1), ReporterSamples.finding(line: 9),
                ])
            ])
        #expect(text.range(of: "| ❌ |")!.lowerBound < text.range(of: "| ⚠️ |")!.lowerBound)
    }

    @Test("past 50 findings the rest fold into <details>")
    func folding() {
        let findings = (1...60).map { ReporterSamples.finding(line: $0) }
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome(findings)])
        let before = text.components(separatedBy: "<details>")[0]
        #expect(before.components(separatedBy: "| ❌ |").count - 1 == 50)
        #expect(text.contains("<details><summary>10 more findings</summary>"))
        #expect(text.components(separatedBy: "| ❌ |").count - 1 == 60)
        #expect(!text.contains("not shown"))
    }

    @Test("a huge report stays under GitHub's 65,536-character limit and says what it left out")
    func limit() {
        let message = String(repeating: "long message ", count: 30)
        let outcomes = (0..<5).map { kit in
            ReporterSamples.outcome(
                (1...1_000).map { ReporterSamples.finding(line: $0, file: "spec/k\(kit)/tasks.md", message: message) },
                files: ["spec/k\(kit)/tasks.md"])
        }
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, outcomes)
        #expect(text.utf8.count <= MarkdownReporter.commentLimit)
        #expect(text.hasPrefix(MarkdownReporter.marker))
        let shown = text.components(separatedBy: "| ❌ |").count - 1
        #expect(shown > 50 && shown < 5_000)
        #expect(text.contains("\(5_000 - shown) more findings are not shown"))
        #expect(text.hasSuffix("<sub>speckit \(Speckit.version)</sub>\n"))
    }

    @Test("the changes section lists regressions first, with links")
    func changes() {
        var regression = PlanChange(
            kind: .status, subject: .task, kit: "spec", id: "T1.3", title: "Migration",
            range: SourceRange(file: "spec/tasks.md", line: 27, column: 1))
        regression.from = .done
        regression.to = .todo
        regression.regression = true
        let added = PlanChange(
            kind: .added, subject: .task, kit: "spec", id: "T9", title: "New",
            range: SourceRange(file: "spec/tasks.md", line: 90, column: 1))
        let diff = PlanDiff(base: "origin/main", head: "working tree", changes: [added, regression])
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome([])], diff: diff)
        #expect(text.contains("#### Changes since `origin/main`\n\n1 regression, 1 added.\n"))
        let regressionRow = "| ❌ | T1.3 done → todo (regression) | [spec/tasks.md:27](spec/tasks.md#L27) |"
        let addedRow = "| ➕ | T9 added | [spec/tasks.md:90](spec/tasks.md#L90) |"
        #expect(text.contains(regressionRow) && text.contains(addedRow))
        #expect(text.range(of: regressionRow)!.lowerBound < text.range(of: addedRow)!.lowerBound)
    }

    @Test("links go to the commit under test in GitHub Actions")
    func actionsLinks() {
        let paths = ReportPaths.forCurrentFolder(environment: [
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "acme/plans", "GITHUB_SHA": "abc123",
        ])
        #expect(paths.linkBase == "https://github.com/acme/plans/blob/abc123/")
        #expect(ReportPaths.forCurrentFolder(environment: [:]).linkBase == "")
    }
}
