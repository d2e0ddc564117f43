import Foundation
import Synchronization

/// A `speckit run` process watched the way a worker watches it: stdout read line by line as it arrives,
/// stderr kept, signals sent while it works.
final class StepProcess: Sendable {
    /// One line of stdout and when it arrived.
    struct Line: Sendable {
        var text: String
        var arrived: DispatchTime
    }

    private struct State {
        var lines: [Line] = []
        var partial: [UInt8] = []
        var stdoutClosed = false
    }

    let process: Process
    /// Where the test can go on writing stdin, when it was left open.
    let stdin: FileHandle?
    private let state = Mutex(State())
    private let stderrData = Mutex(Data())
    private let readers = DispatchGroup()

    /// Starts speckit; `input` is written to its stdin, which is then closed unless `keepInputOpen`.
    init(_ arguments: [String], in directory: URL, input: String? = nil, keepInputOpen: Bool = false) throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil && !keepInputOpen ? FileHandle.nullDevice : stdin
        self.process = process
        self.stdin = keepInputOpen ? stdin.fileHandleForWriting : nil
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        if !keepInputOpen { try stdin.fileHandleForWriting.close() }
        readers.enter()
        Thread.detachNewThread { [self] in
            let handle = out.fileHandleForReading
            while true {
                let chunk = handle.availableData
                let now = DispatchTime.now()
                let done = state.withLock { state -> Bool in
                    if chunk.isEmpty {
                        state.stdoutClosed = true
                        return true
                    }
                    state.partial += chunk
                    while let newline = state.partial.firstIndex(of: 0x0A) {
                        state.lines.append(Line(text: String(decoding: state.partial[..<newline], as: UTF8.self), arrived: now))
                        state.partial.removeSubrange(...newline)
                    }
                    return false
                }
                if done { break }
            }
            readers.leave()
        }
        readers.enter()
        Thread.detachNewThread { [self] in
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderrData.withLock { $0 = data }
            readers.leave()
        }
    }

    /// The complete lines read so far.
    var lines: [Line] { state.withLock { $0.lines } }

    /// Bytes after the last newline (a line written in pieces would show here).
    var unterminated: [UInt8] { state.withLock { $0.partial } }

    var stderr: String { String(decoding: stderrData.withLock { $0 }, as: UTF8.self) }

    /// Waits until a line matching `predicate` has arrived; returns it, or nil after `timeout` seconds.
    func waitForLine(timeout: TimeInterval, where predicate: (String) -> Bool) -> Line? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (found, closed) = state.withLock { state in (state.lines.first { predicate($0.text) }, state.stdoutClosed) }
            if let found { return found }
            if closed { return nil }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// Waits for the process to end (killing it after `timeout` seconds) and for both streams to close.
    /// Returns the exit status, or the signal number + 128 when a signal ended it.
    @discardableResult
    func wait(timeout: TimeInterval = 120) -> Int32 {
        let killer = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        readers.wait()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Every line as a JSON object (nil for a line that is not one).
    var events: [[String: Any]?] {
        lines.map { try? JSONSerialization.jsonObject(with: Data($0.text.utf8)) as? [String: Any] }
    }
}
