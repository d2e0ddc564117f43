extension String {
    /// The text with every control character (C0, DEL, C1, U+2028/U+2029) and every bidirectional override
    /// or isolate written as a visible escape (`\n`, `\r`, `\t`, `\u{1B}`), for output a terminal or a CI log
    /// reads line by line. This is the one escaper of everything speckit prints for people: a file or archive
    /// entry named `a\n::warning::x` must not start a line of its own (GitHub Actions would run it as a
    /// workflow command), escape sequences must not reach the terminal (titles, clipboard, clearing the
    /// screen), and text must not be shown in an order it is not in.
    public var escapingControlCharacters: String { escapingControlCharacters(keeping: []) }

    /// As `escapingControlCharacters`, leaving the scalars in `kept` as they are (for a format that escapes
    /// those its own way, as GitHub's workflow commands escape line breaks).
    package func escapingControlCharacters(keeping kept: Set<Unicode.Scalar>) -> String {
        guard unicodeScalars.contains(where: { Self.needsEscape($0) && !kept.contains($0) }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if Self.needsEscape(scalar), !kept.contains(scalar) {
                out += Self.visibleEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How one such scalar is shown.
    package static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }

    /// Whether a scalar is shown as an escape: control characters, line and paragraph separators, and the
    /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
