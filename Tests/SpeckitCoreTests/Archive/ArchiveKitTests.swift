import Foundation
import Testing

@testable import SpeckitCore

/// Kits packed by `speckit pack`, read back in memory; hostile archives refused without writing anything.
@Suite("Archive kits")
struct ArchiveKitTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speckit-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func kitFolder() throws -> URL {
        let folder = try temporaryFolder()
        try KitGenerator(templates: try KitTemplates.load())
            .write(
                KitParameters(name: "Ops", goals: ["Claim runs safely"]), source: "test",
                into: folder.appendingPathComponent("k").path, force: false)
        return folder
    }

    @Test("validating the packed kit gives the findings of the folder", arguments: ArchiveFormat.allCases)
    func sameFindings(format: ArchiveFormat) throws {
        let folder = try Self.kitFolder()
        let kit = folder.appendingPathComponent("k").path
        let archive = folder.appendingPathComponent("k.\(format.rawValue)").path
        try Data(try KitPacker.pack(kit, format: format).bytes).write(to: URL(fileURLWithPath: archive))
        let fromFolder = try Validator(jobs: 1).validate(paths: [kit])
        let fromArchive = try Validator(jobs: 1).validate(paths: [archive])
        #expect(fromFolder.findings.count > 0)
        #expect(
            fromArchive.findings.map { $0.formatted.replacingOccurrences(of: archive + "/", with: kit + "/") }
                == fromFolder.findings.map(\.formatted))
        #expect(fromArchive.summary.tasks == fromFolder.summary.tasks)
    }

    @Test("an entry that climbs out with '..' or is absolute is a finding, and nothing is written")
    func zipSlip() throws {
        let folder = try Self.temporaryFolder()
        let bytes = try LibArchive.write(
            [
                ArchiveEntry(path: "tasks.md", bytes: Array("# Tasks\n\n- [ ] T1 Build\n".utf8)),
                ArchiveEntry(path: "../evil-tasks.md", bytes: Array("# Evil\n".utf8)),
                ArchiveEntry(path: "/tmp/abs-tasks.md", bytes: Array("# Evil\n".utf8)),
            ], format: .zip, modified: KitPacker.defaultEpoch)
        let archive = folder.appendingPathComponent("slip.zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: archive))
        let report = try Validator(jobs: 1).validate(paths: [archive])
        let refused = report.findings.filter { $0.ruleId == .unreadable }.map(\.message)
        #expect(refused.contains { $0.contains("a path that climbs out with '..'") })
        #expect(refused.contains { $0.contains("an absolute path") })
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("evil-tasks.md").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/abs-tasks.md"))
        #expect(report.summary.tasks == 1)
    }

    @Test("symbolic links in an archive are refused")
    func symlink() throws {
        let folder = try Self.temporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("tasks.md").path, withDestinationPath: "/etc/passwd")
        try Data("# Plan\n".utf8).write(to: folder.appendingPathComponent("plan.md"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bsdtar")
        process.arguments = ["-cf", "links.tar", "tasks.md", "plan.md"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try Validator(jobs: 1).validate(paths: [folder.appendingPathComponent("links.tar").path])
        #expect(report.findings.contains { $0.ruleId == .unreadable && $0.message.contains("a symbolic link") })
    }

    @Test("a zip bomb, too many entries and a corrupt archive are errors (exit 2), before anything is trusted")
    func bounds() throws {
        let folder = try Self.temporaryFolder()
        let bomb = try LibArchive.write(
            [ArchiveEntry(path: "tasks.md", bytes: [UInt8](repeating: 0x20, count: 8 << 20))],
            format: .zip, modified: KitPacker.defaultEpoch)
        let bombPath = folder.appendingPathComponent("bomb.zip").path
        try Data(bomb).write(to: URL(fileURLWithPath: bombPath))
        #expect { try Validator(jobs: 1).validate(paths: [bombPath]) } throws: { error in
            (error as? SpeckitError)?.errorDescription?.contains("zip bomb") == true
        }
        var few = ValidationSettings()
        few.limits.archiveEntries = 2
        let many = try LibArchive.write(
            (0..<3).map { ArchiveEntry(path: "t\($0)-tasks.md", bytes: Array("# T\n".utf8)) },
            format: .tarGz, modified: KitPacker.defaultEpoch)
        let manyPath = folder.appendingPathComponent("many.tar.gz").path
        try Data(many).write(to: URL(fileURLWithPath: manyPath))
        #expect(throws: SpeckitError.archive("\(manyPath): more than 2 entries (limits.archiveEntries)")) {
            try Validator(settings: few, jobs: 1).validate(paths: [manyPath])
        }
        let corruptPath = folder.appendingPathComponent("corrupt.zip").path
        try Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: corruptPath))
        #expect { try Validator(jobs: 1).validate(paths: [corruptPath]) } throws: { error in
            (error as? SpeckitError)?.errorDescription?.hasPrefix("archive: \(corruptPath): ") == true
        }
    }
}
