/// What discovery reads when it walks a folder, decided on paths alone, in one place for the disk, a git
/// revision and an archive: which folders it enters, which files it takes, and which are templates.
///
/// Paths here are relative to the folder being walked (`specs/001-a/plan.md`), `/`-separated.
public enum PathRules {
    /// Folders never entered: version control, build output, dependencies.
    public static let skippedFolders: Set<String> = [
        ".git", ".build", "node_modules", ".swiftpm", "vendor", "Pods", "DerivedData", ".venv", "__pycache__",
    ]

    /// Folders of coding agents' prompts and commands (Spec Kit installs its own there): templates, not plans.
    public static let promptFolders: [String] = [
        ".claude/commands", ".github/prompts", ".cursor/commands", ".gemini/commands", ".codex/prompts",
        ".windsurf/workflows", ".qwen/commands", ".opencode/command", ".roo/commands", ".amazonq/prompts",
        ".kilocode/workflows", ".augment/commands", ".codebuddy/commands", "history/prompts", "templates/commands",
    ]

    /// Hidden folders that are entered: the layouts' own (`.kiro`, `.specify`, `.taskmaster`), hidden plan
    /// folders (`.planning`, `.github/plans`), and agents' prompt folders (whose files are counted as templates).
    static let enteredHidden: [[Substring]] = (KitLayouts.hiddenFolders + promptFolders)
        .filter { $0.hasPrefix(".") }.map { $0.split(separator: "/") }

    /// Whether a walk enters the folder at `relative` (its components, relative to the walk's start).
    public static func enters(_ relative: [Substring]) -> Bool {
        guard let name = relative.last else { return true }
        if skippedFolders.contains(String(name)) { return false }
        guard let hidden = relative.firstIndex(where: { $0.hasPrefix(".") }) else { return true }
        // Inside a hidden folder only the paths that lead to (or lie under) an entered one are walked.
        let tail = Array(relative[hidden...])
        return enteredHidden.contains { allowed in
            zip(allowed, tail).allSatisfy { $0 == $1 }
        }
    }

    /// What a walk takes the file at `relative` for.
    public enum Take: Sendable, Equatable {
        /// A plan file by its extension (Markdown, YAML, or JSON with "task" in its name).
        case candidate
        /// A text file (`.txt`): not read when walking, but mentioned when it looks like a plan.
        case text
        /// Anything else.
        case ignored
    }

    /// What the file at `relative` is, by its name and the folders it lies in. In a hidden folder only files
    /// inside an entered one count (`.github/plans/x.md`, not `.github/PULL_REQUEST_TEMPLATE.md`).
    public static func take(_ relative: [Substring]) -> Take {
        guard let name = relative.last?.lowercased(), !name.hasPrefix(".") else { return .ignored }
        let folders = relative.dropLast()
        if folders.contains(where: { skippedFolders.contains(String($0)) }) { return .ignored }
        if let hidden = folders.firstIndex(where: { $0.hasPrefix(".") }) {
            let tail = Array(folders[hidden...])
            guard enteredHidden.contains(where: { $0.count <= tail.count && zip($0, tail).allSatisfy { $0 == $1 } }) else {
                return .ignored
            }
        }
        if name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            return .candidate
        }
        if name.hasSuffix(".json") { return name.contains("task") ? .candidate : .ignored }
        return name.hasSuffix(".txt") ? .text : .ignored
    }

    /// Why the file at `relative` is a template (so not a plan), or nil: a `templates/` folder (Spec Kit's
    /// `.specify/templates/` and `templates/commands/` included), an agent's prompt folder, or a name such as
    /// `plan-template.md`.
    public static func template(_ relative: [Substring]) -> String? {
        let folders = relative.dropLast().map { $0.lowercased() }
        for prompt in promptFolders {
            let wanted = prompt.split(separator: "/").map(String.init)
            if folders.count >= wanted.count,
                (0...(folders.count - wanted.count)).contains(where: { Array(folders[$0..<$0 + wanted.count]) == wanted })
            {
                return "an agent's prompt folder (\(prompt)/)"
            }
        }
        if folders.contains("templates") { return "a templates/ folder" }
        let name = relative.last?.lowercased() ?? ""
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if stem == "template" || stem.hasSuffix("-template") || stem.hasSuffix("_template") || name.contains(".template.") {
            return "a template by its name"
        }
        if stem == "speckit", name.split(separator: ".").count > 2 { return "a Spec Kit command (speckit.*.md)" }
        return nil
    }

    /// Folders of test data: a tool's sample plans, often broken on purpose to test it.
    static let testDataFolders: Set<String> = [
        "tests", "test", "__tests__", "fixtures", "__fixtures__", "testdata", "test-data", "test_data",
    ]

    /// Why the file at `relative` is test data (so not a team's plan), or nil: it lies in a `tests/`,
    /// `fixtures/` or `testdata/` folder below the walk's start, above any layout's folder (a Kiro spec named
    /// `tests`, `.kiro/specs/tests/`, is a spec; `tests/fixtures/.kiro/specs/x/` is test data).
    public static func testData(_ relative: [Substring]) -> String? {
        for folder in relative.dropLast() {
            let name = folder.lowercased()
            if layoutFolders.contains(name) { return nil }
            if testDataFolders.contains(name) { return "a \(folder)/ folder of test data" }
        }
        return nil
    }

    /// Folders that open a layout's kits: below one of them, a folder's name is a kit's, not a purpose.
    static let layoutFolders: Set<String> = [".kiro", "specs", "spec", "openspec", ".specify", ".taskmaster", ".planning"]

    /// The format a file is read as, from its extension (anything else is read as Markdown text).
    public static func format(of path: String) -> Document.Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        if lower.hasSuffix(".json") { return .json }
        return .markdown
    }
}
