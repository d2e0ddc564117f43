/// One kit's files held in memory while statements in them are changed: each step changes bytes, the kit is
/// read again from the new bytes, and the next step works on what the parser now sees. Nothing is written
/// here; `EditedFile`s say what each file was and would become.
package struct KitEditor {
    package let source: KitSource
    package let settings: ValidationSettings
    /// Every file of the kit as read at the start.
    package let original: [String: [UInt8]]
    /// The files as they are after the edits so far.
    package private(set) var current: [String: [UInt8]]
    /// What each step changed, for people: `tasks.md:44: T2.1.1 [ ] → [x]`.
    package private(set) var log: [String] = []
    /// The files edits may change (nil: every file of the kit). `fix --claims tasks.md` rewrites only the file
    /// it was given, though the kit's other files are read.
    package var editable: Set<String>?
    /// What was found wrong and left for a person: `tasks.md:17: 'All 3 tasks finished': …`.
    package private(set) var leftAlone: [String] = []

    /// Reads the kit's files with `files` (the disk).
    package init(source: KitSource, settings: ValidationSettings, files: any FileSource = DiskFiles()) throws {
        self.source = source
        self.settings = settings
        var bytes: [String: [UInt8]] = [:]
        for path in source.files { bytes[path] = try files.read(path, maxBytes: settings.limits.fileBytes) }
        self.original = bytes
        self.current = bytes
    }

    /// The kit as the parser reads the current bytes.
    package func kit() -> Kit {
        KitReader(settings: settings, files: MemoryFiles(current.map { ($0.key, $0.value) })).read(source, scope: .context).kit
    }

    /// The current bytes of `document`'s file, with what the parser knows of their encoding.
    package func file(of document: Document) -> FileText {
        FileText(path: document.path, bytes: current[document.path] ?? [], mojibake: document.text.mojibake)
    }

    /// Makes `edits` (of any files of the kit) and notes `what` for each.
    package mutating func apply(_ edits: [(edit: PlanEdit, what: String)]) {
        let edits = edits.filter { editable?.contains($0.edit.path) ?? true }
        for (path, group) in Dictionary(grouping: edits, by: \.edit.path) {
            guard let bytes = current[path] else { continue }
            current[path] = PlanEdit.apply(group.map(\.edit), to: bytes)
        }
        // One line per change, however many spans it took (a fraction's two numbers).
        log += edits.sorted { ($0.edit.path, $0.edit.range.lowerBound) < ($1.edit.path, $1.edit.range.lowerBound) }.map(\.what).uniqued()
    }

    /// Notes something wrong that no edit can make right.
    package mutating func leave(_ what: String) { leftAlone.append(what) }

    /// The files that changed: old and new bytes, in path order.
    package var changedFiles: [(path: String, old: [UInt8], new: [UInt8])] {
        current.keys.sorted().compactMap { path in
            guard let old = original[path], let new = current[path], old != new else { return nil }
            return (path, old, new)
        }
    }

    /// The edits that make each statement of `statuses` (in `document`) say `value`, skipping those that
    /// already do. Throws when a statement cannot be found in its file for certain.
    package func statusEdits(
        _ statuses: [Status], of label: String, to value: CanonicalStatus, in document: Document, kit: Kit
    ) throws -> [(edit: PlanEdit, what: String)] {
        let file = file(of: document)
        var out: [(PlanEdit, String)] = []
        for status in statuses where status.value != value {
            guard let span = StatusWording.span(of: status, in: file), let line = status.range?.line else {
                throw SpeckitError.cannotEdit(
                    document.path,
                    reason: "the status '\(status.raw)' of \(label) could not be found in the file as written; nothing changed")
            }
            let new = StatusWording.wording(for: value, replacing: status, in: document, file: file, kiro: kit.profile == .kiro)
            let old = String(decoding: file.bytes[span], as: UTF8.self)
            out.append(
                (
                    PlanEdit(path: document.path, range: span, replacement: new),
                    "\(document.path):\(line): \(label) \(old) → \(String(decoding: new, as: UTF8.self))"
                ))
        }
        return out
    }
}
