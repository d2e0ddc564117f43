import Foundation

/// The one rule every writer follows: speckit never writes through a symbolic link.
///
/// speckit runs in CI on what a pull request commits, links included: `speckit.md -> ../../victim` beside
/// `--report markdown=speckit.md`, or `spec/shop -> /elsewhere` under `generate --name Shop`. So a path that
/// speckit would write (a report, `--output`, `pack --out`, a generated kit and its files, a file `fix`
/// rewrites, `run`'s artifacts folder) is refused when
/// - it is itself a symbolic link, wherever it is: a link's target is never replaced, nor the link by a
///   file. A link that leads to a device, a FIFO or a socket (`/dev/stdout` → a pipe) is written into, as
///   are the names of this process's descriptors (`/dev/stdout` redirected to a file, `/dev/fd/3`); or
/// - a folder on the way to it is a symbolic link inside the working folder (the current folder): a link
///   there may have come with the checkout. Folders outside it belong to the machine (`/tmp` →
///   `/private/tmp`, a home folder on another disk) and are followed.
///
/// `$GITHUB_STEP_SUMMARY` is not checked: the runner makes that file and owns it.
package enum OutputGuard {
    /// Checks `path`, relative to the current folder, which is also the working folder.
    /// - Throws: `SpeckitError.cannotWrite` naming `path` and the link.
    package static func check(_ path: String) throws {
        guard descriptor(named: path) == nil else { return }
        let current = FileManager.default.currentDirectoryPath
        let root = FileKind.realPath(current) ?? current
        // The path's own components, then the current folder's in front of a relative one (for messages).
        let own = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let prefix = path.hasPrefix("/") ? [] : root.split(separator: "/").map(String.init)
        let parts = prefix + own
        func shown(_ index: Int) -> String {
            let given = own[..<max(0, index - prefix.count + 1)].joined(separator: "/")
            return path.hasPrefix("/") ? "/" + given : given
        }
        // The real path of the folders walked so far: no link in it.
        var real = "/"
        for (index, part) in parts.enumerated() where part != "." {
            if part == ".." {
                real = URL(fileURLWithPath: real).deletingLastPathComponent().path
                continue
            }
            let candidate = real == "/" ? "/" + part : real + "/" + part
            var info = stat()
            // Missing (or not for this user to see): what is missing, the writer makes as real folders.
            guard lstat(candidate, &info) == 0 else { return }
            guard (info.st_mode & S_IFMT) == S_IFLNK else {
                real = candidate
                continue
            }
            if index == parts.count - 1 {
                // A device, FIFO or socket (`/dev/stdout` → a pipe) is written straight into.
                if FileKind.followed(candidate) == .other { return }
                throw SpeckitError.cannotWrite(
                    path, reason: "it is a symbolic link; speckit never writes through one (give the path it leads to)")
            }
            if real == root || real.hasPrefix(root == "/" ? "/" : root + "/") {
                throw SpeckitError.cannotWrite(
                    path,
                    reason: "\(shown(index)) is a symbolic link inside the working folder; speckit never writes through one "
                        + "(give the path it leads to)")
            }
            guard let resolved = FileKind.realPath(candidate) else { return }
            real = resolved
        }
    }

    /// The descriptor of this process that `path` names (`/dev/stdout` is 1; `/dev/stderr`, `/dev/fd/N`,
    /// `/proc/self/fd/N`), written into whatever it leads to; nil for other names.
    package static func descriptor(named path: String) -> Int32? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        switch standard {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for folder in ["/dev/fd/", "/proc/self/fd/"] where standard.hasPrefix(folder) {
                return Int32(standard.dropFirst(folder.count)).flatMap { $0 >= 0 ? $0 : nil }
            }
            return nil
        }
    }
}
