import Foundation
import Yams

/// Reads `.speckit.yml`: profile, include/exclude globs, per-rule severities, extra status words,
/// required sections per document kind, and `strict`.
///
/// ```yaml
/// profile: speckit
/// exclude: ["Tests/Fixtures/**"]
/// includeTemplates: false   # templates and agents' prompt files are not plans
/// rules:                   # by id, or by family or glob (the most specific wins)
///   status.*: warning
///   content.placeholder: off
///   acceptance.missing: error
/// statusWords:
///   shipped-to-qa: review
/// words:                    # words per concept, on top of the built-in languages
///   userStory: [Histoire]
///   phase: [Lot]
///   dependsOn: [wartet auf]
///   done: [abgenommen]
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
    static let keys = [
        "profile", "include", "exclude", "includeTemplates", "rules", "statusWords", "words", "requiredSections", "strict", "limits",
    ]

    /// Where a search for the configuration ended: the file found, if any, and the last folder looked in.
    public struct Search: Sendable, Equatable {
        public var file: String?
        public var lastFolder: String

        /// What `--verbose` says about it.
        public var description: String {
            file.map { "configuration: \($0)" } ?? "configuration: none (no .speckit.yml up to \(lastFolder))"
        }
    }

    /// The configuration for a run started in `folder`: the first `.speckit.yml` found there or in a parent.
    /// The climb stops at the repository root (the folder holding `.git`), the home folder, the root of the
    /// file system `folder` is on, and `boundary` when one is given (a folder above it is never read: the
    /// run step's working folder). Each of those is still looked in itself.
    public static func find(from folder: String, boundary: String? = nil) -> Search {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        let home = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let device = Self.device(url.path)
        while true {
            for name in names where manager.fileExists(atPath: url.appendingPathComponent(name).path) {
                return Search(file: url.appendingPathComponent(name).path, lastFolder: url.path)
            }
            let parent = url.deletingLastPathComponent()
            if manager.fileExists(atPath: url.appendingPathComponent(".git").path) || url.path == "/" || url.path == home
                || url.path == boundary || parent.path == url.path || (device != nil && Self.device(parent.path) != device)
            {
                return Search(file: nil, lastFolder: url.path)
            }
            url = parent
        }
    }

    /// The file system (device) a folder is on.
    private static func device(_ path: String) -> UInt? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt(info.st_dev) : nil
    }

    /// The configuration for checking `paths`: the nearest one above the first path (its folder when it is
    /// a file), else above the current folder; never above `boundary` when one is given.
    public static func nearest(for paths: [String], boundary: String? = nil) -> Search {
        var start: String?
        var isDirectory: ObjCBool = false
        if let first = paths.first, FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) {
            start = isDirectory.boolValue ? first : URL(fileURLWithPath: first).deletingLastPathComponent().path
        }
        if let start {
            let search = find(from: start, boundary: boundary)
            if search.file != nil { return search }
        }
        return find(from: FileManager.default.currentDirectoryPath, boundary: boundary)
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
            case "rules": (settings.severities, settings.severityPatterns) = try reader.severities(value)
            case "statusWords": settings.statusWords.merge(try reader.statusWords(value)) { _, new in new }
            case "words":
                let words = try reader.words(value)
                settings.words = words.concepts
                settings.statusWords.merge(words.statuses) { old, _ in old }
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
