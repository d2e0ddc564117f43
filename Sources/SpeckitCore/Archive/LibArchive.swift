import CLibArchive
import Foundation

/// One file in an archive.
public struct ArchiveEntry: Sendable, Hashable {
    /// Path inside the archive, `/`-separated and relative.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The archive formats speckit writes.
public enum ArchiveFormat: String, Sendable, CaseIterable {
    case zip
    case tarGz = "tar.gz"

    /// The format a file name asks for (`.tar.gz`/`.tgz`, else zip).
    public static func from(fileName: String) -> ArchiveFormat {
        named(fileName) ?? .zip
    }

    /// The format a file name's extension names (`.zip`, `.tar.gz`, `.tgz`), or nil for any other name.
    public static func named(_ fileName: String) -> ArchiveFormat? {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") { return .tarGz }
        return lower.hasSuffix(".zip") ? .zip : nil
    }
}

/// The only file that touches libarchive's pointers: writes reproducible archives in memory.
enum LibArchive {
    /// Writes `entries` (in the order given) with every entry's mtime set to `modified` (seconds since
    /// 1970), mode 0644, uid/gid 0 and no owner names. libarchive writes a zip's DOS times in the machine's
    /// time zone; `ZipTimes` then sets them to `modified` in UTC, so the bytes are the same in every zone.
    static func write(_ entries: [ArchiveEntry], format: ArchiveFormat, modified: Int) throws -> [UInt8] {
        guard let archive = archive_write_new() else { throw SpeckitError.archive("cannot create an archive writer") }
        defer { archive_write_free(archive) }
        switch format {
        case .zip:
            try check(archive_write_set_format_zip(archive), archive)
            try check(archive_write_zip_set_compression_deflate(archive), archive)
        case .tarGz:
            try check(archive_write_set_format_ustar(archive), archive)
            try check(archive_write_add_filter_gzip(archive), archive)
            // No timestamp or file name in the gzip header.
            try check(archive_write_set_options(archive, "gzip:!timestamp"), archive)
        }
        // Room for the worst case: stored data, plus headers and extra fields for every entry.
        let room = entries.reduce(65_536) { $0 + $1.bytes.count + $1.bytes.count / 8 + 1_024 + 3 * $1.path.utf8.count }
        var output = [UInt8](repeating: 0, count: room)
        var used = 0
        try output.withUnsafeMutableBytes { buffer in
            try check(archive_write_open_memory(archive, buffer.baseAddress, buffer.count, &used), archive)
            for entry in entries {
                guard let header = archive_entry_new() else { throw SpeckitError.archive("cannot create an entry") }
                defer { archive_entry_free(header) }
                archive_entry_set_pathname(header, entry.path)
                archive_entry_set_size(header, la_int64_t(entry.bytes.count))
                archive_entry_set_filetype(header, 0o100000)  // AE_IFREG (a macro Swift does not import)
                archive_entry_set_perm(header, 0o644)
                archive_entry_set_uid(header, 0)
                archive_entry_set_gid(header, 0)
                archive_entry_set_mtime(header, time_t(modified), 0)
                try check(archive_write_header(archive, header), archive)
                let written = entry.bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
                guard written == entry.bytes.count else { throw SpeckitError.archive(message(archive)) }
            }
            try check(archive_write_close(archive), archive)
        }
        var bytes = Array(output.prefix(used))
        if format == .zip { try ZipTimes.set(&bytes, to: modified) }
        return bytes
    }

    private static func check(_ status: Int32, _ archive: OpaquePointer) throws {
        guard status >= ARCHIVE_WARN else { throw SpeckitError.archive(message(archive)) }
    }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "libarchive error"
    }
}

/// What reading an untrusted archive may cost: bounded before a single byte is trusted.
public struct ArchiveLimits: Sendable, Hashable {
    /// Total uncompressed bytes of all entries.
    public var maxBytes: Int
    /// Number of entries.
    public var maxEntries: Int
    /// Uncompressed bytes per compressed byte, over the whole archive.
    public var maxRatio: Int

    public static let standard = Limits.standard.archive

