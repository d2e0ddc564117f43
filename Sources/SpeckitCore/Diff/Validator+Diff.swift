import Foundation

extension Validator {
    /// The changes to the kits under `paths` since `revision` (the working tree against the commit).
    /// - Throws: `SpeckitError` when a path or the revision cannot be read.
    public func diff(since revision: GitRevision, paths: [String]) throws -> PlanDiff {
        try compare(since: revision, paths: paths).diff
    }

    /// The changes since `revision`, the kits as they are now, and the files of theirs that cannot be read.
    public func compare(since revision: GitRevision, paths: [String]) throws -> (diff: PlanDiff, kits: [Kit], failures: [LoadFailure]) {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let base = try revision.planFiles(under: paths, filter: filter)
        let baseKits = KitDiscovery.kits(walked: base.walked, explicit: base.explicit, profile: settings.profile)
        var old = self
        old.files = MemoryFiles(base.files.map { ($0.key, $0.value) })
        // Every plan file deleted since the base is a change to report, not a path with nothing to check.
        let now: (kits: [Kit], failures: [LoadFailure])
        do {
            let (kits, current) = try prepare(paths)
            now = current.read(kits: kits)
        } catch let error as SpeckitError {
            switch error {
            case .pathNotFound, .noPlanFiles, .noKits:
                guard !baseKits.isEmpty else { throw error }
                now = ([], [])
            default:
                throw error
            }
        }
        return (
            PlanComparer().compare(
                old: old.parse(kits: baseKits), new: now.kits, base: revision.name,
                head: "working tree", baseIsRevision: true), now.kits, now.failures
        )
    }

    /// The changes from the kits at `oldPath` to those at `newPath` (files, folders or archives), the new kits,
    /// and the files of theirs that cannot be read.
    public func compare(old oldPath: String, new newPath: String) throws -> (diff: PlanDiff, kits: [Kit], failures: [LoadFailure]) {
        let (oldKits, oldReader) = try prepare([oldPath])
        let (newKits, newReader) = try prepare([newPath])
        let now = newReader.read(kits: newKits)
        return (
            PlanComparer(oldBase: oldPath, newBase: newPath)
                .compare(old: oldReader.parse(kits: oldKits), new: now.kits, base: oldPath, head: newPath, baseIsRevision: false),
            now.kits, now.failures
        )
    }
}
