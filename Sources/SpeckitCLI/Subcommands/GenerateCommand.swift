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
        // Every place is checked before the first file is written, so a refusal leaves nothing half done: never
        // through a link, never over a folder, and the archive's folder must exist.
        let planned = try generator.plan(parameters, source: source, into: folder)
        for path in [folder] + planned.map(\.path) + (zip.map { [$0] } ?? []) { try OutputGuard.check(path) }
        var above = folder
        while !above.isEmpty, above != ".", above != "/" {
            if ![.missing, .folder].contains(FileKind.followed(above)) {
                throw SpeckitError.cannotWrite(above, reason: "it is a file; expected a folder to hold the kit")
            }
            above = Self.parent(of: above)
        }
        for file in planned where ![.missing, .regular].contains(FileKind.of(file.path)) {
            throw SpeckitError.cannotWrite(file.path, reason: "not a regular file; nothing was written")
        }
        if let zip {
            let parent = Self.parent(of: zip)
            guard parent.isEmpty || FileKind.followed(parent) == .folder else {
                throw SpeckitError.cannotWrite(zip, reason: "no folder \(parent) to write the archive in; nothing was written")
            }
            guard FileKind.followed(zip) != .folder else {
                throw SpeckitError.cannotWrite(zip, reason: "it is a folder; nothing was written")
            }
        }
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

    /// The folder `path` is in: "" for a bare name, "/" for a name at the root (Foundation's
    /// `deletingLastPathComponent` traps on some short paths).
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
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
