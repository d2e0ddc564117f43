/// `speckit next --format json`: the report with sorted keys (`spec/schema/next.schema.json`).
public enum NextJSONReporter {
    public static func render(_ report: NextReport) -> String { JSONPieces.encode(report) + "\n" }
}
