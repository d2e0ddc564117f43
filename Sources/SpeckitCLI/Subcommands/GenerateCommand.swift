import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit generate`: a constitution/prd/plan/tasks kit from templates and parameters.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a constitution, PRD, plan and tasks kit from templates.",
        discussion: """
            Parameters come from flags and/or --params (a JSON or YAML file with name, description, goals, \
            phases and principles, at most 1 MiB; '-' reads stdin); flags win over the file. Identical parameters give \
            byte-identical files. An existing kit is never overwritten without --force, and then only the four \
            files speckit writes. The templates are built in; --templates DIR replaces them file by file \
            (DIR/constitution.md.mustache, prd.md.mustache, plan.md.mustache, tasks.md.mustache).
            """
    )

    @Option(help: ArgumentHelp("The project's name.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("One paragraph on what the project is for.", valueName: "text"))
    var description: String?

    @Option(
        name: .customLong("goal"),
        help: ArgumentHelp("A goal (repeat for more); each becomes a user story and a requirement.", valueName: "text"))
    var goals: [String] = []

    @Option(name: .customLong("phase"), help: ArgumentHelp("A phase title (repeat for more).", valueName: "title"))
    var phases: [String] = []

    @Option(name: .customLong("principle"), help: ArgumentHelp("A principle for the constitution (repeat for more).", valueName: "name"))
    var principles: [String] = []

    @Option(help: ArgumentHelp("Read parameters from a JSON or YAML file ('-' for stdin).", valueName: "file"))
    var params: String?

    @Option(
        help: ArgumentHelp(
            "Where to write the kit (default: spec/ and the name's letters and digits, lowercased, joined by '-').",
            valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Use the templates in DIR instead of the built-in ones, file by file.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("Also pack the kit into this zip (or .tar.gz), as `speckit pack` does.", valueName: "file"))
    var zip: String?

    @Flag(help: "Print what would be written and write nothing.")
    var dryRun = false

    @Flag(help: "Replace the files of an existing kit.")
    var force = false

    func validate() throws {
        if let zip, ArchiveFormat.named(zip) == nil {
            throw ValidationError("--zip \(zip): expected a name ending in .zip, .tar.gz or .tgz")
        }
    }

    func run() throws {
        let (parameters, source) = try Self.parameters(
            file: params, name: name, description: description,
            goals: goals, phases: phases, principles: principles)
        let generator = KitGenerator(templates: try KitTemplates.load(overrides: templates))
        let folder: String
        if let out {
            folder = out
        } else {
            try parameters.validate(source: source, namesFolder: false)
            guard !parameters.slug.isEmpty else {
                throw SpeckitError.badParameters(
                    source: source,
                    problem: "the project name '\(parameters.name)' has no letters or digits to name its folder; give one with --out DIR")
            }
            folder = "spec/" + parameters.slug
        }
        // Every place is checked before the first file is written, so a refusal leaves nothing half done.
        let planned = try generator.plan(parameters, source: source, into: folder)
        try OutputPlaces.checkFolder(folder)
        try OutputPlaces.checkFiles(planned.map(\.path))
        if let zip { try OutputPlaces.checkArchive(zip) }
        if dryRun {
            let files = planned
            for file in files {
                print(
                    "would write \(file.path) (\(file.text.utf8.count) bytes)\(file.replaces ? (force ? ", replacing it" : ", which exists: pass --force") : "")"
                )
            }
            if let zip { print("would pack \(folder) into \(zip)") }
            return
        }
        let files = try generator.write(parameters, source: source, into: folder, force: force)
        for file in files { print("wrote \(file.path)") }
        if let zip {
            let (bytes, _) = try KitPacker.pack(folder, format: ArchiveFormat.from(fileName: zip))
            try AtomicFile.write(bytes, to: zip)
            print("packed \(folder) into \(zip) (sha256 \(SHA256.hex(bytes)))")
        }
    }

    /// The parameters from the file (if any) with the flags on top, and a name for where they came from.
    static func parameters(
        file: String?, name: String?, description: String?, goals: [String], phases: [String],
        principles: [String]
    ) throws -> (KitParameters, String) {
        var parameters = KitParameters(name: "")
        var source = "flags"
        if let file {
            source = file
            parameters = try KitParameters.load(from: file)
        }
        if let name { parameters.name = name }
        if let description { parameters.description = description }
        if !goals.isEmpty { parameters.goals = goals }
        if !phases.isEmpty { parameters.phases = phases }
        if !principles.isEmpty { parameters.principles = principles }
        return (parameters, source)
    }
}
