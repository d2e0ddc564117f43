/// The human-readable outline of `speckit parse --format text`: each kit and document, phases with their
/// declared status and task counts, tasks indented under them, then what the parser noticed and what was
/// skipped. Everything taken from the files (names, titles, statuses as written) is shown with control
/// characters escaped (`escapingControlCharacters`): a title cannot start a line of its own or reach the
/// terminal as an escape sequence.
public struct TextOutline: ParseWriter {
    /// List every file skipped, not only how many.
    public var verbose: Bool

    public init(verbose: Bool = false) {
        self.verbose = verbose
    }

    public static func render(_ result: ParseResult) -> String {
        var writer = TextOutline()
        return writer.render(result)
    }

    public func begin() -> String { "" }

    public func kit(_ kit: Kit, emit: (String) -> Void) {
        emit("kit \(e(kit.name)) [\(kit.profile.rawValue)\(kit.archived ? ", archived" : "")] \(e(kit.root))\n")
        for document in kit.documents {
            var out = ""
            Self.render(document, into: &out)
            emit(out)
        }
    }

    public func end(diagnostics: [Diagnostic], skipped: [SkippedFile]) -> String {
        var out = ""
        if !diagnostics.isEmpty {
            out += "\n"
            for diagnostic in diagnostics { out += e(diagnostic.formatted) + "\n" }
        }
        if verbose { out += skipped.map { "skipped: \(e($0.line))\n" }.joined() }
        if let summary = SkippedFile.summary(skipped) { out += summary + (verbose ? "" : " (--verbose lists them)") + "\n" }
        return out
    }

    private static func render(_ document: Document, into out: inout String) {
        let all = document.allTasks
        out += "  \(e(document.path)) (\(document.kind.rawValue), \(document.format.rawValue))"
        if let title = document.title { out += " — \(e(title))" }
        out += "\n    \(Plural.count(document.phases.count, "phase")), \(counts(all))"
        if !document.requirements.isEmpty { out += ", \(Plural.count(document.requirements.count, "requirement"))" }
        if !document.claims.isEmpty { out += ", \(Plural.count(document.claims.count, "claim"))" }
        if let encoding = document.text.mojibake { out += ", mojibake repaired (\(encoding.rawValue))" }
        out += "\n"
        for phase in document.phases {
            let declared = phase.declaredStatus.map { "\($0.value.rawValue) (\(e($0.raw)))" } ?? "no status"
            out += "    \(e(phase.id)) — \(e(phase.title))  [\(declared)]  \(counts(phase.allTasks))\n"
            for criterion in phase.acceptanceCriteria { out += "        ✓ \(e(criterion.text))\n" }
            renderTasks(phase.tasks, indent: 6, into: &out)
        }
        if !document.tasks.isEmpty {
            if !document.phases.isEmpty { out += "    (outside any phase)  \(counts(document.tasks.flatMap(\.flattened)))\n" }
            renderTasks(document.tasks, indent: 6, into: &out)
        }
        for requirement in document.requirements {
            out += "    \(e(requirement.id)): \(e(requirement.text))  (\(requirement.acceptanceCriteria.count) criteria)\n"
        }
    }

    private static func renderTasks(_ tasks: [PlanTask], indent: Int, into out: inout String) {
        // Depth-first with an explicit stack: nesting depth never touches the call stack.
        var stack: [(PlanTask, Int)] = tasks.reversed().map { ($0, indent) }
        while let (task, level) = stack.popLast() {
            let marker = task.marker.map { e($0.raw) } ?? "[\(task.status.rawValue)]"
            var line = String(repeating: " ", count: level) + marker
            if let id = task.id { line += " \(e(id))" }
            line += " \(e(task.title))"
            if let marker = task.marker, task.status != marker.impliedStatus { line += "  (\(task.status.rawValue))" }
            if task.form == .heading { line += "  [\(task.status.rawValue)]" }
            if !task.dependencies.isEmpty { line += "  ← " + e(task.dependencies.map(\.id).joined(separator: ", ")) }
            out += line + "\n"
            stack += task.subtasks.reversed().map { ($0, level + 2) }
        }
    }

    /// Text from a file, as it may be shown.
    private static func e(_ text: String) -> String { text.escapingControlCharacters }

    private func e(_ text: String) -> String { text.escapingControlCharacters }

    private static func counts(_ tasks: [PlanTask]) -> String {
        let done = tasks.filter { $0.status == .done }.count
        return "\(done)/\(tasks.count) tasks done"
    }
}
