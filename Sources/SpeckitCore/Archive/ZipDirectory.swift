/// A zip's central directory, found the way libarchive's seekable reader finds it, checked against the local
/// header of every entry.
///
/// `unzip`, Python's `zipfile` and Windows name and size a zip's entries from its central directory;
/// libarchive reads each entry from its local header. A zip whose two disagree (a different name, size,
/// checksum or compression method) is two archives at once, and speckit would check one while everyone
/// else extracts the other: it is refused. Pure byte reading, bounded by the archive's size and
/// `ArchiveLimits.maxEntries`; nothing here trusts a declared size to allocate.
enum ZipDirectory {
    /// One entry as the central directory or a local header describes it.
    struct Record: Equatable {
        /// The name's bytes (an Info-ZIP Unicode Path extra field's, when it holds one for this name).
        var name: [UInt8]
        /// The name is UTF-8 (general purpose flag bit 11, or a Unicode Path extra field).
        var utf8: Bool
        var method: UInt16
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
    }

    /// Why a zip's directory cannot be trusted; `SpeckitError.archive` once named.
    enum Problem: Error, Equatable {
        case damaged(String)
        case tooManyEntries(Int)
        case mismatch(entry: String, what: String)
        case overlapping(String, String)
    }

    /// The entries of an empty zip: true when `bytes` end with an end of central directory record that
    /// declares no entries and nothing else (a zip of no files, which libarchive does not recognise).
    static func isEmpty(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22,
            let end = lastSignature(bytes, 0x0605_4b50, from: max(0, bytes.count - 22 - 65_535), through: bytes.count - 22)
        else { return false }
        return read16(bytes, end + 8) == 0 && read16(bytes, end + 10) == 0 && read32(bytes, end + 12) == 0
    }

    /// Checks every central directory record of the zip in `bytes` against its local header.
    /// - Throws: `Problem` when the directory is not where its end record says, holds more than
    ///   `maxEntries` records, two records share one local header, or a local header disagrees with its record.
    static func check(_ bytes: [UInt8], maxEntries: Int) throws {
        let (declared, found) = try locate(bytes)
        // libarchive looks for the directory forward from where the end record says it ends, and takes the first
        // record signature it meets; unzip takes it where the end record says. A directory anywhere else is read
        // by one and not the other (and would cost a scan of the whole archive): refused. The difference from the
        // declared offset is data prepended to the zip (a self-extractor), which both allow for.
        guard [0x0201_4b50, 0x0605_4b50, 0x0606_4b50].contains(read32(bytes, found)) else {
            throw Problem.damaged("its central directory is not where its end record says")
        }
        let correction = found - declared
        var offset = found
        var count = 0
        var starts: [Int: [UInt8]] = [:]
        while true {
            guard offset + 4 <= bytes.count else { throw Problem.damaged("its central directory is cut short") }
            let signature = read32(bytes, offset)
            if signature == 0x0605_4b50 || signature == 0x0606_4b50 { break }
            guard signature == 0x0201_4b50, offset + 46 <= bytes.count else {
                throw Problem.damaged("its central directory holds something that is not an entry")
            }
            count += 1
            guard count <= maxEntries else { throw Problem.tooManyEntries(maxEntries) }
            let nameLength = Int(read16(bytes, offset + 28))
            let extraLength = Int(read16(bytes, offset + 30))
            let commentLength = Int(read16(bytes, offset + 32))
            let nameStart = offset + 46
            guard nameStart + nameLength + extraLength + commentLength <= bytes.count else {
                throw Problem.damaged("its central directory is cut short")
            }
            let rawName = Array(bytes[nameStart..<nameStart + nameLength])
            var sizes = Sizes(
                compressed: UInt64(read32(bytes, offset + 20)), uncompressed: UInt64(read32(bytes, offset + 24)),
                offset: Int64(read32(bytes, offset + 42)) + Int64(correction))
            let extra = Array(bytes[nameStart + nameLength..<nameStart + nameLength + extraLength])
            let unicode = try readExtra(extra, sizes: &sizes, rawName: rawName)
            let central = Record(
                name: unicode ?? rawName, utf8: unicode != nil || read16(bytes, offset + 8) & 0x0800 != 0,
                method: read16(bytes, offset + 10), crc: read32(bytes, offset + 16), compressed: sizes.compressed,
                uncompressed: sizes.uncompressed)
            guard let local = Int(exactly: sizes.offset), local >= 0 else {
                throw Problem.damaged("entry \(display(central.name)) starts outside the archive")
            }
            if let other = starts.updateValue(central.name, forKey: local) {
                throw Problem.overlapping(display(other), display(central.name))
            }
            try compare(central, localHeaderAt: local, in: bytes)
            offset = nameStart + nameLength + extraLength + commentLength
        }
    }

