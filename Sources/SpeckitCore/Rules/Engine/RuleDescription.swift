/// What a rule is: the single description that `speckit rules`, the rule reference (docs/rules.md), SARIF rule
/// metadata and the example tests all read.
public struct RuleDescription: Sendable {
    public let id: RuleID
    /// A short title ("Task depends on a task that does not exist").
    public let title: String
    public let defaultSeverity: Severity
    /// The rule runs only when `.speckit.yml` turns it on (`rules: {ID: warning}`): what it reports is a
    /// house preference, not a defect, and on real plans it was mostly noise.
    public let optIn: Bool
    /// Why the rule exists, in a sentence or two.
    public let rationale: String
    /// Inputs that must produce at least one finding of this rule.
    public let triggering: [RuleExample]
    /// Inputs that must produce none.
    public let nonTriggering: [RuleExample]

    public init(
        id: RuleID, title: String, severity: Severity, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample], optIn: Bool = false
    ) {
        self.id = id
        self.title = title
        self.defaultSeverity = severity
        self.optIn = optIn
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A small kit held in memory: one or more files, run through the real parser, discovery and rules.
///
/// A triggering example marks where each finding of its rule must be, as SwiftLint's examples do: a `↓`
/// in the text stands just before the character the finding points at (its line and column), and is
/// stripped before the text is parsed. `messages` holds a fragment of each finding's message, in report
/// order (file, line, column); one fragment stands for every marker. The example test checks that the
/// rule reports exactly one finding at each marker, with that fragment in its message, and nothing else.
public struct RuleExample: Sendable {
    /// The marker that stands before the character a finding points at.
    public static let marker: Character = "↓"

    /// Repository-relative paths and their bytes (the path decides the kit profile and document kind),
    /// with the markers stripped: what the parser reads.
    public let files: [(path: String, bytes: [UInt8])]
    /// The same files as written, markers kept: what the rule reference shows.
    public let shownFiles: [(path: String, bytes: [UInt8])]
    /// A `.speckit.yml` to validate with, when the example needs settings.
    public let config: String?
    /// For a diff rule: the files as they were at the base (the old side of the comparison).
    public let base: [(path: String, bytes: [UInt8])]?
    /// Where the rule's findings must be and what their messages must contain, in report order.
    public let expected: [ExpectedFinding]
    /// How many message fragments the example gave (the example test checks it against the markers).
    public let messageCount: Int

    /// A single file, by default a loose `tasks.md` (a freeform kit).
    public init(_ text: String, path: String = "tasks.md", config: String? = nil, messages: [String] = []) {
        self.init(bytes: Array(text.utf8), path: path, config: config, messages: messages)
    }

    /// A single file given as bytes (for text that is not valid UTF-8); markers are its `↓` UTF-8 bytes.
    public init(bytes: [UInt8], path: String = "tasks.md", config: String? = nil, messages: [String] = []) {
        self.init(marked: [(path, bytes)], base: nil, config: config, messages: messages)
    }

    /// Several files forming one or more kits; with `base`, the same kits as they were before (for diff rules).
    public init(
        files: [(path: String, text: String)], base: [(path: String, text: String)]? = nil, config: String? = nil,
        messages: [String] = []
    ) {
        self.init(
            marked: files.map { ($0.path, Array($0.text.utf8)) }, base: base?.map { ($0.path, Array($0.text.utf8)) },
            config: config, messages: messages)
    }

    private init(
        marked: [(path: String, bytes: [UInt8])], base: [(path: String, bytes: [UInt8])]?, config: String?, messages: [String]
    ) {
        var positions: [(file: String, line: Int, column: Int)] = []
        var files: [(path: String, bytes: [UInt8])] = []
        for file in marked {
            let (bytes, marks) = Self.strippingMarkers(file.bytes)
            files.append((file.path, bytes))
            positions += marks.map { (file.path, $0.line, $0.column) }
        }
        self.files = files
        self.shownFiles = marked
        self.config = config
        self.base = base
        self.messageCount = messages.count
        self.expected = positions.enumerated().map { index, position in
            let message = messages.count == positions.count ? messages[index] : messages.count == 1 ? messages[0] : ""
            return ExpectedFinding(file: position.file, line: position.line, column: position.column, message: message)
        }
    }

    static let markerBytes = Array(String(marker).utf8)

    /// The bytes without their markers, and where each marker stood: 1-based line, and column in Unicode
    /// scalars (what `SourceRange` counts; a leading byte-order mark is not counted, and `\r\n`, `\n` and a
    /// lone `\r` each end a line).
    static func strippingMarkers(_ bytes: [UInt8]) -> (bytes: [UInt8], marks: [(line: Int, column: Int)]) {
        var out: [UInt8] = []
        var marks: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            out = [0xEF, 0xBB, 0xBF]
            index = 3
        }
        out.reserveCapacity(bytes.count)
        while index < bytes.count {
            if bytes[index] == markerBytes[0], bytes[index...].starts(with: markerBytes) {
                marks.append((line, column))
                index += markerBytes.count
                continue
            }
            let byte = bytes[index]
            out.append(byte)
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D, byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (out, marks)
    }
}

/// Where a rule example says a finding must be, and a fragment its message must contain.
public struct ExpectedFinding: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    /// `file:line:column 'fragment'`.
    public var description: String { "\(file):\(line):\(column) '\(message)'" }
}
