/// The values the kit templates render: the parameters, numbered and cross-referenced (goal 2 is user story
/// US2 and requirement FR-002; each phase's tasks cite the goals assigned to it).
struct KitContext {
    static let defaultPhases = ["Foundation", "Core features", "Hardening and release"]
    static let defaultPrinciples: [(String, String)] = [
        (
            "The plan stays true",
            "Statuses, counts and dependencies in these documents match the work as it is. A reviewer checks that `speckit validate` reports no errors."
        ),
        (
            "Small, reviewable steps",
            "Work lands in changes small enough to review in one sitting, each with its tests. A reviewer checks that every change names the task it completes."
        ),
        (
            "Tests prove the claims",
            "A task is done when a test shows its acceptance checks hold. A reviewer checks that the test exists and passes."
        ),
    ]

    let parameters: KitParameters

    /// The Mustache context: plain dictionaries, arrays, strings, numbers and booleans.
    var values: [String: Any] {
        let goals = parameters.goals.enumerated().map { index, text -> [String: Any] in
            [
                "number": index + 1, "text": text, "requirement": Self.requirement(index + 1),
                "priority": "P\(min(index + 1, 3))",
            ]
        }
        let principles: [[String: Any]] =
            (parameters.principles.isEmpty
            ? Self.defaultPrinciples
            : parameters.principles.map { ($0, "TBD: what this principle requires, and how a reviewer checks it.") })
            .enumerated().map { index, principle in
                ["numeral": Self.roman(index + 1), "title": principle.0, "text": principle.1]
            }
        let phases = self.phases
        return [
            "project": parameters.name,
            "slug": parameters.slug,
            "description": parameters.description ?? "",
            "hasDescription": !(parameters.description ?? "").isEmpty,
            "goals": goals,
            "principles": principles,
            "phases": phases,
            "phaseCount": phases.count,
            "taskCount": phases.reduce(0) { $0 + (($1["tasks"] as? [[String: Any]])?.count ?? 0) },
        ]
    }

    /// Phases with their tasks: a scoping task, one task per goal assigned to the phase (round robin), and a
    /// closing check that depends on the others.
    var phases: [[String: Any]] {
        let titles = parameters.phases.isEmpty ? Self.defaultPhases : parameters.phases
        var previousLast: String?
        return titles.enumerated().map { index, title -> [String: Any] in
            let number = index + 1
            var tasks: [[String: Any]] = []
            func add(_ text: String) -> String {
                let id = "T\(number).\(tasks.count + 1)"
                tasks.append(["id": id, "text": text])
                return id
            }
            let scope = add(
                "Agree the scope of \(title) and its acceptance checks"
                    + (previousLast.map { " (depends on \($0))" } ?? ""))
            var requirements: [String] = []
            var delivered: [String] = []
            for (goalIndex, goal) in parameters.goals.enumerated() where goalIndex % titles.count == index {
                let requirement = Self.requirement(goalIndex + 1)
                requirements.append(requirement)
                delivered.append(add("[US\(goalIndex + 1)] Deliver G\(goalIndex + 1): \(goal) (\(requirement)) (depends on \(scope))"))
            }
            let last = add(
                "Check the acceptance checks of Phase \(number) and update plan.md (depends on "
                    + (delivered.isEmpty ? [scope] : delivered).joined(separator: ", ") + ")")
            previousLast = last
            return [
                "number": number, "title": title, "tasks": tasks, "taskCount": tasks.count,
                "requirements": requirements.joined(separator: ", "),
                "dependsOn": number > 1 ? "Phase \(number - 1)" : "",
            ]
        }
    }

    static func requirement(_ number: Int) -> String {
        "FR-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
    }

    static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var out = ""
        for (value, letters) in table {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }
}
