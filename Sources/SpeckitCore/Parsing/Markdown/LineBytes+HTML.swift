extension LineBytes {
    /// The tag names that open an HTML block of type 6 (CommonMark 0.29, as cmark-gfm 0.29 lists them).
    static let blockTagNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
        "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    /// The letters and digits from `position` on, lowercased (at most 16; a longer name is no tag name here).
    private func lowercasedName(_ position: Int) -> (name: String, end: Int) {
        var index = position
        var name: [UInt8] = []
        while Self.isAlphanumeric(peek(index)) {
            if name.count <= 16 { name.append(peek(index) | (Self.isLetter(peek(index)) ? 0x20 : 0)) }
            index += 1
        }
        return (String(decoding: name, as: UTF8.self), index)
    }

    /// Whether `bytes` (lowercase ASCII) follow at `position`, ignoring case.
    private func matches(_ bytes: StaticString, at position: Int) -> Bool {
        var index = position
        for byte in UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount) {
            let here = peek(index)
            guard here == byte || (Self.isLetter(here) && here | 0x20 == byte) else { return false }
            index += 1
        }
        return true
    }

    /// `scan_html_block_start`: the type (1 to 6) of the HTML block a line starting at `position` opens, or 0.
    func htmlBlockStart(_ position: Int) -> Int {
        guard peek(position) == 0x3C else { return 0 }
        let next = peek(position + 1)
        if next == 0x21 {
            if matches("<!--", at: position) { return 2 }
            if matches("<![cdata[", at: position) { return 5 }
            let letter = peek(position + 2)
            return letter >= 0x41 && letter <= 0x5A ? 4 : 0
        }
        if next == 0x3F { return 3 }
        let closing = next == 0x2F
        let (name, end) = lowercasedName(position + (closing ? 2 : 1))
        let after = peek(end)
        if !closing, name == "script" || name == "pre" || name == "style", Self.isSpaceChar(after) || after == 0x3E { return 1 }
        if Self.blockTagNames.contains(name),
            Self.isSpaceChar(after) || after == 0x3E || (after == 0x2F && peek(end + 1) == 0x3E)
        {
            return 6
        }
        return 0
    }

    /// `scan_html_block_start_7`: a whole open or closing tag, and nothing but white space after it.
    func htmlBlockStart7(_ position: Int) -> Bool {
        guard peek(position) == 0x3C else { return false }
        var index = position + 1
        let closing = peek(index) == 0x2F
        if closing { index += 1 }
        // tagname = [A-Za-z][A-Za-z0-9-]*
        guard Self.isLetter(peek(index)) else { return false }
        while Self.isAlphanumeric(peek(index)) || peek(index) == 0x2D { index += 1 }
        if closing {
            while Self.isSpaceChar(peek(index)) { index += 1 }
            guard peek(index) == 0x3E else { return false }
        } else {
            index = attributes(from: index)
            while Self.isSpaceChar(peek(index)) { index += 1 }
            if peek(index) == 0x2F { index += 1 }
            guard peek(index) == 0x3E else { return false }
        }
        index += 1
        // [\t\n\f ]* [\r\n]
        while peek(index) == 0x09 || peek(index) == 0x0C || peek(index) == 0x20 { index += 1 }
        return Self.isLineEnd(peek(index))
    }

    /// `attribute*` of an open tag: where the last whole attribute ends.
    private func attributes(from position: Int) -> Int {
        var index = position
        while true {
            var cursor = index
            guard Self.isSpaceChar(peek(cursor)) else { return index }
            while Self.isSpaceChar(peek(cursor)) { cursor += 1 }
            // attributename = [a-zA-Z_:][a-zA-Z0-9:._-]*
            let first = peek(cursor)
            guard Self.isLetter(first) || first == 0x5F || first == 0x3A else { return index }
            cursor += 1
            while true {
                let byte = peek(cursor)
                guard Self.isAlphanumeric(byte) || byte == 0x3A || byte == 0x2E || byte == 0x5F || byte == 0x2D else { break }
                cursor += 1
            }
            index = cursor
            // attributevaluespec = spacechar* [=] spacechar* attributevalue
            while Self.isSpaceChar(peek(cursor)) { cursor += 1 }
            guard peek(cursor) == 0x3D else { continue }
            cursor += 1
            while Self.isSpaceChar(peek(cursor)) { cursor += 1 }
            let quote = peek(cursor)
            if quote == 0x22 || quote == 0x27 {
                var close = cursor + 1
                while peek(close) != quote, peek(close) != 0 { close += 1 }
                guard peek(close) == quote else { continue }
                index = close + 1
            } else {
                var close = cursor
                while true {
                    let byte = peek(close)
                    if byte == 0 || Self.isSpaceChar(byte) || byte == 0x22 || byte == 0x27 || byte == 0x3D || byte == 0x3C || byte == 0x3E
                        || byte == 0x60
                    {
                        break
                    }
                    close += 1
                }
                guard close > cursor else { continue }
                index = close
            }
        }
    }

    /// Whether a line of an HTML block of `type` (1 to 5) holds the text that ends it, from `position` on:
    /// `</script>`, `</pre>` or `</style>`; `-->`; `?>`; `>`; `]]>`.
    func endsHTMLBlock(_ type: Int, from position: Int) -> Bool {
        var index = position
        while index < end {
            switch (type, bytes[index]) {
            case (1, 0x3C):
                if peek(index + 1) == 0x2F,
                    matches("</script>", at: index) || matches("</pre>", at: index) || matches("</style>", at: index)
                {
                    return true
                }
            case (2, 0x2D): if peek(index + 1) == 0x2D, peek(index + 2) == 0x3E { return true }
            case (3, 0x3F): if peek(index + 1) == 0x3E { return true }
            case (4, 0x3E): return true
            case (5, 0x5D): if peek(index + 1) == 0x5D, peek(index + 2) == 0x3E { return true }
            default: break
            }
            index += 1
        }
        return false
    }
}
