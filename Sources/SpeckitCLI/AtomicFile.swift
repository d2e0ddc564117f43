import Foundation
import SpeckitCore

/// Writes files so that a reader never sees half of one: a temporary file in the same folder, then rename.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SpeckitError.cannotWrite(path, reason: "folder \(folder.path) does not exist")
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
    }
}
