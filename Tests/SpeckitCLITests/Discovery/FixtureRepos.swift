import Foundation
import Testing

/// The small repositories under `Tests/Fixtures/repos/`, each laid out like a kind of real repository
/// (a Spec Kit user, the Spec Kit project itself, Kiro nested and flat, OpenSpec, Taskmaster, hidden plan
/// folders, files named like plans that are not), copied where the repository's own `.speckit.yml` cannot
/// reach them.
enum FixtureRepos {
    static let all = ["spec-kit-user", "spec-kit-project", "kiro", "kiro-flat", "openspec", "taskmaster", "hidden-plans", "non-plans"]

    /// A fresh copy of the repository `name`, in a folder of that name, with a `.git` beside its files so no
    /// configuration above it is found.
    static func copy(_ name: String) throws -> URL {
        let parent = try CLIRunner.temporaryFolder()
        let target = parent.appendingPathComponent(name)
        let source = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/repos").appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        try FileManager.default.createDirectory(at: target.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return target
    }

    /// The JSON that a speckit run printed.
    static func json(_ outcome: CLIRunner.Outcome) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        guard let json = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return json
    }

    /// The first kit of a JSON report, and its documents (empty when it has none).
    static func firstKit(_ json: [String: Any]) throws -> (kit: [String: Any], documents: [[String: Any]]) {
        let kit = try #require((json["kits"] as? [[String: Any]])?.first, "no kit in the report")
        return (kit, kit["documents"] as? [[String: Any]] ?? [])
    }

    /// `profile root name` of every kit in a parse or validate JSON report, with ` archived` when it is.
    static func kits(_ json: [String: Any]) -> [String] {
        (json["kits"] as? [[String: Any]] ?? []).map { kit in
            "\(kit["profile"] ?? "") \(kit["root"] ?? "") \(kit["name"] ?? "")" + ((kit["archived"] as? Bool) == true ? " archived" : "")
        }
    }

    /// `path reason` of every skipped file in a JSON report.
    static func skipped(_ json: [String: Any]) -> [String] {
        (json["skipped"] as? [[String: Any]] ?? []).map { "\($0["path"] ?? "") \($0["reason"] ?? "")" }
    }

    /// Every finding of a validate JSON report as `file:line:col severity rule message`, with `prefix` cut from
    /// paths and every `replacing` key written as its value in messages.
    static func findings(_ json: [String: Any], prefix: String = "", replacing: [String: String] = [:]) -> [String] {
        (json["findings"] as? [[String: Any]] ?? []).map { finding in
            let range = finding["range"] as? [String: Any] ?? [:]
            var file = range["file"] as? String ?? ""
            if !prefix.isEmpty, file.hasPrefix(prefix) { file = String(file.dropFirst(prefix.count)) }
            var message = finding["message"] as? String ?? ""
            for (old, new) in replacing { message = message.replacingOccurrences(of: old, with: new) }
            return
                "\(file):\(range["line"] ?? 0):\(range["column"] ?? 0) \(finding["severity"] ?? "") \(finding["ruleId"] ?? "") \(message)"
        }
    }
}
