import Foundation
import Testing

/// `speckit pack`, run as a built binary, checked with unzip, bsdtar and sha256sum.
@Suite("speckit pack (end to end)")
struct PackCommandTests {
    static func tool(_ path: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Listings print local times; read them in UTC whatever the machine's zone.
        process.environment = ProcessInfo.processInfo.environment.merging(["TZ": "UTC"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func kit() throws -> URL {
        let folder = try CLIRunner.folder([:])
        let generated = try CLIRunner.run(
            ["generate", "--name", "Ops Control Room", "--goal", "Claim runs safely", "--out", "k"], in: folder)
        #expect(generated.status == 0)
        return folder
    }

    @Test("zip: identical bytes in any time zone; unzip and bsdtar accept it; the manifest's hashes match the files")
    func zip() throws {
        let folder = try Self.kit()
        #expect(try CLIRunner.run(["pack", "k", "--out", "a.zip"], in: folder).status == 0)
        #expect(try CLIRunner.run(["pack", "k", "--out", "b.zip"], in: folder, environment: ["TZ": "Asia/Tokyo"]).status == 0)
        let a = try Data(contentsOf: folder.appendingPathComponent("a.zip"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.zip"))))

        let test = try Self.tool("/usr/bin/unzip", ["-t", "a.zip"], in: folder)
        #expect(test.status == 0, "\(test.output)")
        let listing = try Self.tool("/usr/bin/bsdtar", ["-tvf", "a.zip"], in: folder)
        #expect(listing.status == 0)
        #expect(listing.output.split(separator: "\n").count == 5)
        #expect(!listing.output.contains("root") && listing.output.contains("Jan  1  1980"), "\(listing.output)")

        let manifest = try Self.tool("/usr/bin/unzip", ["-p", "a.zip", "manifest.json"], in: folder).output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["constitution.md", "plan.md", "prd.md", "tasks.md"])
        for file in files {
            let path = try #require(file["path"] as? String)
            let sum = try Self.tool("/usr/bin/sha256sum", ["k/" + path], in: folder).output
            #expect(sum.hasPrefix(try #require(file["sha256"] as? String)))
        }
        #expect((object["kit"] as? [String: Any])?["tasks"] as? Int == 7)
    }

    @Test("the manifest counts documents (an unreadable one too), tasks and done tasks as validate does, with no rule run")
    func manifestCounts() throws {
        let folder = try CLIRunner.folder([
            "k/tasks.md": "# Tasks\n\n- [x] T1 Schema\n- [ ] T2 API (depends on T1)\n- [ ] T3 UI (depends on T9)\n",
            "k/plan.md": "# Plan\n\n## Phase 1\n\n- [x] Decide the schema\n",
            "k/tasks.yaml": "tasks: [unclosed\n",
        ])
        #expect(try CLIRunner.run(["pack", "k", "--out", "k.zip"], in: folder).status == 0)
        let manifest = try Self.tool("/usr/bin/unzip", ["-p", "k.zip", "manifest.json"], in: folder).output
        let kit = try #require((try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])?["kit"] as? [String: Any])
        let validate = try CLIRunner.run(["validate", "k", "--format", "json"], in: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let kits = try #require(report["kits"] as? [[String: Any]])
        #expect(kit["documents"] as? Int == summary["files"] as? Int && kit["documents"] as? Int == 3, "\(kit) \(summary)")
        #expect(kit["tasks"] as? Int == summary["tasks"] as? Int)
        #expect(kit["done"] as? Int == kits.reduce(0) { $0 + ($1["done"] as? Int ?? 0) })
    }

    @Test("tar.gz by extension, SOURCE_DATE_EPOCH sets every mtime, owners are 0/0 without names")
    func tarGz() throws {
        let folder = try Self.kit()
        let packed = try CLIRunner.run(["pack", "k", "--out", "k.tar.gz"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(packed.status == 0)
        let listing = try Self.tool("/usr/bin/tar", ["--numeric-owner", "-tzvf", "k.tar.gz"], in: folder).output
        let lines = listing.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasPrefix("-rw-r--r-- 0/0") && $0.contains("2023-11-14 22:13") }, "\(listing)")
    }

    @Test("validate and parse read the packed kit in memory: the folder's findings, pointing into the archive")
    func readBack() throws {
        let folder = try Self.kit()
        #expect(try CLIRunner.run(["pack", "k", "--out", "k.zip"], in: folder).status == 0)
        let fromFolder = try CLIRunner.run(["validate", "k"], in: folder)
        let fromZip = try CLIRunner.run(["validate", "k.zip"], in: folder)
        #expect(fromZip.status == fromFolder.status)
        #expect(fromZip.stdout.replacingOccurrences(of: "k.zip/", with: "k/") == fromFolder.stdout)
        let parsed = try CLIRunner.run(["parse", "k.zip", "--format", "text"], in: folder)
        #expect(parsed.status == 0 && parsed.stdout.hasPrefix("kit k [speckit] k.zip\n"))
        try Data("not an archive".utf8).write(to: folder.appendingPathComponent("bad.zip"))
        let bad = try CLIRunner.run(["validate", "bad.zip"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("speckit: error: archive: bad.zip: not a zip or tar archive speckit can read"))
    }

    @Test(
        "refusals: a missing kit, an unwritable destination, a bad format",
        arguments: [
            (["pack", "missing", "--out", "a.zip"], "missing: no such file or directory"),
            (["pack", "k", "--out", "nowhere/a.zip"], "nowhere/a.zip: cannot write"),
            (["pack", "k", "--out", "a.zip", "--format", "rar"], "rar"),
        ])
    func refusals(arguments: [String], message: String) throws {
        let folder = try Self.kit()
        let outcome = try CLIRunner.run(arguments, in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.zip").path))
    }

    @Test("a kit so repetitive that validate would take its zip for a bomb: pack says so on stderr")
    func warnsAboutRatio() throws {
        let folder = try CLIRunner.folder(["kit/tasks.md": "# T\n\n" + String(repeating: "- [ ] T1.1 Write the docs\n", count: 50_000)])
        let result = try CLIRunner.run(["pack", "kit", "--out", "k.zip"], in: folder)
        #expect(result.status == 0)
        #expect(
            result.stderr.hasPrefix(
                "speckit: warning: k.zip: its contents (1300005 bytes) are more than 200 times the archive's size; validate will refuse it"),
            "\(result.stderr)")
        let check = try CLIRunner.run(["validate", "k.zip"], in: folder)
        #expect(check.status == 2 && check.stderr.contains("limits.archiveRatio"))
        let normal = try CLIRunner.run(
            ["pack", "kit", "--out", "k.zip"], in: try CLIRunner.folder(["kit/tasks.md": "# T\n\n- [ ] T1 a\n"]))
        #expect(normal.stderr.isEmpty)
    }
}
