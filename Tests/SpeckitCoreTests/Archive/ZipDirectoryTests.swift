import Foundation
import Testing

@testable import SpeckitCore

/// The central directory check (`ZipDirectory`), the ustar path rule and the no-follow reader, on bytes and
/// files made here.
@Suite("Zip directory, ustar paths, reading without links")
struct ZipDirectoryTests {
    static let entries = [
        ArchiveEntry(path: "kit/plan.md", bytes: Array("# Plan\n".utf8)),
        ArchiveEntry(path: "kit/tasks.md", bytes: Array("# Tasks\n\n- [ ] T1 Build it\n".utf8)),
    ]

    static func zip() throws -> [UInt8] {
        try LibArchive.write(entries, format: .zip, modified: KitPacker.defaultEpoch)
    }

    /// The offsets of every occurrence of a 4-byte signature.
    static func offsets(of signature: UInt32, in bytes: [UInt8]) -> [Int] {
        (0..<max(0, bytes.count - 3)).filter { ZipDirectory.read32(bytes, $0) == signature }
    }

    static func write32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    @Test("a zip speckit wrote passes, and so does one with bytes before it")
    func consistent() throws {
        let bytes = try Self.zip()
        try ZipDirectory.check(bytes, maxEntries: 10)
        try ZipDirectory.check(Array("#!/bin/sh\nexit 0\n".utf8) + bytes, maxEntries: 10)
        let read = try LibArchive.read(Array("#!/bin/sh\n".utf8) + bytes, name: "a.zip", limits: .standard)
        #expect(read.files.map(\.path) == ["kit/plan.md", "kit/tasks.md"])
    }

    @Test("a local header naming another file, with another checksum or size, or another method is a mismatch")
    func mismatches() throws {
        let bytes = try Self.zip()
        let local = try #require(Self.offsets(of: 0x0403_4b50, in: bytes).last)
        var renamed = bytes
        renamed[local + 30 + 4] = UInt8(ascii: "x")  // kit/tasks.md → kit/xasks.md
        #expect(throws: ZipDirectory.Problem.mismatch(entry: "kit/tasks.md", what: "its local header names it kit/xasks.md")) {
            try ZipDirectory.check(renamed, maxEntries: 10)
        }
        #expect(throws: SpeckitError.self) { try LibArchive.read(renamed, name: "a.zip", limits: .standard) }

        var checksum = bytes
        Self.write32(&checksum, local + 14, 0x1234_5678)
        #expect(throws: ZipDirectory.Problem.mismatch(entry: "kit/tasks.md", what: "its local header gives another CRC-32")) {
            try ZipDirectory.check(checksum, maxEntries: 10)
        }
        var size = bytes
        Self.write32(&size, local + 22, 5)
        #expect(throws: ZipDirectory.Problem.self) { try ZipDirectory.check(size, maxEntries: 10) }
        var method = bytes
        method[local + 8] = 0
        #expect(throws: ZipDirectory.Problem.mismatch(entry: "kit/tasks.md", what: "its local header gives another compression method")) {
            try ZipDirectory.check(method, maxEntries: 10)
        }
        // A local header that leaves checksum and sizes to the central directory (a data descriptor) is fine.
        var deferred = bytes
        for field in [14, 18, 22] { Self.write32(&deferred, local + field, 0) }
        try ZipDirectory.check(deferred, maxEntries: 10)
    }

    @Test("two records pointing at one local header, and more records than the limit, are refused")
    func overlappingAndCount() throws {
        var bytes = try Self.zip()
        let records = Self.offsets(of: 0x0201_4b50, in: bytes)
        let first = ZipDirectory.read32(bytes, records[0] + 42)
        Self.write32(&bytes, records[1] + 42, first)
        #expect(throws: ZipDirectory.Problem.self) { try ZipDirectory.check(bytes, maxEntries: 10) }
        #expect(throws: ZipDirectory.Problem.tooManyEntries(1)) { try ZipDirectory.check(try Self.zip(), maxEntries: 1) }
    }

    @Test("every prefix and every single-byte change of a zip is checked without a crash")
    func damage() throws {
        let bytes = try Self.zip()
        for end in 0...bytes.count { _ = try? ZipDirectory.check(Array(bytes.prefix(end)), maxEntries: 10) }
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0xFF, 0x50] {
                var changed = bytes
                changed[index] = value
                _ = try? ZipDirectory.check(changed, maxEntries: 10)
                _ = try? LibArchive.read(changed, name: "a.zip", limits: .standard)
            }
        }
    }

    @Test("an empty zip is recognised as empty; a zip with entries is not")
    func empty() throws {
        let endOnly: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        #expect(ZipDirectory.isEmpty(endOnly))
        #expect(!ZipDirectory.isEmpty(try Self.zip()))
        #expect(throws: SpeckitError.archive("e.zip: an empty archive: it holds no entries; expected a kit's files")) {
            try LibArchive.read(endOnly, name: "e.zip", limits: .standard)
        }
    }

    @Test("the CRC-32 zip uses")
    func crc() {
        #expect(ZipDirectory.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipDirectory.crc32([]) == 0)
    }

    @Test(
        "ustar holds a path of 100 bytes, or one a '/' splits into at most 155 and 100",
        arguments: [
            (String(repeating: "a", count: 100), true),
            (String(repeating: "a", count: 101), false),
            (String(repeating: "p", count: 155) + "/" + String(repeating: "n", count: 99), true),
            (String(repeating: "p", count: 156) + "/" + String(repeating: "n", count: 99), false),
            (String(repeating: "p", count: 50) + "/" + String(repeating: "n", count: 101), false),
            (String(repeating: "p", count: 120) + "/", false),
        ])
    func ustar(path: String, fits: Bool) throws {
        #expect((LibArchive.ustarProblem(path) == nil) == fits)
        let written = Result {
            try LibArchive.write([ArchiveEntry(path: path, bytes: [0x61])], format: .tarGz, modified: KitPacker.defaultEpoch)
        }
        if fits {
            let bytes = try written.get()
            #expect(try LibArchive.read(bytes, name: "a.tar.gz", limits: .standard).files.map(\.path) == [path])
        } else {
            #expect(throws: SpeckitError.self) { try written.get() }
        }
    }

    @Test("the reader refuses a link as the file or as a folder on the way, and a FIFO without waiting for it")
    func noFollow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speckit-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kit/sub"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret"))
        try Data("plain".utf8).write(to: folder.appendingPathComponent("kit/sub/plain.md"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("kit/link.md").path, withDestinationPath: "../secret")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("kit/linked").path, withDestinationPath: "sub")
        #expect(mkfifo(folder.appendingPathComponent("kit/fifo.md").path, 0o600) == 0)
        let reader = try FolderReader(folder.appendingPathComponent("kit").path)
        #expect(try reader.read(["sub", "plain.md"], maxBytes: 100) == Array("plain".utf8))
        #expect(throws: SpeckitError.self) { try reader.read(["link.md"], maxBytes: 100) }
        #expect(throws: SpeckitError.self) { try reader.read(["linked", "plain.md"], maxBytes: 100) }
        #expect(throws: SpeckitError.self) { try reader.read(["fifo.md"], maxBytes: 100) }
        #expect(throws: SpeckitError.self) { try reader.read(["sub", "plain.md"], maxBytes: 3) }
    }
}