    public init(maxBytes: Int, maxEntries: Int, maxRatio: Int) {
        self.maxBytes = maxBytes
        self.maxEntries = maxEntries
        self.maxRatio = maxRatio
    }
}

/// The files of an archive, read in memory, and the entries refused.
public struct ArchiveContents: Sendable {
    public var files: [ArchiveEntry]
    /// Entries that were not read: absolute or `..` paths, links, devices (path and why).
    public var rejected: [(path: String, reason: String)]
}

extension LibArchive {
    /// Reads a zip or tar(.gz) from memory without extracting anything. Unsafe entries are listed in
    /// `rejected`; a corrupt archive or one over `limits` throws.
    static func read(_ bytes: [UInt8], name: String, limits: ArchiveLimits) throws -> ArchiveContents {
        guard let archive = archive_read_new() else { throw SpeckitError.archive("cannot create an archive reader") }
        defer { archive_read_free(archive) }
        // The seekable zip reader starts from the central directory, as unzip does, so a zip cut short is
        // refused instead of read up to where it stops.
        archive_read_support_format_zip_seekable(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_filter_gzip(archive)
        func fail(_ problem: String) -> SpeckitError { .archive("\(name): \(problem)") }
        var contents = ArchiveContents(files: [], rejected: [])
        try bytes.withUnsafeBytes { buffer in
            guard archive_read_open_memory(archive, buffer.baseAddress, buffer.count) == ARCHIVE_OK else {
                // A zip's local header but no central directory: a zip cut short.
                if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                    throw fail("a zip archive cut short or damaged: its central directory is missing")
                }
                throw fail("not a zip or tar archive speckit can read (\(message(archive)))")
            }
            var total = 0
            var count = 0
            var seen: Set<String> = []
            var entry: OpaquePointer?
            while true {
                let status = archive_read_next_header(archive, &entry)
                if status == ARCHIVE_EOF { break }
                guard status >= ARCHIVE_WARN, let entry else { throw fail("corrupt archive (\(message(archive)))") }
                count += 1
                guard count <= limits.maxEntries else { throw fail("more than \(limits.maxEntries) entries (limits.archiveEntries)") }
                let path = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
                // Two entries with one name: which one a tool reads differs, so neither is trusted.
                guard seen.insert(normalised(path)).inserted else { throw fail("two entries are named \(path)") }
                let type = archive_entry_filetype(entry) & 0o170000
                if type == 0o040000 { continue }  // A folder: nothing to read.
                if let reason = unsafe(path: path, type: type, entry: entry) {
                    contents.rejected.append((path, reason))
                    continue
                }
                var data: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    let read = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                    if read == 0 { break }
                    guard read > 0 else { throw fail("corrupt entry \(path) (\(message(archive)))") }
                    total += read
                    guard total <= limits.maxBytes else {
                        throw fail("uncompressed contents exceed \(limits.maxBytes) bytes (zip bomb?; limits.archiveBytes)")
                    }
                    let allowed = max(bytes.count, 1).multipliedReportingOverflow(by: limits.maxRatio)
                    guard allowed.overflow || total <= allowed.partialValue else {
                        throw fail(
                            "uncompressed contents are more than \(limits.maxRatio) times the archive's size (zip bomb?; limits.archiveRatio)"
                        )
                    }
                    data += chunk.prefix(read)
                }
                contents.files.append(ArchiveEntry(path: normalised(path), bytes: data))
            }
        }
        return contents
    }

    /// Why an entry must not be read, if it must not.
    private static func unsafe(path: String, type: UInt32, entry: OpaquePointer) -> String? {
        if type != 0o100000 {
            return type == 0o120000 ? "a symbolic link" : archive_entry_hardlink(entry) != nil ? "a hard link" : "not a regular file"
        }
        if archive_entry_hardlink(entry) != nil { return "a hard link" }
        if path.isEmpty { return "an entry without a name" }
        if path.hasPrefix("/") || path.hasPrefix("\\") || (path.count > 1 && path.dropFirst().hasPrefix(":")) {
            return "an absolute path"
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") { return "a path that climbs out with '..'" }
        return nil
    }

    private static func normalised(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
