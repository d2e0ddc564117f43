import Foundation
import Testing

/// Issue 15, items 2, 6 and 18, run through the built binary: `pack` never reads through a link, zips are
/// read as every other tool reads them, and `pack` writes nothing `validate` would refuse.
@Suite("Archive hardening (end to end)")
struct ArchiveHardeningTests {
    static let secret = "BEGIN OPENSSH PRIVATE KEY (not really)\n"
    static let tasks = "# Tasks\n\n- [ ] T1 Build it\n"

    /// A scratch folder holding `kit/tasks.md` and, beside the kit, `secret/id_rsa`.
    static func kitBesideSecret() throws -> URL {
        try CLIRunner.folder(["kit/tasks.md": tasks, "secret/id_rsa": secret])
    }

    static func link(_ path: String, to destination: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// Runs a helper tool (python3, unzip) in `folder`.
    static func tool(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLIRunner.Outcome {
        try CLIRunner.run(arguments, in: folder, environment: environment, executable: "/usr/bin/env")
    }

    // MARK: #2 pack and links

    @Test(
        "#2 pack refuses a link at any depth, to a file or a folder, inside or outside the kit: one line naming it, exit 2, no archive",
        arguments: [
            ("kit/notes.txt", "../secret/id_rsa", "a symbolic link (to ../secret/id_rsa); pack does not follow links"),
            (
                "kit/a/b/c/notes.md", "../../../../secret/id_rsa",
                "a symbolic link (to ../../../../secret/id_rsa); pack does not follow links"
            ),
            ("kit/alias.md", "tasks.md", "a symbolic link (to tasks.md); pack does not follow links"),
            ("kit/docs", "../secret", "a symbolic link to a folder (to ../secret); pack does not follow links to folders"),
            ("kit/a/b/shared", "../../a", "a symbolic link to a folder (to ../../a); pack does not follow links to folders"),
        ])
    func linksRefused(link: String, destination: String, reason: String) throws {
        let folder = try Self.kitBesideSecret()
        try Self.link(link, to: destination, in: folder)
        for out in ["kit.zip", "kit.tar.gz"] {
            let started = Date()
            let result = try CLIRunner.run(["pack", "kit", "--out", out], in: folder, timeout: 30)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
            #expect(result.stderr.hasPrefix("speckit: error: \(link): cannot read: \(reason)"), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(out).path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kit", "secret"])
        }
    }

    @Test("#2 --follow-links packs a link to a file inside the kit under its own name; one leading outside is still refused")
    func followLinks() throws {
        let folder = try Self.kitBesideSecret()
        try Self.link("kit/alias.md", to: "tasks.md", in: folder)
        try Self.link("kit/deep/again.md", to: "../alias.md", in: folder)
        let packed = try CLIRunner.run(["pack", "kit", "--out", "kit.zip", "--follow-links"], in: folder)
        #expect(packed.status == 0, "\(packed.stderr)")
        let listing = try Self.tool(["unzip", "-Z1", "kit.zip"], in: folder)
        #expect(listing.stdout.split(separator: "\n") == ["alias.md", "deep/again.md", "manifest.json", "tasks.md"])
        #expect(try Self.tool(["unzip", "-p", "kit.zip", "deep/again.md"], in: folder).stdout == Self.tasks)

        // A link that leads outside, one that leads outside through another link in the kit, and a link to a
        // folder inside the kit.
        for (links, shown, reason) in [
            ([("kit/notes.txt", "../secret/id_rsa")], "kit/notes.txt", "outside"),
            ([("kit/a.txt", "b.txt"), ("kit/b.txt", "../secret/id_rsa")], "kit/a.txt", "outside"),
            ([("kit/sub", "deep")], "kit/sub", "a symbolic link to a folder (to deep); pack does not follow links to folders"),
        ] {
            let scratch = try Self.kitBesideSecret()
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent("kit/deep"), withIntermediateDirectories: true)
            for (link, destination) in links { try Self.link(link, to: destination, in: scratch) }
            let result = try CLIRunner.run(["pack", "kit", "--out", "kit.zip", "--follow-links"], in: scratch)
            #expect(result.status == 2)
            let expected =
                reason == "outside"
                ? "a symbolic link to \(try Self.real(scratch))/secret/id_rsa, outside the kit folder kit; pack never packs a file "
                    + "from outside the kit folder, even with --follow-links\n"
                : reason
            #expect(result.stderr.hasPrefix("speckit: error: \(shown): cannot read: \(expected)"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("kit.zip").path))
        }
    }

    static func real(_ url: URL) throws -> String {
        try #require(
            realpath(url.path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            })
    }

