import Foundation
import SpeckitCore

/// "checked 120/2043 kits" on stderr, redrawn in place, when the run is long, stderr is a terminal and the
/// report is not (it goes to a file or a pipe; on a terminal the findings themselves show progress). Never
/// for machine formats. The line is erased when the run ends.
struct TerminalProgress: Sendable {
    let total: Int
    let enabled: Bool

    init(total: Int, machineFormat: Bool) {
        self.total = total
        self.enabled = !machineFormat && total >= 50 && isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) == 0
    }

    func update(done: Int) {
        guard enabled, done % 25 == 0 || done == total else { return }
        // Terminal control on purpose: stderr is a terminal here, and the text has no file names in it.
        RawOutput.write("\rspeckit: checked \(done)/\(total) kits", to: STDERR_FILENO)
    }

    func clear() {
        if enabled { RawOutput.write("\r\u{1B}[K", to: STDERR_FILENO) }
    }
}
