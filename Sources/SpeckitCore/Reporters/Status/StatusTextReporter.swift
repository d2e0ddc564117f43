/// `speckit status` for a person: per kit a headline, a bar per phase, and the tasks under way, blocked and
/// ready to start (the first `listLimit` of each), then the document's claims against the real counts; an
/// archived kit gets its headline only. Written kit by kit, totals last.
public struct StatusTextReporter: StatusWriter {
    public var color: Bool
    public var listLimit: Int
    /// List every file skipped, not only how many.
    public var verbose: Bool

    public init(color: Bool = false, listLimit: Int = 10, verbose: Bool = false) {
        self.color = color
        self.listLimit = listLimit
        self.verbose = verbose
    }

    public func begin() -> String { "" }

    public func kit(_ progress: KitProgress) -> String {
        render(progress) + "\n"
    }

    public func end(totals: StatusReport.Totals, skipped: [SkippedFile]) -> String {
        var out = verbose ? skipped.map { "skipped: \($0.line.escapingControlCharacters)\n" }.joined() : ""
        out +=
            "\(totals.done)/\(totals.tasks) tasks done (\(ProgressBar.percent(totals.done, of: totals.tasks))%) in "
            + "\(Plural.count(totals.kits, "kit")); \(totals.inProgress) in progress, \(totals.blocked) blocked, "
            + "\(totals.ready) ready to start; \(Plural.count(totals.claims, "claim")), \(totals.mismatchedClaims) not matching"
        if totals.archivedKits > 0 { out += "; \(Plural.count(totals.archivedKits, "archived kit")) not counted" }
        if let summary = SkippedFile.summary(skipped) { out += "; " + summary + (verbose ? "" : " (--verbose lists them)") }
        return out + "\n"
    }

    func render(_ kit: KitProgress) -> String {
        if kit.archived {
            return paint(kit.name.escapingControlCharacters, "2")
                + " (\(kit.root.escapingControlCharacters), \(kit.profile.rawValue), archived)"
                + ": \(kit.done)/\(kit.total) tasks done (\(kit.percent)%)\n"
        }
        var out =
            paint(kit.name.escapingControlCharacters, "1") + " (\(kit.root.escapingControlCharacters), \(kit.profile.rawValue))"
            + ": \(kit.done)/\(kit.total) tasks done (\(kit.percent)%)"
            + " · \(kit.inProgress.count) in progress · \(kit.blocked.count) blocked · \(kit.ready.count) ready to start\n"
        // Checks and optional tasks are shown apart: they are not work the percentage counts.
        if kit.optionalOpen > 0 {
            out += "  optional: \(Plural.count(kit.optionalOpen, "open optional task")) (not counted)\n"
        }
        if kit.checklist.total > 0 {
            out += "  checklists: \(kit.checklist.checked)/\(kit.checklist.total) items checked (not counted as tasks)\n"
        }
        let width = kit.phases.map { "\($0.done)/\($0.total)".count }.max() ?? 0
        for phase in kit.phases {
            let count = "\(phase.done)/\(phase.total)"
            out +=
                "  \(paint(ProgressBar.bar(phase.done, of: phase.total), phase.done == phase.total ? "32" : "2")) "
                + pad("\(phase.percent)%", 4) + "  " + count + String(repeating: " ", count: width - count.count) + "  "
                + phase.name.escapingControlCharacters
                + (phase.declared.map { "  [\($0)]" } ?? "") + "\n"
        }
        out += list("in progress", kit.inProgress)
        out += list("blocked", kit.blocked)
        out += list("ready to start", kit.ready)
        if !kit.claims.isEmpty {
            out += "  claims:\n"
            for claim in kit.claims {
                let mark = claim.matches ? paint("✓", "32") : paint("✗", "31")
                out +=
                    "    \(mark) \(claim.range.file.escapingControlCharacters):\(claim.range.line): '\(claim.claim.escapingControlCharacters)'"
                    + (claim.matches ? "" : " — counted: \(claim.actual)") + "\n"
            }
        }
        return out
    }

    private func list(_ title: String, _ tasks: [TaskReference]) -> String {
        guard !tasks.isEmpty else { return "" }
        var out = "  \(title):\n"
        for task in tasks.prefix(listLimit) {
            out += "    \(task.label.escapingControlCharacters) (\(task.file.escapingControlCharacters):\(task.line))\n"
        }
        if tasks.count > listLimit { out += "    … and \(tasks.count - listLimit) more\n" }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
