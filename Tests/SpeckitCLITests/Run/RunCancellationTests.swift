import Foundation
import Testing

/// `speckit run` stopped by the worker: SIGTERM, SIGINT or SIGQUIT while it works on a large tree. One at a time, so
/// each has the machine to itself while the time to stop is measured.
@Suite("speckit run: cancellation", .serialized)
struct RunCancellationTests {
    /// A tree of `count` kits, each a large plan (252 tasks, see `LargePlan`), so validating it takes seconds.
    static func largeTree(_ count: Int) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        try LargePlan.tree(in: folder.appendingPathComponent("tree/spec"), count: count)
        return folder
    }

    @Test(
        "a signal while validate_spec_kit works: step.cancelled within a second, exit 143, 130 or 131, nothing partial left",
        arguments: [
            (SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT"), (SIGQUIT, Int32(131), "SIGQUIT"),
        ])
    func cancelled(signal: Int32, exitCode: Int32, name: String) throws {
        let folder = try Self.largeTree(800)
        let step = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out", "--run-id", "c", "--heartbeat", "0.2"],
            in: folder, input: #"{"path": "tree", "formats": ["markdown", "junit", "sarif"]}"#)
        // Working: kits are being checked and heartbeats are coming.
        #expect(step.waitForLine(timeout: 60) { $0.contains(#""type":"progress""#) && !$0.contains(#""done":0,"#) } != nil)
        #expect(step.waitForLine(timeout: 60) { $0.contains(#""type":"heartbeat""#) } != nil)
        #expect(step.process.isRunning, "the tree was checked before the signal could be sent; make it larger")
        let sent = DispatchTime.now()
        kill(step.process.processIdentifier, signal)
        let cancelled = step.waitForLine(timeout: 10) { $0.contains(#""type":"step.cancelled""#) }
        #expect(step.wait() == exitCode, "\(step.stderr)")
        let line = try #require(cancelled)
        #expect(Double(line.arrived.uptimeNanoseconds - sent.uptimeNanoseconds) / 1e9 < 1.0)
        let events = try RunWorkerTests.checkStream(step, run: "c")
        let last = try #require(events.last)
        #expect(last["type"] as? String == "step.cancelled")
        #expect(last["signal"] as? String == name && last["exitCode"] as? Int == Int(exitCode))
        #expect(!events.contains { $0["type"] as? String == "artifact" || $0["type"] as? String == "step.completed" })
        #expect(step.stderr == "speckit: validate_spec_kit cancelled by \(name); partial artifacts removed\n")
        // Neither the artifacts folder nor the staging folder beside it is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tree"])
    }

    @Test("a signal into an artifacts folder the worker made leaves it empty")
    func cancelledIntoEmptyFolder() throws {
        let folder = try Self.largeTree(400)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: false)
        let step = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out"], in: folder,
            input: #"{"path": "tree"}"#)
        #expect(step.waitForLine(timeout: 60) { $0.contains(#""type":"finding""#) } != nil)
        #expect(step.process.isRunning, "the tree was checked before the signal could be sent; make it larger")
        step.process.terminate()
        #expect(step.wait() == 143)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "tree"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).isEmpty)
    }

    @Test(
        "a signal while the parameters are still being read from stdin: exit 143, step.cancelled last, one stderr line, nothing written",
        arguments: ["", #"{"name": "Par"#])
    func cancelledWhileReadingParams(partial: String) throws {
        let folder = try CLIRunner.temporaryFolder()
        let step = try StepProcess(
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "out", "--run-id", "s"], in: folder,
            input: partial, keepInputOpen: true)
        #expect(step.waitForLine(timeout: 30) { $0.contains(#""type":"step.started""#) } != nil)
        Thread.sleep(forTimeInterval: 0.2)
        step.process.terminate()
        #expect(step.wait() == 143)
        try? step.stdin?.close()
        let events = try RunWorkerTests.checkStream(step, run: "s")
        #expect(events.map { $0["type"] as? String ?? "" } == ["step.started", "step.cancelled"])
        #expect(step.stderr == "speckit: generate_spec_kit cancelled by SIGTERM; nothing was written\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
