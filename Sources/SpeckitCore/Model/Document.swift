/// One plan document: a Markdown file, a YAML plan or a Taskmaster `tasks.json`.
public struct Document: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case constitution, prd, plan, tasks, checklist
        /// A document of a kit that describes it but holds no plan (Spec Kit's `data-model.md`,
        /// `research.md`, `quickstart.md`, `contracts/`): read for requirements, never for tasks.
        case reference
        case other
    }

    public enum Format: String, Codable, Sendable {
        case markdown, yaml, json
    }

    public var path: String
    public var kind: Kind
    public var format: Format
    /// The first `#` heading, or a YAML `title`/`name`.
    public var title: String?
    /// YAML front matter of a Markdown file, or the top-level metadata of a YAML/JSON plan.
    public var frontMatter: JSONValue?
    /// How the text was found on disk and what speckit had to repair.
    public var text: TextReport
    /// The heading tree.
    public var sections: [Section]
    public var phases: [Phase]
    /// Tasks that sit outside any phase.
    public var tasks: [PlanTask]
    public var requirements: [Requirement]
    /// Acceptance criteria that belong to no phase, task or requirement.
    public var acceptanceCriteria: [AcceptanceCriterion]
    public var claims: [Claim]
    /// Checkboxes that are checks, not work (`ChecklistItem`), in document order.
    public var checklist: [ChecklistItem]

    public init(path: String, kind: Kind, format: Format, text: TextReport) {
        self.path = path
        self.kind = kind
        self.format = format
        self.title = nil
        self.frontMatter = nil
        self.text = text
        self.sections = []
        self.phases = []
        self.tasks = []
        self.requirements = []
        self.acceptanceCriteria = []
        self.claims = []
        self.checklist = []
    }

    /// Every task in the document, in phases or not, subtasks included.
    public var allTasks: [PlanTask] {
        phases.flatMap(\.allTasks) + tasks.flatMap(\.flattened)
    }
}

/// A heading and the headings nested under it.
public struct Section: Codable, Hashable, Sendable {
    public var title: String
    public var level: Int
    public var range: SourceRange
    public var children: [Section]

    public init(title: String, level: Int, range: SourceRange, children: [Section] = []) {
        self.title = title
        self.level = level
        self.range = range
        self.children = children
    }
}

/// What the bytes on disk looked like and what was repaired before parsing.
public struct TextReport: Codable, Hashable, Sendable {
    public enum LineEndings: String, Codable, Sendable {
        case lf, crlf, cr, mixed, none
    }

    /// The file began with a UTF-8 byte-order mark (dropped before parsing).
    public var bom: Bool
    public var lineEndings: LineEndings
    /// Byte sequences that were not UTF-8 and were replaced by U+FFFD.
    public var invalidUTF8Sequences: Int
    /// The legacy encoding the text had been mis-decoded through, when mojibake was found and repaired.
    public var mojibake: LegacyEncoding?
    /// How many mis-decoded characters were repaired.
    public var mojibakeRepairs: Int
    public var bytes: Int
    public var lines: Int

    public init(
        bom: Bool = false, lineEndings: LineEndings = .lf, invalidUTF8Sequences: Int = 0,
        mojibake: LegacyEncoding? = nil, mojibakeRepairs: Int = 0, bytes: Int = 0, lines: Int = 0
    ) {
        self.bom = bom
        self.lineEndings = lineEndings
        self.invalidUTF8Sequences = invalidUTF8Sequences
        self.mojibake = mojibake
        self.mojibakeRepairs = mojibakeRepairs
        self.bytes = bytes
        self.lines = lines
    }
}

/// The single-byte encodings UTF-8 text is most often mis-decoded through.
public enum LegacyEncoding: String, Codable, Sendable, CaseIterable {
    /// Windows code page 1252 (`âœ…` for ✅).
    case windows1252 = "windows-1252"
    /// Mac OS Roman (`‚úÖ` for ✅).
    case macRoman = "mac-roman"
}
