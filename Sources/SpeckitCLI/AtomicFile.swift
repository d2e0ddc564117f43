import Foundation
import SpeckitCore

/// Writes files so that a reader never sees half of one and a killed run never loses the old one
/// (`PendingFile`: an unnamed file in the same folder, renamed into place when complete). Devices and pipes
/// (`/dev/stdout`) are written straight into; links are refused (`OutputPath`, `OutputGuard`).
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let handle: FileHandle
        switch try OutputPath.resolve(path) {
        case .atomic(let file):
            return try PendingFile.write(bytes, to: file)
        case .descriptor(let descriptor):
            handle = try OutputPath.handle(descriptor, path: path)
        case .direct(let device):
            guard let opened = FileHandle(forWritingAtPath: device) else {
                throw SpeckitError.cannotWrite(path, reason: "cannot open it for writing")
            }
            handle = opened
        }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw SpeckitError.cannotWrite(path, reason: error.localizedDescription)
        }
    }
}
