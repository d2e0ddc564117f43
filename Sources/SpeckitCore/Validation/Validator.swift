import Foundation
import Synchronization

/// Runs every rule over every kit: the library side of `speckit validate`.
///
/// Kits are checked independently on up to `jobs` threads. Each kit's files are read, parsed into the
/// model (the Markdown tree is dropped as soon as the model is built), checked, and dropped again, so only
/// findings and small summaries outlive a kit and memory stays flat as the tree grows.
public struct Validator: Sendable {
    public var settings: ValidationSettings
    public var jobs: Int
    /// How findings name their files in their fingerprints (relative to the repository).
    public var paths: ReportPaths

    /// A validator with `settings` on `jobs` threads (default: every core).
    public init(settings: ValidationSettings = ValidationSettings(), jobs: Int? = nil, paths: ReportPaths = .forCurrentFolder()) {
        self.settings = settings
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.paths = paths
    }

    /// Finds the kits under `paths` (files, kit folders, trees or archives) and checks them.
    /// - Throws: what `KitLoader.discover` throws when a path gives nothing to check.
    public func validate(paths: [String]) throws -> ValidationReport {
        validate(try KitLoader(settings: settings).discover(paths))
    }

    /// Checks kits that were already found (or built in memory) and keeps every finding.
    public func validate(_ set: KitSet) -> ValidationReport {
        let outcomes = Mutex<[KitOutcome]>([])
        run(set) { outcome in outcomes.withLock { $0.append(outcome) } }
        return ValidationReport(outcomes: outcomes.withLock { $0 }, strict: settings.strict, skipped: set.skipped)
    }

    /// Checks kits and hands each kit's outcome to `deliver` in kit order as soon as it (and every kit before
    /// it) is done, so a caller can write findings out and drop them: memory stays flat however many kits and
    /// findings there are.
    public func run(_ set: KitSet, deliver: @Sendable (KitOutcome) -> Void) {
        let reader = KitReader(settings: settings, files: set.files)
        let paths = self.paths
        WorkQueue.forEach(
            count: set.kits.count, jobs: jobs,
            work: { index in
                Self.check(reader.read(set.kits[index], scope: .context), settings: reader.settings, paths: paths, files: reader.files)
            }, deliver: deliver)
    }

    /// Checks one kit that was read. Only findings in the files reported on are kept.
    static func check(_ loaded: LoadedKit, settings: ValidationSettings, paths: ReportPaths, files: any FileSource) -> KitOutcome {
        let context = RuleContext(
            kit: loaded.kit, settings: settings, parseNotes: loaded.notes, failures: loaded.failures, sources: loaded.sources,
            expectedDocuments: loaded.expectedDocuments, skipped: loaded.skipped.map(\.path),
            repository: files.repository(of: loaded.kit.root))
        for rule in RuleRegistry.rules { context.run(rule.init()) }
        var findings = context.findings
        if let focus = loaded.focus { findings = findings.filter { focus.contains($0.range.file) } }
        let suppressed = PhaseClock.time(.fingerprint) {
            let suppressed = suppress(&findings, loaded, settings: settings)
            FindingFingerprint.assign(&findings, sources: loaded.sources, paths: paths)
            return suppressed
        }
        return KitOutcome(
            summary: KitSummary(kit: loaded.reportedKit), findings: findings, hidden: context.hidden, skipped: loaded.skipped,
            isEmpty: loaded.isEmpty, unreadable: loaded.failures.count { loaded.focus?.contains($0.path) ?? true },
            suppressed: suppressed)
    }

    /// Drops the findings the plans' own `speckit-disable` comments cover and reports each comment that covers
    /// nothing (`suppression.unused`); returns how many findings it dropped.
    private static func suppress(_ findings: inout [Finding], _ loaded: LoadedKit, settings: ValidationSettings) -> Int {
        var dropped = 0
        for document in loaded.kit.documents where loaded.focus?.contains(document.path) ?? true {
            guard let source = loaded.sources[document.path] else { continue }
            var suppressions = Suppressions(source, format: document.format)
            guard !suppressions.directives.isEmpty else { continue }
            dropped += suppressions.suppress(&findings, in: document.path)
            guard let severity = settings.severity(of: UnusedSuppressionRule.description) else { continue }
            for (message, range) in suppressions.unused(in: document.path) {
                findings.append(
                    Finding(
                        ruleId: .unusedSuppression, severity: severity, message: message, range: range,
                        fix: "remove the comment, or name the rule it is meant for"))
            }
        }
        return dropped
    }

    /// Reads and parses the kits (no rules run), handing each to `deliver` in kit order: what `parse`,
    /// `status` and `diff` read. Only the files reported on are read.
    public func read(_ set: KitSet, deliver: @Sendable (LoadedKit) -> Void) {
        let reader = KitReader(settings: settings, files: set.files)
        WorkQueue.forEach(
            count: set.kits.count, jobs: jobs, work: { index in reader.read(set.kits[index], scope: .reported) }, deliver: deliver)
    }

    /// The model of the kits under `paths`, as `speckit parse` prints it, held in memory: every kit, what the
    /// parser noticed (a file that cannot be read is an `input.unreadable` diagnostic) and what was skipped.
    public func parse(paths: [String]) throws -> ParseResult {
        let set = try KitLoader(settings: settings).discover(paths)
        let result = Mutex(ParseResult(kits: [], diagnostics: [], skipped: set.skipped))
        read(set) { loaded in
            result.withLock { result in
                result.skipped += loaded.skipped
                result.diagnostics += loaded.diagnostics
                if !loaded.isEmpty { result.kits.append(loaded.reportedKit) }
            }
        }
        return result.withLock { $0 }
    }

    /// The kits, read and parsed, in kit order, and the files that could not be read.
    public func parse(_ set: KitSet) -> (kits: [Kit], failures: [LoadFailure]) {
        let parsed = Mutex<(kits: [Kit], failures: [LoadFailure])>(([], []))
        read(set) { loaded in
            parsed.withLock {
                if !loaded.isEmpty { $0.kits.append(loaded.reportedKit) }
                $0.failures += loaded.failures
            }
        }
        return parsed.withLock { $0 }
    }
}
