public import Foundation

/// Why speckit could not do its job. Each case reads as one line naming the file and what was expected;
/// the command line prints it on stderr and exits 2.
public enum SpeckitError: Error, Equatable, LocalizedError {
    case pathNotFound(String)
    case unreadable(String, reason: String)
    case noPlanFiles(String)
    /// No kits were found, and the configuration's globs left files out (`configuration`: its folder).
    case excluded(String, configuration: String)
    case emptyFile(String)
    case binaryFile(String, offset: Int)
    case unsupportedEncoding(String, encoding: String)
    case yamlSyntax(file: String, line: Int?, column: Int?, problem: String)
    /// A YAML mapping repeats a key (`line`/`column` point at the repeat when it could be found).
    case yamlDuplicateKey(file: String, line: Int?, column: Int?, problem: String)
    case yamlAliasBomb(file: String, limit: Int)
    /// A YAML or JSON file holding more values than `limits.yamlNodes` as written.
    case yamlTooManyNodes(file: String, limit: Int)
    case jsonSyntax(file: String, line: Int?, column: Int? = nil, problem: String)
    case unrecognisedStructure(file: String, expected: String)
    /// A YAML or JSON file that is something other than a plan (`what`: "a Kubernetes object (apiVersion and kind)").
    case notAPlan(file: String, what: String)
    case fileTooLarge(String, bytes: Int, limit: Int)
    /// A file within the size limit that goes over another one of `Limits` (blocks of a Markdown file).
    case overLimit(String, problem: String)
    case cannotWrite(String, reason: String)
    /// A statement `set-status` or `fix --claims` must change could not be found in the file for certain.
    case cannotEdit(String, reason: String)
    /// Folders were searched but no file in them belongs to a kit; `skipped` says what was left out.
    case noKits(String, skipped: String?)
    /// `speckit pack` was given a folder that holds several kits (their folders, sorted) and one archive to write.
    case severalKits(String, kits: [String])
    /// `speckit pack` cannot make one archive per kit of a folder (`reason` says why).
    case cannotPack(String, reason: String)
    /// The parameters of `speckit generate` are wrong (`source` is a file, `-` or "flags").
    case badParameters(source: String, problem: String)
    /// A generated file would replace one that exists (without `--force`).
    case wouldOverwrite(String)
    /// A template could not be read or rendered.
    case badTemplate(file: String, line: Int?, column: Int?, problem: String)
    /// libarchive refused to write or read an archive.
    case archive(String)
    /// The configuration file is wrong at `line`:`column`.
    case badConfig(file: String, line: Int?, column: Int?, problem: String)
    /// `--base` could not be read from git.
    case git(String)
    /// A PATH that is a glob (`'specs/**/tasks.md'`) matching no file.
    case noMatch(String)
    /// No task of the kits read has the id or place `set-status`, `task` or `mcp` was given (the message says
    /// which ids there are).
    case taskNotFound(String)
    /// A `--baseline` file that cannot be used (`problem` says why).
    case badBaseline(String, problem: String)
    /// `speckit run NAME` names no run template.
    case unknownRunTemplate(String, known: [String])
    /// The parameters of a run do not match the template's schema: every problem, each with its JSON path.
    case invalidParams(source: String, template: String, problems: [ParamsSchema.Problem])

