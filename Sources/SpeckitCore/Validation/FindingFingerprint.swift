/// A finding's identity across edits: a hash of its rule, its file (relative to the repository, as reports
/// name it) and the text of the line it points at, whitespace collapsed, as SARIF's `partialFingerprints`
/// (with the finding's message when the line is only punctuation, such as a JSON file's `{`; the message
/// alone when the line is longer than 2,000 bytes, as a minified file's one line is).
/// The line number is left out, so inserting lines above a finding keeps it the same finding; editing its
/// own line makes it a new one. Equal findings (same rule, file and line text) share a fingerprint and are
/// matched by how many of them there are (`KnownFindings`).
public enum FindingFingerprint {
    /// The first 32 hex digits of SHA-256 over `rule`, `file` and `anchor`.
    public static func make(rule: RuleID, file: String, anchor: String) -> String {
        String(SHA256.hex(Array("\(rule.rawValue)\u{0}\(file)\u{0}\(anchor)".utf8)).prefix(32))
    }

    /// The text a finding is anchored to: its line with runs of whitespace made one space and trimmed. A list
    /// item's bullet and checkbox are left out, so ticking a task's box leaves the findings on its line the
    /// same findings. The whole line counts, however long: an edit at its end makes a new finding.
    public static func anchor(_ line: Substring) -> String {
        let line = withoutMarker(line)
        var out = ""
        var space = false
        for character in line {
            if character.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(character)
        }
        return out
    }

    /// Whether `anchor` says too little to tell findings apart: fewer than three letters or digits (`{`,
    /// `---`, `],`), lines a file repeats many times.
    static func isWeak(_ anchor: String) -> Bool {
        var count = 0
        for scalar in anchor.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            count += 1
            if count >= 3 { return false }
        }
        return true
    }

    /// A message as an anchor: "line 41" made "line #", so a message naming another line stays the same
    /// message when lines are inserted above.
    static func messageAnchor(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let found = rest.range(of: "line ") {
            let word =
                found.lowerBound == rest.startIndex
                ? out.last.map { !$0.isLetter } ?? true : !rest[rest.index(before: found.lowerBound)].isLetter
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if word, !digits.isEmpty {
                out += "#"
                rest = rest.dropFirst(digits.count)
            }
        }
        return anchor(Substring(out + rest))
    }

    /// What a baseline shows of an anchor: at most 200 characters, with control and bidirectional-format
    /// characters (which could make the file read differently from what it holds) shown as `�`.
    public static func shown(_ anchor: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in anchor.unicodeScalars.prefix(200) {
            let category = scalar.properties.generalCategory
            out.append(category == .control || category == .format ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// `- [x] T1 Build` → `T1 Build`; `1. [ ] Step` → `Step`; other lines as they are.
    static func withoutMarker(_ line: Substring) -> Substring {
        var rest = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        if let first = rest.first, "-*+".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9 else { return line }
            let after = rest.dropFirst(digits.count)
            guard let mark = after.first, mark == "." || mark == ")" else { return line }
            rest = after.dropFirst()
        }
        guard rest.first == " " || rest.first == "\t" else { return line }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let chars = Array(rest.prefix(3))
        if chars.count == 3, chars[0] == "[", chars[2] == "]" { rest = rest.dropFirst(3) }
        return rest
    }

    /// Gives each finding its anchor and fingerprint: the text of its line in `sources` (with its message when
    /// the line says too little), or, for a finding with no line to point at (a missing document, a change
    /// since the base), its message. A finding that already has an anchor keeps it.
    public static func assign(_ findings: inout [Finding], sources: [String: SourceText], paths: ReportPaths) {
        // Each file's identity is looked up once (it touches the disk), each line's anchor made once.
        var files: [String: String] = [:]
        var lines: [String: [Int: String]] = [:]
        for index in findings.indices where findings[index].fingerprint == nil {
            let finding = findings[index]
            let file = finding.range.file
            let line = finding.range.line
            var anchor: String
            if let preset = finding.anchor {
                anchor = preset
            } else if line >= 1, let source = sources[file], line <= source.lineCount, source.line(line).utf8.count <= maxLineBytes {
                if let known = lines[file]?[line] {
                    anchor = known
                } else {
                    anchor = Self.anchor(source.line(line))
                    lines[file, default: [:]][line] = anchor
                }
                if isWeak(anchor) { anchor += " — " + messageAnchor(finding.message) }
            } else {
                // No line, or a line that is most of the file (minified JSON): the message says more.
                anchor = messageAnchor(finding.message)
            }
            findings[index].anchor = anchor
            let identity = files[file] ?? paths.identity(file)
            files[file] = identity
            findings[index].fingerprint = make(rule: finding.ruleId, file: identity, anchor: anchor)
        }
    }

    /// Lines longer than this (in UTF-8 bytes) are not anchors: such a line is most of its file (minified
    /// JSON), so an edit anywhere in the file would make every finding on it new, and each finding would
    /// carry a copy of it.
    static let maxLineBytes = 2_000
}

/// Fingerprints unique within one report, as SARIF results and GitLab issues need them: equal findings (one
/// fingerprint) get it hashed with how many came before, so the first copy keeps its own across runs.
public struct UniqueFingerprints: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    /// The next report fingerprint for `finding` (a finding without a fingerprint is identified by its rule,
    /// file and message).
    public mutating func next(_ finding: Finding, paths: ReportPaths) -> String {
        let identity = finding.fingerprint ?? "\(finding.ruleId.rawValue)|\(paths.relative(finding.range.file))|\(finding.message)"
        let occurrence = seen[identity, default: 0]
        seen[identity] = occurrence + 1
        return String(SHA256.hex(Array("\(identity)|\(occurrence)".utf8)).prefix(32))
    }
}

/// The findings a run is compared with (a baseline file, the base revision's findings), counted by
/// fingerprint: each one known may be claimed once, so a second equal finding is new.
public struct KnownFindings: Sendable {
    private var remaining: [String: Int] = [:]
    /// Every finding is known: the run that records a baseline (`--update-baseline`).
    private var everything = false

    public init(_ fingerprints: some Sequence<String>) {
        for fingerprint in fingerprints { remaining[fingerprint, default: 0] += 1 }
    }

    /// Knows every finding: what a run that writes the baseline compares with.
    public static var all: KnownFindings {
        var known = KnownFindings([])
        known.everything = true
        return known
    }

    /// Adds more known findings (a baseline and a base revision together).
    public mutating func formUnion(_ other: KnownFindings) {
        remaining.merge(other.remaining) { max($0, $1) }
        everything = everything || other.everything
    }

    /// Whether `finding` was known; each known fingerprint is claimed once.
    public mutating func claim(_ finding: Finding) -> Bool {
        if everything { return true }
        guard let fingerprint = finding.fingerprint, let count = remaining[fingerprint], count > 0 else { return false }
        remaining[fingerprint] = count - 1
        return true
    }

    /// Marks each of `findings` new or existing, in order.
    public mutating func mark(_ findings: inout [Finding]) {
        for index in findings.indices { findings[index].isNew = !claim(findings[index]) }
    }
}
