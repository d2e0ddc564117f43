/// Every bound speckit puts on what it reads, in one place (documented in docs/limits.md; set under
/// `limits:` in `.speckit.yml`). Hitting one is never silent: a file over a limit becomes a finding and
/// every other file is still checked; an archive over one is exit 2.
public struct Limits: Sendable, Hashable {
    /// The largest plan file read, in bytes.
    public var fileBytes: Int
    /// The longest Markdown paragraph handed to cmark-gfm, in bytes (longer ones are blanked, with a finding).
    public var paragraphBytes: Int
    /// Blocks (paragraphs, headings, lists, list items, quotes, code blocks, tables and table rows) one Markdown
    /// file opens, as cmark-gfm would open them.
    public var blocks: Int
    /// Cells (`|`) in one line of a Markdown table or paragraph (cmark-gfm's tables are quadratic in them).
    public var tableCells: Int
    /// Inline marks in one Markdown file: characters that start an inline node (emphasis, links, code, HTML,
    /// autolinks, strikethrough) in the text cmark-gfm inline-parses, and its lines and table cells. Its
    /// memory follows them, at a few hundred bytes each.
    public var inlineMarks: Int
    /// Levels tasks may nest in a Markdown file (deeper ones are listed under their ancestor, with a finding).
    public var nesting: Int
    /// Levels collections may nest in a YAML or JSON file.
    public var yamlNesting: Int
    /// Values (scalars, lists, mappings) a YAML or JSON file may hold as written, and expand to with every
    /// alias counted at its full size.
    public var yamlNodes: Int
    /// Uncompressed bytes of all entries of an archive.
    public var archiveBytes: Int
    /// Entries of an archive.
    public var archiveEntries: Int
    /// Uncompressed bytes per compressed byte, over a whole archive.
    public var archiveRatio: Int

    /// The defaults: far beyond any real plan (the largest seed is under 100 KB and 1,000 tasks), and low
    /// enough that `speckit validate` stays under 1 GB of memory and a minute on whatever hits them.
    public static let standard = Limits(
        fileBytes: 32 * 1024 * 1024, paragraphBytes: 32 * 1024, blocks: 200_000, tableCells: 128, nesting: 32,
        yamlNesting: 200, yamlNodes: 1_000_000,
        archiveBytes: 256 * 1024 * 1024, archiveEntries: 10_000, archiveRatio: 200, inlineMarks: 1_000_000)

    public init(
        fileBytes: Int, paragraphBytes: Int, blocks: Int, tableCells: Int, nesting: Int, yamlNesting: Int,
        yamlNodes: Int, archiveBytes: Int, archiveEntries: Int, archiveRatio: Int, inlineMarks: Int = 1_000_000
    ) {
        self.fileBytes = fileBytes
        self.paragraphBytes = paragraphBytes
        self.blocks = blocks
        self.tableCells = tableCells
        self.nesting = nesting
        self.yamlNesting = yamlNesting
        self.yamlNodes = yamlNodes
        self.archiveBytes = archiveBytes
        self.archiveEntries = archiveEntries
        self.archiveRatio = archiveRatio
        self.inlineMarks = inlineMarks
    }

    /// The largest value any limit may be set to (1 TiB): sums and products of limits cannot overflow.
    public static let ceiling = 1 << 40

    /// The names used in `.speckit.yml` and messages, with a key path to each limit, in documented order.
    public static var settings: [(name: String, keyPath: WritableKeyPath<Limits, Int>)] {
        [
            ("fileBytes", \.fileBytes), ("paragraphBytes", \.paragraphBytes), ("blocks", \.blocks), ("tableCells", \.tableCells),
            ("inlineMarks", \.inlineMarks),
            ("nesting", \.nesting), ("yamlNesting", \.yamlNesting), ("yamlNodes", \.yamlNodes),
            ("archiveBytes", \.archiveBytes), ("archiveEntries", \.archiveEntries), ("archiveRatio", \.archiveRatio),
        ]
    }

    /// The archive limits, as the archive reader takes them.
    public var archive: ArchiveLimits {
        ArchiveLimits(maxBytes: archiveBytes, maxEntries: archiveEntries, maxRatio: archiveRatio)
    }
}
