/// Patterns the Markdown builder uses, compiled once (a regex literal inside a function is parsed anew on
/// every call, which made deeply nested input slow).
enum MarkdownPatterns {
    /// `FR-001: The system MUST …`, bold or not, optionally behind a bullet.
    nonisolated(unsafe) static let functionalRequirement = /\s*(?:[-*]\s*)?((?:FR|NFR|REQ|BR|UR|SR)-\d+)\s*[:.—–-]\s*(.+)/
    /// Checkboxes GFM does not know: `[~]`, `[-]`, `[/]`, Kiro's optional `[ ]*`.
    nonisolated(unsafe) static let extendedMarker = /\[([ xX~\/-])\](\*?)(?:[ \t]+|$)/
}
