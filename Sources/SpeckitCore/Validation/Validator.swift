import Foundation
import Synchronization

/// Runs every rule over every kit: the library side of `speckit validate`.
///
/// Kits are checked independently on up to `jobs` threads. Each kit's files are read, parsed into the
/// model (the Markdown tree is dropped as soon as the model is built), checked, and dropped again, so only
/// findings and small summaries outlive a kit and memory stays flat as the tree grows.
public struct Validator: Sendable {
    public var settings: ValidationSettings
    public var files: any FileSource
    public var jobs: Int

    public init(
        settings: ValidationSettings = ValidationSettings(), files: any FileSource = DiskFiles(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.settings = settings
        self.files = files
        self.jobs = max(1, jobs)
    }

    /// Finds the kits under `paths` (files, kit folders or trees) and checks them.
    /// - Throws: `SpeckitError.pathNotFound` or `.noPlanFiles` when a path gives nothing to check.
    public func validate(paths: [String]) throws -> ValidationReport {
        let (kits, validator) = try prepare(paths)
        return validator.validate(kits: kits)
    }

    /// The kits under `paths`, and the validator to check them with: one that also reads the files of any
    /// `.zip`/`.tar.gz` kit named (read into memory, never extracted; refused entries become findings).
    public func prepare(_ paths: [String]) throws -> (kits: [KitSource], validator: Validator) {
        var memory: [String: [UInt8]] = [:]
        var refused: [String: SpeckitError] = [:]
        var archiveKits: [KitSource] = []
        var others: [String] = []
        for path in paths {
            guard ArchiveKit.isArchive(path), FileKind.followed(path) == .regular else {
                others.append(path)
                continue
            }
            let contents = try ArchiveKit.read(path, limits: settings.archiveLimits)
            memory.merge(contents.memory) { $1 }
            refused.merge(contents.refused) { $1 }
            archiveKits += contents.kits
        }
        let kits = try (others.isEmpty && !archiveKits.isEmpty ? [] : discover(others)) + archiveKits
        guard !memory.isEmpty || !refused.isEmpty else { return (kits, self) }
        var validator = self
        validator.files = LayeredFiles(memory: memory, refused: refused, fallback: files)
        return (kits, validator)
    }

    /// The kits under `paths`, without reading them.
    public func discover(_ paths: [String]) throws -> [KitSource] {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        var walked: [String] = []
        var explicit: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link that leads nowhere or round in a loop is there: reading it reports what it is.
                guard FileKind.of(path) == .missing, FileKind.isLink(path) else { throw SpeckitError.pathNotFound(path) }
                explicit.append(path)
                continue
            }
            if isDirectory.boolValue {
                let found = PlanFileWalker.files(under: path, filter: filter)
                guard !found.isEmpty else { throw SpeckitError.noPlanFiles(path) }
                walked += found
            } else {
                explicit.append(path)
            }
        }
        // The same file reached twice (`validate . docs`, `a.md ./a.md`) is read once. One folder walked
        // alone cannot repeat a file (symbolic links to folders are not followed).
        if paths.count > 1 {
            var seen: Set<String> = []
            let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
            explicit = explicit.filter { seen.insert(real($0)).inserted }
            walked = walked.filter { seen.insert(real($0)).inserted }
        }
        let kits = KitDiscovery.kits(walked: walked, explicit: explicit, profile: settings.profile)
        if kits.isEmpty, let first = paths.first { throw SpeckitError.noKits(first) }
        return kits
    }

    /// Checks kits that were already found (or built in memory) and keeps every finding.
    public func validate(kits: [KitSource]) -> ValidationReport {
        let outcomes = Mutex<[KitOutcome]>([])
        run(kits: kits) { outcome in outcomes.withLock { $0.append(outcome) } }
        return ValidationReport(outcomes: outcomes.withLock { $0 }, strict: settings.strict)
    }

    /// Checks kits and hands each kit's outcome to `deliver` in kit order as soon as it (and every kit before
    /// it) is done, so a caller can write findings out and drop them: memory stays flat however many kits and
    /// findings there are.
    public func run(kits: [KitSource], deliver: @Sendable (KitOutcome) -> Void) {
        let settings = self.settings
        let files = self.files
        WorkQueue.forEach(
            count: kits.count, jobs: jobs,
            work: { index in
                Self.check(kits[index], settings: settings, files: files)
            }, deliver: deliver)
    }

    /// Reads, parses and checks one kit.
    static func check(_ source: KitSource, settings: ValidationSettings, files: any FileSource) -> KitOutcome {
        let loaded = load(source, settings: settings, files: files)
        let context = RuleContext(
            kit: loaded.kit, settings: settings, parseNotes: loaded.notes, failures: loaded.failures,
            sources: loaded.sources)
        for rule in RuleRegistry.rules { context.run(rule.init()) }
        return KitOutcome(summary: KitSummary(kit: loaded.kit), findings: context.findings, hidden: context.hidden)
    }

    /// The kits, read and parsed (no rules run), in kit order: the model `speckit status` and `speckit diff`
    /// read. Files that cannot be read are left out.
    public func parse(kits: [KitSource]) -> [Kit] {
        read(kits: kits).kits
    }

    /// The kits, read and parsed, and the files that could not be read.
    public func read(kits: [KitSource]) -> (kits: [Kit], failures: [LoadFailure]) {
        let read = readNoting(kits: kits)
        return (read.kits, read.failures)
    }

    /// The kits, read and parsed; the files that could not be read; and the parser's notes on text it left
    /// unread (a paragraph over `limits.paragraphBytes`, tasks nested past `limits.nesting`), so a caller that
    /// reports no findings can still say what was not counted.
    public func readNoting(kits: [KitSource]) -> (kits: [Kit], failures: [LoadFailure], unread: [Diagnostic]) {
        let settings = self.settings
        let files = self.files
        let parsed = Mutex<(kits: [Kit], failures: [LoadFailure], unread: [Diagnostic])>(([], [], []))
        WorkQueue.forEach(
            count: kits.count, jobs: jobs,
            work: { index in
                let loaded = Self.load(kits[index], settings: settings, files: files)
                return (loaded.kit, loaded.failures, loaded.notes.filter { [.paragraphTooLong, .nestingTooDeep].contains($0.ruleId) })
            },
            deliver: { kit, failures, unread in
                parsed.withLock {
                    $0.kits.append(kit)
                    $0.failures += failures
                    $0.unread += unread
                }
            })
        return parsed.withLock { $0 }
    }

    /// Reads and parses one kit.
    static func load(_ source: KitSource, settings: ValidationSettings, files: any FileSource)
        -> (kit: Kit, notes: [Diagnostic], failures: [LoadFailure], sources: [String: SourceText])
    {
        let loader = PlanLoader(vocabulary: settings.vocabulary, files: files, limits: settings.limits)
        var documents: [Document] = []
        var notes: [Diagnostic] = []
        var failures: [LoadFailure] = []
        var sources: [String: SourceText] = [:]
        for path in source.files {
            do {
                let loaded = try loader.load(bytes: files.read(path, maxBytes: settings.limits.fileBytes), path: path)
                documents.append(loaded.document)
                notes += loaded.diagnostics
                sources[path] = loaded.source
            } catch let error as SpeckitError {
                failures.append(LoadFailure(path: path, error: error))
            } catch {
                failures.append(LoadFailure(path: path, error: .unreadable(path, reason: "\(error)")))
            }
        }
        let name =
            source.name == "."
            ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent
            : source.name
        return (Kit(name: name, root: source.root, profile: source.profile, documents: documents), notes, failures, sources)
    }
}
