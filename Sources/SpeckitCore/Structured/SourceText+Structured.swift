extension SourceText {
    /// The source range of a structured value: its first line and column, through the last line anything
    /// inside it starts on.
    ///
    /// Yams counts columns in Unicode scalars of the parsed text; this converts them to columns of the line
    /// as it is on disk (they differ only where mojibake was repaired).
    func range(of value: PlanValue) -> SourceRange {
        SourceRange(
            file: path, line: value.line, column: diskColumn(line: value.line, scalarColumn: value.column),
            endLine: max(value.endLine, value.line))
    }

    /// The on-disk column of a 1-based scalar column of a parsed line.
    func diskColumn(line: Int, scalarColumn: Int) -> Int {
        guard scalarColumn > 1, line >= 1, line <= lineCount else { return max(scalarColumn, 1) }
        return column(line: line, byteColumn: byteCount(line: line - 1, scalars: scalarColumn - 1) + 1)
    }
}
