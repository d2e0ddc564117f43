import ArgumentParser
import Foundation
import SpeckitCore

/// Runs the command line and turns every outcome into one of the documented exit codes:
/// 0 success, 1 findings at error severity, 2 speckit could not do its job (one line on stderr).
public enum SpeckitMain {
    /// Runs `speckit` with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try SpeckitCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as SpeckitError {
            return fail(error.errorDescription ?? "\(error)")
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = SpeckitCommand.exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(SpeckitCommand.fullMessage(for: error))
                return 0
            }
            let message = SpeckitCommand.message(for: error)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            return fail("\(message) (see 'speckit help')")
        }
    }

    /// Prints `speckit: error: message` on stderr and returns 2.
    static func fail(_ message: String) -> Int32 {
        StandardError.write("speckit: error: \(message)\n")
        return 2
    }
}

/// Writes to the standard error stream.
enum StandardError {
    /// Writes one message to stderr; control characters inside it (a file name with a line break) are
    /// escaped, so one message stays one line. Only the final newline is kept as it is.
    static func write(_ text: String) {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        RawOutput.write(body.escapingControlCharacters + (text.hasSuffix("\n") ? "\n" : ""), to: STDERR_FILENO)
    }
}
