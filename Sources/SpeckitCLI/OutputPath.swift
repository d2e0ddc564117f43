import Foundation
import SpeckitCore

/// How an output path is written. A report never replaces what a path stands for: a symbolic link keeps
/// pointing where it did (its target is replaced), and a device or pipe (`/dev/stdout`, `/dev/null`, a FIFO)
/// is written straight into; only a regular file, or a name that does not exist yet, gets the atomic
/// temporary-file-and-rename treatment.
enum OutputPath {
    case atomic(String)
    case direct(String)

    /// - Throws: `SpeckitError.cannotWrite` when the path is a folder or its folder does not exist.
    static func resolve(_ path: String) throws -> OutputPath {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            let target = url.resolvingSymlinksInPath().path
            switch FileKind.followed(path) {
            case .folder: throw SpeckitError.cannotWrite(path, reason: "it is a folder; expected a file name")
            case .regular: return .atomic(target)
            default: return .direct(target)
            }
        }
        if path.hasSuffix("/") { throw SpeckitError.cannotWrite(path, reason: "expected a file name, not a folder") }
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SpeckitError.cannotWrite(path, reason: "folder \(folder.path) does not exist")
        }
        return .atomic(path)
    }

    /// Refuses to write a report over a file being checked (`validate tasks.md -o tasks.md`).
    static func refuseInputs(outputs: [String], inputs: [String]) throws {
        guard !outputs.isEmpty, !inputs.isEmpty else { return }
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        let checked = Set(inputs.map(real))
        for output in outputs where checked.contains(real(output)) {
            throw SpeckitError.cannotWrite(output, reason: "it is one of the files being checked; choose another name")
        }
    }
}
