import Foundation
import SpeckitCore
import Synchronization

/// Where a streamed report goes: stdout, or a file that appears only when the report is complete (written
/// to an unnamed file beside it and renamed into place, `PendingFile`), so a failed, interrupted or killed run
/// never leaves half a report nor loses the previous one.
final class ReportOutput: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        /// Where bytes go: a file handle (stdout, a device, a file appended to) or the pending file.
        var handle: FileHandle?
        var pending: PendingFile?
        var failure: SpeckitError?
    }

    private let path: String?
    /// Whether the output is a pending file, put in place by `finish`.
    private let atomic: Bool
    private let state: Mutex<State>
    /// Appending to a file that belongs to someone else (`$GITHUB_STEP_SUMMARY`): written in place, never renamed.
    private let appending: Bool
    /// Writing straight into a device or pipe (`/dev/stdout`, a FIFO), never renamed.
    private let direct: Bool

    /// Opens the output: `path` nil for stdout.
    init(path: String?) throws {
        self.path = path
        self.appending = false
        guard let path else {
            self.direct = false
            self.atomic = false
            self.state = Mutex(State(handle: FileHandle.standardOutput))
            return
        }
        let handle: FileHandle
        switch try OutputPath.resolve(path) {
        case .atomic(let file):
            self.direct = false
            self.atomic = true
            self.state = Mutex(State(pending: try PendingFile(replacing: file)))
            return
        case .descriptor(let descriptor):
            handle = try OutputPath.handle(descriptor, path: path)
        case .direct(let device):
            guard let opened = FileHandle(forWritingAtPath: device) else {
                throw SpeckitError.cannotWrite(path, reason: "cannot open it for writing")
            }
            handle = opened
        }
        self.atomic = false
        self.state = Mutex(State(handle: handle))
        self.direct = true
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
        self.atomic = false
        self.appending = true
        self.direct = false
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
        try state.withLock { state in
            Self.flush(&state, path: path)
            if appending || direct { try? state.handle?.close() }
            if let failure = state.failure {
                state.pending?.discard()
                throw failure
            }
            guard atomic, let pending = state.pending else { return }
            do {
                try pending.commit()
            } catch {
                pending.discard()
                throw error
            }
        }
    }

    /// Drops a partly written file (the previous one stays) and whatever is still buffered.
    func discard() {
        state.withLock { state in
            state.buffer.removeAll()
            state.pending?.discard()
        }
    }

    private static func flush(_ state: inout State, path: String?) {
        guard !state.buffer.isEmpty, state.failure == nil else { return }
        do {
            if let pending = state.pending { try pending.write(state.buffer) } else { try state.handle?.write(contentsOf: state.buffer) }
        } catch {
            state.failure = .cannotWrite(path ?? "stdout", reason: error.localizedDescription)
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}
