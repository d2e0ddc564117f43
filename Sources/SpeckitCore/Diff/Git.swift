import Foundation
import Synchronization

/// Runs `git` (found on `PATH`) and returns what it printed; the one place speckit starts another program.
enum Git {
    /// Runs `git -C folder arguments…`, feeding `input` to its standard input.
    /// - Throws: `SpeckitError.git` with git's own first line of complaint when it fails or cannot start.
    static func run(_ arguments: [String], in folder: String, input: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        // Folder names are names, not patterns (`*`, `[`, `:(` …).
        environment["GIT_LITERAL_PATHSPECS"] = "1"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        // git may stop reading its input early (a bad revision): that must be an error from git, not a SIGPIPE
        // that kills the process. Its input is one end of a socket pair, written with MSG_NOSIGNAL, so no
        // signal disposition of the process is touched.
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw SpeckitError.git("cannot make a socket for git's input: \(String(cString: strerror(errno)))")
        }
        let childInput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = childInput
        do {
            try process.run()
        } catch {
            close(ends[0])
            throw SpeckitError.git("cannot run git: \(error.localizedDescription)")
        }
        // Only git reads that end now: once git exits, writing to ours fails instead of waiting.
        try? childInput.close()
        // Feed standard input and drain standard error on other threads, so a large answer cannot block a
        // large question.
        let group = DispatchGroup()
        let errors = Mutex<Data>(Data())
        let writer = ends[0]
        DispatchQueue.global().async(group: group) {
            Self.send(input, to: writer)
            close(writer)
        }
        DispatchQueue.global().async(group: group) {
            let data = (try? stderr.fileHandleForReading.readToEnd()) ?? Data()
            errors.withLock { $0 = data }
        }
        let output: Data
        do {
            output = try stdout.fileHandleForReading.readToEnd() ?? Data()
        } catch {
            process.waitUntilExit()
            group.wait()
            throw SpeckitError.git("cannot read what git printed: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        group.wait()
        let complaint = errors.withLock { String(decoding: $0, as: UTF8.self) }
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw SpeckitError.git("git is not installed (not found on PATH)") }
            let line = complaint.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw SpeckitError.git(line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line)
        }
        return [UInt8](output)
    }

    /// Writes all of `bytes` to the socket `descriptor`, stopping quietly when the reader is gone.
    private static func send(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }
}
