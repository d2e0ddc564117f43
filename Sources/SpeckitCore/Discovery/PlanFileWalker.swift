import Foundation

/// Finds the plan files under a folder: Markdown, YAML plans and Taskmaster `tasks.json`, sorted by path.
enum PlanFileWalker {
    /// Folders never entered (build output, dependencies, VCS); other hidden folders are entered only when
    /// they are a known kit layout (`.specify`, `.kiro`).
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm", "vendor", "Pods", "DerivedData"]

    /// Plan files under `root`, skipping folders and files the filter excludes.
    static func files(under root: String, filter: PathFilter = PathFilter()) -> [String] {
        let manager = FileManager.default
        var out: [String] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if skippedFolders.contains(name) { continue }
                    if name.hasPrefix("."), name != ".specify", name != ".kiro" { continue }
                    if filter.excludes(folder: path) { continue }
                    pending.append(path)
                } else if !name.hasPrefix("."), isPlanFile(name), filter.keeps(file: path) {
                    out.append(path)
                }
            }
        }
        return out.sorted()
    }

    static func isPlanFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            return true
        }
        return lower.hasSuffix(".json") && lower.contains("task")
    }

    /// The format a file is read as, from its extension (anything else is read as Markdown text).
    static func format(of path: String) -> Document.Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        if lower.hasSuffix(".json") { return .json }
        return .markdown
    }
}
