import Foundation
import SpeckitCore
import Synchronization

/// Where a streamed report goes: stdout, or a file that appears only when the report is complete (written
/// to a temporary file beside it and renamed), so a failed or interrupted run never leaves half a report.
final class ReportOutput: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var handle: FileHandle
        var failure: SpeckitError?
    }

    private let path: String?
    private let temporary: String?
    private let state: Mutex<State>
    /// Appending to a file that belongs to someone else (`$GITHUB_STEP_SUMMARY`): written in place, never renamed.
    private let appending: Bool
    /// Writing straight into a device or pipe (`/dev/stdout`, a FIFO), never renamed.
    private let direct: Bool
    /// Where the finished file is renamed to (the target of a symbolic link, not the link).
    private let destination: String?

    /// Opens the output: `path` nil for stdout.
    init(path: String?) throws {
        self.path = path
        self.appending = false
        guard let path else {
            self.direct = false
            self.destination = nil
            self.temporary = nil
            self.state = Mutex(State(handle: FileHandle.standardOutput))
            return
        }
        let target: String
        switch try OutputPath.resolve(path) {
        case .direct(let device):
            guard let handle = FileHandle(forWritingAtPath: device) else {
                throw SpeckitError.cannotWrite(path, reason: "cannot open it for writing")
            }
            self.temporary = nil
            self.state = Mutex(State(handle: handle))
            self.direct = true
            self.destination = nil
            return
        case .atomic(let file):
            target = file
        }
        self.direct = false
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).speckit-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw SpeckitError.cannotWrite(path, reason: "cannot create a file in \(folder.path)")
        }
        self.temporary = temporary
        self.destination = target
        self.state = Mutex(State(handle: handle))
    }

    /// Opens `path` to add to its end (creating it when missing).
    init(appendingTo path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SpeckitError.cannotWrite(path, reason: "cannot open it to append")
        }
        do {
            // Start on a line of its own, after whatever an earlier step wrote.
            if try handle.seekToEnd() > 0, let reader = FileHandle(forReadingAtPath: path) {
                defer { try? reader.close() }
                try reader.seek(toOffset: try reader.seekToEnd() - 1)
                if try reader.read(upToCount: 1) != Data([10]) { try handle.write(contentsOf: Data([10])) }
            }
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
        self.path = path
        self.temporary = nil
        self.appending = true
        self.direct = false
        self.destination = nil
        self.state = Mutex(State(handle: handle))
    }

    /// Appends text, writing it out in 64 KiB pieces.
    func write(_ text: String) {
        state.withLock { state in
            state.buffer.append(contentsOf: text.utf8)
            if state.buffer.count >= 1 << 16 { Self.flush(&state, path: path) }
        }
    }

    /// Writes what is left and, for a file, moves it into place.
    func finish() throws {
        let failure = state.withLock { state -> SpeckitError? in
            Self.flush(&state, path: path)
            if temporary != nil || appending || direct { try? state.handle.close() }
            return state.failure
        }
        guard let path, let temporary, let destination else {
            if let failure { throw failure }
            return
        }
        if let failure {
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure
        }
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw SpeckitError.cannotWrite(path, reason: reason)
        }
    }

    /// Removes a partly written file.
    func discard() {
        if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
    }

    private static func flush(_ state: inout State, path: String?) {
        guard !state.buffer.isEmpty, state.failure == nil else { return }
        do {
            try state.handle.write(contentsOf: state.buffer)
        } catch {
            state.failure = .cannotWrite(path ?? "stdout", reason: error.localizedDescription)
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}
