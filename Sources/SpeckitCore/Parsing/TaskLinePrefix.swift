/// The id and tags a task line opens with, read from its bytes: the same matches as `TaskLineParser`'s
/// `idPattern` and `tagPattern`, without the regex engine, for the ASCII text nearly every line holds. Where a
/// byte outside ASCII could change the match (a digit or space of another script right after an id), the
/// answer is `.unsure` and the caller runs the regex.
enum TaskLinePrefix {
    enum Match: Equatable {
        /// The text does not open with one.
        case none
        /// The id or tag's captured text, and the text after the match.
        case found(Substring, rest: Substring)
        /// Bytes alone cannot tell.
        case unsure
    }

    /// `(T\d+[a-z]?(?:\.\d+)*|(?!(?:FR|NFR|REQ|US|SC|AC)-)[A-Z]{2,}-\d+)(?=[\s:.)\]]|$)[:.)]?\s*`, anchored.
    static func id(_ text: Substring) -> Match {
        let utf8 = text.utf8
        let start = utf8.startIndex
        func byte(_ index: String.Index) -> UInt8? { index < utf8.endIndex ? utf8[index] : nil }
        func isDigit(_ index: String.Index) -> Bool { byte(index).map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        func next(_ index: String.Index) -> String.Index { utf8.index(after: index) }
        // `\d` takes digits of every script: where one is needed, a byte outside ASCII leaves it open.
        func isWide(_ index: String.Index) -> Bool { byte(index).map { $0 >= 0x80 } ?? false }
        func digits(from index: String.Index) -> String.Index {
            var index = index
            while isDigit(index) { index = next(index) }
            return index
        }
        var end: String.Index?
        if byte(start) == UInt8(ascii: "T"), start < utf8.endIndex, isWide(next(start)) { return .unsure }
        if byte(start) == UInt8(ascii: "T"), isDigit(next(start)) {
            // The regex backtracks from the longest candidate; any end short of a digit run or a letter is
            // followed by a digit or letter and fails the lookahead, so the candidates are the ends of the
            // number (with its letter) and of each `.digits` group after it.
            var index = digits(from: next(start))
            if let letter = byte(index), letter >= 0x61, letter <= 0x7A { index = next(index) }
            var ends = [index]
            while byte(index) == UInt8(ascii: "."), isDigit(next(index)) {
                index = digits(from: next(index))
                ends.append(index)
            }
            if byte(index) == UInt8(ascii: "."), isWide(next(index)) { return .unsure }
            for candidate in ends.reversed() {
                guard let bounded = boundary(text, at: candidate) else { return .unsure }
                if bounded {
                    end = candidate
                    break
                }
            }
            // The other alternative needs two capitals: `T` and a digit are not.
            guard end != nil else { return .none }
        } else {
            for excluded in ["FR-", "NFR-", "REQ-", "US-", "SC-", "AC-"] where utf8.starts(with: excluded.utf8) { return .none }
            var index = start
            while let capital = byte(index), capital >= 0x41, capital <= 0x5A { index = next(index) }
            guard utf8.distance(from: start, to: index) >= 2, byte(index) == UInt8(ascii: "-") else { return .none }
            if isWide(next(index)) { return .unsure }
            guard isDigit(next(index)) else { return .none }
            index = digits(from: next(index))
            guard let bounded = boundary(text, at: index) else { return .unsure }
            guard bounded else { return .none }
            end = index
        }
        guard var index = end else { return .none }
        let id = text[start..<index]
        if let punctuation = byte(index),
            punctuation == UInt8(ascii: ":") || punctuation == UInt8(ascii: ".") || punctuation == UInt8(ascii: ")")
        {
            index = next(index)
        }
        guard let rest = skippingSpaces(text, from: index), settled(text, before: rest.startIndex) else { return .unsure }
        return .found(id, rest: rest)
    }

    /// `\[([A-Za-z][A-Za-z0-9_-]{0,15})\]\s*`, anchored.
    static func tag(_ text: Substring) -> Match {
        let utf8 = text.utf8
        var index = utf8.startIndex
        guard index < utf8.endIndex, utf8[index] == UInt8(ascii: "[") else { return .none }
        index = utf8.index(after: index)
        guard index < utf8.endIndex, isLetter(utf8[index]) else { return .none }
        let first = index
        var count = 0
        while index < utf8.endIndex,
            isLetter(utf8[index]) || (utf8[index] >= 0x30 && utf8[index] <= 0x39)
                || utf8[index] == UInt8(ascii: "_") || utf8[index] == UInt8(ascii: "-")
        {
            index = utf8.index(after: index)
            count += 1
        }
        guard count <= 16, index < utf8.endIndex, utf8[index] == UInt8(ascii: "]") else { return .none }
        let tag = text[first..<index]
        guard let rest = skippingSpaces(text, from: utf8.index(after: index)), settled(text, before: rest.startIndex) else {
            return .unsure
        }
        return .found(tag, rest: rest)
    }

    /// Whether every character the match read is a whole ASCII character: the bytes before `rest` are
    /// ASCII, and the character at `rest` (which the lookahead or `\s*` read) is not joined to anything else
    /// by a combining mark; a match where a mark joins them is left to the regex, which reads characters.
    private static func settled(_ text: Substring, before rest: String.Index) -> Bool {
        let utf8 = text.utf8
        guard utf8[utf8.startIndex..<rest].allSatisfy({ $0 < 0x80 }) else { return false }
        guard rest < utf8.endIndex else { return true }
        let following = utf8[rest] < 0x80 ? utf8.index(after: rest) : rest
        guard following < utf8.endIndex, utf8[following] >= 0x80, let scalar = text.unicodeScalars[following...].first else { return true }
        return !joins(scalar) && (following != rest || !scalar.properties.isWhitespace)
    }

    /// Whether `scalar` joins the character before it into one (a combining mark, a joiner).
    private static func joins(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Whether `[\s:.)\]]|$` holds at `index`; nil when the character there is outside ASCII.
    private static func boundary(_ text: Substring, at index: String.Index) -> Bool? {
        guard index < text.utf8.endIndex else { return true }
        let byte = text.utf8[index]
        guard byte < 0x80 else { return nil }
        return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
    }

    /// The text after `\s*` from `index`; nil when a character outside ASCII there is whitespace (the regex
    /// would go on).
    private static func skippingSpaces(_ text: Substring, from index: String.Index) -> Substring? {
        var index = index
        let utf8 = text.utf8
        while index < utf8.endIndex, utf8[index] == 0x20 || (utf8[index] >= 0x09 && utf8[index] <= 0x0D) {
            index = utf8.index(after: index)
        }
        // Outside ASCII: a space of another script would be skipped too, and a combining mark joins the
        // character before it; anything else (a CJK title) ends the spaces here.
        if index < utf8.endIndex, utf8[index] >= 0x80 {
            guard let scalar = text.unicodeScalars[index...].first, !scalar.properties.isWhitespace, !joins(scalar) else { return nil }
        }
        return text[index...]
    }
}
