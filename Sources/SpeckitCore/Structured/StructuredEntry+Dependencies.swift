/// Dependencies as a YAML/JSON plan writes them: only id-shaped tokens name tasks.
extension StructuredEntry {
    /// `[1, "3.2"]`, `"1, 2"`, `2`, or a list of `{id: …}` (`{item: B1, gate: …}`) mappings: the id-shaped tokens, and apart the
    /// words that name no task (`after: 2 seconds`, `requires: a database`), which are kept as a field.
    static func dependencies(_ value: PlanValue) -> (ids: [StructuredDependency], prose: [String]) {
        let items = value.items ?? [value]
        var ids: [StructuredDependency] = []
        var prose: [String] = []
        for item in items {
            if item.pairs != nil, let id = item.value(forAny: ["id", "key", "task", "item", "ticket"]) {
                let inner = dependencies(id)
                ids += inner.ids
                prose += inner.prose
                continue
            }
            guard let text = item.nonNullText else { continue }
            if item.isNumber {
                ids.append(StructuredDependency(raw: text, isNumber: true))
                continue
            }
            for token in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let token = token.trimmingCharacters(in: .whitespaces)
                guard !token.isEmpty else { continue }
                if idShaped(token) { ids.append(StructuredDependency(raw: token, isNumber: false)) } else { prose.append(token) }
            }
        }
        return (ids, prose)
    }

    /// A token that can be a task id: one word of letters, digits and `.` `_` `-` `#` `/` `:` (`T1`, `3.2`,
    /// `sprint_1`, `auth-setup`, `#12`), never a number with a unit (`60s`, `2h`, `3days`).
    static func idShaped(_ token: String) -> Bool {
        guard token.count <= 80,
            token.unicodeScalars.allSatisfy({
                $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-#/:".unicodeScalars.contains($0)
            })
        else { return false }
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < token.count else { return true }
        let unit = token.dropFirst(digits.count).lowercased()
        return !durationUnits.contains(unit)
    }

    private static let durationUnits: Set<String> = [
        "ms", "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour",
        "hours", "d", "day", "days", "w", "wk", "week", "weeks", "mo", "month", "months", "y", "yr", "year", "years",
        "x", "%", "px", "kb", "mb", "gb",
    ]

    /// Keeps the dependencies that can name a task: a known task or phase id, or a token with a digit (`T7`,
    /// `3.2`, `LAN-4`). A word that no task is called (`requires: [postgresql, redis]`, `needs: docker`,
    /// `auth-service`) names something else: it is kept as a field, never an unknown dependency.
    static func keepTaskDependencies(_ document: inout Document) {
        var known = Set(document.phases.map(\.id))
        for task in document.allTasks { if let id = task.id { known.insert(id) } }
        func keep(_ task: inout PlanTask) {
            let words = task.dependencies.filter { !known.contains($0.id) && !$0.id.contains(where: \.isNumber) }
            if !words.isEmpty {
                task.dependencies.removeAll { words.contains($0) }
                task.fields.append(
                    Field(key: "dependencies", value: words.map(\.raw).joined(separator: ", "), range: task.range))
            }
            for index in task.subtasks.indices { keep(&task.subtasks[index]) }
        }
        for phase in document.phases.indices {
            for index in document.phases[phase].tasks.indices { keep(&document.phases[phase].tasks[index]) }
        }
        for index in document.tasks.indices { keep(&document.tasks[index]) }
    }
}
