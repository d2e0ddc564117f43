import Foundation
import Testing

/// Hostile input, run through the built binary: each case with the exit code and message it must give and
/// the time it must give them in (budgets are for a debug build on a 2-core machine, several times what it
/// takes here).
@Suite("Hostile input (end to end)")
struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// The file `tasks.md` holds.
        var bytes: @Sendable () -> [UInt8]
        var exitCode: Int32
        var message: String
        var seconds: Double

        var description: String { name }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        Case(name: "0-byte file", bytes: { [] }, exitCode: 1,
             message: "tasks.md:1:1: error: file is empty (0 bytes); expected a plan or tasks document [input.unreadable]", seconds: 10),
        Case(name: "binary file named tasks.md", bytes: { (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) } }, exitCode: 1,
             message: "tasks.md:1:1: error: binary file (NUL byte at offset", seconds: 10),
        Case(name: "invalid UTF-8", bytes: { text("# Tasks\n\n- [ ] T1 caf") + [0xE9, 0x20, 0xFF, 0xFE] + text("\n") }, exitCode: 0,
             message: "tasks.md:3:1: warning: 3 byte sequence(s) are not valid UTF-8 and were read as U+FFFD [encoding.invalid-utf8]", seconds: 10),
        Case(name: "NUL bytes", bytes: { text("# Tasks\n\n- [ ] T1 a") + [0] + text("b\n") }, exitCode: 1,
             message: "tasks.md:1:1: error: binary file (NUL byte at offset 19); expected UTF-8 text [input.unreadable]", seconds: 10),
        Case(name: "UTF-8 byte-order mark", bytes: { [0xEF, 0xBB, 0xBF] + text("# Tasks\n\n- [ ] T1 a\n") }, exitCode: 0,
             message: "tasks.md:1:1: note: the file starts with a UTF-8 byte-order mark (dropped before parsing) [encoding.bom]", seconds: 10),
        Case(name: "UTF-16", bytes: { [0xFF, 0xFE] + "# Tasks\n\n- [ ] T1 a\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }, exitCode: 1,
             message: "tasks.md:1:1: error: text is UTF-16 (it starts with a UTF-16 byte-order mark), which speckit does not read; expected UTF-8 [input.unreadable]",
             seconds: 10),
        Case(name: "CRLF", bytes: { text("# Tasks\r\n\r\n- [ ] T1 a\r\n- [x] T2 b\r\n") }, exitCode: 0,
             message: "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed", seconds: 10),
        Case(name: "lone CR", bytes: { text("# Tasks\r\r- [ ] T1 a\r- [x] T2 b\r") }, exitCode: 0,
             message: "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed", seconds: 10),
        Case(name: "200,000 nested list levels", bytes: { text("# Tasks\n\n" + String(repeating: "- ", count: 200_000) + "[ ] T1 deepest\n") },
             exitCode: 0, message: "in 1 file (1 kit,", seconds: 60),
        Case(name: "200,000 nested block quotes", bytes: { text("# Tasks\n\n" + String(repeating: "> ", count: 200_000) + "- [ ] T1 quoted\n") },
             exitCode: 0, message: "in 1 file (1 kit,", seconds: 60),
        Case(name: "a 20 MB paragraph of **bold**, _em_ and [links](x)", bytes: {
            text("# Tasks\n\n- [ ] T1 Before\n\n" + String(String(repeating: "**bold** _em_ [link](x) ", count: 900_000).prefix(20 * 1024 * 1024)) + "\n\n- [ ] T2 After\n")
        }, exitCode: 0, message: "tasks.md:5:1: warning: paragraph of 20971521 bytes (lines 5–5) is longer than the 32768-byte limit; its text was not read (split it into shorter paragraphs) [structure.paragraph-too-long]",
             seconds: 90),
    ]

    @Test("each case gives its exit code and message within its time budget", arguments: cases)
    func hostile(_ hostile: Case) throws {
        let folder = try CLIRunner.temporaryFolder()
        try Data(hostile.bytes()).write(to: folder.appendingPathComponent("tasks.md"))
        let started = Date()
        let result = try CLIRunner.run(["validate", "tasks.md", "--no-color"], in: folder, timeout: hostile.seconds + 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == hostile.exitCode, "\(result.stdout.prefix(500)) \(result.stderr)")
        #expect(result.stdout.contains(hostile.message), "\(result.stdout.prefix(1000))")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(elapsed < hostile.seconds, "took \(elapsed) s")
    }

    @Test("a folder named plan.md is not read as a plan: exit 2, one line")
    func folderNamedPlan() throws {
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tree/plan.md"), withIntermediateDirectories: true)
        let result = try CLIRunner.run(["validate", "tree"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("speckit: error: tree: no plan files found") && result.stderr.filter { $0 == "\n" }.count == 1)
    }
}
