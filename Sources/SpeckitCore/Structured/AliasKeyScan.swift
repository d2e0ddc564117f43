/// A look at the raw text, before Yams composes it, for aliases used as mapping keys.
///
/// Yams checks every mapping for duplicate keys by hashing the key nodes, and hashing an alias key hashes
/// the whole node it names, copies and all. A key such as `*lol9 :` in a "billion laughs" file would
/// keep Yams busy for hours before speckit's own node budget could refuse it. Plan files have no reason
/// to use aliases as keys, so a file that does so *and* uses more than `aliasLimit` aliases is refused
/// up front. The scan is lexical: `*name` counts as an alias when it starts a token and `name` is made of
/// the characters libyaml allows (letters, digits, `_`, `-`), so Markdown emphasis (`*word*`) does not.
enum AliasKeyScan {
    /// Aliases a file may hold when one of them is a key; with this few the hashing stays cheap.
    static let aliasLimit = 8

    /// The first alias used as a key, when the file uses one and more than `aliasLimit` aliases overall.
    static func refusal(in text: String, lineOffset: Int = 0) -> YAMLFailure? {
        let bytes = Array(text.utf8)
        var aliases = 0
        var firstKey: (line: Int, column: Int, name: String)?
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            guard byte == UInt8(ascii: "*"), index == lineStart || startsToken(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isAnchorByte(bytes[end]) { end += 1 }
            guard end > index + 1, end == bytes.count || endsAlias(bytes[end]) else {
                index = end
                continue
            }
            aliases += 1
            if firstKey == nil, isKey(bytes, aliasStart: index, nameEnd: end, lineStart: lineStart) {
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                firstKey = (line, column, name)
            }
            index = end
        }
        guard let key = firstKey, aliases > aliasLimit else { return nil }
        return YAMLFailure(
            line: key.line + lineOffset, column: key.column,
            problem: "alias *\(key.name) is used as a mapping key in a file with \(aliases) aliases; "
                + "speckit refuses alias keys in files with more than \(aliasLimit) aliases (alias bomb?)")
    }

    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func startsToken(_ previous: UInt8) -> Bool {
        " \t[{,?".utf8.contains(previous)
    }

    private static func endsAlias(_ next: UInt8) -> Bool {
        " \t\n,]}:".utf8.contains(next)
    }

    /// `*name :` / `*name:` followed by a space, an end of line or a flow indicator; or `? *name`.
    private static func isKey(_ bytes: [UInt8], aliasStart: Int, nameEnd: Int, lineStart: Int) -> Bool {
        var next = nameEnd
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: ":") {
            let after = next + 1
            if after == bytes.count || " \t\n,]}".utf8.contains(bytes[after]) { return true }
        }
        var previous = aliasStart - 1
        while previous >= lineStart, bytes[previous] == UInt8(ascii: " ") || bytes[previous] == UInt8(ascii: "\t") {
            previous -= 1
        }
        return previous >= lineStart && bytes[previous] == UInt8(ascii: "?")
    }
}