    @Test("#2 a file swapped for a link to a secret while pack runs: the secret never reaches an archive")
    func swapRace() throws {
        let folder = try Self.kitBesideSecret()
        try Data("harmless\n".utf8).write(to: folder.appendingPathComponent("kit/notes.txt"))
        let notes = folder.appendingPathComponent("kit/notes.txt").path
        let spareLink = folder.appendingPathComponent("spare-link").path
        let spareFile = folder.appendingPathComponent("spare-file").path
        let secret = folder.appendingPathComponent("secret/id_rsa").path
        let stop = Atomic()
        let swapper = Thread {
            // notes.txt is a file or a link to the secret, each in place for a moment, swapped by rename.
            while !stop.isSet {
                _ = symlink(secret, spareLink)
                _ = rename(spareLink, notes)
                _ = FileManager.default.createFile(atPath: spareFile, contents: Data("harmless\n".utf8))
                _ = rename(spareFile, notes)
            }
            stop.done()
        }
        swapper.start()
        defer { stop.set() }
        var outcomes: [Int32: Int] = [:]
        for run in 0..<20 {
            let out = "kit-\(run).zip"
            let packed = try CLIRunner.run(["pack", "kit", "--out", out], in: folder, timeout: 30)
            outcomes[packed.status, default: 0] += 1
            #expect(packed.status == 0 || packed.stderr.contains("kit/notes.txt: cannot read: a symbolic link"), "\(packed.stderr)")
            if packed.status == 0 {
                let contents = try Self.tool(["unzip", "-p", out], in: folder).stdout
                #expect(!contents.contains("OPENSSH"), "run \(run) packed the secret")
            }
        }
        stop.set()
        stop.wait()
        #expect(outcomes.values.reduce(0, +) == 20)
    }

    /// A flag the swapping thread reads, and a signal that it stopped.
    final class Atomic: @unchecked Sendable {
        private let lock = NSCondition()
        private var flag = false
        private var finished = false
        var isSet: Bool { lock.withLock { flag } }
        func set() { lock.withLock { flag = true } }
        func done() {
            lock.withLock {
                finished = true
                lock.broadcast()
            }
        }
        func wait() {
            lock.withLock { while !finished { lock.wait() } }
        }
    }

    // MARK: #6 zips read as every other tool reads them

    static let utf8Names = "utf8-names.zip"

    @Test(
        "#6 zip entries flagged UTF-8 (Python's zipfile) keep their names whatever the locale",
        arguments: ["C", "C.UTF-8", "POSIX"])
    func utf8Names(locale: String) throws {
        let folder = try HostileInputTests.hostileArchives()
        let result = try CLIRunner.run(
            ["validate", Self.utf8Names, "--no-color"], in: folder, environment: ["LANG": locale, "LC_ALL": locale])
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(
            result.stdout.contains(
                "utf8-names.zip/kit/仕様/tasks.md:7:1: error: task id T2 is already used on line 6 ('Write the API (depends on T1)') [tasks.duplicate-id]"
            ), "\(result.stdout)")
        // No acceptance.missing on the tasks file's phase since #16: a tasks file is not where criteria are written.
        #expect(result.stdout.hasSuffix("1 error, 0 warnings, 0 notes in 2 files (2 kits, 2 tasks): failed\n"), "\(result.stdout)")
        let parsed = try CLIRunner.run(["parse", Self.utf8Names], in: folder, environment: ["LC_ALL": locale])
        #expect(parsed.stdout.contains("utf8-names.zip/kit/café/plan.md"), "\(parsed.stdout.prefix(400)) \(parsed.stderr)")
    }

