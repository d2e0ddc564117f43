import Foundation
import Synchronization

/// Where a run's artifacts wait until they are all complete.
///
/// They are held in memory while the run works, so a run that is cancelled or killed (even by SIGKILL) while it
/// works leaves nothing on disk. `commit` writes them all, with `artifacts.json`, to a hidden staging folder
/// (`.DIR.speckit-PID-RANDOM.tmp`) and moves that into place. When the artifacts folder does not exist yet,
/// the staging folder sits beside it and is renamed to it in one step (`rename(2)`): the folder appears with
/// every artifact, or not at all. When the worker made the folder (empty) itself, perhaps as a mount point,
/// it is kept: the staging folder goes inside it and the artifacts are renamed up one by one, `artifacts.json`
/// last. Only a kill during `commit` (milliseconds) can leave a staging folder; the next run that writes
/// beside or into it removes it, as its process is gone (`PendingFile.sweep`).
///
/// `add`, `commit` and `discard` happen under one lock: a signal handler that discards the run waits for a
/// commit under way, and after it nothing is written again.
public final class ArtifactStaging: Sendable {
    private enum Phase { case open, committed, discarded }

    private struct State {
        var artifacts: [Artifact] = []
        /// Each artifact's bytes, by path, until `commit` writes them.
        var contents: [(path: String, bytes: [UInt8])] = []
        var phase = Phase.open
    }

    /// The artifacts folder as given (`--artifacts DIR`).
    public let destination: String
    /// The hidden folder the artifacts are written to at commit.
    public let folder: String
    /// The folder the staging folder is made in (the artifacts folder's parent, or the artifacts folder).
    private let home: String
    /// Whether the artifacts folder existed (empty): then `folder` is inside it.
    private let inside: Bool
    private let state = Mutex(State())

    /// Checks that `destination` can receive the artifacts: its parent folder exists and can be written, and
    /// it is missing or an empty folder (once staging folders of killed runs are removed from it).
    /// - Throws: `SpeckitError.cannotWrite` saying what is wrong with `destination`.
    public init(destination: String) throws {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        func refuse(_ reason: String) -> SpeckitError { .cannotWrite(destination, reason: reason) }
        guard !destination.isEmpty, url.path != "/" else { throw refuse("expected a folder for the artifacts") }
        switch FileKind.followed(parent) {
        case .folder: break
        case .missing: throw refuse("its parent folder \(parent) does not exist; expected a new or empty folder in an existing one")
        default: throw refuse("\(parent) is not a folder; expected a new or empty folder in an existing one")
        }
        var link = stat()
        if lstat(url.path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            throw refuse("it is a symbolic link; expected a new or empty folder (give the folder it points to)")
        }
        // Nor under a linked folder of the working folder (`OutputGuard`).
        try OutputGuard.check(destination)
        switch FileKind.of(url.path) {
        case .missing:
            inside = false
        case .folder:
            inside = true
            PendingFile.sweep(folder: url.path)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["?"]
            guard entries.isEmpty else {
                throw refuse(
                    "the folder holds \(Plural.count(entries.count, "entry", "entries")); expected a new or empty folder, so no artifact of another run is mixed in or lost"
                )
            }
        default:
            throw refuse("it exists and is not a folder; expected a new or empty folder")
        }
        self.destination = destination
        let home = inside ? url.path : parent
        self.home = home
        self.folder = PendingFile.temporaryName(for: inside ? url.path + "/" : url.path)
        PendingFile.sweep(folder: parent)
        guard access(home, W_OK) == 0 else { throw refuse("cannot create a folder in \(home): \(String(cString: strerror(errno)))") }
    }

    /// Writes one artifact into the staging folder and returns how it is described.
    /// - Throws: `SpeckitError.cannotWrite` when it cannot be written or the run was already discarded.
    @discardableResult
    public func add(name: String, path: String, mediaType: String, bytes: [UInt8]) throws -> Artifact {
        try state.withLock { state in
            guard state.phase == .open else { throw SpeckitError.cannotWrite(destination, reason: "the run was stopped") }
            state.contents.append((path, bytes))
            let artifact = Artifact(name: name, path: path, mediaType: mediaType, bytes: bytes.count, sha256: SHA256.hex(bytes))
            state.artifacts.append(artifact)
            return artifact
        }
    }

    /// The artifacts written so far.
    public var artifacts: [Artifact] { state.withLock { $0.artifacts } }

    /// Writes `artifacts.json` (from `index`, given every artifact) and moves the staging folder onto the
    /// artifacts folder. Returns the artifacts, now in place.
    public func commit(index: ([Artifact]) -> [UInt8]) throws -> [Artifact] {
        try state.withLock { state in
            guard state.phase == .open else { throw SpeckitError.cannotWrite(destination, reason: "the run was stopped") }
            do {
                let lock = try StagedFolder.link(
                    state.contents + [("artifacts.json", index(state.artifacts))],
                    into: folder, writingIn: home)
                defer { if lock >= 0 { close(lock) } }
                try moveIntoPlace()
                // Renamed to the artifacts folder, it is no staging folder any more.
                if !inside, lock >= 0 { FileMarker.unmark(lock) }
                StagedFolder.syncFolder(inside ? destination : home)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                state.phase = .discarded
                // Named after the artifacts folder, not where its files were staged.
                if case SpeckitError.cannotWrite(_, let reason) = error { throw SpeckitError.cannotWrite(destination, reason: reason) }
                throw error
            }
            state.phase = .committed
            return state.artifacts
        }
    }

    private func moveIntoPlace() throws {
        let target = URL(fileURLWithPath: destination).standardizedFileURL.path
        // Never onto something that is there, so a second run into the same folder fails instead of mixing in:
        // a file is linked (which refuses an existing name) and then unlinked; a folder is renamed (which
        // refuses a folder with anything in it).
        func move(_ from: String, _ to: String) throws {
            var moved: Bool
            if FileKind.of(from) == .regular {
                moved = link(from, to) == 0 && unlink(from) == 0
                // A file system without hard links: look first, then rename.
                if !moved, errno != EEXIST, FileKind.of(to) == .missing { moved = rename(from, to) == 0 }
            } else {
                moved = rename(from, to) == 0
            }
            guard moved else {
                throw SpeckitError.cannotWrite(
                    destination, reason: "cannot move the artifacts into place: \(String(cString: strerror(errno)))")
            }
        }
        guard inside else { return try move(folder, target) }
        // Every entry but the index, then the index: a folder without artifacts.json is not complete.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "artifacts.json" }.sorted()
        var moved: [String] = []
        do {
            for entry in entries + ["artifacts.json"] {
                try move(folder + "/" + entry, target + "/" + entry)
                moved.append(entry)
            }
        } catch {
            // Not expected within one folder; if it happens, the artifacts folder is emptied again.
            for entry in moved { try? FileManager.default.removeItem(atPath: target + "/" + entry) }
            throw error
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Removes the staging folder and everything in it, unless the artifacts are already in place.
    /// Returns whether it did (false: they were committed, and stay).
    @discardableResult
    public func discard() -> Bool {
        state.withLock { state in
            switch state.phase {
            case .committed:
                return false
            case .discarded:
                return true
            case .open:
                state.contents = []
                state.phase = .discarded
                return true
            }
        }
    }
}
