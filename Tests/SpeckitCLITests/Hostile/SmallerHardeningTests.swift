import Foundation
import Testing

/// Issue 15, the smaller items: names that are not UTF-8, SIGQUIT, an unwritable step summary.
@Suite("Hostile input: names, signals and the step summary (issue 15)", .serialized)
struct SmallerHardeningTests {
    /// A tree with a folder and a plan file whose names are Latin-1 (`café`), and a plan beside them.
    static func latin1Tree() throws -> URL {
        let root = try CLIRunner.folder(["specs/ok/tasks.md": "# Tasks\n\n- [ ] T1 Fine\n"])
        for (path, isFolder) in [
            ([UInt8]("specs/caf".utf8) + [0xE9], true), ([UInt8]("specs/plan-caf".utf8) + [0xE9] + [UInt8](".md".utf8), false),
        ] {
            let full = [UInt8](root.path.utf8) + [0x2F] + path + [0]
            full.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { name in
                    if isFolder {
                        _ = mkdir(name.baseAddress!, 0o755)
                    } else {
                        let descriptor = open(name.baseAddress!, O_CREAT | O_WRONLY, 0o644)
                        _ = write(descriptor, "# Tasks\n\n- [ ] T1 Hidden (depends on T9)\n", 41)
                        close(descriptor)
                    }
                }
            }
        }
        return root
    }

    @Test("#16 a folder or plan file whose name is not UTF-8 is reported, not skipped silently (validate, fix, pack)")
    func latin1Names() throws {
        let root = try Self.latin1Tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let validate = try CLIRunner.run(["validate", "."], in: root, environment: ReportScratch.neutral)
        #expect(validate.status == 1, "\(validate.stdout)\(validate.stderr)")
        #expect(
            validate.stdout.contains(
                #"specs/caf\xE9:1:1: error: cannot read: a folder whose name is not UTF-8; speckit reads names as UTF-8 (rename it to have its plans read) [input.unreadable]"#
            ), "\(validate.stdout)")
        #expect(
            validate.stdout.contains(#"specs/plan-caf\xE9.md:1:1: error: cannot read: a file whose name is not UTF-8"#),
            "\(validate.stdout)")
        let pack = try CLIRunner.run(["pack", "specs", "--out", "kit.zip"], in: root)
        #expect(pack.status == 2, "\(pack.stdout)\(pack.stderr)")
        #expect(pack.stderr.contains("is not UTF-8"), "\(pack.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("kit.zip").path))
    }

    @Test("#16 an argument that is not UTF-8 is said to be so, not 'no such file'")
    func latin1Argument() throws {
        let root = try Self.latin1Tree()
        defer { try? FileManager.default.removeItem(at: root) }
        // The shell passes the bytes as they are.
        let run = try CLIRunner.run(
            ["-c", #"exec "$0" validate "$(printf 'specs/caf\351')""#, CLIRunner.binary.path], in: root, executable: "/bin/sh")
        #expect(run.status == 2)
        #expect(
            run.stderr
                == #"speckit: error: argument 2 (specs/caf\xE9) is not UTF-8; speckit reads paths and options as UTF-8 (rename the file or folder)"#
                + "\n", "\(run.stderr)")
    }

    @Test("#19 SIGQUIT ends speckit quietly with 131, without a crash backtrace")
    func sigquit() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try LargePlan.tree(in: folder.appendingPathComponent("tree/spec"), count: 300)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["validate", "tree", "--jobs", "2"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning, "validated before the signal could be sent; make the tree larger")
        kill(process.processIdentifier, SIGQUIT)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 131,
            "\(process.terminationReason) \(process.terminationStatus)")
        #expect(stderr.isEmpty, "\(stderr)")
    }

    @Test("#19 an unwritable $GITHUB_STEP_SUMMARY still gets every annotation written, then a warning")
    func unwritableStepSummary() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Tasks\n\n- [ ] T1 a (depends on T9)\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ReportScratch.neutral
        environment["GITHUB_STEP_SUMMARY"] = folder.appendingPathComponent("no-such-folder/summary.md").path
        let run = try CLIRunner.run(["validate", "--format", "github", "."], in: folder, environment: environment)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "::error file=tasks.md,line=3,col=1,endColumn=26,title=speckit tasks.unknown-dependency::task T1 depends on T9"),
            "\(run.stdout)")
        #expect(run.stderr.hasPrefix("speckit: warning: $GITHUB_STEP_SUMMARY: "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("; the annotations were written, the summary was not\n"), "\(run.stderr)")
    }
}
