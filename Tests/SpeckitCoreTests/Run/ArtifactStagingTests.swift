import Foundation
import Testing

@testable import SpeckitCore

@Suite("ArtifactStaging: every artifact or nothing")
struct ArtifactStagingTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speckit-staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test("nothing is in the artifacts folder until commit, then everything is, with the index")
    func commit() throws {
        let root = try Self.scratch()
        let destination = root.appendingPathComponent("out").path
        let staging = try ArtifactStaging(destination: destination)
        let artifact = try staging.add(name: "a.md", path: "kit/a.md", mediaType: "text/markdown", bytes: Array("hello".utf8))
        #expect(
            artifact
                == Artifact(
                    name: "a.md", path: "kit/a.md", mediaType: "text/markdown", bytes: 5,
                    sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"))
        #expect(!FileManager.default.fileExists(atPath: destination))
        let committed = try staging.commit { Array("\($0.count)".utf8) }
        #expect(committed == [artifact])
        #expect(Self.entries(URL(fileURLWithPath: destination)) == ["artifacts.json", "kit"])
        #expect(try String(contentsOfFile: destination + "/kit/a.md", encoding: .utf8) == "hello")
        #expect(try String(contentsOfFile: destination + "/artifacts.json", encoding: .utf8) == "1")
        #expect(Self.entries(root) == ["out"])
        #expect(!staging.discard(), "committed artifacts stay")
        #expect(FileManager.default.fileExists(atPath: destination + "/kit/a.md"))
    }

    @Test("an empty artifacts folder made by the worker is kept (owner, permissions, mount) and filled when all is complete")
    func emptyFolder() throws {
        let root = try Self.scratch()
        let destination = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: destination, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o750])
        let before = try FileManager.default.attributesOfItem(atPath: destination.path)
        let staging = try ArtifactStaging(destination: destination.path)
        try staging.add(name: "r", path: "r.json", mediaType: "application/json", bytes: [0x7B, 0x7D])
        try staging.add(name: "a", path: "kit/a.md", mediaType: "text/markdown", bytes: [0x61])
        // Nothing is on disk before the commit: a run killed now leaves the folder as the worker made it.
        #expect(Self.entries(destination).isEmpty)
        _ = try staging.commit { _ in [] }
        #expect(Self.entries(destination) == ["artifacts.json", "kit", "r.json"])
        let after = try FileManager.default.attributesOfItem(atPath: destination.path)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.posixPermissions] as? Int == 0o750)
    }

    @Test("discarding a run staged inside an empty artifacts folder leaves it empty")
    func discardInside() throws {
        let root = try Self.scratch()
        let destination = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        let staging = try ArtifactStaging(destination: destination.path)
        try staging.add(name: "r", path: "r.json", mediaType: "application/json", bytes: [0x7B, 0x7D])
        #expect(staging.discard())
        #expect(Self.entries(destination).isEmpty)
    }

    @Test("nothing is on disk before the commit, and nothing can be written after a discard")
    func discard() throws {
        let root = try Self.scratch()
        let staging = try ArtifactStaging(destination: root.appendingPathComponent("out").path)
        try staging.add(name: "a", path: "a", mediaType: "text/plain", bytes: [1])
        #expect(Self.entries(root).isEmpty)
        #expect(staging.discard())
        #expect(Self.entries(root).isEmpty)
        #expect(throws: SpeckitError.self) { try staging.add(name: "b", path: "b", mediaType: "text/plain", bytes: [1]) }
        #expect(throws: SpeckitError.self) { _ = try staging.commit { _ in [] } }
        #expect(Self.entries(root).isEmpty)
    }

    @Test("a folder with something in it, a file, a missing parent and a symbolic link are refused before anything is created")
    func refused() throws {
        let root = try Self.scratch()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("full"), withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: root.appendingPathComponent("full/keep.txt"))
        try Data().write(to: root.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        for (name, reason) in [
            ("full", "holds 1 entry"), ("file", "not a folder"), ("missing/out", "parent folder"), ("link", "symbolic link"),
            ("dangling", "symbolic link"), ("file/out", "file is not a folder"),
        ] {
            do {
                _ = try ArtifactStaging(destination: root.appendingPathComponent(name).path)
                Issue.record("\(name) was accepted")
            } catch let error as SpeckitError {
                #expect(error.errorDescription?.contains(reason) == true, "\(error.errorDescription ?? "")")
            }
        }
        #expect(Self.entries(root) == ["dangling", "file", "full", "link"])
        #expect(try String(contentsOfFile: root.appendingPathComponent("full/keep.txt").path, encoding: .utf8) == "keep")
    }

    @Test("two runs into the same worker-made folder: the one that commits second fails, leaving the other's artifacts")
    func secondRunDoesNotMixIn() throws {
        let root = try Self.scratch()
        let destination = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        let first = try ArtifactStaging(destination: destination.path)
        // Once a run has committed, the folder is no longer empty: a later run is refused at once.
        let done = try ArtifactStaging(destination: root.appendingPathComponent("done").path)
        try done.add(name: "r", path: "report.json", mediaType: "application/json", bytes: Array("{}".utf8))
        _ = try done.commit { _ in Array("[]".utf8) }
        #expect(throws: SpeckitError.self) { _ = try ArtifactStaging(destination: root.appendingPathComponent("done").path) }
        // A second run that checked at the same moment as `first` and finished first.
        try Data("other".utf8).write(to: destination.appendingPathComponent("report.json"))
        try first.add(name: "k", path: "kit/a.md", mediaType: "text/markdown", bytes: Array("a".utf8))
        try first.add(name: "r", path: "report.json", mediaType: "application/json", bytes: Array("first".utf8))
        #expect(throws: SpeckitError.self) { _ = try first.commit { _ in Array("first index".utf8) } }
        #expect(try String(contentsOfFile: destination.path + "/report.json", encoding: .utf8) == "other")
        #expect(Self.entries(destination) == ["report.json"])
    }
}
