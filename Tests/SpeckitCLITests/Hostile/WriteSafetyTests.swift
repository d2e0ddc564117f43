import Foundation
import SpeckitCore
import Synchronization
import Testing

/// Everything that writes: never through a link a checkout brought, never over what it reads, never losing
/// what another process appends, never a mixed kit, never an unbounded read, and never removing a file that
/// only looks like one of speckit's temporary files.
@Suite("Write safety: links, inputs, appenders, races, bounds, temporaries", .serialized)
struct WriteSafetyTests {
    static let plan = "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n"

    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    static func link(_ name: String, to destination: String, in folder: URL) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: destination)
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    // MARK: #3 links committed in the repository

    @Test("#3 a report, --output or parse/status output named by a committed link is refused; the file it leads to is untouched")
    func reportThroughLink() throws {
        let outside = try CLIRunner.folder(["victim": "victim\n"])
        let folder = try CLIRunner.folder(["spec/shop/tasks.md": Self.plan])
        // What a pull request can commit: a link beside the report the CI step writes.
        try Self.link("speckit.md", to: outside.appendingPathComponent("victim").path, in: folder)
        try Self.link("linked", to: outside.path, in: folder)
        let cases: [([String], String)] = [
            (["validate", "spec", "--report", "markdown=speckit.md"], "speckit.md: cannot write: it is a symbolic link"),
            (["validate", "spec", "--format", "json", "--output", "speckit.md"], "speckit.md: cannot write: it is a symbolic link"),
            (["diff", "spec", "spec", "-o", "speckit.md"], "speckit.md: cannot write: it is a symbolic link"),
            (["status", "spec", "-o", "speckit.md"], "speckit.md: cannot write: it is a symbolic link"),
            (["parse", "spec", "-o", "speckit.md"], "speckit.md: cannot write: it is a symbolic link"),
            (
                ["validate", "spec", "--report", "sarif=linked/speckit.sarif"],
                "linked/speckit.sarif: cannot write: linked is a symbolic link inside the working folder"
            ),
        ]
        for (arguments, message) in cases {
            let result = try CLIRunner.run(arguments, in: folder, environment: ReportScratch.neutral)
            #expect(result.status == 2, "\(arguments): exit \(result.status)")
            #expect(
                result.stderr
                    == "speckit: error: \(message); speckit never writes through one (give the path it leads to)\n",
                "\(arguments)")
        }
        #expect(Self.text(outside.appendingPathComponent("victim")) == "victim\n")
        #expect(Self.entries(outside) == ["victim"])

        // Devices stay allowed: /dev/stdout (here a pipe) and /dev/null.
        let device = try CLIRunner.run(["validate", "spec", "--format", "json", "-o", "/dev/stdout"], in: folder)
        #expect(device.status == 0 && device.stdout.contains("\"schemaVersion\" : 1"))
        #expect(try CLIRunner.run(["validate", "spec", "--report", "junit=/dev/null"], in: folder).status == 0)
    }

    @Test("#3 generate refuses a committed kit folder that is a link, or lies under a linked folder, and writes nothing")
    func generateThroughLink() throws {
        let outside = try CLIRunner.folder([:])
        let folder = try CLIRunner.folder(["spec/other/tasks.md": Self.plan])
        try Self.link("spec/shop", to: outside.path, in: folder)
        let named = try CLIRunner.run(["generate", "--name", "Shop", "--goal", "Sell"], in: folder)
        #expect(named.status == 2)
        #expect(
            named.stderr
                == "speckit: error: spec/shop: cannot write: it is a symbolic link; speckit never writes through one (give the path it leads to)\n"
        )
        try Self.link("docs", to: outside.path, in: folder)
        let under = try CLIRunner.run(["generate", "--name", "Shop", "--out", "docs/kit"], in: folder)
        #expect(under.status == 2)
        #expect(
            under.stderr
                == "speckit: error: docs/kit: cannot write: docs is a symbolic link inside the working folder; speckit never writes through one (give the path it leads to)\n"
        )
        // An existing kit reached through a link, even with --force.
        try Data(Self.plan.utf8).write(to: outside.appendingPathComponent("tasks.md"))
        let forced = try CLIRunner.run(["generate", "--name", "Shop", "--out", "spec/shop", "--force"], in: folder)
        #expect(forced.status == 2 && forced.stderr.contains("symbolic link"), "\(forced.stderr)")
        #expect(Self.entries(outside) == ["tasks.md"])
        #expect(Self.text(outside.appendingPathComponent("tasks.md")) == Self.plan)
    }

    @Test("#3 pack --out, run's artifacts and a fix of a named link are refused under links; nothing is written outside")
    func otherWritersThroughLinks() throws {
        let outside = try CLIRunner.folder([:])
        let folder = try CLIRunner.folder(["kit/tasks.md": Self.plan, "real.md": "# Tasks\r\n\n- [ ] T1 a\n"])
        try Self.link("linked", to: outside.path, in: folder)

        let pack = try CLIRunner.run(["pack", "kit", "--out", "linked/kit.zip"], in: folder)
        #expect(pack.status == 2 && pack.stderr.contains("linked/kit.zip: cannot write: linked is a symbolic link"), "\(pack.stderr)")
        // Made after the pack: pack refuses a link inside the kit too (issue 15 #2), before its output.
        try Self.link("kit/notes.md", to: "../real.md", in: folder)

        let run = try CLIRunner.run(
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "linked/out"], in: folder, input: #"{"name": "x"}"#)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "speckit: error: linked/out: cannot write: linked is a symbolic link inside the working folder; speckit never writes through one (give the path it leads to)\n"
        )

        // Named on the command line, a link is still not written through: refused, exit 2.
        let fix = try CLIRunner.run(["fix", "kit/notes.md"], in: folder)
        #expect(fix.status == 2)
        #expect(
            fix.stderr
                == "speckit: error: kit/notes.md: cannot write: it is a symbolic link; speckit never writes through one (give the path it leads to)\n"
        )
        #expect(Self.entries(outside).isEmpty)
        #expect(Self.text(folder.appendingPathComponent("real.md")) == "# Tasks\r\n\n- [ ] T1 a\n")
    }

    // MARK: #12 an output that is an input

    @Test("#12 parse --output over the plan it reads is refused: an archive it reads, or the plan through a hard link")
    func parseOverInput() throws {
        let folder = try CLIRunner.folder(["spec/shop/tasks.md": Self.plan, "tasks.md": Self.plan])
        #expect(try CLIRunner.run(["pack", "spec/shop", "--out", "kit.zip"], in: folder).status == 0)
        let zip = try Data(contentsOf: folder.appendingPathComponent("kit.zip"))
        try FileManager.default.linkItem(
            atPath: folder.appendingPathComponent("tasks.md").path, toPath: folder.appendingPathComponent("same.md").path)
        let cases: [([String], String)] = [
            (["parse", "kit.zip", "--output", "kit.zip"], "kit.zip"),
            (["parse", "same.md", "--output", "tasks.md"], "tasks.md"),
            (["parse", "tasks.md", "--format", "text", "-o", "same.md"], "same.md"),
            (["validate", "kit.zip", "-o", "kit.zip"], "kit.zip"),
            (["status", "same.md", "-o", "tasks.md"], "tasks.md"),
        ]
        for (arguments, output) in cases {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments): exit \(result.status)")
            #expect(
                result.stderr == "speckit: error: \(output): cannot write: it is one of the files this run reads; choose another name\n",
                "\(arguments)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("kit.zip")) == zip)
        #expect(Self.text(folder.appendingPathComponent("tasks.md")) == Self.plan)
    }

    // MARK: #13 fix and other writers

    /// Appends numbered lines to a file as `echo … >> FILE` does (open with O_APPEND, write, close), about
    /// every millisecond, on its own thread until stopped.
    final class Appender: Sendable {
        let path: String
        private let stopped = Atomic<Bool>(false)
        private let written = Atomic<Int>(0)
        private let finished = DispatchSemaphore(value: 0)

        init(_ path: String) { self.path = path }

        func start() {
            Thread.detachNewThread { [self] in
                while !stopped.load(ordering: .acquiring) {
                    let number = written.load(ordering: .relaxed) + 1
                    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
                    if descriptor >= 0 {
                        let line = Array("appended \(number)\n".utf8)
                        let count = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                        close(descriptor)
                        if count == line.count { written.store(number, ordering: .releasing) }
                    }
                    usleep(1000)
                }
                finished.signal()
            }
        }

        /// Stops, and returns how many lines were appended.
        func stop() -> Int {
            stopped.store(true, ordering: .releasing)
            finished.wait()
            return written.load(ordering: .acquiring)
        }
    }

    /// 6,000 task lines with mojibake: a fix that takes a moment.
    static let mojibake = "# Tasks\n\n" + String(repeating: "- [ ] T1 Ship it \u{00E2}\u{0153}\u{2026}\n", count: 6_000)

    @Test("#13 fix keeps every line another process appends while it works (or refuses, exit 2, losing none)")
    func appendedLinesKept() throws {
        var outcomes: [Int32: Int] = [:]
        for trial in 1...8 {
            let folder = try CLIRunner.folder(["tasks.md": Self.mojibake])
            let file = folder.appendingPathComponent("tasks.md")
            let appender = Appender(file.path)
            appender.start()
            usleep(20_000)
            let result = try CLIRunner.run(["fix", "tasks.md"], in: folder, timeout: 60)
            usleep(20_000)
            let count = appender.stop()
            outcomes[result.status, default: 0] += 1
            let text = try #require(Self.text(file))
            let appended = text.split(separator: "\n").filter { $0.hasPrefix("appended ") }.map(String.init)
            let expected = (1...max(count, 1)).map { "appended \($0)" }.prefix(count)
            let missing = Set(expected).subtracting(appended)
            #expect(missing.isEmpty, "trial \(trial): \(missing.count) of \(count) appended lines lost (exit \(result.status))")
            #expect(appended.count == count, "trial \(trial): \(appended.count) appended lines in the file, \(count) appended")
            #expect(text.hasPrefix("# Tasks\n\n- [ ] T1 Ship it "))
            if result.status == 0 {
                #expect(!text.contains("\u{00E2}\u{0153}") && result.stdout.hasPrefix("fixed tasks.md: repaired 6000 mojibake"))
            } else {
                #expect(result.status == 2 && result.stderr.hasPrefix("speckit: error: tasks.md: cannot write: "), "\(result.stderr)")
            }
        }
        print("fix with an appender: exit codes \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test("#13 a file another process keeps open for writing is refused, exit 2, and what it writes later is kept")
    func writerHoldingTheFile() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Tasks\r\n\n- [ ] T1 a\n"])
        let file = folder.appendingPathComponent("tasks.md")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("- [ ] T2 b\n".utf8))
        let result = try CLIRunner.run(["fix", "tasks.md"], in: folder)
        try handle.write(contentsOf: Data("- [ ] T3 c\n".utf8))
        try handle.close()
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "speckit: error: tasks.md: cannot write: another process keeps it open for writing; left alone, run fix again once it is closed\n"
        )
        #expect(result.stdout == "fixed 0 of 1 file\n")
        #expect(Self.text(file) == "# Tasks\r\n\n- [ ] T1 a\n- [ ] T2 b\n- [ ] T3 c\n")
    }

    @Test("#13 fix keeps the owner, group and permissions of a file that belongs to another user", .enabled(if: geteuid() == 0))
    func ownerKept() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Tasks\r\n\n- [ ] T1 a\n"])
        let path = folder.appendingPathComponent("tasks.md").path
        #expect(chown(path, 4321, 5432) == 0 && chmod(path, 0o640) == 0)
        let result = try CLIRunner.run(["fix", "tasks.md"], in: folder)
        #expect(result.status == 0 && result.stdout.hasPrefix("fixed tasks.md: line endings: mixed → LF"), "\(result.stderr)")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == 4321 && info.st_gid == 5432 && info.st_mode & 0o7777 == 0o640)
        #expect(Self.text(folder.appendingPathComponent("tasks.md")) == "# Tasks\n\n- [ ] T1 a\n")
    }

    @Test("#13 a file with another hard link is refused, exit 2: both names keep the one file, unchanged")
    func hardLinkRefused() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Tasks\r\n\n- [ ] T1 a\n", "other.md": "# Tasks\r\n\n- [ ] T1 b\n"])
        try FileManager.default.linkItem(
            atPath: folder.appendingPathComponent("tasks.md").path, toPath: folder.appendingPathComponent("copy.txt").path)
        let result = try CLIRunner.run(["fix", "tasks.md", "other.md"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "speckit: error: tasks.md: cannot write: it has 2 hard links, and fix replaces a file whole, which would part it from them; left alone (fix a copy, or remove the other links)\n"
        )
        // The other file is still fixed.
        #expect(result.stdout == "fixed other.md: line endings: mixed → LF\nfixed 1 of 2 files\n")
        var first = stat()
        var second = stat()
        #expect(stat(folder.appendingPathComponent("tasks.md").path, &first) == 0)
        #expect(stat(folder.appendingPathComponent("copy.txt").path, &second) == 0)
        #expect(first.st_ino == second.st_ino && first.st_nlink == 2)
        #expect(Self.text(folder.appendingPathComponent("tasks.md")) == "# Tasks\r\n\n- [ ] T1 a\n")
    }

    // MARK: #14 generate into an empty folder

    /// Starts speckit with stdout and stderr captured.
    static func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    static let kitFiles = ["constitution.md", "plan.md", "prd.md", "tasks.md"]

    @Test("#14 two generate runs into one empty folder: one writes its whole kit, the other is refused (exit 2), never a mixed kit")
    func concurrentGenerate() throws {
        var refusals: [String: Int] = [:]
        for pair in 1...20 {
            let folder = try CLIRunner.folder([:])
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kit"), withIntermediateDirectories: false)
            let runs = try ["Alpha", "Beta"].map { name in
                try Self.start(["generate", "--name", name, "--goal", "Sell", "--out", "kit"], in: folder)
            }
            var codes: [Int32] = []
            for (process, errors) in runs {
                process.waitUntilExit()
                codes.append(process.terminationStatus)
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                if process.terminationStatus != 0 { refusals[message, default: 0] += 1 }
            }
            #expect(codes.sorted() == [0, 2], "pair \(pair): exit codes \(codes)")
            let kit = folder.appendingPathComponent("kit")
            #expect(Self.entries(kit) == Self.kitFiles, "pair \(pair): \(Self.entries(kit))")
            let owners = Set(Self.kitFiles.map { Self.text(kit.appendingPathComponent($0))?.contains("Alpha") == true })
            #expect(owners.count == 1, "pair \(pair): a kit mixed from both runs")
        }
        for message in refusals.keys {
            #expect(
                message
                    == "speckit: error: kit: cannot write: something was written into it meanwhile (another run?); nothing was written\n"
                    // The loser that finds the winner still holding the folder's lock.
                    || message == "speckit: error: kit: cannot write: another speckit is writing into it; nothing was written\n"
                    || message
                        == "speckit: error: kit/constitution.md: already exists; pass --force to overwrite the files speckit generates\n",
                "\(message)")
        }
    }

    @Test("#14 an empty folder that cannot be renamed over (the current folder) still gets its kit, file by file")
    func generateIntoCurrentFolder() throws {
        let folder = try CLIRunner.folder([:])
        let result = try CLIRunner.run(["generate", "--name", "Shop", "--out", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.entries(folder) == Self.kitFiles)
    }

    @Test("#14 generate into an empty folder killed at random points: the folder is empty or holds the whole kit")
    func killedGenerate() throws {
        let arguments = ["generate", "--name", "Shop", "--goal", "Sell", "--phase", "Build", "--out", "kit"]
        let outputs = Self.kitFiles.map { "kit/" + $0 }
        let reference = try CLIRunner.folder([:])
        try FileManager.default.createDirectory(at: reference.appendingPathComponent("kit"), withIntermediateDirectories: false)
        let started = Date()
        let complete = try KillMidWriteTests.start(arguments, in: reference)
        complete.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(complete.terminationStatus == 0)
        let after = KillMidWriteTests.snapshot(reference, outputs).contents
        var outcomes: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let folder = try CLIRunner.folder([:])
            let kit = folder.appendingPathComponent("kit")
            try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: false)
            let process = try KillMidWriteTests.start(arguments, in: folder)
            Thread.sleep(forTimeInterval: Double.random(in: (duration * 0.3)...(duration * 1.1), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = KillMidWriteTests.snapshot(folder, outputs)
            let state =
                Self.entries(kit).isEmpty && FileKind.of(kit.path) == .folder ? "empty" : now.contents == after ? "whole" : "PARTIAL"
            outcomes[state, default: 0] += 1
            #expect(state != "PARTIAL", "after a kill the kit folder holds \(Self.entries(kit))")
            if !now.temporaries.isEmpty {
                // Killed between naming the staging folder and renaming it: the next run clears it away.
                let again = try KillMidWriteTests.start(arguments + ["--force"], in: folder)
                again.waitUntilExit()
                #expect(KillMidWriteTests.snapshot(folder, outputs).temporaries.isEmpty, "\(now.temporaries) left behind")
            }
        }
        print("generate into an empty folder, killed: \(outcomes.sorted { $0.key < $1.key }) (\(String(format: "%.2f", duration)) s a run)")
    }

    // MARK: #15 generate --params

    @Test("#15 generate --params - stops at 1 MiB of stdin (even /dev/zero under a memory cap), and long values are exit 2")
    func boundedParams() throws {
        let folder = try CLIRunner.folder([:])
        let zero = try CLIRunner.run(
            ["-c", "ulimit -v 1000000; exec \"$0\" generate --params - --out kit < /dev/zero", CLIRunner.binary.path],
            in: folder, timeout: 10, executable: "/bin/sh")
        #expect(zero.status == 2)
        #expect(zero.stderr == "speckit: error: -: bad parameters: more than 1048576 bytes; parameters are a small JSON or YAML document\n")

        // 2 MiB of spaces, then parameters that would do.
        let large = String(repeating: " ", count: 2 << 20) + #"{"name": "Shop"}"#
        try Data(large.utf8).write(to: folder.appendingPathComponent("p.json"))
        let piped = try CLIRunner.run(
            ["-c", "exec \"$0\" generate --params - --out kit < p.json", CLIRunner.binary.path], in: folder, executable: "/bin/sh")
        #expect(piped.status == 2 && piped.stderr.contains("more than 1048576 bytes"), "\(piped.stderr)")
        let file = try CLIRunner.run(["generate", "--params", "p.json", "--out", "kit"], in: folder)
        #expect(
            file.stderr == "speckit: error: p.json: bad parameters: more than 1048576 bytes; parameters are a small JSON or YAML document\n"
        )

        let description = String(repeating: "d", count: 900_000)
        let long = try CLIRunner.run(
            ["generate", "--params", "-", "--out", "kit"], in: folder, input: #"{"name": "Shop", "description": "\#(description)"}"#)
        #expect(long.status == 2)
        #expect(
            long.stderr
                == "speckit: error: -: 1 problem with the parameters of generate_spec_kit: $.description: is 900000 characters long; expected at most 4000\n"
        )
        let goal = try CLIRunner.run(
            ["generate", "--name", "Shop", "--goal", "Sell", "--goal", String(repeating: "g", count: 100_000), "--out", "kit"], in: folder)
        #expect(goal.status == 2)
        #expect(goal.stderr == "speckit: error: flags: bad parameters: goal 2 is 100000 characters long; at most 300\n")
        #expect(Self.entries(folder) == ["p.json"])
    }

    // MARK: #19 the temporary-file sweep

    /// A process id that no process has.
    static func deadPID() -> pid_t {
        (90_000...999_999).first { kill(pid_t($0), 0) != 0 && errno == ESRCH }.map { pid_t($0) } ?? 999_999
    }

    @Test("#19 the sweep removes speckit's own leftovers (marked) and leaves a stranger's file named like one")
    func sweepProvesOwnership() throws {
        let pid = Self.deadPID()
        let folder = try CLIRunner.folder([
            "tasks.md": Self.plan,
            // Committed by someone, named exactly like a temporary file of a speckit process that is gone.
            ".report.json.speckit-\(pid)-ABCDEF12.tmp": "a stranger's file\n",
            ".kit.speckit-\(pid)-ABCDEF13.tmp/notes.md": "a stranger's folder\n",
        ])
        // What a speckit killed after naming its file leaves: marked with the token of its name.
        let leftover = folder.appendingPathComponent(".report.json.speckit-\(pid)-ABCDEF14.tmp").path
        let descriptor = open(leftover, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        #expect(descriptor >= 0)
        #expect(FileMarker.mark(descriptor, token: "\(pid)-ABCDEF14"))
        close(descriptor)

        let report = try CLIRunner.run(["validate", "tasks.md", "--format", "json", "-o", "report.json"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let generate = try CLIRunner.run(["generate", "--name", "Shop", "--out", "kit"], in: folder)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(
            Self.entries(folder) == [
                ".kit.speckit-\(pid)-ABCDEF13.tmp", ".report.json.speckit-\(pid)-ABCDEF12.tmp", "kit", "report.json", "tasks.md",
            ])
        #expect(Self.text(folder.appendingPathComponent(".report.json.speckit-\(pid)-ABCDEF12.tmp")) == "a stranger's file\n")
        #expect(Self.text(folder.appendingPathComponent(".kit.speckit-\(pid)-ABCDEF13.tmp/notes.md")) == "a stranger's folder\n")
    }
}
