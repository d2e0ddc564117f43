/// The pieces of Markdown the reports share: escaped table cells, the progress table, the changes section.
enum MarkdownText {
    /// Text made safe for one table cell: no line breaks, no `|`, no HTML, no link (`[`, `]` and the `\\` that
    /// would undo their escapes), no `@mention` that would notify someone, control characters shown as
    /// escapes, and at most `limit` characters (cut with `…`).
    static func cell(_ text: String, limit: Int = 300) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit * 4))
        for (index, character) in text.enumerated() {
            if index == limit {
                out += "…"
                break
            }
            switch character {
            case "@": out += "@\u{200B}"
            case "[": out += "\\["
            case "]": out += "\\]"
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\": out += "\\\\"
            default: appendPlain(character, to: &out)
            }
        }
        return out
    }

    /// `character` as one line of text shows it: a line break or tab as a space, a control character as
    /// its escape, anything else as it is.
    private static func appendPlain(_ character: Character, to out: inout String) {
        if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" {
            out += " "
        } else if character.unicodeScalars.contains(where: String.needsEscape) {
            out += String(character).escapingControlCharacters
        } else {
            out.append(character)
        }
    }

    /// Text as a code span: inside backticks nothing is a link, a mention or HTML, so only line breaks,
    /// control characters and, in a table cell, `|` (which would end the cell) are changed, and the span is
    /// fenced with more backticks than the text holds in a row. At most `limit` characters.
    static func code(_ text: String, inTable: Bool = true, limit: Int = 300) -> String {
        var out = ""
        var run = 0
        var longest = 0
        for (index, character) in text.enumerated() {
            if index == limit {
                out += "…"
                break
            }
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
            switch character {
            case "|" where inTable: out += "\\|"
            default: appendPlain(character, to: &out)
            }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = out.hasPrefix("`") || out.hasSuffix("`") ? " " : ""
        return fence + pad + out + pad + fence
    }

    /// `1 error`, `2 errors`.
    static func count(_ n: Int, _ word: String) -> String { Plural.count(n, word) }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: return "❌"
        case .warning: return "⚠️"
        case .note: return "ℹ️"
        }
    }

    /// `` `███░░░░░░░` 30% ``
    static func bar(_ done: Int, of total: Int) -> String {
        "`\(ProgressBar.bar(done, of: total))` \(ProgressBar.percent(done, of: total))%"
    }

    /// A table: one row per kit, then one per phase that has tasks, at most `maxRows` rows and about
    /// `maxBytes` bytes.
    static func progressTable(_ kits: [KitSummary], paths: ReportPaths, maxRows: Int, maxBytes: Int, heading: Bool = true) -> String {
        guard !kits.isEmpty else { return "" }
        var out = (heading ? "#### Progress\n\n" : "") + "| Kit | Phase | Progress | Done |\n| --- | --- | --- | --- |\n"
        var rows = 0
        var left = 0
        var bytes = out.utf8.count
        for kit in kits {
            for row in kitRows(kit, paths: paths) {
                if rows < maxRows, bytes + row.utf8.count <= maxBytes {
                    out += row
                    bytes += row.utf8.count
                    rows += 1
                } else {
                    left += 1
                }
            }
        }
        if left > 0 { out += "\n_\(Plural.count(left, "more row")) not shown._\n" }
        return out + "\n"
    }

    /// `**name** (`root`)`: how every table names a kit (the folder left out when it says nothing more).
    static func kitName(root: String, name: String, paths: ReportPaths) -> String {
        let relative = paths.relative(root)
        return relative == "." || relative == name ? "**\(cell(name))**" : "**\(cell(name))** (\(code(relative)))"
    }

    static func kitRows(_ kit: KitSummary, paths: ReportPaths) -> [String] {
        var rows = [
            "| \(kitName(root: kit.root, name: kit.name, paths: paths)) | | \(bar(kit.done, of: kit.tasks)) | \(kit.done)/\(kit.tasks) |\n"
        ]
        let files = Set(kit.phases.map(\.file))
        for phase in kit.phases {
            var title = cell(phase.name)
            if files.count > 1 { title = "\(cell(lastComponent(phase.file))) › " + title }
            if let declared = phase.declared { title += " · _\(cell(declared))_" }
            rows.append(
                "| | [\(title)](\(paths.link(phase.file, line: phase.line))) | \(bar(phase.done, of: phase.total)) | \(phase.done)/\(phase.total) |\n"
            )
        }
        return rows
    }

    /// `#### Changes since `origin/main`` with counts and a table of changes: regressions open, the rest open
    /// when there are at most `openRows` changes, else folded.
    static func changesSection(_ diff: PlanDiff, paths: ReportPaths, maxRows: Int, maxBytes: Int, openRows: Int = 10) -> String {
        var out =
            "#### Changes since \(code(diff.base, inTable: false))\n\n\(diff.counts.description.prefix(1).uppercased() + diff.counts.description.dropFirst()).\n\n"
        guard !diff.changes.isEmpty else { return out }
        let header = "| | Change | Where |\n| --- | --- | --- |\n"
        let regressions = diff.changes.filter(\.regression)
        let others = diff.changes.filter { !$0.regression }
        let fold = diff.changes.count > openRows
        let open = fold ? regressions : regressions + others
        let folded = fold ? others : []
        var shown = 0
        var used = out.utf8.count + 2 * header.utf8.count + 100
        func take(_ changes: [PlanChange]) -> String {
            var table = ""
            for change in changes where shown < maxRows {
                let row = changeRow(change, diff: diff, paths: paths)
                guard used + row.utf8.count <= maxBytes else { break }
                table += row
                used += row.utf8.count
                shown += 1
            }
            return table
        }
        let rows = take(open)
        if !rows.isEmpty { out += header + rows + "\n" }
        let rest = take(folded)
        if !rest.isEmpty {
            let count = rest.split(separator: "\n").count
            out += "<details><summary>\(Plural.count(count, "other change"))</summary>\n\n" + header + rest + "\n</details>\n\n"
        }
        if diff.changes.count > shown {
            out += "_\(Plural.count(diff.changes.count - shown, "more change")) not shown._\n\n"
        }
        return out
    }

    /// One row of the changes table, linked to the change's line (a removed item is only on the old side: its
    /// place is named, not linked).
    static func changeRow(_ change: PlanChange, diff: PlanDiff, paths: ReportPaths) -> String {
        let icon = change.regression ? "❌" : change.completion ? "✅" : change.kind == .removed ? "➖" : change.kind == .added ? "➕" : "🔁"
        let place =
            change.kind == .removed
            ? "\(code("\(paths.relative(change.range.file)):\(change.range.line)")) (\(cell(diff.base)))"
            : "[\(cell(paths.relative(change.range.file))):\(change.range.line)](\(paths.link(change.range.file, line: change.range.line)))"
        return "| \(icon) | \(cell(change.summary)) | \(place) |\n"
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
