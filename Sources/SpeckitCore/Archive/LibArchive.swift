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
    /// A zip entry whose name is not ASCII carries the UTF-8 flag, as Python, bsdtar, Windows and macOS write it.
    /// `source`, the folder the entries come from, names a file that cannot be stored (`source/path`).
    static func write(_ entries: [ArchiveEntry], format: ArchiveFormat, modified: Int, source: String? = nil) throws -> [UInt8] {
        let shown = { (entry: ArchiveEntry) in source.map { ($0 as NSString).appendingPathComponent(entry.path) } ?? entry.path }
        if format == .tarGz, let entry = entries.first(where: { ustarProblem($0.path) != nil }), let problem = ustarProblem(entry.path) {
            throw SpeckitError.archive("\(shown(entry)): cannot be stored in a tar.gz: \(problem); pack it as a .zip, or shorten the path")
        }
        return try withUTF8Names { try writeEntries(entries, format: format, modified: modified, shown: shown) }
    }

    /// Why a ustar header (what a tar.gz holds) cannot store `path`, as libarchive decides it: more than 100
    /// bytes that no `/` splits into a prefix of at most 155 bytes and a name of at most 100.
    static func ustarProblem(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        guard bytes.count > 100 else { return nil }
        let problem = "its path in the archive is \(bytes.count) bytes, and a tar entry holds 100, or 255 split at a '/' into 155 and 100"
        var split = bytes[(bytes.count - 101)...].firstIndex(of: UInt8(ascii: "/"))
        if split == 0 { split = bytes[1...].firstIndex(of: UInt8(ascii: "/")) }
        guard let split, split != bytes.count - 1, split <= 155 else { return problem }
        return nil
    }

    private static func writeEntries(
        _ entries: [ArchiveEntry], format: ArchiveFormat, modified: Int, shown: (ArchiveEntry) -> String
    ) throws -> [UInt8] {
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
                guard archive_write_header(archive, header) >= ARCHIVE_WARN else {
                    throw SpeckitError.archive("\(shown(entry)): cannot be stored: \(message(archive))")
                }
                let written = entry.bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
                guard written == entry.bytes.count else { throw SpeckitError.archive("\(shown(entry)): \(message(archive))") }
            }
            try check(archive_write_close(archive), archive)
        }
        var bytes = Array(output.prefix(used))
        if format == .zip { try ZipTimes.set(&bytes, to: modified) }
        return bytes
    }

    /// Runs `body` with this thread's character set UTF-8 (`uselocale`; the process's locale is not touched),
    /// so that libarchive reads and writes entry names as UTF-8 whatever `LANG` and `LC_ALL` say. In the C
    /// locale, libarchive 3.6 drops the name of a zip entry flagged UTF-8, and writes a non-ASCII name
    /// without the flag (other tools then read it as code page 437).
    private static func withUTF8Names<T>(_ body: () throws -> T) rethrows -> T {
        guard let utf8 = utf8Locale else { return try body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return try body()
    }

    /// A UTF-8 character set (`LC_CTYPE` only), made once and kept: a locale object is read-only, and any
    /// number of threads may use it at once.
    private nonisolated(unsafe) static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(1 << LC_CTYPE, name, nil) { return locale }
        }
        return nil
    }()

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
        guard !bytes.isEmpty else { throw SpeckitError.archive("\(name): an empty file (0 bytes); expected a zip or tar archive") }
        return try withUTF8Names { try readEntries(bytes, name: name, limits: limits) }
    }

    private static func readEntries(_ bytes: [UInt8], name: String, limits: ArchiveLimits) throws -> ArchiveContents {
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
                // libarchive does not recognise a zip of no entries (its end record alone).
                if ZipDirectory.isEmpty(bytes) { throw fail(empty) }
                throw fail("not a zip or tar archive speckit can read (\(message(archive)))")
            }
            var total = 0
            var count = 0
            var seen: Set<String> = []
            var entry: OpaquePointer?
            while true {
                let status = archive_read_next_header(archive, &entry)
                // A zip is checked whole, before any entry is read: its central directory (what unzip and
                // Python read) must name every entry as its local header (what libarchive reads) does.
                if count == 0, status != ARCHIVE_FATAL, archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP {
                    try checkDirectory(bytes, name: name, limits: limits)
                }
                if status == ARCHIVE_EOF { break }
                guard status >= ARCHIVE_WARN, let entry else { throw fail("corrupt archive (\(message(archive)))") }
                count += 1
                guard count <= limits.maxEntries else { throw fail("more than \(limits.maxEntries) entries (limits.archiveEntries)") }
                // UTF-8 whatever the locale (the thread's is UTF-8 here); the raw bytes if they cannot be converted.
                let path = (archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)).map { String(cString: $0) } ?? ""
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
            guard count > 0 else { throw fail(empty) }
        }
        return contents
    }

    private static let empty = "an empty archive: it holds no entries; expected a kit's files"

    /// `ZipDirectory.check`, its problems as one line naming the archive (and the entry).
    private static func checkDirectory(_ bytes: [UInt8], name: String, limits: ArchiveLimits) throws {
        do {
            try ZipDirectory.check(bytes, maxEntries: limits.maxEntries)
        } catch let problem as ZipDirectory.Problem {
            switch problem {
            case .damaged(let what):
                throw SpeckitError.archive("\(name): a damaged zip: \(what)")
            case .tooManyEntries(let limit):
                throw SpeckitError.archive("\(name): more than \(limit) entries (limits.archiveEntries)")
            case .mismatch(let entry, let what):
                throw SpeckitError.archive(
                    "\(name): entry \(entry) (as the central directory names it): \(what); unzip and speckit would read "
                        + "different files, so the zip is refused")
            case .overlapping(let first, let second):
                throw SpeckitError.archive(
                    "\(name): entries \(first) and \(second) start at the same local header (an overlapping zip); refused")
            }
        }
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
