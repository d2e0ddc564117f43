import Foundation
import Testing

/// `SPECKIT_PHASES=1`: where a run's time went, on stderr, for scripts/bench.sh; nothing without it.
@Suite("The phase clock")
struct PhaseClockTests {
    @Test("SPECKIT_PHASES=1 prints every phase and the rules that ran; unset, stderr stays empty")
    func phases() throws {
        let folder = try CLIRunner.folder(["specs/001-a/tasks.md": "# Tasks\n\n- [ ] T1 Do it (depends on T9)\n"])
        let timed = try CLIRunner.run(["validate", "specs", "--format", "json"], in: folder, environment: ["SPECKIT_PHASES": "1"])
        #expect(timed.status == 1)
        let lines = timed.stderr.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for phase in ["discover", "read", "decode", "scan", "cmark", "build", "rules", "fingerprint", "report"] {
            #expect(lines.contains(phase), "\(timed.stderr)")
        }
        #expect(lines.contains("tasks.unknown-dependency"), "\(timed.stderr)")
        // The report itself is unchanged.
        let plain = try CLIRunner.run(["validate", "specs", "--format", "json"], in: folder)
        #expect(plain.stderr.isEmpty)
        #expect(plain.stdout == timed.stdout)
    }
}
