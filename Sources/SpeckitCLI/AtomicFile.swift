import Foundation
import SpeckitCore

/// Writes files so that a reader never sees half of one and a killed run never loses the old one
/// (`PendingFile`: an unnamed file in the same folder, renamed into place when complete). Devices and pipes
/// (`/dev/stdout`) are written straight into.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let target: String
        switch try OutputPath.resolve(path) {
        case .direct(let device):
            guard let handle = FileHandle(forWritingAtPath: device) else {
                throw SpeckitError.cannotWrite(path, reason: "cannot open it for writing")
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: bytes)
            } catch {
                throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
            }
            return
        case .atomic(let file):
            target = file
        }
        try PendingFile.write(bytes, to: target)
    }
}