    @Test("#6 pack writes a name beyond ASCII with the UTF-8 flag, so Python and unzip read the same name")
    func packFlagsUTF8() throws {
        let folder = try CLIRunner.folder(["kit/tasks.md": Self.tasks, "kit/café.md": "# Café\n", "kit/仕様/notes.md": "# 仕様\n"])
        #expect(try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder, environment: ["LC_ALL": "C"]).status == 0)
        let script = """
            import zipfile
            for i in zipfile.ZipFile("kit.zip").infolist():
                print(i.filename, i.flag_bits & 0x800)
            """
        let names = try Self.tool(["python3", "-c", script], in: folder)
        #expect(names.stdout == "café.md 2048\nmanifest.json 0\ntasks.md 0\n仕様/notes.md 2048\n", "\(names.stdout) \(names.stderr)")
    }

    @Test(
        "#6 a zip read otherwise than unzip reads it (local headers naming other entries, a directory elsewhere): exit 2, one line",
        arguments: [
            (
                "mismatch.zip",
                "mismatch.zip: entry kit/tasks.md (as the central directory names it): its local header names it kit/old.text; unzip and speckit would read different files, so the zip is refused"
            ),
            ("elsewhere.zip", "elsewhere.zip: a damaged zip: its central directory is not where its end record says"),
        ])
    func readOtherwiseThanUnzip(archive: String, message: String) throws {
        let folder = try HostileInputTests.hostileArchives()
        for command in ["validate", "parse", "status"] {
            let started = Date()
            let result = try CLIRunner.run([command, archive], in: folder)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(result.status == 2, "\(command): \(result.stdout) \(result.stderr)")
            #expect(result.stderr == "speckit: error: archive: \(message)\n")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test(
        "#6 zips of other writers still read: data descriptors, ZIP64 records, bytes before the zip, Unicode Path fields",
        arguments: ["descriptors", "zip64", "prefixed", "unicode-path", "stored"])
    func otherWritersRead(shape: String) throws {
        let folder = try CLIRunner.temporaryFolder()
        let script = """
            import io, struct, sys, zipfile, zlib
            KIT = b"# Tasks\\n\\n- [ ] T1 Build it\\n- [x] T2 Ship it\\n"
            shape = sys.argv[1]

            class Unseekable(io.RawIOBase):
                def __init__(self): self.data = bytearray()
                def writable(self): return True
                def write(self, b): self.data += b; return len(b)

            if shape in ("descriptors", "zip64"):
                out = Unseekable()
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                    with z.open("kit/tasks.md", "w", force_zip64=(shape == "zip64")) as f: f.write(KIT)
                    with z.open("kit/plan.md", "w", force_zip64=(shape == "zip64")) as f: f.write(b"# Plan\\n")
                data = bytes(out.data)
            elif shape == "prefixed":
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr("kit/tasks.md", KIT)
                data = b"#!/bin/sh\\nexit 0\\n" + buffer.getvalue()
            elif shape == "stored":
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
                    z.writestr("kit/tasks.md", KIT)
                    z.comment = b"a comment after the end record"
                data = buffer.getvalue()
            else:
                # A legacy name with an Info-ZIP Unicode Path field naming it kit/tâches/tasks.md.
                legacy, unicode = b"kit/t?ches/tasks.md", "kit/tâches/tasks.md".encode()
                field = struct.pack("<HHBI", 0x7075, 5 + len(unicode), 1, zlib.crc32(legacy)) + unicode
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                    info = zipfile.ZipInfo("x", (2026, 1, 1, 0, 0, 0))
                    info.filename, info.extra, info.compress_type = legacy.decode(), field, zipfile.ZIP_DEFLATED
                    z.writestr(info, KIT)
                data = buffer.getvalue()  # zipfile writes the field in both headers.
            open(shape + ".zip", "wb").write(data)
            """
        let made = try Self.tool(["python3", "-c", script, shape], in: folder)
        try #require(made.status == 0, "\(made.stderr)")
        // unzip warns (exit 1) about the bytes before a prefixed zip, and reads it.
        let unzipped = try Self.tool(["unzip", "-t", "\(shape).zip"], in: folder)
        #expect(unzipped.status == 0 || (shape == "prefixed" && unzipped.status == 1), "\(unzipped.stdout)")
        let result = try CLIRunner.run(["validate", "\(shape).zip", "--no-color"], in: folder)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("0 errors") && result.stdout.contains("2 tasks"), "\(result.stdout)")
        if shape == "unicode-path" {
            let parsed = try CLIRunner.run(["parse", "\(shape).zip"], in: folder)
            #expect(parsed.stdout.contains("unicode-path.zip/kit/tâches/tasks.md"), "\(parsed.stdout.prefix(300))")
        }
    }

