import Testing

@testable import SpeckitCore

@Suite("Columns on long lines (minified JSON)")
struct SourceTextColumnTests {
    /// A long line mixing one-, two-, three- and four-byte characters, as minified JSON with titles in any script.
    static let line: String = (0..<3000).map { ["a", "é", "✅", "𝄞", "{", "z"][$0 % 6] + (($0 % 7 == 0) ? "ß" : "") }.joined()

    @Test("every scalar column maps to the same column on disk, and back from its byte column, on a long line")
    func longMixedLine() throws {
        let source = try TextDecoding.decode(Array(("first\n" + Self.line + "\nlast").utf8), path: "t.json")
        var byteColumn = 1
        for (index, scalar) in Self.line.unicodeScalars.enumerated() {
            #expect(source.diskColumn(line: 2, scalarColumn: index + 1) == index + 1)
            #expect(source.column(line: 2, byteColumn: byteColumn) == index + 1)
            byteColumn += scalar.utf8.count
        }
        #expect(source.column(line: 3, byteColumn: 3) == 3)
    }

    @Test("a minified tasks.json of 5,000 tasks with non-ASCII titles: every task on line 1, at its own column")
    func minifiedTasks() throws {
        let tasks = (1...5000).map { #"{"id":\#($0),"title":"Tâche ✅ \#($0)","status":"pending"}"# }
        let text = #"{"tasks":["# + tasks.joined(separator: ",") + "]}"
        let source = try TextDecoding.decode(Array(text.utf8), path: "tasks.json")
        var notes: [Diagnostic] = []
        let document = try StructuredPlanParser.parse(source, format: .json, kind: .tasks, notes: &notes)
        #expect(document.tasks.count == 5000)
        let expected = text.unicodeScalars.split(separator: "{", omittingEmptySubsequences: false)
        var column = 1 + expected[0].count + 1 + expected[1].count  // The first task's `{`, past `{"tasks":[`.
        for (index, task) in document.tasks.prefix(50).enumerated() {
            #expect(task.range.line == 1)
            #expect(task.range.column == column, "task \(index + 1)")
            column += 1 + expected[index + 2].count
        }
    }
}
