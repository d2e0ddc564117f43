import Foundation

/// Sets the DOS modification time and date of every entry of a zip, in its local file header and in its
/// central directory, to one moment in UTC. libarchive converts times with the machine's time zone; this
/// makes the bytes of a packed kit the same in every zone without touching the process's `TZ`.
enum ZipTimes {
    /// Rewrites the times of the zip in `bytes` to `seconds` since 1970 (UTC, at least 1980-01-01).
    static func set(_ bytes: inout [UInt8], to seconds: Int) throws {
        let (time, date) = dos(seconds)
        let (count, directory) = try centralDirectory(bytes)
        var offset = directory
        for _ in 0..<count {
            guard read32(bytes, offset) == 0x0201_4b50 else {
                throw SpeckitError.archive("zip central directory is not where its end says")
            }
            write16(&bytes, offset + 12, time)
            write16(&bytes, offset + 14, date)
            let nameLength = Int(read16(bytes, offset + 28))
            let extraLength = Int(read16(bytes, offset + 30))
            let commentLength = Int(read16(bytes, offset + 32))
            let local = try localHeader(bytes, entry: offset, extra: offset + 46 + nameLength, extraLength: extraLength)
            guard read32(bytes, local) == 0x0403_4b50 else { throw SpeckitError.archive("zip local header is not where its entry says") }
            write16(&bytes, local + 10, time)
            write16(&bytes, local + 12, date)
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// MS-DOS time and date of a moment (UTC), as zip stores them.
    static func dos(_ seconds: Int) -> (time: UInt16, date: UInt16) {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        let time = (parts.tm_hour << 11) | (parts.tm_min << 5) | (parts.tm_sec / 2)
        let date = ((parts.tm_year + 1900 - 1980) << 9) | ((parts.tm_mon + 1) << 5) | parts.tm_mday
        return (UInt16(truncatingIfNeeded: time), UInt16(truncatingIfNeeded: date))
    }

    /// The number of entries and the offset of the central directory (ZIP64 when the end record says so).
    private static func centralDirectory(_ bytes: [UInt8]) throws -> (count: Int, offset: Int) {
        guard bytes.count >= 22,
            let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1)
                .first(where: { read32(bytes, $0) == 0x0605_4b50 })
        else { throw SpeckitError.archive("zip has no end of central directory") }
        let count = Int(read16(bytes, end + 10))
        let offset = Int(read32(bytes, end + 16))
        guard count == 0xFFFF || offset == 0xFFFF_FFFF else { return (count, offset) }
        guard end >= 20, read32(bytes, end - 20) == 0x0706_4b50 else { throw SpeckitError.archive("zip64 locator missing") }
        let record = Int(read64(bytes, end - 12))
        guard record + 56 <= bytes.count, read32(bytes, record) == 0x0606_4b50 else {
            throw SpeckitError.archive("zip64 end record missing")
        }
        return (Int(read64(bytes, record + 32)), Int(read64(bytes, record + 48)))
    }

    /// Where an entry's local header is: in the entry, or in its ZIP64 extra field when that says 0xFFFFFFFF.
    private static func localHeader(_ bytes: [UInt8], entry: Int, extra: Int, extraLength: Int) throws -> Int {
        let offset = read32(bytes, entry + 42)
        guard offset == 0xFFFF_FFFF else { return Int(offset) }
        var field = extra
        while field + 4 <= extra + extraLength {
            let id = read16(bytes, field)
            let size = Int(read16(bytes, field + 2))
            if id == 0x0001 {
                // Present in order: uncompressed size, compressed size, offset; each only when its entry field is full.
                var at = field + 4
                if read32(bytes, entry + 24) == 0xFFFF_FFFF { at += 8 }
                if read32(bytes, entry + 20) == 0xFFFF_FFFF { at += 8 }
                guard let offset = Int(exactly: read64(bytes, at)) else { break }
                return offset
            }
            field += 4 + size
        }
        throw SpeckitError.archive("zip64 entry without its offset")
    }

    private static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        at >= 0 && at <= bytes.count - 2 ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : 0
    }

    private static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { return 0 }
        return UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
    }

    private static func read64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
    }

    private static func write16(_ bytes: inout [UInt8], _ at: Int, _ value: UInt16) {
        guard at >= 0, at <= bytes.count - 2 else { return }
        bytes[at] = UInt8(value & 0xFF)
        bytes[at + 1] = UInt8(value >> 8)
    }
}
