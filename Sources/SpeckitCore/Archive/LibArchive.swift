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
        let lower = fileName.lowercased()
        return lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") ? .tarGz : .zip
    }
}

/// The only file that touches libarchive's pointers: writes reproducible archives in memory.
enum LibArchive {
    /// Writes `entries` (in the order given) with every entry's mtime set to `modified` (seconds since
    /// 1970), mode 0644, uid/gid 0 and no owner names. Zip DOS times are local times, so the zip is written
    /// with TZ=UTC for the duration of the call, making the bytes independent of the machine's time zone.
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
        let saved = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", "UTC", 1); tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
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
        return Array(output.prefix(used))
    }

    private static func check(_ status: Int32, _ archive: OpaquePointer) throws {
        guard status >= ARCHIVE_WARN else { throw SpeckitError.archive(message(archive)) }
    }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "libarchive error"
    }
}
