/// Builds the plan model from a cmark-gfm tree: phases from headings, tasks from checkboxes and
/// `### Task N:` blocks, fields, tables, acceptance criteria, requirements and claims.
///
/// The tree's nodes are stored in document order (pre-order), so one pass over the array sees every
/// parent before its children; what each node inherits (its enclosing task, its list's label) is kept
/// in arrays indexed by node, which keeps the pass linear even for 200,000 nested lists.
struct MarkdownPlanBuilder {
    let source: SourceText
    /// Levels tasks may nest (`Limits.nesting`); deeper ones are listed under their ancestor at this level.
    let maxTaskDepth: Int
    let tree: MarkdownTree
    let vocabulary: StatusVocabulary
    /// A Kiro spec (`.kiro/specs/…`): `[-]` is a task under way, not one dropped.
    let kiro: Bool
    /// A Spec Kit checklist (`checklists/*.md`): every checkbox is a check, none is work.
    let checklistDocument: Bool
    /// Task and plan documents (and those whose name says nothing) read `### T001: Title` headings and
    /// `**ID 24.4: Title**` lines as tasks; specs and references do not (`### AC-001:` is a criterion there).
    let idTasks: Bool
    /// A tasks document: any id prefix heads a task (`### ENV-01 — Title`); elsewhere only task-shaped ones.
    let tasksDocument: Bool

    var title: String?
    var sections: [SectionRecord] = []
    var phases: [PhaseRecord] = []
    var tasks: [TaskRecord] = []
    /// The first id-heading task (`### T001:`) of each id, by index into `tasks`: looked up for every
    /// checkbox, so never by a scan.
    var idTaskIndex: [String: Int] = [:]
    /// The ids of `tasks[..<seenTaskIDs]`, grown as `restates` is asked, so it never scans every task.
    var taskIDs: Set<String> = []
    var seenTaskIDs = 0
    var requirements: [Requirement] = []
    var criteria: [CriterionRecord] = []
    var claims: [Claim] = []
    var checklist: [ChecklistItem] = []
    var diagnostics: [Diagnostic] = []
    /// Rows of task tables and phase-status tables, settled once the document is read.
    var tableRows: [TableRow] = []
    var phaseTableRows: [PhaseTableRow] = []

    // Heading context.
    var phase: (index: Int, level: Int)?
    var headingTask: (index: Int, level: Int)?
    var requirement: (index: Int, level: Int)?
    var headingLabel: (label: ListLabel, level: Int)?
    var scenario: (criterion: Int, level: Int)?
    /// An open checklist section ("Review & Acceptance Checklist", "Progress Tracking").
    var checklistSection: (title: String, level: Int)?
    /// The level of the last heading seen (0 before the first).
    var headingLevel = 0
    /// The level of the open summary or progress section, whose counting sentences are claims.
    var summaryLevel: Int?
    /// A thematic break (`---`) since the last heading: what follows it is no longer the section's own body
    /// (a closing footer, "**Total Completed Tasks:** 16" after the last, empty phase).
    var brokenSinceHeading = false

    // Per-node state.
    var itemTask: [Int32]
    var enclosingTask: [Int32]
    var listLabel: [Int: ListLabel] = [:]
    var pendingLabel: (label: ListLabel, next: Int)?
    /// The last Given/When/Then criterion and the node after which a continuation may follow.
    var openScenario: (criterion: Int, parent: Int)?
    var reportedDepth = false

    init(
        source: SourceText, tree: MarkdownTree, vocabulary: StatusVocabulary, kind: Document.Kind = .other,
        maxTaskDepth: Int = Limits.standard.nesting
    ) {
        self.source = source
        let components = source.path.split(separator: "/")
        self.kiro = components.contains(".kiro")
        self.checklistDocument = kind == .checklist && components.dropLast().contains("checklists")
        self.idTasks = kind == .tasks || kind == .plan || kind == .other
        self.tasksDocument = kind == .tasks
        self.maxTaskDepth = maxTaskDepth
        self.tree = tree
        self.vocabulary = vocabulary
        self.itemTask = Array(repeating: -1, count: tree.nodes.count)
        self.enclosingTask = Array(repeating: -1, count: tree.nodes.count)
    }

    /// Walks every node once, in document order.
    mutating func build() {
        for index in tree.nodes.indices {
            let node = tree.nodes[index]
            if node.parent >= 0 {
                let parentTask = itemTask[node.parent]
                enclosingTask[index] = parentTask >= 0 ? parentTask : enclosingTask[node.parent]
            }
            switch node.kind {
            case .heading(let level): heading(index, level: level)
            case .paragraph: paragraph(index)
            case .list: list(index)
            case .item(let task): item(index, gfmChecked: task)
            case .table: table(index)
            case .thematicBreak: brokenSinceHeading = true
            default: break
            }
        }
        settleTables()
    }

    /// The range of a node, in the file's own lines and columns.
    func range(of index: Int) -> SourceRange {
        let node = tree.nodes[index]
        return source.range(node.startLine, node.startColumn, node.endLine, node.endColumn)
    }

    /// Where fields and criteria written at this point belong: the innermost open task block, else phase.
    var workTarget: Target? {
        if let headingTask { return .task(headingTask.index) }
        if let phase { return .phase(phase.index) }
        return nil
    }

    /// Where criteria written at this point belong.
    var criterionTarget: Target {
        if let requirement { return .requirement(requirement.index) }
        return workTarget ?? .document
    }

    mutating func scanClaims(_ text: String, at index: Int, phaseHeading: Bool = false) {
        let base = range(of: index)
        var place = ClaimPlace(summary: summaryLevel != nil, phase: phase.map { phases[$0.index].phase.id })
        place.phaseHeading = phaseHeading
        place.inTask = headingTask != nil || enclosingTask[index] >= 0
        place.phaseBody =
            !brokenSinceHeading && (phase.map { $0.level == headingLevel && tasks.last?.phase != $0.index } ?? false)
        place.header = headingLevel <= 1
        // Quoted lines are someone else's words; the walk is bounded so deep nesting stays linear.
        var parent = tree.nodes[index].parent
        for _ in 0..<32 where parent >= 0 && !place.quoted {
            place.quoted = tree.nodes[parent].kind == .blockQuote
            parent = tree.nodes[parent].parent
        }
        // Every claim has a digit and none is quoted: most lines are passed over without a copy.
        guard !place.quoted else { return }
        for (offset, line) in text.lineSlices().enumerated()
        where line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let lineRange = SourceRange(file: base.file, line: base.line + offset, column: offset == 0 ? base.column : 1)
            // A claim is a short sentence; very long lines (pasted logs, hostile input) are not searched whole.
            let searched = line.utf8.count <= 1_000 ? String(line) : String(line.prefix(1_000))
            claims += ClaimScanner.claims(in: searched, range: lineRange, place: place)
        }
    }
}
