import Foundation

/// `generate_spec_kit`: the four kit files from the built-in templates, `kit.zip`, and `report.json` (the
/// kit validated). Artifacts: `kit/constitution.md`, `kit/prd.md`, `kit/plan.md`, `kit/tasks.md`, `kit.zip`,
/// `report.json`.
struct GenerateKitStep: RunStep {
    let parameters: KitParameters

    init(params: JSONValue, source: String) throws {
        parameters = try KitParameters.decode(params, source: source)
        try parameters.validate(source: source)
    }

    mutating func prepare() throws {}

    func run(into staging: ArtifactStaging, events: EventStream) throws -> (exitCode: Int32, counts: RunOutcome.Counts) {
        let documents = try KitTemplates.load().render(parameters)
        var files: [ArchiveEntry] = []
        for (index, document) in documents.enumerated() {
            let bytes = Array(document.text.utf8)
            try staging.add(name: document.name, path: "kit/" + document.name, mediaType: "text/markdown", bytes: bytes)
            files.append(ArchiveEntry(path: document.name, bytes: bytes))
            events.emit(.progress(what: "generate", done: index + 1, total: documents.count))
        }

        // The kit is validated from memory, under the paths its artifacts have, so findings point at them.
        let memory = Dictionary(uniqueKeysWithValues: files.map { ("kit/" + $0.path, $0.bytes) })
        let set = KitLoader().discover(memory: memory)
        let validator = Validator(jobs: 1)
        let context = ReportContext(
            strict: false, rules: ReportContext.rules(settings: validator.settings))
        let validation = RunValidation.run(set, validator: validator, formats: [.json], context: context, events: events)

        let kit = KitPacker.KitInfo(
            name: parameters.slug, profile: set.kits.first?.profile ?? .speckit, root: "spec/\(parameters.slug)",
            documents: validation.summary.files, tasks: validation.summary.tasks,
            done: validation.kits.reduce(0) { $0 + $1.done })
        let (zip, _) = try KitPacker.pack(files: files, kit: kit, format: .zip)
        try staging.add(name: "kit.zip", path: "kit.zip", mediaType: "application/zip", bytes: zip)
        events.emit(.progress(what: "pack", done: 1, total: 1))
        try staging.add(
            name: ReportFormat.json.artifactName, path: ReportFormat.json.artifactName, mediaType: ReportFormat.json.mediaType,
            bytes: Array(validation.reports[0].utf8))
        return (validation.summary.passed ? 0 : 1, RunOutcome.Counts(validation.summary))
    }
}
