import Testing

@testable import SpeckitCore

/// `.speckit.yml`: what it sets, and a one-line error with file, line and column for every mistake.
@Suite("Configuration file")
struct ConfigFileTests {
    @Test("every setting is read")
    func readsEverything() throws {
        let settings = try ConfigFile.parse(
            """
            profile: kiro
            include: ["plans/**"]
            exclude:
              - Tests/Fixtures/**
              - "*.draft.md"
            includeTemplates: true
            rules:
              content.placeholder: off
              acceptance.missing: error
              encoding.bom: note
            statusWords:
              shipped-to-qa: review
              on ice: deferred
            requiredSections:
              plan: [Architecture, Risks]
            strict: true
            limits:
              archiveEntries: 50
              archiveRatio: 20
              blocks: 7
              fileBytes: 4096
            """, file: ".speckit.yml")
        #expect(settings.profile == .kiro)
        #expect(settings.includeTemplates)
        #expect(settings.include == ["plans/**"])
        #expect(settings.exclude == ["Tests/Fixtures/**", "*.draft.md"])
        #expect(settings.severities[.placeholder] == .some(nil))
        #expect(settings.severities[.acceptanceMissing] == .some(.error))
        #expect(settings.severities[.byteOrderMark] == .some(.note))
        #expect(settings.statusWords == ["shipped-to-qa": .review, "on ice": .deferred])
        #expect(settings.vocabulary.status(forWord: "Shipped to QA") == .review)
        #expect(settings.requiredSections == [.plan: ["Architecture", "Risks"]])
        #expect(settings.strict)
        #expect(settings.archiveLimits == ArchiveLimits(maxBytes: ArchiveLimits.standard.maxBytes, maxEntries: 50, maxRatio: 20))
        var limits = Limits.standard
        (limits.archiveEntries, limits.archiveRatio, limits.blocks, limits.fileBytes) = (50, 20, 7, 4096)
        #expect(settings.limits == limits)
        #expect(settings.severity(of: PlaceholderRule.description) == nil)
    }

    @Test("rule families and globs: the most specific wins, an id beats any glob, opt-in rules stay off")
    func ruleGlobs() throws {
        let settings = try ConfigFile.parse(
            """
            rules:
              "*": note
              status.*: warning
              status.claim-*: error
              status.phase-contradiction: off
              content.*: off
            """, file: ".speckit.yml")
        #expect(settings.severity(of: ClaimMismatchRule.description) == .error)
        #expect(settings.severity(of: ConflictingStatementsRule.description) == .warning)
        #expect(settings.severity(of: PhaseContradictionRule.description) == nil)
        #expect(settings.severity(of: PlaceholderRule.description) == nil)
        #expect(settings.severity(of: DuplicateTaskIDRule.description) == .note)
        // status.unknown-value is opt-in: a glob changes the severity of rules that run, it turns none on.
        #expect(settings.severity(of: UnknownStatusValueRule.description) == nil)
    }

    @Test("an empty or comment-only file is the defaults")
    func empty() throws {
        let settings = try ConfigFile.parse("# nothing yet\n", file: ".speckit.yml")
        #expect(settings.profile == nil && !settings.strict && settings.severities.isEmpty)
    }

    @Test(
        "mistakes name the file, line and column and what was expected",
        arguments: [
            (
                "profile: spec-kit\n", 1, 10,
                "unknown profile 'spec-kit' (expected one of speckit, github-spec-kit, kiro, openspec, taskmaster, freeform)"
            ),
            (
                "strict: true\nstrictness: 1\n", 2, 1,
                "unknown setting 'strictness' (expected one of profile, include, exclude, includeTemplates, rules, statusWords, words, requiredSections, strict, limits)"
            ),
            (
                "rules:\n  tasks.unknown-dep: off\n", 2, 3,
                "unknown rule 'tasks.unknown-dep' (expected one of tasks.duplicate-id, tasks.unknown-dependency, tasks.self-dependency, tasks.dependency-cycle, tasks.done-before-dependency, tasks.malformed-marker, tasks.done-without-evidence, tasks.ticked-without-change)"
            ),
            (
                "rules:\n  content.placeholder: fatal\n", 2, 24,
                "expected error, warning, note or off for content.placeholder, found 'fatal'"
            ),
            ("rules: [a, b]\n", 1, 8, "expected a mapping of rule ids or globs (status.*) to error, warning, note or off"),
            (
                "rules:\n  stat.*: off\n", 2, 3,
                "'stat.*' matches no rule (families: acceptance.*, content.*, encoding.*, input.*, status.*, structure.*, suppression.*, tasks.*, trace.*, yaml.*)"
            ),
            ("rules:\n  '*.*-*': off\n", 2, 3, "'*.*-*' has more than one '*' (expected a rule id, a family such as status.*, or *)"),
            ("strict: maybe\n", 1, 9, "expected true or false for 'strict', found 'maybe'"),
            (
                "statusWords:\n  shipped: launched-ish\n", 2, 12,
                "unknown status 'launched-ish' for 'shipped' (expected one of todo, in_progress, review, blocked, deferred, done, cancelled, failed)"
            ),
            (
                "requiredSections:\n  roadmap: [Risks]\n", 2, 3,
                "unknown document kind 'roadmap' (expected one of constitution, prd, plan, tasks, checklist, reference, other)"
            ),
            ("exclude: {a: 1}\n", 1, 10, "expected a list of globs"),
            ("limits:\n  archiveRatio: -3\n", 2, 17, "expected a whole number from 1 to 1099511627776 for archiveRatio, found '-3'"),
            (
                "limits:\n  fileBytes: 9223372036854775807\n", 2, 14,
                "expected a whole number from 1 to 1099511627776 for fileBytes, found '9223372036854775807'"
            ),
            (
                "limits:\n  blok: 3\n", 2, 3,
                "unknown limit 'blok' (expected one of fileBytes, paragraphBytes, blocks, tableCells, inlineMarks, nesting, yamlNesting, yamlNodes, archiveBytes, archiveEntries, archiveRatio)"
            ),
            (
                "limits: 5\n", 1, 9,
                "expected a mapping of limits (fileBytes, paragraphBytes, blocks, tableCells, inlineMarks, nesting, yamlNesting, yamlNodes, archiveBytes, archiveEntries, archiveRatio)"
            ),
            ("archive:\n  maxRatio: 3\n", 1, 1, "'archive' is now part of 'limits' (archiveBytes, archiveEntries, archiveRatio)"),
            (
                "- just\n- a list\n", 1, 1,
                "expected a mapping of settings (profile, include, exclude, includeTemplates, rules, statusWords, words, requiredSections, strict, limits)"
            ),
            ("profile: [unclosed\n", 2, 1, "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"),
        ])
    func mistakes(text: String, line: Int, column: Int, problem: String) {
        #expect(throws: SpeckitError.badConfig(file: "cfg.yml", line: line, column: column, problem: problem)) {
            try ConfigFile.parse(text, file: "cfg.yml")
        }
    }

    @Test("the error reads as one line: file:line:col: bad configuration: …")
    func message() {
        let error = SpeckitError.badConfig(file: ".speckit.yml", line: 3, column: 5, problem: "unknown rule 'x'")
        #expect(error.errorDescription == ".speckit.yml:3:5: bad configuration: unknown rule 'x'")
    }
}
