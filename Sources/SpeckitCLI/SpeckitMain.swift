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

    /// Runs `speckit` with the program's own arguments (`CommandLine`), refusing one that is not UTF-8 before
    /// anything else: decoded, it would name a path that does not exist ("no such file"), which is not the
    /// problem.
    public static func runCommandLine() -> Int32 {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            return fail(
                "argument \(index) (\(FolderListing.shown(bytes))) is not UTF-8; speckit reads paths and options as UTF-8 (rename the file or folder)"
            )
        }
        return run(Array(CommandLine.arguments.dropFirst()))
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
