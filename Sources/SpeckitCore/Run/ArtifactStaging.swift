import Foundation
import Synchronization

/// Where a run's artifacts are written until they are all complete.
///
/// When the artifacts folder does not exist yet, they go to a hidden folder beside it, renamed to it in one
/// step (`rename(2)`): the folder appears with every artifact and `artifacts.json`, or not at all. When the
/// worker made the folder (empty) itself, perhaps as a mount point, it is kept: the artifacts go to a hidden
/// folder inside it and are renamed up one by one when all are complete, `artifacts.json` last.
///
/// Every change to the staging folder happens under one lock, and so do `commit` and `discard`: a signal
/// handler that discards the folder waits for the file being written, and after it nothing is written again.
public final class ArtifactStaging: Sendable {
    private enum Phase { case open, committed, discarded }

    private struct State {
        var artifacts: [Artifact] = []
        var phase = Phase.open
    }

    /// The artifacts folder as given (`--artifacts DIR`).
    public let destination: String
    /// The hidden folder the artifacts are written to first.
    public let folder: String
    /// Whether the artifacts folder existed (empty): then `folder` is inside it.
    private let inside: Bool
    private let state = Mutex(State())

    /// Checks that `destination` can receive the artifacts (its parent folder exists, and it is missing or an
    /// empty folder) and creates the staging folder beside it.
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
        switch FileKind.of(url.path) {
        case .missing:
            inside = false
        case .folder:
            inside = true
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["?"]
            guard entries.isEmpty else {
                throw refuse("the folder holds \(entries.count == 1 ? "1 entry" : "\(entries.count) entries"); expected a new or empty folder, so no artifact of another run is mixed in or lost")
            }
        default:
            throw refuse("it exists and is not a folder; expected a new or empty folder")
        }
        self.destination = destination
        let unique = "speckit-partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let home = inside ? url.path : parent
        self.folder = URL(fileURLWithPath: home).appendingPathComponent(inside ? ".\(unique)" : ".\(url.lastPathComponent).\(unique)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            throw refuse("cannot create a folder in \(home): \(error.localizedDescription)")
        }
    }

    /// Writes one artifact into the staging folder and returns how it is described.
    /// - Throws: `SpeckitError.cannotWrite` when it cannot be written or the run was already discarded.
    @discardableResult
    public func add(name: String, path: String, mediaType: String, bytes: [UInt8]) throws -> Artifact {
        try state.withLock { state in
            guard state.phase == .open else { throw SpeckitError.cannotWrite(destination, reason: "the run was stopped") }
            let target = folder + "/" + path
            do {
                let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
                if parent != folder { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                try Data(bytes).write(to: URL(fileURLWithPath: target))
            } catch {
                throw SpeckitError.cannotWrite("\(destination)/\(path)", reason: error.localizedDescription)
            }
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
                try Data(index(state.artifacts)).write(to: URL(fileURLWithPath: folder + "/artifacts.json"))
            } catch {
                throw SpeckitError.cannotWrite("\(destination)/artifacts.json", reason: error.localizedDescription)
            }
            do {
                try moveIntoPlace()
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                state.phase = .discarded
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
                throw SpeckitError.cannotWrite(destination, reason: "cannot move the artifacts into place: \(String(cString: strerror(errno)))")
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
                try? FileManager.default.removeItem(atPath: folder)
                state.phase = .discarded
                return true
            }
        }
    }
}
