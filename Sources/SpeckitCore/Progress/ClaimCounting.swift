import Foundation

/// How a document's claims about itself ("18 completed (16%)", "(3/27 subtasks)") are counted against the
/// parsed tasks: shared by `status.claim-mismatch` and `speckit status`.
enum ClaimCounting {
    /// Whether speckit knows what the claim counts: the phase or task it names, or the whole document. A count
    /// in brackets after some other label (`**codex** (8 tasks total):`, `Agent queue (21 pending tasks)`)
    /// is about a list speckit does not model, so it is not checked.
    static func scopeIsKnown(_ claim: Claim) -> Bool {
        guard claim.subject == nil else { return true }
        let line = claim.text.filter { $0 != "*" && $0 != "`" && $0 != "_" }
        let number = claim.kind == .fraction ? "\(claim.count)/\(claim.total ?? 0)" : "\(claim.count)"
        guard let found = line.range(of: number) else { return true }
        let before = line[..<found.lowerBound]
        guard let open = before.lastIndex(of: "("), !before[open...].contains(")") else { return true }
        var label = before[..<open].trimmingSpaces
        while let first = label.first, "-+>•#".contains(first) || first.isNumber || first == "." {
            label = String(label.dropFirst()).trimmingSpaces
        }
        if label.hasSuffix(":") { label.removeLast() }
        let folded = label.lowercased()
        if label.isEmpty || ["total", "totals", "summary", "progress", "overall", "status"].contains(folded) { return true }
        return StatusVocabulary.standard.status(forWord: label) != nil
    }

    /// One way of counting the claim's scope: how many things there are and how many have each status.
    struct Count {
        var name: String
        var total: Int
        var statuses: [CanonicalStatus]

        func number(with status: CanonicalStatus?, remaining: Bool) -> Int {
            if remaining { return statuses.count { !$0.isClosed } }
            guard let status else { return total }
            return statuses.count { $0 == status }
        }

        func describe(_ claim: Claim) -> String {
            switch claim.kind {
            case .fraction: return "\(number(with: .done, remaining: false))/\(total) \(name)"
            case .total: return "\(total) \(name)"
            case .count:
                let status = claim.remaining ? "open" : (claim.status?.phrase ?? "in all")
                return "\(number(with: claim.status, remaining: claim.remaining)) \(status) of \(total) \(name)"
            }
        }
    }

    static func agrees(_ claim: Claim, _ count: Count) -> Bool {
        switch claim.kind {
        case .fraction:
            return claim.total == count.total && claim.count == count.number(with: .done, remaining: false)
        case .total:
            return claim.count == count.total
        case .count:
            if claim.count == count.number(with: claim.status, remaining: claim.remaining) { return true }
            // "Pending: 3" is read by some as not started, by others as not done: either count agrees.
            return claim.status == .todo && claim.count == count.number(with: nil, remaining: true)
        }
    }

    /// The ways to count what the claim is about, or nil when speckit does not count that noun.
    static func counts(for claim: Claim, in document: Document) -> [Count]? {
        switch claim.noun {
        case "task", "subtask", "sub-task", "item", "todo", "to-do", "step":
            let top: [PlanTask]
            if let subject = claim.subject {
                if let phase = document.phases.first(where: { $0.id.lowercased() == subject.lowercased() }) {
                    top = phase.tasks
                } else if let task = document.allTasks.first(where: { $0.id == subject }) {
                    top = task.subtasks
                } else {
                    return nil
                }
            } else {
                top = document.phases.flatMap(\.tasks) + document.tasks
            }
            let all = top.flatMap(\.flattened)
            let leaves = all.filter(\.subtasks.isEmpty)
            let numbered = all.filter { $0.id != nil }
            var counts = [
                Count(name: "top-level tasks", total: top.count, statuses: top.map(\.status)),
                Count(name: "tasks in all", total: all.count, statuses: all.map(\.status)),
                Count(name: "leaf tasks", total: leaves.count, statuses: leaves.map(\.status)),
            ]
            // Checklist items beside numbered tasks ("- [x] All contracts have tests") are not what a summary counts.
            if !numbered.isEmpty, numbered.count < all.count {
                counts.append(Count(name: "numbered tasks", total: numbered.count, statuses: numbered.map(\.status)))
            }
            // Open optional tasks (Kiro's `[ ]*`) are nobody's debt: a summary may leave them out.
            let required = all.filter(\.countsAsWork)
            if required.count < all.count {
                counts.append(Count(name: "tasks not counting open optional ones", total: required.count, statuses: required.map(\.status)))
            }
            return counts
        case "phase", "task group", "milestone":
            guard !document.phases.isEmpty, claim.subject == nil else { return nil }
            // A phase with no status of its own and no tasks speckit read has no status to count.
            if claim.status != nil || claim.remaining, document.phases.contains(where: { $0.declaredStatus == nil && $0.allTasks.isEmpty })
            {
                return nil
            }
            return [Count(name: "phases", total: document.phases.count, statuses: document.phases.map(\.effectiveStatus))]
        case "requirement":
            let requirements = document.requirements.filter { $0.kind != .userStory }
            guard !requirements.isEmpty else { return nil }
            return [Count(name: "requirements", total: requirements.count, statuses: requirements.map { _ in .unknown })]
        case "user story", "story":
            let stories = document.requirements.filter { $0.kind == .userStory }
            guard !stories.isEmpty else { return nil }
            return [Count(name: "user stories", total: stories.count, statuses: stories.map { _ in .unknown })]
        default:
            return nil
        }
    }

