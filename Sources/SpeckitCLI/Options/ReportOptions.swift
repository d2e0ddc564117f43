public import ArgumentParser
import Foundation
import SpeckitCore

extension ReportFormat: ExpressibleByArgument {}

/// `--report FORMAT=FILE`, repeatable: more reports of the same run, each written atomically to its file.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write the report as FORMAT to FILE (repeatable), e.g. --report sarif=speckit.sarif. "
                + "Formats: \(ReportFormat.list).", valueName: "format=file"))
    var reports: [String] = []

    func validate() throws { _ = try requests() }

    /// The requested reports, checked: a known format, a file name, no file twice.
    func requests() throws -> [(format: ReportFormat, file: String)] {
        var seen: Set<String> = []
        return try reports.map { request in
            guard let equals = request.firstIndex(of: "=") else {
                throw ValidationError("--report expects FORMAT=FILE (e.g. sarif=speckit.sarif), got '\(request)'")
            }
            let name = String(request[..<equals])
            let file = String(request[request.index(after: equals)...])
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationError("--report: unknown format '\(name)' (expected one of \(ReportFormat.list))")
            }
            guard !file.isEmpty, file != "-" else {
                throw ValidationError("--report \(name)=…: needs a file name (only --format writes to stdout)")
            }
            guard seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted else {
                throw ValidationError("--report: '\(file)' is named twice")
            }
            return (format, file)
        }
    }
}
