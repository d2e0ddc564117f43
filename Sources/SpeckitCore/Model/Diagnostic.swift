/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Something the parser noticed about its input (mojibake repaired, invalid bytes replaced, nesting cut).
public struct Diagnostic: Codable, Hashable, Sendable {
    /// Typed ids, so a misspelt one does not compile.
    public enum ID: String, Codable, Sendable, CaseIterable {
        case mojibake = "parse.mojibake"
        case invalidUTF8 = "parse.invalid-utf8"
        case byteOrderMark = "parse.bom"
        case mixedLineEndings = "parse.mixed-line-endings"
        case nestingTooDeep = "parse.nesting-too-deep"
        case paragraphTooLong = "parse.paragraph-too-long"
        case invalidField = "parse.invalid-field"
        /// A YAML/JSON plan in a shape speckit cannot read (no task found in it).
        case unreadShape = "parse.unread-shape"
        /// A file that could not be read or parsed (`parse` goes on with the others).
        case unreadable = "input.unreadable"
    }

    public var ruleId: ID
    public var severity: Severity
    public var message: String
    public var range: SourceRange

    public init(_ ruleId: ID, _ severity: Severity, _ message: String, at range: SourceRange) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// `file:line:col: warning: message [rule]`, the way compilers print.
    public var formatted: String {
        "\(range.description): \(severity.rawValue): \(message) [\(ruleId.rawValue)]"
    }
}
