import Foundation

/// A folder's entries as the system gives them (`opendir`/`readdir`): names as bytes, so a name that is not
/// UTF-8 is seen and reported instead of silently dropped or turned into a path that names nothing.
package struct FolderListing {
    /// The names that are UTF-8.
    var names: [String] = []
    /// The names that are not, shown with each byte above 0x7F written `\xNN`, and whether each is a folder.
    var undecodable: [(shown: String, folder: Bool)] = []

    /// The entries of `path`; nil when it cannot be listed (permission denied, gone, not a folder).
    static func read(_ path: String) -> FolderListing? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var listing = FolderListing()
        while let entry = readdir(folder) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                listing.names.append(name)
                continue
            }
            var info = stat()
            let full = Array(path.utf8) + [0x2F] + bytes + [0]
            let isFolder = full.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR }
            }
            listing.undecodable.append((shown(bytes), isFolder))
        }
        return listing
    }

    /// A name that is not UTF-8, as it can be shown: ASCII as it is, every other byte as `\xNN`.
    package static func shown(_ bytes: [UInt8]) -> String {
        bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
    }
}
