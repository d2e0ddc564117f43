import Foundation
import Testing

/// One run of the built binary with what it cost itself: its own CPU time (user + system) and peak memory,
/// read from `wait4` for that process alone. Budgets on these hold whatever else the machine (or the other
/// tests running beside it) is doing, where a wall-clock budget would not.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// User and system CPU seconds of the process (all its threads).
    var cpuSeconds: Double
    /// Its peak resident memory, in bytes.
    var peakBytes: Int

    static let gigabyte = 1 << 30

    /// Runs speckit with `arguments` in `directory`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> MeasuredRun {
        let scratch = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout").path
        let err = scratch.appendingPathComponent("stderr").path
        // The shell changes folder and replaces itself with speckit: the process waited for is speckit.
        let argv =
            [
                "/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\" </dev/null >\"$OUT\" 2>\"$ERR\"", "sh", directory.path,
                CLIRunner.binary.path,
            ]
            + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OUT"] = out
        environment["ERR"] = err
        environment["NO_COLOR"] = "1"
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cArguments + cEnvironment { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, cArguments, cEnvironment)
        try #require(spawned == 0, "cannot start speckit: \(String(cString: strerror(spawned)))")
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        watchdog.cancel()
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        let exited = status & 0x7F == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakBytes: usage.ru_maxrss * 1024)
    }

    /// The budgets every hostile case keeps: under 10 CPU seconds and under 1 GB.
    func expectWithinBudget(_ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cpuSeconds < seconds, "\(what) took \(cpuSeconds) CPU seconds", sourceLocation: sourceLocation)
        #expect(peakBytes < Self.gigabyte, "\(what) peaked at \(peakBytes) bytes", sourceLocation: sourceLocation)
    }
}
