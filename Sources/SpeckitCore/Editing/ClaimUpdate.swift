/// Count claims rewritten to what the tasks say: kept true across a status change (`set-status`), or
/// corrected when no count agrees (`fix --claims`).
package enum ClaimUpdate {
    /// Rewrites every claim that agreed with a way of counting in `before` and no longer agrees with the
    /// same way of counting in the editor's current files. Claims that were already wrong are left alone.
    package static func keepTrue(_ editor: inout KitEditor, before: Kit) throws {
        let after = editor.kit()
        var edits: [(edit: PlanEdit, what: String)] = []
        for old in before.documents where ClaimCounting.countsItself(old) {
            guard let new = after.documents.first(where: { $0.path == old.path }), ClaimCounting.countsItself(new) else { continue }
            let file = editor.file(of: new)
            for (claim, twin) in pairs(old.claims, new.claims) where ClaimCounting.scopeIsKnown(claim) {
                guard let counts = ClaimCounting.counts(for: claim, in: old),
                    let agreeing = counts.first(where: { ClaimCounting.agrees(claim, $0) }),
                    let now = ClaimCounting.counts(for: twin, in: new)?.first(where: { $0.name == agreeing.name }),
                    !ClaimCounting.agrees(twin, now)
                else { continue }
                edits += try rewrite(
                    twin, to: now, pendingAsOpen: ClaimNumbers.pendingAsOpen(claim, agreeing), oldBase: agreeing.total, file: file)
            }
        }
        editor.apply(edits)
    }

    /// Rewrites every claim speckit checks (`status.claim-mismatch`) that no way of counting agrees with, to
    /// the way of counting the document's other claims of its kind agree with (else every task).
    package static func correct(_ editor: inout KitEditor) throws {
        let kit = editor.kit()
        var edits: [(edit: PlanEdit, what: String)] = []
        for document in kit.documents {
            let file = editor.file(of: document)
            let checked = ClaimCheck.checks(in: document)
            let wrongLines = Set(checked.filter { !$0.matches }.map(\.range.line))
            guard !wrongLines.isEmpty else { continue }
            let known = document.claims.filter(ClaimCounting.scopeIsKnown)
            // The way of counting claims of each kind (scoped or not, and noun) already agree with.
            var precedent: [String: String] = [:]
            for claim in known {
                guard let counts = ClaimCounting.counts(for: claim, in: document),
                    let agreeing = counts.first(where: { ClaimCounting.agrees(claim, $0) })
                else { continue }
                if precedent[kind(claim)] == nil { precedent[kind(claim)] = agreeing.name }
            }
            for claim in known where wrongLines.contains(claim.range.line) {
                guard let counts = ClaimCounting.counts(for: claim, in: document), !counts.isEmpty,
                    !counts.contains(where: { ClaimCounting.agrees(claim, $0) })
                else { continue }
                // "All 32 tasks finished" while 25 are: no number makes it true; it is left for a person.
                if claim.kind == .count, ClaimNumbers.followsAll(claim, in: file) {
                    let quoted = ClaimCounting.quote(claim)
                    editor.leave("\(file.path):\(claim.range.line): '\(quoted)' says all, and no number makes that true: left for you")
                    continue
                }
                // Else the way the document's true claims of the kind count, else its numbered tasks (checklist
                // items beside them are not what a summary counts), else every task.
                let name = precedent[kind(claim)] ?? (counts.contains { $0.name == "numbered tasks" } ? "numbered tasks" : "tasks in all")
                let count = counts.first { $0.name == name } ?? counts.first { $0.name == "tasks in all" } ?? counts[0]
                precedent[kind(claim)] = count.name
                edits += try rewrite(claim, to: count, pendingAsOpen: false, oldBase: nil, file: file)
            }
        }
        editor.apply(edits)
    }

    /// The edits that make `claim` agree with `count`, noted for people.
    private static func rewrite(
        _ claim: Claim, to count: ClaimCounting.Count, pendingAsOpen: Bool, oldBase: Int?, file: FileText
    ) throws -> [(edit: PlanEdit, what: String)] {
        let (number, total) = ClaimNumbers.expected(claim, count, pendingAsOpen: pendingAsOpen)
        guard let edits = ClaimNumbers.edits(claim, number: number, total: total, base: (oldBase, count.total), in: file) else {
            throw SpeckitError.cannotEdit(
                file.path,
                reason:
                    "the claim '\(ClaimCounting.quote(claim))' on line \(claim.range.line) could not be found as written; nothing changed")
        }
        let old = ClaimCounting.quote(claim)
        let what = "\(file.path):\(claim.range.line): '\(old)' → \(count.describe(withNumbers: claim, number: number, total: total))"
        return edits.map { ($0, what) }
    }

    /// Claims of one document before and after an edit, paired: the same line, kind and noun, in order.
    private static func pairs(_ old: [Claim], _ new: [Claim]) -> [(Claim, Claim)] {
        var byLine = Dictionary(grouping: new, by: \.range.line)
        var out: [(Claim, Claim)] = []
        for claim in old {
            guard var candidates = byLine[claim.range.line],
                let index = candidates.firstIndex(where: { $0.kind == claim.kind && $0.noun == claim.noun })
            else { continue }
            out.append((claim, candidates.remove(at: index)))
            byLine[claim.range.line] = candidates
        }
        return out
    }

    /// What sort of claim it is, for choosing a way of counting: scoped or not, and its noun.
    private static func kind(_ claim: Claim) -> String { (claim.subject == nil ? "document " : "scoped ") + claim.noun }
}

extension ClaimCounting.Count {
    /// `4/13 top-level tasks`, `21 done of 259 tasks in all`: the claim's new numbers, for the change log.
    func describe(withNumbers claim: Claim, number: Int, total: Int?) -> String {
        switch claim.kind {
        case .fraction: return "\(number)/\(total ?? self.total) \(name)"
        case .total: return "\(number) \(name)"
        case .count: return "\(number) of \(self.total) \(name)"
        }
    }
}
