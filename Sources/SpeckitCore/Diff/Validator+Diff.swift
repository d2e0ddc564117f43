import Foundation

extension Validator {
    /// The changes to the kits under `paths` since `revision` (the working tree against the commit).
    /// - Throws: `SpeckitError` when a path or the revision cannot be read.
    public func diff(since revision: GitRevision, paths: [String]) throws -> PlanDiff {
        let filter = PathFilter(include: settings.include, exclude: settings.exclude, root: settings.root)
        let base = try revision.planFiles(under: paths, filter: filter)
        let baseKits = KitDiscovery.kits(walked: base.walked, explicit: base.explicit, profile: settings.profile)
        var old = self
        old.files = MemoryFiles(base.files.map { ($0.key, $0.value) })
        let (kits, current) = try prepare(paths)
        return PlanComparer().compare(old: old.parse(kits: baseKits), new: current.parse(kits: kits),
                                      base: revision.name, head: "working tree", baseIsRevision: true)
    }

    /// The changes from the kits at `oldPath` to those at `newPath` (files, folders or archives).
    public func diff(old oldPath: String, new newPath: String) throws -> PlanDiff {
        let (oldKits, oldReader) = try prepare([oldPath])
        let (newKits, newReader) = try prepare([newPath])
        return PlanComparer(oldBase: oldPath, newBase: newPath)
            .compare(old: oldReader.parse(kits: oldKits), new: newReader.parse(kits: newKits),
                     base: oldPath, head: newPath, baseIsRevision: false)
    }
}
