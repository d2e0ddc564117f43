import Foundation
import Synchronization

extension Validator {
    /// The changes to the kits under `paths` since `revision` (the working tree against the commit).
    /// - Throws: `SpeckitError` when a path or the revision cannot be read.
    public func diff(since revision: GitRevision, paths: [String]) throws -> PlanDiff {
        try compare(since: revision, paths: paths).diff
    }

    /// The changes since `revision`, the kits as they are now, and the files of theirs that cannot be read.
    /// Both sides are found by the one loader, so the same files make the same kits.
    public func compare(since revision: GitRevision, paths: [String]) throws -> (diff: PlanDiff, kits: [Kit], failures: [LoadFailure]) {
        let baseSet = try kits(at: revision, paths: paths)
        let loader = KitLoader(settings: settings)
        // Every plan file deleted since the base is a change to report, not a path with nothing to check.
        let now: (kits: [Kit], failures: [LoadFailure])
        do {
            now = parse(try loader.discover(paths))
        } catch let error as SpeckitError {
            switch error {
            case .pathNotFound, .noPlanFiles, .noKits, .noMatch:
                guard !baseSet.kits.isEmpty else { throw error }
                now = ([], [])
            default:
                throw error
            }
        }
        let diff = PlanComparer().compare(
            old: parse(baseSet).kits, new: now.kits, base: revision.name, head: "working tree", baseIsRevision: true)
        return (diff, now.kits, now.failures)
    }

    /// What `validate --base REF` compares a run with: the changes from the kits under `paths` at `revision`
    /// to `now` (the kits already found in the working tree), and the findings the kits had at `revision`
    /// (the same rules, configuration and fingerprints as now). The revision is read once, and only the
    /// fingerprints of its findings are kept.
    public func compare(since revision: GitRevision, paths: [String], now: KitSet) throws -> (diff: PlanDiff, known: KnownFindings) {
        let base = try kits(at: revision, paths: paths)
        let reader = KitReader(settings: settings, files: base.files)
        let validator = self
        let old = Mutex<(kits: [Kit], fingerprints: [String])>(([], []))
        WorkQueue.forEach(
            count: base.kits.count, jobs: jobs,
            work: { index in
                let loaded = reader.read(base.kits[index], scope: .context)
                let outcome = Self.check(loaded, settings: reader.settings, paths: validator.paths, files: reader.files)
                return (loaded.isEmpty ? nil : loaded.reportedKit, outcome.findings.compactMap(\.fingerprint))
            },
            deliver: { kit, fingerprints in
                old.withLock {
                    if let kit { $0.kits.append(kit) }
                    $0.fingerprints += fingerprints
                }
            })
        let (kits, fingerprints) = old.withLock { $0 }
        let diff = PlanComparer().compare(old: kits, new: parse(now).kits, base: revision.name, head: "working tree", baseIsRevision: true)
        return (diff, KnownFindings(fingerprints))
    }

    /// The kits under `paths` as they were at `revision`, read from git into memory.
    private func kits(at revision: GitRevision, paths: [String]) throws -> KitSet {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let base = try revision.planFiles(under: paths, filter: filter)
        // The revision's whole listing is its repository: a path a done task names is looked up there.
        let files = MemoryFiles(base.files.map { ($0.key, $0.value) }, repository: try revision.repository())
        return KitLoader(settings: settings).discover(
            listed: base.listed, files: base.refused.isEmpty ? files : LayeredFiles(memory: [:], refused: base.refused, fallback: files))
    }

    /// The changes from the kits at `oldPath` to those at `newPath` (files, folders or archives), the new kits,
    /// and the files of theirs that cannot be read.
    public func compare(old oldPath: String, new newPath: String) throws -> (diff: PlanDiff, kits: [Kit], failures: [LoadFailure]) {
        let loader = KitLoader(settings: settings)
        let old = parse(try loader.discover([oldPath]))
        let now = parse(try loader.discover([newPath]))
        let diff = PlanComparer(oldBase: oldPath, newBase: newPath)
            .compare(old: old.kits, new: now.kits, base: oldPath, head: newPath, baseIsRevision: false)
        return (diff, now.kits, now.failures)
    }
}
