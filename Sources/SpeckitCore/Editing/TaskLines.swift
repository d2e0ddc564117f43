/// The lines a task is written on, and their content hash: what `speckit next` prints and `set-status
/// --expect-hash` checks, so that an agent that read a task does not change it after someone else did.
package enum TaskLines {
    /// The task's own lines: from its first line to the line before its first subtask (or its last line),
    /// trailing blank lines left out.
    package static func ownLines(of task: PlanTask) -> ClosedRange<Int> {
        let start = task.range.line
        var end = max(start, task.range.endLine)
        if let first = task.subtasks.map(\.range.line).min(), first > start { end = min(end, first - 1) }
        return start...end
    }

    /// `lines` without the blank lines at their end (a task's range may run on to the next block).
    package static func trimmed(_ lines: ClosedRange<Int>, of bytes: [UInt8], table: LineTable) -> ClosedRange<Int> {
        var end = lines.upperBound
        while end > lines.lowerBound, table.line(end).map({ bytes[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } }) ?? true {
            end -= 1
        }
        return lines.lowerBound...end
    }

    /// The hash of `lines` of a file's `bytes`: the first 16 hex digits of the SHA-256 of the lines without
    /// their line breaks, joined by `\n` (a file whose line endings change keeps its hashes), blank lines at
    /// the end left out.
    package static func hash(_ lines: ClosedRange<Int>, of bytes: [UInt8], table: LineTable) -> String {
        let texts: [ArraySlice<UInt8>] = trimmed(lines, of: bytes, table: table).compactMap { table.line($0).map { bytes[$0] } }
        var joined: [UInt8] = []
        for (index, text) in texts.enumerated() {
            if index > 0 { joined.append(0x0A) }
            joined += text
        }
        return String(SHA256.hex(joined).prefix(16))
    }
}
