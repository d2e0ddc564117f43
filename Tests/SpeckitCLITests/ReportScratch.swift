import Foundation

/// A scratch repository for report tests: a folder with `.git` (so reports make paths relative to it) and a
/// copy of every seed under `seeds/`, the way a user's repository would hold them.
enum ReportScratch {
    /// Environment that keeps GitHub Actions' own variables (when the tests run there) out of the reports.
    static let neutral = [
        "GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": "", "GITHUB_STEP_SUMMARY": "",
        "NO_COLOR": "1",
    ]

    /// The seeds by short name (`001`, `from-002`) and their file or folder names.
    static let seeds: [(short: String, name: String)] = {
        let folder = URL(fileURLWithPath: CLIRunner.seed("000")).deletingLastPathComponent()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.map { (String($0.split(separator: "_").first ?? Substring($0)), $0) }
    }()

    /// A new scratch repository holding the seeds.
    static func make() throws -> URL {
        let root = try CLIRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let seeds = root.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        for seed in Self.seeds {
            try FileManager.default.copyItem(
                atPath: URL(fileURLWithPath: CLIRunner.seed("000")).deletingLastPathComponent()
                    .appendingPathComponent(seed.name).path,
                toPath: seeds.appendingPathComponent(seed.name).path)
        }
        return root
    }

    /// Compares `actual` with the golden file (or writes it under SPECKIT_RECORD=1); returns a description of
    /// the first difference, or nil when they are equal.
    static func compare(_ actual: String, golden name: String) throws -> String? {
        let url = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/reports/\(name)")
        if ProcessInfo.processInfo.environment["SPECKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "\(name): no golden file (run the tests with SPECKIT_RECORD=1 to record it)"
        }
        guard expected != actual else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $1.0 != $1.1 }?.offset ?? min(a.count, e.count)
        return
            "\(name) differs at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")"
    }
}
