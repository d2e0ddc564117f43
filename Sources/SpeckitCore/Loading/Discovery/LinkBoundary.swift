import Foundation

/// Where a plan file that is a symbolic link may lead: a pull request can commit `specs/x/notes.md ->
/// /home/runner/.ssh/id_rsa`, and what speckit reads ends up in its reports. A file found by walking a folder
/// (or read for a named file's context) that is a link is read only when its target lies inside the boundary:
/// the run step's working folder when one is set, else the repository the file is in (the nearest folder
/// holding `.git`), else the folder walked. A file named on the command line is read as named.
struct LinkBoundary {
    /// The fixed boundary (the run step's working folder), resolved.
    let fixed: String?

    init(fixed: String?) {
        self.fixed = fixed.map(Self.resolved)
    }

    /// Why `path` must not be read, or nil when it is not a link or leads inside. `walkedFrom` is the
    /// folder whose walk found it.
    func refusal(for path: String, walkedFrom root: String) -> SpeckitError? {
        guard FileKind.isLink(path) else { return nil }
        let (boundary, what) = place(of: path, walkedFrom: root)
        // A link that leads nowhere (or round in a loop) is reported as such by reading it.
        guard let target = FileKind.realPath(path) else { return nil }
        if target == boundary || target.hasPrefix(boundary == "/" ? "/" : boundary + "/") { return nil }
        return .unreadable(path, reason: Self.outside(what))
    }

    /// Why a link that leads outside `what` is not read (also said of links at a git revision: `GitRevision`).
    static func outside(_ what: String) -> String {
        "a symbolic link that leads outside \(what); speckit does not read through it"
    }

    /// The boundary for a file and how a message names it.
    private func place(of path: String, walkedFrom root: String) -> (String, String) {
        if let fixed { return (fixed, "the working folder") }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                return (Self.resolved(folder.path), "the repository")
            }
            folder.deleteLastPathComponent()
        }
        return (Self.resolved(root), "the folder checked")
    }

    private static func resolved(_ path: String) -> String {
        FileKind.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
