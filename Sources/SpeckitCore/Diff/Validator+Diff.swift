import Foundation

extension Validator {
    /// The changes to the kits under `paths` since `revision` (the working tree against the commit).
    /// - Throws: `SpeckitError` when a path or the revision cannot be read.
    public func diff(since revision: GitRevision, paths: [String]) throws -> PlanDiff {
        try compare(since: revision, paths: paths).diff
    }

    /// The changes since `revision`, and the kits as they are now.
    public func compare(since revision: GitRevision, paths: [String]) throws -> (diff: PlanDiff, kits: [Kit]) {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let base = try revision.planFiles(under: paths, filter: filter)
        let baseKits = KitDiscovery.kits(walked: base.walked, explicit: base.explicit, profile: settings.profile)
        var old = self
        old.files = MemoryFiles(base.files.map { ($0.key, $0.value) })
        let (kits, current) = try prepare(paths)
        let now = current.parse(kits: kits)
        return (PlanComparer().compare(old: old.parse(kits: baseKits), new: now, base: revision.name,
                                       head: "working tree", baseIsRevision: true), now)
    }

    /// The changes from the kits at `oldPath` to those at `newPath` (files, folders or archives), and the new kits.
    public func compare(old oldPath: String, new newPath: String) throws -> (diff: PlanDiff, kits: [Kit]) {
        let (oldKits, oldReader) = try prepare([oldPath])
        let (newKits, newReader) = try prepare([newPath])
        let now = newReader.parse(kits: newKits)
        return (PlanComparer(oldBase: oldPath, newBase: newPath)
            .compare(old: oldReader.parse(kits: oldKits), new: now, base: oldPath, head: newPath, baseIsRevision: false), now)
    }
}
