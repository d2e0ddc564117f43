import Foundation

/// `validate_spec_kit`: a kit folder, plan file, tree or `.zip`/`.tar.gz` archive checked as `speckit
/// validate` checks it (with the nearest `.speckit.yml`). Artifacts: `report.json`, and `report.md`,
/// `report.junit.xml`, `report.sarif` when `formats` asks for them.
struct ValidateKitStep: RunStep {
    /// The reports a step may write besides `report.json` (`formats`), each as `ReportFormat.artifactName`.
    static let extraFormats: [ReportFormat] = [.markdown, .junit, .sarif, .gitlab]

    let path: String
    let source: String
    /// The parameters given, which win over the nearest `.speckit.yml`; nil where none was given.
    /// A profile of `auto` is `.some(nil)`: detect it, whatever the configuration says.
    let profile: Kit.Profile??
    let strict: Bool?
    let formats: [ReportFormat]
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
        var formats: [ReportFormat] = []
        if case .array(let names)? = params["formats"] {
            for case .string(let name) in names {
                guard let format = ReportFormat(rawValue: name), Self.extraFormats.contains(format) else {
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
        let context = ReportContext(
            strict: settings.strict, rules: ReportContext.rules(settings: settings))
        let all = [ReportFormat.json] + formats
        let validation = RunValidation.run(set, validator: validator, formats: all, context: context, events: events)
        for (format, text) in zip(all, validation.reports) {
            try staging.add(name: format.artifactName, path: format.artifactName, mediaType: format.mediaType, bytes: Array(text.utf8))
        }
        return (validation.summary.passed ? 0 : 1, RunOutcome.Counts(validation.summary))
    }
}
