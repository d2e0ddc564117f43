/// `speckit status` for a person: per kit a headline, a bar per phase, and the tasks under way, blocked and
/// ready to start (the first `listLimit` of each), then the document's claims against the real counts.
public struct StatusTextReporter: Sendable {
    public var color: Bool
    public var listLimit: Int

    public init(color: Bool = false, listLimit: Int = 10) {
        self.color = color
        self.listLimit = listLimit
    }

    public func render(_ report: StatusReport) -> String {
        var out = ""
        for kit in report.kits { out += render(kit) + "\n" }
        let totals = report.totals
        out +=
            "\(totals.done)/\(totals.tasks) tasks done (\(Progress.percent(totals.done, of: totals.tasks))%) in "
            + "\(totals.kits) kit\(totals.kits == 1 ? "" : "s"); \(totals.inProgress) in progress, \(totals.blocked) blocked, "
            + "\(totals.ready) ready to start; \(totals.mismatchedClaims) of \(totals.claims) claims do not match\n"
        return out
    }

    func render(_ kit: KitProgress) -> String {
        var out =
            paint(kit.name.escapingControlCharacters, "1") + " (\(kit.root.escapingControlCharacters), \(kit.profile.rawValue))"
            + ": \(kit.done)/\(kit.total) tasks done (\(kit.percent)%)"
            + " · \(kit.inProgress.count) in progress · \(kit.blocked.count) blocked · \(kit.ready.count) ready to start\n"
        let width = kit.phases.map { "\($0.done)/\($0.total)".count }.max() ?? 0
        for phase in kit.phases {
            let count = "\(phase.done)/\(phase.total)"
            out +=
                "  \(paint(Progress.bar(phase.done, of: phase.total), phase.done == phase.total ? "32" : "2")) "
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
