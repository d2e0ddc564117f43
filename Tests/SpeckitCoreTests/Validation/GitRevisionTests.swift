import Testing

@testable import SpeckitCore

@Suite("A git revision's plan files")
struct GitRevisionTests {
    @Test("A link's target at a git revision: inside the repository or not, as the working tree would resolve it")
    func linkTargets() {
        #expect(GitRevision.inside("../../docs/plan.md", from: "specs/a/spec.md", root: "/r") == "docs/plan.md")
        #expect(GitRevision.inside("./x/../y.md", from: "a.md", root: "/r") == "y.md")
        #expect(GitRevision.inside("../../../etc/passwd", from: "specs/a/spec.md", root: "/r") == nil)
        #expect(GitRevision.inside("/etc/passwd", from: "a.md", root: "/r") == nil)
        #expect(GitRevision.inside("/r/docs/x.md", from: "a.md", root: "/r") == "docs/x.md")
    }
}
