import Foundation

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
            case .pathNotFound, .noPlanFiles, .noKits:
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

    /// The findings the kits under `paths` had at `revision` (the same rules, configuration and fingerprints
    /// as now), for telling new findings from existing ones (`validate --base REF`).
    public func findings(at revision: GitRevision, paths: [String]) throws -> KnownFindings {
        var fingerprints: [String] = []
        for outcome in validate(try kits(at: revision, paths: paths)).outcomes {
            fingerprints += outcome.findings.compactMap(\.fingerprint)
        }
        return KnownFindings(fingerprints)
    }

    /// The kits under `paths` as they were at `revision`, read from git into memory.
    private func kits(at revision: GitRevision, paths: [String]) throws -> KitSet {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let base = try revision.planFiles(under: paths, filter: filter)
        return KitLoader(settings: settings).discover(listed: base.listed, files: MemoryFiles(base.files.map { ($0.key, $0.value) }))
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
