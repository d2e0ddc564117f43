import Foundation

/// `validate_spec_kit`: a kit folder, plan file, tree or `.zip`/`.tar.gz` archive checked as `speckit
/// validate` checks it (with the nearest `.speckit.yml`). Artifacts: `report.json`, and `report.md`,
/// `report.junit.xml`, `report.sarif` when `formats` asks for them.
struct ValidateKitStep: RunStep {
    /// A report besides `report.json`: its artifact and how it is written.
    enum Format: String, CaseIterable {
        case markdown, junit, sarif

        var fileName: String {
            switch self {
            case .markdown: return "report.md"
            case .junit: return "report.junit.xml"
            case .sarif: return "report.sarif"
            }
        }

        var mediaType: String {
            switch self {
            case .markdown: return "text/markdown"
            case .junit: return "application/xml"
            case .sarif: return "application/sarif+json"
            }
        }

        func writer(settings: ValidationSettings, rules: [RuleID]) -> any ReportWriter & Sendable {
            let paths = ReportPaths.forCurrentFolder()
            switch self {
            case .markdown: return MarkdownReporter(paths: paths, strict: settings.strict)
            case .junit: return JUnitReporter(rules: rules, strict: settings.strict, paths: paths)
            case .sarif: return SarifReporter(paths: paths)
            }
        }
    }

    let path: String
    let source: String
    /// The parameters given, which win over the nearest `.speckit.yml`; nil where none was given.
    /// A profile of `auto` is `.some(nil)`: detect it, whatever the configuration says.
    let profile: Kit.Profile??
    let strict: Bool?
    let formats: [Format]
    private var prepared: (set: KitSet, validator: Validator)?

    init(params: JSONValue, source: String) throws {
        guard case .string(let path)? = params["path"] else {
            throw SpeckitError.badParameters(source: source, problem: "'path' is missing")
        }
        self.path = path
        self.source = source
        if case .string(let name)? = params["profile"] {
            guard name == "auto" || Kit.Profile(rawValue: name) != nil else {
                throw SpeckitError.badParameters(source: source, problem: "unknown profile '\(name)'")
            }
            self.profile = .some(Kit.Profile(rawValue: name))
        } else {
            self.profile = nil
        }
        if case .bool(let strict)? = params["strict"] { self.strict = strict } else { self.strict = nil }
        var formats: [Format] = []
        if case .array(let names)? = params["formats"] {
            for case .string(let name) in names {
                guard let format = Format(rawValue: name) else {
                    throw SpeckitError.badParameters(source: source, problem: "unknown format '\(name)'")
                }
                if !formats.contains(format) { formats.append(format) }
            }
        }
        self.formats = formats
    }

    mutating func prepare() throws {
        prepared = try Self.prepare(path: path, source: source, profile: profile, strict: strict)
    }

    /// The kits under `path` and the validator for them. The path must stay inside the working folder: the
    /// parameters come from whoever created the run, and the reports go back to them.
    static func prepare(path: String, source: String, profile: Kit.Profile??, strict: Bool?) throws -> (
        set: KitSet, validator: Validator
    ) {
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."),
            resolved == working || resolved.hasPrefix(working.hasSuffix("/") ? working : working + "/")
        else {
            throw SpeckitError.badParameters(
                source: source, problem: "'path' \(path) leads outside the working folder; expected a kit inside it")
        }
        // Configuration comes from inside the working folder only: a `.speckit.yml` in a parent (which anyone
        // who can write there could put) never switches rules off for a run.
        let boundary = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        var settings = try ConfigFile.nearest(for: [path], boundary: boundary).file.map(ConfigFile.load) ?? ValidationSettings()
        if let profile { settings.profile = profile }
        if let strict { settings.strict = strict }
        var loader = KitLoader(settings: settings)
        loader.linkBoundary = working
        return (try loader.discover([path]), Validator(settings: settings))
    }

    func run(into staging: ArtifactStaging, events: EventStream) throws -> (exitCode: Int32, counts: RunOutcome.Counts) {
        let (set, validator) = try prepared ?? Self.prepare(path: path, source: source, profile: profile, strict: strict)
        let settings = validator.settings
        let rules = RuleRegistry.rules.map { $0.description }.filter { settings.severity(of: $0) != nil }.map(\.id)
        let writers: [any ReportWriter & Sendable] = [JSONReporter()] + formats.map { $0.writer(settings: settings, rules: rules) }
        let validation = RunValidation.run(set, validator: validator, writers: writers, events: events)
        try staging.add(
            name: "report.json", path: "report.json", mediaType: "application/json",
            bytes: Array(validation.reports[0].utf8))
        for (format, text) in zip(formats, validation.reports.dropFirst()) {
            try staging.add(name: format.fileName, path: format.fileName, mediaType: format.mediaType, bytes: Array(text.utf8))
        }
        return (validation.summary.passed ? 0 : 1, RunOutcome.Counts(validation.summary))
    }
}