    public var errorDescription: String? {
        switch self {
        case .pathNotFound(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .noPlanFiles(let path):
            return
                "\(path): no plan files found (expected Markdown .md/.markdown, YAML .yaml/.yml or a Taskmaster tasks.json; name other files such as plan.txt directly)"
        case .excluded(let path, let configuration):
            return "\(path): no kits found outside what the include/exclude globs of the .speckit.yml in \(configuration) leave out; "
                + "name a file to read it, or give another --config"
        case .emptyFile(let path):
            return "\(path): file is empty (0 bytes); expected a plan or tasks document"
        case .binaryFile(let path, let offset):
            return "\(path): binary file (NUL byte at offset \(offset)); expected UTF-8 text"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path): text is \(encoding), which speckit does not read; expected UTF-8"
        case .yamlSyntax(let file, let line, let column, let problem),
            .yamlDuplicateKey(let file, let line, let column, let problem):
            return "\(Self.location(file, line, column)): YAML syntax error: \(problem)"
        case .yamlAliasBomb(let file, let limit):
            return "\(file): YAML aliases expand to more than \(limit) nodes; refusing to expand (alias bomb?; limits.yamlNodes)"
        case .yamlTooManyNodes(let file, let limit):
            return "\(file): \(SpeckitError.tooManyNodes(limit))"
        case .jsonSyntax(let file, let line, let column, let problem):
            return "\(Self.location(file, line, column)): JSON syntax error: \(problem)"
        case .unrecognisedStructure(let file, let expected):
            return "\(file): not a plan file speckit recognises; expected \(expected)"
        case .notAPlan(let file, let what):
            return "\(file): \(what), not a plan; expected \(StructuredPlanParser.expectedShape)"
        case .overLimit(let path, let problem):
            return "\(path): \(problem)"
        case .fileTooLarge(let path, let bytes, let limit):
            return "\(path): file is \(bytes) bytes, more than the \(limit)-byte limit for one plan file (limits.fileBytes)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .cannotEdit(let path, let reason):
            return "\(path): cannot edit: \(reason)"
        case .noKits(let path, let skipped):
            return "\(path): no kits found (expected spec/<kit>/, specs/NNN-feature/, .kiro/specs/<name>/, "
                + "openspec/changes/<id>/, .taskmaster/tasks/tasks.json, or plan files such as tasks.md or ROADMAP.md)"
                + (skipped.map { "; \($0), see --verbose" } ?? "")
        case .severalKits(let path, let kits):
            let shown = kits.prefix(5).joined(separator: ", ") + (kits.count > 5 ? ", and \(kits.count - 5) more" : "")
            return "\(path): holds \(Plural.count(kits.count, "kit")) (\(shown)); pack one of them, or give --out a folder "
                + "(ending in /) for one archive per kit"
        case .cannotPack(let path, let reason):
            return "\(path): cannot pack: \(reason)"
        case .badParameters(let source, let problem):
            return "\(source): bad parameters: \(problem)"
        case .wouldOverwrite(let path):
            return "\(path): already exists; pass --force to overwrite the files speckit generates"
        case .badTemplate(let file, let line, let column, let problem):
            return "\(Self.location(file, line, column)): template error: \(problem)"
        case .archive(let problem):
            return "archive: \(problem)"
        case .badConfig(let file, let line, let column, let problem):
            return "\(Self.location(file, line, column)): bad configuration: \(problem)"
        case .git(let problem):
            return "git: \(problem)"
        case .taskNotFound(let message):
            return message
        case .noMatch(let pattern):
            return "\(pattern): no file matches this pattern (expected plan files, e.g. 'specs/**/tasks.md')"
        case .badBaseline(let path, let problem):
            return "\(path): \(problem)"
        case .unknownRunTemplate(let name, let known):
            return "unknown run template '\(name)' (expected \(known.joined(separator: " or ")); see 'speckit run --list')"
        case .invalidParams(let source, let template, let problems):
            let count = Plural.count(problems.count, "problem")
            return "\(source): \(count) with the parameters of \(template): \(problems.map(\.description).joined(separator: "; "))"
        }
    }

    /// What a YAML or JSON file over `limits.yamlNodes` is told.
    static func tooManyNodes(_ limit: Int) -> String {
        "holds more than \(limit) values (scalars, lists and mappings); the file was not read (limits.yamlNodes)"
    }

    private static func location(_ file: String, _ line: Int?, _ column: Int?) -> String {
        var out = file
        if let line { out += ":\(line)" }
        if let line = line, line > 0, let column { out += ":\(column)" }
        return out
    }
}

extension SpeckitError {
    /// The paths exist but hold no plan to check (every file skipped, or left out by the configuration).
    public var meansNothingToCheck: Bool {
        switch self {
        case .noPlanFiles, .noKits, .excluded: return true
        default: return false
        }
    }
}
