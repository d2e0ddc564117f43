extension String {
    /// The text with every control character (C0, DEL, C1, and U+2028/U+2029) written as a visible escape
    /// (`\n`, `\r`, `\t`, `\u{1B}`), for output a terminal or a CI log reads line by line. A file or archive
    /// entry named `a\n::warning::x` must not start a line of its own: GitHub Actions would run it as a
    /// workflow command, and escape sequences would reach the terminal.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Self.isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
