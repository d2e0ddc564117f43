/// The validation report as versioned JSON (`schemaVersion: 1`), documented by
/// `spec/schema/validate.schema.json`.
public enum JSONReporter {
    public static func render(_ report: ValidationReport) throws -> String {
        try JSONOutput.encode(report)
    }
}
