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
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        // git may stop reading its input early (a bad revision): that must be an error from git, not a
        // SIGPIPE that kills speckit. Nothing else is written while git runs (before any report starts).
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        do {
            try process.run()
        } catch {
            throw SpeckitError.git("cannot run git: \(error.localizedDescription)")
        }
        // Feed standard input and drain standard error on other threads, so a large answer cannot block a
        // large question.
        let group = DispatchGroup()
        let errors = Mutex<Data>(Data())
        DispatchQueue.global().async(group: group) {
            if !input.isEmpty { try? stdin.fileHandleForWriting.write(contentsOf: input) }
            try? stdin.fileHandleForWriting.close()
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
}