    /// Where the central directory is declared to start and where it must start: from the last end record in
    /// the zip's last 16 KiB (ending where that record starts), or at the offset of the ZIP64 end record its
    /// locator names, as libarchive's seekable reader takes them.
    private static func locate(_ bytes: [UInt8]) throws -> (declared: Int, start: Int) {
        let tail = min(16_384, bytes.count)
        // libarchive's search never looks at the tail's first byte.
        guard bytes.count >= 22,
            let end = lastSignature(bytes, 0x0605_4b50, from: bytes.count - tail + 1, through: bytes.count - 22)
        else { throw Problem.damaged("it has no end of central directory record") }
        var found: (declared: Int, start: Int)?
        let size = Int(read32(bytes, end + 12))
        let directory = Int(read32(bytes, end + 16))
        if read16(bytes, end + 4) == 0, read16(bytes, end + 6) == 0, read16(bytes, end + 8) == read16(bytes, end + 10),
            directory + size <= end
        {
            found = (directory, end - size)
        }
        // A ZIP64 locator just before the end record replaces it (libarchive reads it whenever it is there).
        if end - (bytes.count - tail) >= 20, read32(bytes, end - 20) == 0x0706_4b50, read32(bytes, end - 16) == 0,
            read32(bytes, end - 4) == 1, let record = Int(exactly: read64(bytes, end - 12)), record <= bytes.count - 56
        {
            let length = read64(bytes, record + 4)
            if length >= 44, length <= 16_372, record + Int(length) + 12 <= bytes.count, read32(bytes, record + 16) == 0,
                read32(bytes, record + 20) == 0, read64(bytes, record + 24) == read64(bytes, record + 32),
                let directory = Int(exactly: read64(bytes, record + 48))
            {
                found = (directory, directory)
            }
        }
        guard let found else { throw Problem.damaged("its end of central directory record is not valid") }
        return found
    }

    private struct Sizes {
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: Int64
    }

    /// Reads an extra field as libarchive does: the ZIP64 field's 64-bit sizes and offset for the ones that
    /// are 0xFFFFFFFF; returns the name an Info-ZIP Unicode Path field gives `rawName`, if any.
    private static func readExtra(_ extra: [UInt8], sizes: inout Sizes, rawName: [UInt8]) throws -> [UInt8]? {
        guard extra.count >= 4 else {
            // A few writers pad with zeros; anything else is damage.
            guard extra.allSatisfy({ $0 == 0 }) else { throw Problem.damaged("an entry's extra field is cut short") }
            return nil
        }
        var unicode: [UInt8]?
        var at = 0
        while at <= extra.count - 4 {
            let id = read16(extra, at)
            let length = Int(read16(extra, at + 2))
            at += 4
            guard at + length <= extra.count else { throw Problem.damaged("an entry's extra field overflows") }
            var field = at
            switch id {
            case 0x0001:
                func next() throws -> UInt64 {
                    guard field + 8 <= at + length, read64(extra, field) <= UInt64(Int64.max) else {
                        throw Problem.damaged("an entry's ZIP64 field is malformed")
                    }
                    defer { field += 8 }
                    return read64(extra, field)
                }
                if sizes.uncompressed == 0xFFFF_FFFF { sizes.uncompressed = try next() }
                if sizes.compressed == 0xFFFF_FFFF { sizes.compressed = try next() }
                if sizes.offset == 0xFFFF_FFFF { sizes.offset = Int64(try next()) }
            case 0x7075 where length >= 5:
                // Info-ZIP's Unicode Path: used only while its checksum matches the name it stands for, as
                // Info-ZIP and libarchive do (libarchive reads any version; Info-ZIP only version 1).
                guard extra[at] == 1 else { throw Problem.damaged("an entry's Unicode Path field has an unknown version") }
                if read32(extra, at + 1) == crc32(rawName) { unicode = Array(extra[at + 5..<at + length]) }
            default:
                break
            }
            at += length
        }
        return unicode
    }

