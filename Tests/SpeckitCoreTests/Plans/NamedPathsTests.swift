import Testing

@testable import SpeckitCore

/// What `tasks.done-without-evidence` takes for a repository path in a task's line, and what it never does.
@Suite("Named paths")
struct NamedPathsTests {
    @Test(
        "paths: in backticks or as a link target, with a folder and a file name (or a trailing slash)",
        arguments: [
            ("- [x] T1 Add validator script `scripts/validate_spec_kit.py`", ["scripts/validate_spec_kit.py"]),
            ("- [x] T2 See [the worker](src/worker/claim.ts#L10) and `./docs/guide.md`", ["docs/guide.md", "src/worker/claim.ts"]),
            (
                "- [x] T3 Models in `backend/src/models/` and `.github/workflows/ci.yml:12`",
                ["backend/src/models/", ".github/workflows/ci.yml"]
            ),
            ("- [x] T4 Route `src/routes/+page.svelte`, image `docker/Dockerfile`", ["src/routes/+page.svelte", "docker/Dockerfile"]),
        ])
    func paths(line: String, expected: [String]) {
        #expect(NamedPaths.paths(in: line[...]).sorted() == expected.sorted())
    }

    @Test(
        "not paths: globs, placeholders, routes, URLs, hosts, code, commands, parents, generated folders, bare names",
        arguments: [
            "`spec/ops/{constitution,prd}.md`", "`src/*.ts`", "`spec/<name>/tasks.md`", "`docs/XX-guide.md`",
            "`specs/NNN-feature/plan.md`", "`/runs.create`", "`https://example.com/a/b.md`", "`github.com/acme/repo.git`",
            "`claim_runs()`", "`npm run build`", "`../other/repo.md`", "`dist/app.js`", "`node_modules/x/index.js`",
            "`FULL_SETUP.sql`", "`api/v1/users`", "`$HOME/.config/x.yml`", "`~/notes/a.md`", "`@scope/pkg`", "[docs](https://x.io/a.md)",
            "`app.models.user`", "`reports/YYYY-MM-DD.md`",
        ])
    func notPaths(text: String) {
        #expect(NamedPaths.paths(in: "- [x] T1 \(text)"[...]).isEmpty, "\(text)")
    }
}
