/// Where a command is about to write several files, checked before the first one is written, so a refusal
/// leaves nothing half done (`generate` and its `--zip`, `pack --out DIR/`).
package enum OutputPlaces {
    /// Refuses, naming the path, a file to write that is a link (`OutputGuard`), or that stands where
    /// something other than a regular file is.
    package static func checkFiles(_ paths: [String]) throws {
        for path in paths { try OutputGuard.check(path) }
        for path in paths where ![.missing, .regular].contains(FileKind.of(path)) {
            throw SpeckitError.cannotWrite(path, reason: "not a regular file; nothing was written")
        }
    }

    /// Refuses a folder to write into (or one above it) that is a file.
    package static func checkFolder(_ folder: String) throws {
        try OutputGuard.check(folder)
        var above = folder
        while !above.isEmpty, above != ".", above != "/" {
            if ![.missing, .folder].contains(FileKind.followed(above)) {
                throw SpeckitError.cannotWrite(above, reason: "it is a file; expected a folder to hold the kit")
            }
            above = parent(of: above)
        }
    }

    /// Refuses an archive to write whose folder does not exist, or that is a folder.
    package static func checkArchive(_ path: String) throws {
        try checkFiles([path])
        let folder = parent(of: path)
        guard folder.isEmpty || FileKind.followed(folder) == .folder else {
            throw SpeckitError.cannotWrite(path, reason: "no folder \(folder) to write the archive in; nothing was written")
        }
    }

    /// The folder `path` is in: "" for a bare name, "/" for a name at the root (Foundation's
    /// `deletingLastPathComponent` traps on some short paths).
    package static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