    /// Refuses a local header that is missing or says something else than the central directory.
    private static func compare(_ central: Record, localHeaderAt offset: Int, in bytes: [UInt8]) throws {
        let entry = display(central.name)
        guard offset <= bytes.count - 30, read32(bytes, offset) == 0x0403_4b50 else {
            throw Problem.damaged("entry \(entry) has no local header where the central directory says")
        }
        let nameLength = Int(read16(bytes, offset + 26))
        let extraLength = Int(read16(bytes, offset + 28))
        guard offset + 30 + nameLength + extraLength <= bytes.count else {
            throw Problem.damaged("entry \(entry)'s local header is cut short")
        }
        let rawName = Array(bytes[offset + 30..<offset + 30 + nameLength])
        var sizes = Sizes(compressed: UInt64(read32(bytes, offset + 18)), uncompressed: UInt64(read32(bytes, offset + 22)), offset: 0)
        let unicode = try readExtra(
            Array(bytes[offset + 30 + nameLength..<offset + 30 + nameLength + extraLength]), sizes: &sizes, rawName: rawName)
        let name = unicode ?? rawName
        let utf8 = unicode != nil || read16(bytes, offset + 6) & 0x0800 != 0
        if name != central.name {
            throw Problem.mismatch(entry: entry, what: "its local header names it \(display(name))")
        }
        // Only a name with bytes beyond ASCII reads differently as UTF-8 and as the legacy code page.
        if utf8 != central.utf8, name.contains(where: { $0 >= 0x80 }) {
            throw Problem.mismatch(entry: entry, what: "its local header and the central directory disagree on whether its name is UTF-8")
        }
        if read16(bytes, offset + 8) != central.method {
            throw Problem.mismatch(entry: entry, what: "its local header gives another compression method")
        }
        // A local header may leave the checksum and sizes to the central directory (zero, or 0xFFFFFFFF with
        // ZIP64, or a data descriptor after the data); when it gives them, they must be the same.
        let crc = read32(bytes, offset + 14)
        if crc != 0, crc != central.crc {
            throw Problem.mismatch(entry: entry, what: "its local header gives another CRC-32")
        }
        for (local, declared, what) in [
            (sizes.compressed, central.compressed, "compressed"), (sizes.uncompressed, central.uncompressed, "uncompressed"),
        ]
        where local != 0 && local != 0xFFFF_FFFF && local != declared {
            throw Problem.mismatch(entry: entry, what: "its local header gives \(local) \(what) bytes, the central directory \(declared)")
        }
    }

    /// The CRC-32 (ISO-HDLC, as zip uses it) of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A name as messages show it.
    static func display(_ name: [UInt8]) -> String { String(decoding: name, as: UTF8.self) }

    /// The offset of the last `signature` that starts in `from...through`.
    private static func lastSignature(_ bytes: [UInt8], _ signature: UInt32, from: Int, through: Int) -> Int? {
        guard from <= through else { return nil }
        return stride(from: through, through: from, by: -1).first { read32(bytes, $0) == signature }
    }

    static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        at >= 0 && at <= bytes.count - 2 ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : 0
    }

    static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { return 0 }
        return UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    static func read64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        guard at >= 0, at <= bytes.count - 8 else { return 0 }
        return UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
    }
}
