/// A kit packed in a `.zip` or `.tar.gz`, read straight from the archive: its plan files become files in
/// memory named `ARCHIVE/PATH` (`kit.zip/tasks.md`), so findings point into the archive.
public enum ArchiveKit {
    public static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".zip") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") || lower.hasSuffix(".tar")
    }

    /// The archive's kits, the bytes of their files, and the entries refused.
    public static func read(_ path: String, limits: ArchiveLimits) throws
        -> (kits: [KitSource], memory: [String: [UInt8]], refused: [String: SpeckitError])
    {
        let bytes: [UInt8]
        do {
            // The archive itself may be as large as what it may hold.
            bytes = try DiskFiles().read(path, maxBytes: limits.maxBytes)
        } catch SpeckitError.fileTooLarge(_, let size, let limit) {
            throw SpeckitError.archive("\(path): the archive is \(size) bytes, more than \(limit) (limits.archiveBytes)")
        }
        return try read(bytes: bytes, name: path, limits: limits)
    }

    /// The kits of an archive already in memory; `name` is the archive's path in findings.
    public static func read(bytes: [UInt8], name path: String, limits: ArchiveLimits) throws
        -> (kits: [KitSource], memory: [String: [UInt8]], refused: [String: SpeckitError])
    {
        let contents = try LibArchive.read(bytes, name: path, limits: limits)
        var memory: [String: [UInt8]] = [:]
        var refused: [String: SpeckitError] = [:]
        for file in contents.files where PlanFileWalker.isPlanFile(file.path.split(separator: "/").last.map(String.init) ?? file.path) {
            memory[path + "/" + file.path] = file.bytes
        }
        for (entry, reason) in contents.rejected {
            refused[path + "/" + entry] = .unreadable(
                path + "/" + entry, reason: "archive entry is \(reason); refused, nothing was extracted")
        }
        let walked = memory.keys.sorted()
        var kits = KitDiscovery.kits(walked: walked)
        if kits.isEmpty, refused.isEmpty { throw SpeckitError.noPlanFiles(path) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if kits.isEmpty { kits = [KitSource(name: name, root: path, profile: .freeform, files: [])] }
        // Refused entries belong to the first kit, so they are reported.
        kits[0].files = (kits[0].files + refused.keys).sorted()
        return (kits, memory, refused)
    }
}
