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
        #expect(text.contains("#### Findings (1)\n"))
        #expect(text.contains("| `tasks.unknown-dependency` | 1 | 0 | 0 |\n"), "the table by rule")
        #expect(!text.contains("New"), "nothing was compared")
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
        #expect(before.components(separatedBy: "| ❌ | `").count - 1 == 50)
        #expect(text.contains("<details><summary>10 more findings</summary>"))
        #expect(text.components(separatedBy: "| ❌ | `").count - 1 == 60)
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
        let shown = text.components(separatedBy: "| ❌ | `").count - 1
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

    @Test("compared: the verdict counts new and existing, the new findings come first, the existing ones are folded")
    func compared() {
        var old = ReporterSamples.finding(line: 2)
        old.isNew = false
        var fresh = ReporterSamples.finding(line: 3, file: "other/tasks.md")
        fresh.isNew = true
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(
            &writer,
            [
                ReporterSamples.outcome([old]),
                ReporterSamples.outcome([fresh], files: ["other/tasks.md"], kit: "other"),
                ReporterSamples.outcome([], files: ["third/tasks.md"], kit: "third"),
            ], failOn: .new)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "### ❌ speckit failed: 1 new error, 1 existing")
        #expect(lines[3].hasPrefix("Checked 3 kits") && lines[3].contains("only new findings fail"), "\(lines[3])")
        let order = [
            "#### New findings (1)", "[other/tasks.md:3]", "#### By rule and kit", "#### Progress of the kits this pull request touched",
            "<details><summary>Progress of the other 2 kits</summary>", "<details><summary>1 existing finding</summary>",
            "[spec/tasks.md:2]",
        ]
        let places = order.map { text.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(text)")
        #expect(zip(places, places.dropFirst()).allSatisfy { $0! < $1! }, "\(text)")
        #expect(text.contains("| `tasks.unknown-dependency` | 2 | 0 | 0 | 1 |"))
        #expect(text.contains("| **other** | 1 | 0 | 0 | 1 |\n| **spec** | 1 | 0 | 0 | 0 |"), "the kit with new findings first")
        #expect(!text.contains("```mermaid"), "one touched kit needs no chart")
    }

    @Test("compared with nothing new: 'None', and the run passes")
    func nothingNew() {
        var old = ReporterSamples.finding()
        old.isNew = false
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, [ReporterSamples.outcome([old])], failOn: .new)
        #expect(text.contains("### ✅ speckit passed: 0 new errors, 1 existing\n"))
        #expect(text.contains("#### New findings\n\nNone: every finding was there before.\n"))
    }

    @Test("several touched kits get a Mermaid chart of percent done, with labels that cannot break it")
    func chart() {
        var findings: [KitOutcome] = []
        for name in ["alpha", "beta\"]\n x-axis [evil"] {
            var finding = ReporterSamples.finding(file: "\(name)/tasks.md")
            finding.isNew = true
            findings.append(ReporterSamples.outcome([finding], files: ["\(name)/tasks.md"], kit: name))
        }
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(&writer, findings, failOn: .new)
        #expect(
            text.contains(
                "```mermaid\nxychart-beta horizontal\n  title \"Tasks done (%)\"\n  x-axis [\"alpha\", \"beta___ x-axis _evil\"]\n"),
            "\(text)")
        #expect(text.contains("  bar [50, 50]\n```\n"))
    }

    @Test("past 10 changes the regressions stay open and the rest fold")
    func changesFold() {
        var changes = (1...12).map { line in
            var change = PlanChange(
                kind: .status, subject: .task, kit: "spec", id: "T\(line)", title: "Task",
                range: SourceRange(file: "spec/tasks.md", line: line, column: 1))
            (change.from, change.to, change.completion) = (.todo, .done, true)
            return change
        }
        changes[5].regression = true
        (changes[5].from, changes[5].to, changes[5].completion) = (.done, .todo, false)
        var writer = MarkdownReporter(paths: ReporterSamples.paths)
        let text = ReporterSamples.render(
            &writer, [ReporterSamples.outcome([])], diff: PlanDiff(base: "origin/main", head: "working tree", changes: changes))
        let section = text.components(separatedBy: "#### Changes since `origin/main`")[1]
        let open = section.components(separatedBy: "<details>")[0]
        #expect(open.contains("| ❌ | T6 done → todo (regression) |") && !open.contains("(completed)"), "\(section)")
        #expect(section.contains("<details><summary>11 other changes</summary>"))
        #expect(section.components(separatedBy: "(completed)").count - 1 == 11)
    }
}
