import Foundation

/// A per-phase summary table counts the document: `| Phase | Tasks | Done |`, `| Phase 2: API | 8 | 3 |`,
/// `| **Total** | 24 | 9 |`. Each row's counts are claims about the phase it names (the total row about the
/// document); a table without a phase column and a count column claims nothing.
enum ClaimTable {
    static func claims(
        in tree: MarkdownTree, table index: Int, words: ConceptWords = .standard, range: (Int) -> SourceRange
    ) -> [Claim] {
        let rows = tree.children(of: index)
        guard let headerRow = rows.first, case .tableRow(header: true) = tree.nodes[headerRow].kind else { return [] }
        let header = tree.children(of: headerRow).map { fold(tree.nodes[$0].text) }
        guard let phaseColumn = header.firstIndex(where: { phaseHeaders.contains($0) || words.isKey($0, of: .phase) }) else {
            return []
        }
        // A row numbered `1` names `Milestone 1` under a Milestone column, `Phase 1` under a Phase column.
        let word = header[phaseColumn].hasSuffix("s") ? String(header[phaseColumn].dropLast()) : header[phaseColumn]
        let totalColumn = header.firstIndex { totalHeaders.contains($0) }
        let doneColumn = header.firstIndex { doneHeaders.contains($0) }
        let progressColumn = header.firstIndex { progressHeaders.contains($0) }
        guard totalColumn != nil || doneColumn != nil || progressColumn != nil else { return [] }
        var out: [Claim] = []
        for row in rows.dropFirst() {
            let cells = tree.children(of: row).map { tree.nodes[$0].text.collapsingWhitespace }
            guard phaseColumn < cells.count, let subject = subject(cells[phaseColumn], word: word) else { continue }
            let text = "| " + cells.joined(separator: " | ") + " |"
            let at = range(row)
            func add(_ claim: Claim) {
                var claim = claim
                claim.subject = subject.isEmpty ? nil : subject
                out.append(claim)
            }
            if let column = totalColumn, column < cells.count, let total = number(cells[column]) {
                add(Claim(kind: .total, text: text, noun: "task", count: total, range: at))
            }
            if let column = doneColumn, column < cells.count, let done = number(cells[column]) {
                var claim = Claim(kind: .count, text: text, noun: "task", count: done, range: at)
                claim.status = .done
                add(claim)
            }
            if let column = progressColumn, column < cells.count,
                let match = cells[column].firstMatch(of: /^[*_\s]*(\d+)\s*\/\s*(\d+)\b/), let total = Int(match.2), total > 0
            {
                var claim = Claim(kind: .fraction, text: text, noun: "task", count: Int(match.1) ?? 0, range: at)
                claim.total = total
                claim.status = .done
                add(claim)
            }
        }
        return out
    }

    static let phaseHeaders: Set<String> = ["phase", "phases", "stage", "milestone", "sprint", "fase", "etapa"]
    static let totalHeaders: Set<String> = [
        "tasks", "task", "total", "total tasks", "tasks total", "task count", "count", "#tasks", "# tasks",
    ]
    static let doneHeaders: Set<String> = [
        "done", "complete", "completed", "finished", "tasks done", "tasks completed", "completed tasks", "done tasks",
    ]
    static let progressHeaders: Set<String> = ["progress", "status", "done/total", "completed/total"]

    static func fold(_ text: String) -> String {
        text.lowercased().filter { $0 != "*" && $0 != "_" && $0 != "`" }.collapsingWhitespace.trimmingSpaces
    }

    /// The phase a row names (`Phase 2: API`, `2`, `T3 — Workers`), or "" for the total row; nil otherwise. A bare
    /// number is one of `word`'s (the column's header: `Milestone 2` under `Milestone`).
    static func subject(_ cell: String, word: String = "phase") -> String? {
        let text = fold(cell)
        if text == "total" || text == "totals" || text == "all" || text == "overall" { return "" }
        if let match = text.prefixMatch(of: /(\d+(?:\.\d+)*)\b/) { return word.prefix(1).uppercased() + word.dropFirst() + " " + match.1 }
        let stripped = cell.filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingSpaces
        if case .phase(let id, _, _) = HeadingClassifier.classify(stripped) { return id }
        if let match = stripped.prefixMatch(of: /(?i:phase)\s+(\d+(?:\.\d+)*)\b/) { return "Phase " + match.1 }
        return nil
    }

    /// A cell that is just a number (bold or not).
    static func number(_ cell: String) -> Int? {
        Int(cell.filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingSpaces)
    }
}
