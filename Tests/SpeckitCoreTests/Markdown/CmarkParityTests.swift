import Foundation
import Testing

@testable import SpeckitCore

/// speckit's GFM task counts equal cmark-gfm's on every input: same parser, nothing lost or invented.
@Suite("cmark-gfm parity")
struct CmarkParityTests {
    static let inputs: [String] =
        [
            "markdown/spec-kit-tasks.md", "markdown/kiro-tasks.md", "markdown/task-blocks.md", "markdown/attribute-table.md",
            "markdown/acceptance.md", "markdown/statuses.md", "markdown/bom-crlf.md", "markdown/invalid-utf8.md",
            "plans/tasks-mac-roman.md", "plans/release-plan-windows-1252.md", "plans/phase-deliverables.md",
            "plans/roadmap.md", "plans/sync-kit/implementation-plan.md", "plans/sync-kit/sync-service-spec.md",
            "plans/plan-in-a-diff.txt",
        ].map(FixturePaths.fixture)

    @Test("model counts equal the cmark-gfm command's tasklist items", arguments: inputs)
    func parity(path: String) throws {
        let (document, _) = try FixturePaths.parse(path)
        let gfm = Self.gfmMarkers(document)
        let reference = try cmarkCommandCounts(
            TextDecoding.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path).text)
        #expect(gfm.count == reference.total)
        #expect(gfm.filter(\.checked).count == reference.checked)
    }

    @Test("generated lists of every marker and nesting keep the counts", arguments: 0..<20)
    func generated(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let markers = ["[ ]", "[x]", "[X]", "[~]", "[-]", "[/]", "[ ]*", "", "[y]"]
        var lines: [String] = ["# Generated \(seed)"]
        var depth = 0
        for index in 0..<120 {
            depth = max(0, min(depth + Int(generator.next() % 3) - 1, 6))
            if generator.next() % 11 == 0 {
                lines.append("")
                lines.append("## Phase \(index) — Part")
                depth = 0
                continue
            }
            let marker = markers[Int(generator.next() % UInt64(markers.count))]
            let bullet = generator.next() % 4 == 0 ? "\(index + 1)." : (generator.next() % 2 == 0 ? "-" : "*")
            lines.append(String(repeating: "  ", count: depth * (bullet.count + 1) / 2 * 2 / 2) + "\(bullet) \(marker) T\(index) item")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let source = try TextDecoding.decode(Array(text.utf8), path: "generated.md")
        let (document, _) = try MarkdownPlanParser.parse(source, kind: .tasks)
        let reference = try cmarkCommandCounts(text)
        let gfm = Self.gfmMarkers(document)
        #expect(gfm.count == reference.total)
        #expect(gfm.filter(\.checked).count == reference.checked)
        #expect(CmarkParser.parse(text).gfmTaskCounts.total == reference.total)
    }

    /// Every GFM checkbox the model keeps: tasks and checklist items (checks are not work, but they are
    /// still task-list items to cmark-gfm).
    static func gfmMarkers(_ document: Document) -> [TaskMarker] {
        (document.allTasks.compactMap(\.marker) + document.checklist.map(\.marker)).filter { $0.kind == .gfm }
    }

    /// Counts `<tasklist>` items in the XML the `cmark-gfm` command prints (installed by scripts/install-deps.sh).
    private func cmarkCommandCounts(_ text: String) throws -> (total: Int, checked: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "tasklist", "-e", "table", "-t", "xml"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let xml = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let total = xml.components(separatedBy: "<tasklist ").count - 1
        let checked = xml.components(separatedBy: "completed=\"true\"").count - 1
        return (total, checked)
    }
}

/// A small deterministic generator, so generated inputs are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
