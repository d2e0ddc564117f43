/// One sentence in which a document counts itself, and what the tasks really say.
public struct ClaimCheck: Codable, Hashable, Sendable {
    /// The claim as written: `3/27 subtasks`, `18 completed (16%)`.
    public var claim: String
    /// The phase or task the claim is about, when it names one.
    public var subject: String?
    /// What speckit counts: the way of counting that agrees, else every way tried (`5/27 tasks in all; …`).
    public var actual: String
    public var matches: Bool
    public var range: SourceRange

    /// The claims of `document` whose scope speckit knows how to count, one per line: the first that does
    /// not match on its line, else the first that does.
    public static func checks(in document: Document) -> [ClaimCheck] {
        guard !document.claims.isEmpty, ClaimCounting.countsItself(document) else { return [] }
        var out: [ClaimCheck] = []
        var lineIndex: [Int: Int] = [:]
        for claim in document.claims where ClaimCounting.scopeIsKnown(claim) {
            if let index = lineIndex[claim.range.line], !out[index].matches { continue }
            guard let counts = ClaimCounting.counts(for: claim, in: document) else { continue }
            let agreeing = counts.first { ClaimCounting.agrees(claim, $0) }
            let check = ClaimCheck(
                claim: ClaimCounting.quote(claim), subject: claim.subject,
                actual: agreeing.map { $0.describe(claim) } ?? counts.map { $0.describe(claim) }.joined(separator: "; "),
                matches: agreeing != nil, range: claim.range)
            if let index = lineIndex[claim.range.line] {
                if !check.matches { out[index] = check }
            } else {
                lineIndex[claim.range.line] = out.count
                out.append(check)
            }
        }
        return out
    }
}
