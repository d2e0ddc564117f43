/// A deterministic check over one kit. Each rule lives in its own file under `Rules/<category>/` with a
/// static description whose examples are run as tests (see `RuleExamplesTests`).
public protocol Rule: Sendable {
    /// The id, title, default severity, rationale and examples.
    static var description: RuleDescription { get }

    init()

    /// Reports every problem in the kit through `context.report`.
    func check(_ context: RuleContext)
}

extension Rule {
    /// The rule's id.
    public static var id: RuleID { description.id }
}
