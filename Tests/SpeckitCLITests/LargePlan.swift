import Foundation
import Testing

/// A plan of a few hundred tasks, made from the Mac Roman tasks fixture (Tests/Fixtures/plans/): its phases
/// repeated, each copy renumbered (T0–T6, then T7–T13, …), with the fixture's legend before them and its
/// summary after. Kept as mojibake, like the fixture, so every kit also has text to repair.
enum LargePlan {
    static let fixture = CLIRunner.fixture("plans/tasks-mac-roman.md")

    /// The plan with the fixture's phases `copies` times over (42 tasks each).
    static func text(copies: Int) throws -> String {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let first = try #require(text.range(of: "\n## T0 "), "\(fixture) has no phase T0")
        let summary = try #require(text.range(of: "\n## Summary"), "\(fixture) has no summary")
        let phases = String(text[first.lowerBound..<summary.lowerBound])
        let count = phases.components(separatedBy: "\n## T").count - 1
        let id = try Regex(#"\bT(\d+)"#)
        var out = String(text[..<first.lowerBound])
        for copy in 0..<copies {
            out += phases.replacing(id) { match in
                "T\(Int(match.output[1].substring ?? "")! + copy * count)"
            }
        }
        return out + text[summary.lowerBound...]
    }

    /// Writes `count` kits, `folder/kit1/tasks.md` … `folder/kitN/tasks.md`, each this plan six times over
    /// (252 tasks), so validating a tree of them takes a while.
    static func tree(in folder: URL, count: Int) throws {
        let data = Data(try text(copies: 6).utf8)
        for index in 1...count {
            let kit = folder.appendingPathComponent("kit\(index)")
            try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: true)
            try data.write(to: kit.appendingPathComponent("tasks.md"))
        }
    }
}
