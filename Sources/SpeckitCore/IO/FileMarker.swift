import CXattr
import Foundation

/// The mark speckit puts on each temporary file and staging folder it makes: an extended attribute
/// (`user.speckit.temporary`) holding the token of its name (`PID-RANDOM` in `.NAME.speckit-PID-RANDOM.tmp`).
///
/// The name alone proves nothing: anyone can commit a file called `.report.json.speckit-99999-ABCDEFGH.tmp`.
/// A checkout, a copy or an archive does not carry the attribute over, so `PendingFile.sweep` removes only
/// what has the mark, with the token of its own name: what a speckit process made. On a file system without
/// extended attributes for users, nothing can be marked, and the sweep leaves every such name alone.
///
/// The one file that calls the `CXattr` functions.
package enum FileMarker {
    static let attribute = "user.speckit.temporary"

    /// Marks the open file or folder `descriptor` with `token`; false when the file system cannot hold it.
    @discardableResult
    package static func mark(_ descriptor: Int32, token: String) -> Bool {
        let value = Array(token.utf8)
        return value.withUnsafeBytes { fsetxattr(descriptor, attribute, $0.baseAddress, $0.count, 0) } == 0
    }

    /// Takes the mark off `descriptor` once the file or folder is in place.
    package static func unmark(_ descriptor: Int32) {
        fremovexattr(descriptor, attribute)
    }

    /// Whether the open file or folder `descriptor` carries the mark with exactly `token`.
    package static func isMarked(_ descriptor: Int32, token: String) -> Bool {
        let expected = Array(token.utf8)
        // One byte more than the token: a longer value is not a match.
        var value = [UInt8](repeating: 0, count: expected.count + 1)
        let count = value.withUnsafeMutableBytes { fgetxattr(descriptor, attribute, $0.baseAddress, $0.count) }
        return count == expected.count && Array(value[..<count]) == expected
    }
}
