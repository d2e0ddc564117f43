import Foundation

/// Groups plan files into kits by the layouts of DESIGN.md's profile table:
///
/// | profile | layout |
/// | --- | --- |
/// | `speckit` | `spec/<kit>/{constitution,prd,plan,tasks}.md` (or a folder holding two of those) |
/// | `github-spec-kit` | `specs/NNN-feature/**.md`, `.specify/memory/*.md` |
/// | `kiro` | `.kiro/specs/<name>/*.md` |
/// | `openspec` | `openspec/changes/<id>/**.md` (also under `changes/archive/`), `openspec/specs/**/spec.md` |
/// | `freeform` | any other single plan file |
///
/// When walking a tree, a file outside every kit layout is a freeform kit only when its name says it is a
/// plan (`tasks.md`, `ROADMAP.md`, `sprint-plan.yaml` …), so READMEs and changelogs are left alone.
public enum KitDiscovery {
    /// The document names a speckit kit is made of.
    static let speckitNames: Set<String> = ["constitution.md", "prd.md", "plan.md", "tasks.md", "tasks.yaml", "tasks.yml"]
    /// Words in a file name that make a loose file a freeform plan.
    static let planWords = [
        "plan", "task", "todo", "to-do", "roadmap", "backlog", "milestone", "sprint", "prd",
        "spec", "requirement", "checklist", "constitution", "proposal",
    ]

    /// Groups `walked` (files found under folders) and `explicit` (files named on the command line, always kept
    /// as freeform kits of their own) into kits, sorted by root then name.
    ///
    /// Layouts are recognised on absolute paths (relative ones are taken from `base`, the current folder), so
    /// `speckit validate` run inside `specs/002-photos` finds the same kit as one run at the repository root.
    public static func kits(
        walked: [String], explicit: [String] = [], profile forced: Kit.Profile? = nil,
        base: String = FileManager.default.currentDirectoryPath
    ) -> [KitSource] {
        var grouped: [String: KitSource] = [:]
        var order: [String] = []
        func add(_ file: String, root: String, name: String, profile: Kit.Profile, key: String? = nil) {
            let key = key ?? root
            if grouped[key] == nil {
                grouped[key] = KitSource(name: name, root: root, profile: profile, files: [])
                order.append(key)
            }
            grouped[key]?.files.append(file)
        }
        let folders = Dictionary(grouping: walked, by: folder(of:)).mapValues { Set($0.map(fileName(of:))) }
        for file in walked {
            if let forced {
                if forced == .freeform {
                    add(file, root: folder(of: file), name: fileName(of: file), profile: .freeform, key: file)
                } else {
                    let root = folder(of: file)
                    add(file, root: root, name: fileName(of: root), profile: forced)
                }
            } else if let (root, profile) = layout(of: absolute(file, base: base), siblings: folders[folder(of: file)] ?? []) {
                let levels = depth(folder(of: absolute(file, base: base))) - depth(root)
                add(file, root: ancestor(folder(of: file), levels: levels), name: fileName(of: root), profile: profile)
            } else if !insideToolFolder(absolute(file, base: base)), looksLikePlan(fileName(of: file)) {
                add(file, root: folder(of: file), name: fileName(of: file), profile: .freeform, key: file)
            }
        }
        for file in explicit {
            add(file, root: folder(of: file), name: fileName(of: file), profile: forced ?? .freeform, key: "\u{0}" + file)
        }
        return order.compactMap { grouped[$0] }.map { kit in
            var kit = kit
            kit.files.sort()
            return kit
        }.sorted { ($0.root, $0.name) < ($1.root, $1.name) }
    }

    /// The kit folder and profile a walked file belongs to, or nil when it is in no kit layout.
    static func layout(of file: String, siblings: Set<String>) -> (root: String, profile: Kit.Profile)? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name = parts.last ?? file
        let markdown = name.lowercased().hasSuffix(".md")
        func root(_ count: Int) -> String { parts.prefix(count).joined(separator: "/") }

        if let kiro = parts.firstIndex(of: ".kiro"), parts.count > kiro + 3, parts[kiro + 1] == "specs" {
            return markdown ? (root(kiro + 3), .kiro) : nil
        }
        if let open = parts.lastIndex(of: "openspec"), parts.count > open + 2 {
            if parts[open + 1] == "changes" {
                let archived = parts[open + 2] == "archive"
                let depth = open + (archived ? 4 : 3)
                return markdown && parts.count > depth ? (root(depth), .openspec) : nil
            }
            if parts[open + 1] == "specs" { return markdown ? (root(open + 2), .openspec) : nil }
        }
        if let specify = parts.firstIndex(of: ".specify") {
            return markdown && parts.count == specify + 3 && parts[specify + 1] == "memory"
                ? (root(specify + 2), .githubSpecKit) : nil
        }
        if let specs = parts.lastIndex(of: "specs"), parts.count > specs + 2, isFeatureFolder(parts[specs + 1]) {
            return markdown ? (root(specs + 2), .githubSpecKit) : nil
        }
        let lowerSiblings = Set(siblings.map { $0.lowercased() })
        let inSpecFolder = parts.count >= 3 && parts[parts.count - 3] == "spec"
        if (inSpecFolder && !lowerSiblings.isDisjoint(with: speckitNames))
            || (lowerSiblings.contains("constitution.md") && lowerSiblings.intersection(speckitNames).count >= 2)
        {
            return (root(parts.count - 1), .speckit)
        }
        return nil
    }

    /// Files under `.specify`, `.kiro` or `openspec` that belong to no kit (templates, steering, agent
    /// instructions) are the tools' own files, never plans.
    static func insideToolFolder(_ file: String) -> Bool {
        file.split(separator: "/").contains { $0 == ".specify" || $0 == ".kiro" || $0 == "openspec" }
    }

    /// `001-user-auth`: GitHub Spec Kit's numbered feature folders.
    static func isFeatureFolder(_ name: String) -> Bool {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && name.dropFirst(digits.count).hasPrefix("-")
    }

    /// Whether a loose file's name says it is a plan.
    static func looksLikePlan(_ name: String) -> Bool {
        let lower = name.lowercased()
        return planWords.contains { lower.contains($0) }
    }

    /// `path` as an absolute, normalised path (`.` and `..` resolved).
    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func depth(_ path: String) -> Int { path.split(separator: "/").count }

    /// The folder `levels` above `folder`, written the way `folder` is (relative stays relative).
    static func ancestor(_ folder: String, levels: Int) -> String {
        var out = folder
        for _ in 0..<max(levels, 0) {
            if out == "." {
                out = ".."
            } else if out == ".." || out.hasSuffix("/..") {
                out += "/.."
            } else {
                out = self.folder(of: out)
            }
        }
        return out
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    static func fileName(of path: String) -> String {
        if path == "." { return "." }
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
