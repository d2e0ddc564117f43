import Foundation

/// The findings a team has accepted for now (`validate --update-baseline FILE`): a run with `--baseline FILE`
/// fails only on findings not in it. Each finding is kept by its fingerprint (`FindingFingerprint`), with its
/// rule, file and line text for the people who read the file. The JSON is sorted and stable: the same
/// findings always give the same bytes, and a line inserted above a finding changes nothing
/// (`spec/schema/baseline.schema.json`).
public struct Baseline: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1
    /// The largest baseline read: far more than any real plan tree has findings.
    public static let sizeLimit = 64 << 20

    public struct Entry: Codable, Hashable, Sendable, Comparable {
        public var file: String
        public var rule: String
        public var fingerprint: String
        /// The finding's line (or its message, when it has no line), whitespace collapsed.
        public var text: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.file, lhs.rule, lhs.text, lhs.fingerprint) < (rhs.file, rhs.rule, rhs.text, rhs.fingerprint)
        }
    }

    public var schemaVersion: Int
    public var tool: String
    public var findings: [Entry]

    /// The baseline of `findings` (each must have its fingerprint; those without are left out), sorted.
    public init(findings: some Sequence<Finding>, paths: ReportPaths) {
        schemaVersion = Self.currentSchemaVersion
        tool = "speckit"
        // Files named as in the fingerprints, each looked up once.
        var files: [String: String] = [:]
        var entries: [Entry] = []
        for finding in findings {
            guard let fingerprint = finding.fingerprint else { continue }
            let file = files[finding.range.file] ?? paths.identity(finding.range.file)
            files[finding.range.file] = file
            entries.append(
                Entry(
                    file: file, rule: finding.ruleId.rawValue, fingerprint: fingerprint,
                    text: FindingFingerprint.shown(finding.anchor ?? "")))
        }
        self.findings = entries.sorted()
    }

    /// The findings it holds, to compare a run with.
    public var known: KnownFindings { KnownFindings(findings.map(\.fingerprint)) }

    /// Pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        return Array((try? encoder.encode(self)) ?? Data()) + [10]
    }

    /// Reads the baseline at `path` (the file itself, never a link to one).
    /// - Throws: `SpeckitError.badBaseline` naming the file and what is wrong with it.
    public static func load(_ path: String) throws -> Baseline {
        switch FileKind.of(path) {
        case .missing:
            throw SpeckitError.badBaseline(path, problem: "no such baseline (write one with --update-baseline \(path))")
        case .regular where !FileKind.isLink(path): break
        default:
            throw SpeckitError.badBaseline(path, problem: "not a regular file; expected a baseline written by --update-baseline")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw SpeckitError.badBaseline(path, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = try RawInput.read(descriptor, limit: sizeLimit + 1, source: path)
        guard bytes.count <= sizeLimit else {
            throw SpeckitError.badBaseline(
                path, problem: "larger than \(sizeLimit >> 20) MiB; expected a baseline written by --update-baseline")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: Data(bytes))
        } catch {
            throw SpeckitError.badBaseline(
                path, problem: "not a speckit baseline (\(Self.describe(error))); expected the JSON --update-baseline writes")
        }
        guard baseline.schemaVersion == currentSchemaVersion else {
            throw SpeckitError.badBaseline(
                path,
                problem: "schemaVersion \(baseline.schemaVersion) is not \(currentSchemaVersion); write it again with --update-baseline")
        }
        return baseline
    }

    /// Writes the baseline to `path` atomically (the old one stays until the new one is complete).
    public func write(to path: String) throws {
        let file = try PendingFile(replacing: path)
        try file.write(encoded())
        try file.commit()
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "'\(key.stringValue)' is missing" + Self.at(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value" + Self.at(context)
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value" + Self.at(context)
        default:
            return "not JSON"
        }
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : " at \(path)"
    }
}
