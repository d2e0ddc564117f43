import Foundation

/// Reads plan files and folders into kits: the entry point of `speckit parse`.
public struct PlanLoader: Sendable {
    public var vocabulary: StatusVocabulary
    public var files: any FileSource
    public var limits: Limits

    public init(vocabulary: StatusVocabulary = .standard, files: any FileSource = DiskFiles(), limits: Limits = .standard) {
        self.vocabulary = vocabulary
        self.files = files
        self.limits = limits
    }

    /// Parses every path (files or folders) into kits, in the order given.
    public func load(_ paths: [String]) throws -> ParseResult {
        var kits: [Kit] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpeckitError.pathNotFound(path)
            }
            if !isDirectory.boolValue, ArchiveKit.isArchive(path) {
                let contents = try ArchiveKit.read(path, limits: limits.archive)
                if let (entry, error) = contents.refused.sorted(by: { $0.key < $1.key }).first {
                    throw SpeckitError.archive("\(entry): \(error.errorDescription ?? "refused")")
                }
                let loader = PlanLoader(
                    vocabulary: vocabulary, files: MemoryFiles(contents.memory.map { (path: $0.key, bytes: $0.value) }),
                    limits: limits)
                for source in contents.kits {
                    var documents: [Document] = []
                    for file in source.files {
                        let (document, notes) = try loader.loadFile(file)
                        documents.append(document)
                        diagnostics += notes
                    }
                    kits.append(Kit(name: source.name, root: source.root, profile: source.profile, documents: documents))
                }
            } else if isDirectory.boolValue {
                let files = PlanFileWalker.files(under: path)
                guard !files.isEmpty else { throw SpeckitError.noPlanFiles(path) }
                var byFolder: [String: [Document]] = [:]
                for file in files {
                    let (document, notes) = try loadFile(file)
                    byFolder[folder(of: file), default: []].append(document)
                    diagnostics += notes
                }
                for folder in byFolder.keys.sorted() {
                    let documents = byFolder[folder] ?? []
                    kits.append(
                        Kit(
                            name: kitName(folder), root: folder,
                            profile: KitProfileDetector.profile(root: folder, documents: documents),
                            documents: documents))
                }
            } else {
                let (document, notes) = try loadFile(path)
                diagnostics += notes
                let name = (path.split(separator: "/").last.map(String.init) ?? path)
                kits.append(Kit(name: name, root: folder(of: path), profile: .freeform, documents: [document]))
            }
        }
        return ParseResult(kits: kits, diagnostics: diagnostics)
    }

    /// Reads, decodes and parses one file.
    public func loadFile(_ path: String) throws -> (Document, [Diagnostic]) {
        try parse(bytes: files.read(path, maxBytes: limits.fileBytes), path: path)
    }

    /// Decodes and parses the bytes of one file; `path` decides the format and names the file in ranges.
    public func parse(bytes: [UInt8], path: String) throws -> (Document, [Diagnostic]) {
        let loaded = try load(bytes: bytes, path: path)
        return (loaded.document, loaded.diagnostics)
    }

    /// Decodes and parses one file, keeping the decoded text for rules that read lines.
    func load(bytes: [UInt8], path: String) throws -> LoadedFile {
        guard bytes.count <= limits.fileBytes else {
            throw SpeckitError.fileTooLarge(path, bytes: bytes.count, limit: limits.fileBytes)
        }
        let source = try TextDecoding.decode(bytes, path: path)
        let format = PlanFileWalker.format(of: path)
        var diagnostics = source.diagnostics
        var document: Document
        switch format {
        case .markdown:
            let (parsed, notes) = try MarkdownPlanParser.parse(
                source, kind: .other, vocabulary: vocabulary,
                limits: limits)
            document = parsed
            diagnostics += notes
        case .yaml, .json:
            document = try StructuredPlanParser.parse(
                source, format: format, kind: .other, vocabulary: vocabulary,
                limits: limits, notes: &diagnostics)
        }
        document.kind = DocumentKindInference.kind(path: path, title: document.title)
        return LoadedFile(document: document, diagnostics: diagnostics, source: source)
    }

    private func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private func kitName(_ folder: String) -> String {
        if folder == "." { return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent }
        return folder.split(separator: "/").last.map(String.init) ?? folder
    }
}

/// One parsed file: its model, what the parser noticed, and its decoded text.
struct LoadedFile {
    var document: Document
    var diagnostics: [Diagnostic]
    var source: SourceText
}

/// Recognises the kit layouts of DESIGN.md from a kit's folder and files.
enum KitProfileDetector {
    static func profile(root: String, documents: [Document]) -> Kit.Profile {
        let parts = root.split(separator: "/").map(String.init)
        if parts.contains(".specify") || (parts.contains("specs") && parts.last?.first?.isNumber == true) {
            return .githubSpecKit
        }
        if let kiro = parts.firstIndex(of: ".kiro"), parts.dropFirst(kiro).contains("specs") { return .kiro }
        if parts.contains("openspec") { return .openspec }
        let names = Set(documents.map { ($0.path.split(separator: "/").last.map(String.init) ?? "").lowercased() })
        if !names.isDisjoint(with: ["constitution.md", "prd.md", "plan.md", "tasks.md"]) { return .speckit }
        return .freeform
    }
}
