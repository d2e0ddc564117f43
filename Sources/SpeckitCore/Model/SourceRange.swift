/// Where an element of the model came from: a file and a 1-based range of lines and columns.
///
/// Columns count Unicode scalars of the line as it was found on disk (after the BOM is dropped and
/// line endings are normalised), so an editor pointed at `line:column` lands on the right character even
/// when speckit repaired mojibake on that line before parsing it.
public struct SourceRange: Codable, Hashable, Sendable {
    /// The file, as it was named on the command line or found while walking a folder.
    public var file: String
    /// 1-based first line.
    public var line: Int
    /// 1-based first column.
    public var column: Int
    /// 1-based last line.
    public var endLine: Int
    /// 1-based last column (inclusive).
    public var endColumn: Int

    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
    }

    /// `file:line:column`, the way compilers print a location.
    public var description: String { "\(file):\(line):\(column)" }
}
