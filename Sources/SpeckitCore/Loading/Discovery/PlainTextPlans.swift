/// `.txt` files are not read when walking folders (so a `requirements.txt` or a licence never is), but one
/// that looks like a Markdown plan is mentioned, so a folder of plans saved as text is not passed over in
/// silence (`speckit validate seeds/`).
enum PlainTextPlans {
    /// How much of a file is looked at.
    static let sniffBytes = 16 * 1024

    /// Whether the start of a text file looks like a Markdown plan: a task-list item (`- [ ]`, `* [x]`), or a
    /// second-level or deeper heading that names a phase, task, plan, milestone, sprint or roadmap (a `#` line
    /// alone is as likely a comment: `# Google API (for Phase 3)` in a requirements.txt).
    static func looksLikePlan(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(sniffBytes), as: UTF8.self)
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("- [") || line.hasPrefix("* [") {
                let mark = line.dropFirst(3).prefix(2)
                if mark == " ]" || mark == "x]" || mark == "X]" { return true }
            }
            if line.hasPrefix("##") {
                let title = line.drop { $0 == "#" }
                guard title.first == " " else { continue }
                let lower = title.lowercased()
                if ["phase", "task", "plan", "milestone", "sprint", "roadmap"].contains(where: lower.contains) { return true }
            }
        }
        return false
    }
}
