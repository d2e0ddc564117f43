import Foundation
import Yams

/// Reads `.speckit.yml`: profile, include/exclude globs, per-rule severities, extra status words,
/// required sections per document kind, and `strict`.
///
/// ```yaml
/// profile: speckit
/// exclude: ["Tests/Fixtures/**"]
/// includeTemplates: false   # templates and agents' prompt files are not plans
/// rules:
///   content.placeholder: off
///   acceptance.missing: error
/// statusWords:
///   shipped-to-qa: review
/// requiredSections:
///   plan: [Architecture, Risks]
/// strict: true
/// limits:                   # what one run reads (docs/limits.md)
///   fileBytes: 33554432
///   archiveEntries: 10000
/// ```
///
/// Anything else is refused with the file, line and column and what was expected.
public enum ConfigFile {
    /// The names looked for at the repository root.
    public static let names = [".speckit.yml", ".speckit.yaml"]
    static let keys = ["profile", "include", "exclude", "includeTemplates", "rules", "statusWords", "requiredSections", "strict", "limits"]

    /// The configuration for a run started in `folder`: the first `.speckit.yml` found there or in a parent,
    /// stopping at the repository root (the folder holding `.git`). Nil when there is none.
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        while true {
            for name in names where manager.fileExists(atPath: url.appendingPathComponent(name).path) {
                return url.appendingPathComponent(name).path
            }
            if manager.fileExists(atPath: url.appendingPathComponent(".git").path) || url.path == "/" { return nil }
            url.deleteLastPathComponent()
        }
    }

    /// The configuration for checking `paths`: the nearest one above the first path (its folder when it is
    /// a file), else above the current folder. Nil when there is none.
    public static func nearest(for paths: [String]) -> String? {
        var start: String?
        var isDirectory: ObjCBool = false
        if let first = paths.first, FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) {
            start = isDirectory.boolValue ? first : URL(fileURLWithPath: first).deletingLastPathComponent().path
        }
        return start.flatMap(find(from:)) ?? find(from: FileManager.default.currentDirectoryPath)
    }

    /// Reads the configuration file at `path`.
    public static func load(_ path: String) throws -> ValidationSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpeckitError.badConfig(file: path, line: nil, column: nil, problem: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpeckitError.badConfig(file: path, line: nil, column: nil, problem: "not UTF-8 text")
        }
        var settings = try parse(text, file: path)
        settings.root = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return settings
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> ValidationSettings {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let failure = YAMLFailure(error, text: text, lineOffset: 0)
            throw SpeckitError.badConfig(
                file: file, line: failure.line, column: failure.column,
                problem: "YAML syntax error: \(failure.problem)")
        }
        var settings = ValidationSettings()
        guard let root, !(root.scalar.map { $0.string.isEmpty || $0.string == "~" || $0.string == "null" } ?? false) else {
            return settings
        }
        let reader = ConfigReader(file: file)
        guard let mapping = root.mapping else {
            throw reader.error(root, "expected a mapping of settings (\(keys.joined(separator: ", ")))")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "profile": settings.profile = try reader.profile(value)
            case "include": settings.include = try reader.strings(value, what: "a list of globs")
            case "exclude": settings.exclude = try reader.strings(value, what: "a list of globs")
            case "includeTemplates": settings.includeTemplates = try reader.bool(value, key: "includeTemplates")
            case "rules": settings.severities = try reader.severities(value)
            case "statusWords": settings.statusWords = try reader.statusWords(value)
            case "requiredSections": settings.requiredSections = try reader.requiredSections(value)
            case "strict": settings.strict = try reader.bool(value, key: "strict")
            case "limits": settings.limits = try reader.limits(value)
            case "archive":
                throw reader.error(keyNode, "'archive' is now part of 'limits' (archiveBytes, archiveEntries, archiveRatio)")
            default:
                throw reader.error(keyNode, "unknown setting '\(key)' (expected one of \(keys.joined(separator: ", ")))")
            }
        }
        return settings
    }
}
