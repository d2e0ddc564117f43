/// `speckit generate`: renders the kit for some parameters and writes it into a folder.
///
/// Identical parameters give byte-identical files (nothing depends on the clock or the machine). Every file
/// is checked before any is written: an existing kit is only replaced with `force`, and then only the files
/// the templates produce.
public struct KitGenerator {
    public var templates: KitTemplates
    public var fileSystem: any GenerationFileSystem

    public init(templates: KitTemplates, fileSystem: any GenerationFileSystem = DiskFileSystem()) {
        self.templates = templates
        self.fileSystem = fileSystem
    }

    /// One file of the kit.
    public struct File: Sendable, Hashable {
        public var path: String
        public var text: String
        /// Whether a file is already at `path` (and would be replaced).
        public var replaces: Bool
    }

    /// The files the kit would have in `folder`, without writing anything.
    public func plan(_ parameters: KitParameters, source: String, into folder: String) throws -> [File] {
        try parameters.validate(source: source, namesFolder: false)
        if fileSystem.fileExists(folder), !fileSystem.isFolder(folder) {
            throw SpeckitError.cannotWrite(folder, reason: "it is a file; expected a folder for the kit")
        }
        return try templates.render(parameters).map { document in
            let path = folder.hasSuffix("/") ? folder + document.name : folder + "/" + document.name
            return File(path: path, text: document.text, replaces: fileSystem.fileExists(path))
        }
    }

    /// Writes the kit into `folder`. Without `force`, nothing is written when any file exists already.
    @discardableResult
    public func write(_ parameters: KitParameters, source: String, into folder: String, force: Bool) throws -> [File] {
        let files = try plan(parameters, source: source, into: folder)
        if !force, let existing = files.first(where: \.replaces) { throw SpeckitError.wouldOverwrite(existing.path) }
        if !fileSystem.fileExists(folder) || fileSystem.isReplaceableEmptyFolder(folder) {
            // A new kit appears with all its files or not at all, in a new folder or in place of an empty one;
            // of two runs at once, the second to finish writes nothing.
            try fileSystem.writeFolderAtomically(
                files.map { ($0.path.split(separator: "/").last.map(String.init) ?? $0.path, Array($0.text.utf8)) },
                to: folder)
            return files
        }
        try fileSystem.exclusively(folder) {
            // Looked at again by this run alone: a run that wrote the kit meanwhile is not overwritten.
            let now = try plan(parameters, source: source, into: folder)
            if !force, let existing = now.first(where: \.replaces) { throw SpeckitError.wouldOverwrite(existing.path) }
            // Each file is replaced whole; a run stopped between two files leaves each old or new, never half.
            for file in files { try fileSystem.writeAtomically(Array(file.text.utf8), to: file.path) }
        }
        return files
    }
}
