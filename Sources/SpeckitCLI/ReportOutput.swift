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

    /// Opens the output: `path` nil for stdout.
    init(path: String?) throws {
        self.path = path
        self.appending = false
        guard let path else {
            self.temporary = nil
            self.state = Mutex(State(handle: FileHandle.standardOutput))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SpeckitError.cannotWrite(path, reason: "folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).speckit-\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw SpeckitError.cannotWrite(path, reason: "cannot create a file in \(folder.path)")
        }
        self.temporary = temporary
        self.state = Mutex(State(handle: handle))
    }

    /// Opens `path` to add to its end (creating it when missing).
    init(appendingTo path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SpeckitError.cannotWrite(path, reason: "cannot open it to append")
        }
        do {
            try handle.seekToEnd()
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
        self.path = path
        self.temporary = nil
        self.appending = true
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
            if temporary != nil || appending { try? state.handle.close() }
            return state.failure
        }
        guard let path, let temporary else {
            if let failure { throw failure }
            return
        }
        if let failure {
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure
        }
        if rename(temporary, path) != 0 {
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
