/// `speckit status --format json`: the StatusReport with sorted keys (`spec/schema/status.schema.json`).
public enum StatusJSONReporter {
    public static func render(_ report: StatusReport) -> String {
        JSONPieces.encode(report) + "\n"
    }
}