    // MARK: #18 pack writes nothing validate refuses

    @Test("#18 pack refuses a kit of more files than limits.archiveEntries (10,000 by default): exit 2, the limit named, nothing written")
    func tooManyEntries() throws {
        let folder = try CLIRunner.folder(["kit/tasks.md": Self.tasks])
        let notes = folder.appendingPathComponent("kit/notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for index in 0..<10_000 {
            _ = FileManager.default.createFile(atPath: notes.appendingPathComponent("n\(index).txt").path, contents: Data("n\n".utf8))
        }
        let started = Date()
        let result = try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder, timeout: 60)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        #expect(
            result.stderr
                == "speckit: error: kit: 10001 files and manifest.json would make an archive of more than 10000 entries, which validate refuses (limits.archiveEntries); nothing was written\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kit.zip").path))

    }

    @Test("#18 pack refuses what a lower limits.archiveEntries or archiveBytes in .speckit.yml would make validate refuse")
    func configuredLimits() throws {
        let folder = try CLIRunner.folder([
            ".speckit.yml": "limits:\n  archiveEntries: 3\n", "kit/tasks.md": Self.tasks, "kit/a.md": "# A\n", "kit/b.md": "# B\n",
        ])
        let result = try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "speckit: error: kit: 3 files and manifest.json would make an archive of more than 3 entries, which validate refuses (limits.archiveEntries); nothing was written\n"
        )
        try Data("limits:\n  archiveBytes: 30\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let bytes = try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder)
        #expect(bytes.status == 2)
        #expect(
            bytes.stderr
                == "speckit: error: kit: the files to pack hold more than 30 bytes, more than validate reads from an archive (limits.archiveBytes); nothing was written\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kit.zip").path))

        // At the limit, what pack writes validate reads.
        try Data("limits:\n  archiveEntries: 4\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        #expect(try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder).status == 0)
        let validated = try CLIRunner.run(["validate", "kit.zip"], in: folder)
        #expect(validated.status == 0, "\(validated.stdout) \(validated.stderr)")
    }

    @Test("#18 a path too long for a tar.gz: exit 2 naming the file, nothing written; the same kit packs as a zip")
    func longTarPath() throws {
        let deep = (0..<6).map { _ in String(repeating: "d", count: 50) }.joined(separator: "/")
        let folder = try CLIRunner.folder(["kit/tasks.md": Self.tasks, "kit/\(deep)/notes.md": "# Notes\n"])
        let result = try CLIRunner.run(["pack", "kit", "--out", "kit.tar.gz"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "speckit: error: archive: kit/\(deep)/notes.md: cannot be stored in a tar.gz: its path in the archive is 314 bytes, and a tar entry holds 100, or 255 split at a '/' into 155 and 100; pack it as a .zip, or shorten the path\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kit.tar.gz").path))
        #expect(try CLIRunner.run(["pack", "kit", "--out", "kit.zip"], in: folder).status == 0)
    }

    @Test("#18 an empty zip, tar.gz or file: 'an empty archive', not 'Unrecognized archive format'", arguments: ["validate", "parse"])
    func emptyArchives(command: String) throws {
        let folder = try HostileInputTests.hostileArchives()
        let made = try Self.tool(
            ["python3", "-c", "import tarfile; tarfile.open('empty.tar.gz', 'w:gz').close(); open('zero.zip', 'wb').close()"], in: folder)
        try #require(made.status == 0)
        for (archive, problem) in [
            ("empty.zip", "an empty archive: it holds no entries; expected a kit's files"),
            ("empty.tar.gz", "an empty archive: it holds no entries; expected a kit's files"),
            ("zero.zip", "an empty file (0 bytes); expected a zip or tar archive"),
        ] {
            let result = try CLIRunner.run([command, archive], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr == "speckit: error: archive: \(archive): \(problem)\n", "\(archive): \(result.stderr)")
        }
    }
}
