/// Where a status statement stands in its file, and how to write another status in its place the way the
/// document already writes it.
package enum StatusWording {
    /// The bytes of `file` that hold `status` (the checkbox marker, the heading suffix, the field value, the
    /// YAML or JSON value), or nil when they cannot be found for certain.
    package static func span(of status: Status, in file: FileText) -> Range<Int>? {
        guard let range = status.range else { return nil }
        switch status.source {
        case .checkbox:
            return file.find(String(status.raw.prefix(3)), line: range.line, from: range.column)
        case .heading, .field, .emoji:
            return file.find(status.raw, line: range.line, last: true)
        case .structured:
            // `done: true`: the flag is what changes.
            for flag in ["true", "false"] where status.raw.hasSuffix(": \(flag)") {
                return file.find(flag, line: range.line, from: range.column)
            }
            return file.find(status.raw, line: range.line, from: range.column)
        }
    }

    /// How to write `value` in place of `old`: the way the document already writes that status in a
    /// statement of the same kind (its own bytes, so a file with mojibake keeps its form), else a standard
    /// wording shaped like `old` (emoji or not, capitals or not).
    package static func wording(
        for value: CanonicalStatus, replacing old: Status, in document: Document, file: FileText, kiro: Bool
    ) -> [UInt8] {
        if old.source == .structured, old.raw.hasSuffix(": true") || old.raw.hasSuffix(": false") {
            return Array((value.isClosed ? "true" : "false").utf8)
        }
        for precedent in statements(in: document) where precedent.source == old.source && precedent.value == value {
            if old.source == .structured, precedent.raw.contains(": ") { continue }
            if let span = span(of: precedent, in: file) {
                let bytes = Array(file.bytes[span])
                return old.source == .checkbox ? Array(bytes.prefix(3)) : bytes
            }
        }
        switch old.source {
        case .checkbox:
            if kiro, value == .inProgress { return Array("[-]".utf8) }
            return Array((value.isClosed ? "[x]" : "[ ]").utf8)
        case .structured:
            let word = structuredWords[value] ?? value.rawValue
            return Array((old.raw.contains("_") ? word.replacingOccurrences(of: "-", with: "_") : word).utf8)
        case .heading, .field, .emoji:
            let (emoji, word) = proseWords[value] ?? ("", value.rawValue)
            let letters = old.raw.unicodeScalars.filter { $0.properties.isAlphabetic }
            let capitals = !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
            var text = capitals ? word.uppercased() : word
            if old.raw.unicodeScalars.first.map({ $0.properties.isEmojiPresentation || $0.properties.isEmoji && $0.value > 0xFF }) == true
                || old.source == .emoji
            {
                text = emoji + " " + text
            }
            if old.raw.hasPrefix("["), old.raw.hasSuffix("]") { text = "[" + text + "]" }
            if old.raw.hasPrefix("("), old.raw.hasSuffix(")") { text = "(" + text + ")" }
            return file.onDisk(text).last ?? Array(text.utf8)
        }
    }

    /// Whether the line holding `span` of `bytes` still says one of `statuses` outside the span, in a word or
    /// two (`✅ Sprint 4 — COMPLETE`: the emoji was the statement speckit read, `COMPLETE` says it again).
    static func restates(_ bytes: [UInt8], outside span: Range<Int>, _ statuses: Set<CanonicalStatus>, vocabulary: StatusVocabulary) -> Bool
    {
        var start = span.lowerBound
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var end = span.upperBound
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let rest =
            String(decoding: bytes[start..<span.lowerBound], as: UTF8.self) + " "
            + String(decoding: bytes[span.upperBound..<end], as: UTF8.self)
        let words = rest.split { !$0.isLetter }.map(String.init)
        for (index, word) in words.enumerated() {
            if let status = vocabulary.status(forWord: word), statuses.contains(status) { return true }
            if index + 1 < words.count, let status = vocabulary.status(forWord: word + " " + words[index + 1]), statuses.contains(status) {
                return true
            }
        }
        return false
    }

    /// Every status statement of the document: its phases', then its tasks' (subtasks included).
    static func statements(in document: Document) -> [Status] {
        document.phases.flatMap(\.statuses) + document.allTasks.flatMap(\.statuses)
    }

    /// Taskmaster's words, which most YAML and JSON plans share.
    private static let structuredWords: [CanonicalStatus: String] = [
        .todo: "pending", .inProgress: "in-progress", .review: "review", .blocked: "blocked", .deferred: "deferred",
        .done: "done", .cancelled: "cancelled", .failed: "failed",
    ]

    private static let proseWords: [CanonicalStatus: (String, String)] = [
        .todo: ("⬜", "Not Started"), .inProgress: ("⏳", "In Progress"), .review: ("👀", "In Review"),
        .blocked: ("🔒", "Blocked"), .deferred: ("⏸️", "Deferred"), .done: ("✅", "Complete"),
        .cancelled: ("🚫", "Cancelled"), .failed: ("❌", "Failed"),
    ]
}