    /// Whether a count with no named scope can be about this document's own tasks: a tasks or plan document
    /// that has tasks and whose task-shaped headings (`### T001: …`) were all read as tasks. A report or
    /// summary about another file (`IMPLEMENTATION-SUMMARY.md`), a design note with no tasks, or a plan whose
    /// tasks speckit reads only in part would be checked against the wrong list.
    static func countsItself(_ document: Document) -> Bool {
        guard document.kind == .tasks || document.kind == .plan else { return false }
        let tasks = document.allTasks
        guard !tasks.isEmpty else { return false }
        let ids = Set(tasks.compactMap(\.id))
        var pending = document.sections
        while let section = pending.popLast() {
            pending += section.children
            if let match = section.title.prefixMatch(of: /(T\d{2,}|[A-Z]{2,}-\d+)\b/), !ids.contains(String(match.1)) { return false }
        }
        return true
    }

    /// The claim as written, from its number to the end of its clause: `3/27 subtasks`, `18 completed (16%)`.
    static func quote(_ claim: Claim) -> String {
        let line = claim.text.filter { $0 != "*" && $0 != "`" }.collapsingWhitespace
        if let quoted = ClaimScanner.quote(line) { return quoted }
        let number = claim.kind == .fraction ? "\(claim.count)/\(claim.total ?? 0)" : "\(claim.count)"
        var search = line.startIndex
        while let found = line.range(of: number, range: search..<line.endIndex) {
            let before = found.lowerBound == line.startIndex ? " " : line[line.index(before: found.lowerBound)]
            let after = found.upperBound == line.endIndex ? " " : line[found.upperBound]
            if !before.isNumber, !before.isLetter, before != ".", before != "/", !after.isNumber, after != "/" || claim.kind == .fraction {
                var phrase = String(line[found.lowerBound...])
                for stop in [",", ";", " - ", " — ", " → ", ":"] {
                    if let cut = phrase.range(of: stop) { phrase = String(phrase[..<cut.lowerBound]) }
                }
                // "(5/5 tasks) ✅ COMPLETE": the claim ends where its parenthesis closes.
                if let close = phrase.firstIndex(of: ")"), !phrase[..<close].contains("(") { phrase = String(phrase[..<close]) }
                while phrase.hasSuffix(")"), phrase.count(where: { $0 == ")" }) > phrase.count(where: { $0 == "(" }) { phrase.removeLast() }
                phrase = phrase.trimmingSpaces
                if !phrase.isEmpty { return phrase }
            }
            search = found.upperBound
        }
        return claimed(claim)
    }

    /// The claim as a short phrase: `3/27 subtasks`, `111 total subtasks`, `18 completed`.
    static func claimed(_ claim: Claim) -> String {
        switch claim.kind {
        case .fraction: return "\(claim.count)/\(claim.total ?? 0) \(claim.noun)s"
        case .total: return "\(claim.count) total \(claim.noun)s"
        case .count:
            let status = claim.remaining ? "remaining" : (claim.status?.phrase ?? "")
            let percent = claim.percent.map { " (\($0)%)" } ?? ""
            return status.isEmpty ? "\(claim.count) \(claim.noun)s" : "\(claim.count) \(status) \(claim.noun)s\(percent)"
        }
    }
}
