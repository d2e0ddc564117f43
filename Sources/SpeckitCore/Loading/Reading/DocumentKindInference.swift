/// Guesses what a plan document is from its file name, then from its title.
enum DocumentKindInference {
    static func kind(path: String, title: String?) -> Document.Kind {
        let components = path.split(separator: "/")
        let file = (components.last.map(String.init) ?? path).lowercased()
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        if components.dropLast().contains(where: { $0 == "checklists" }) { return .checklist }
        if let kind = kind(forWord: stem) { return kind }
        if let title, let kind = kind(forTitle: title.lowercased()) { return kind }
        return .other
    }

    private static func kind(forWord stem: String) -> Document.Kind? {
        if stem.contains("constitution") { return .constitution }
        if stem.contains("task") || stem == "todo" || stem == "todos" || stem == "backlog" { return .tasks }
        if stem.contains("prd") || stem == "spec" || stem.contains("requirements") || stem == "proposal" { return .prd }
        if stem.contains("plan") || stem == "design" || stem.contains("roadmap") { return .plan }
        if stem.contains("checklist") { return .checklist }
        return nil
    }

    private static func kind(forTitle title: String) -> Document.Kind? {
        let words = title.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains("constitution") { return .constitution }
        if words.contains("tasks") || words.contains("todo") || words.contains("backlog") { return .tasks }
        if words.contains("plan") || words.contains("roadmap") { return .plan }
        if words.contains("prd") || words.contains("requirements") || words.contains("specification") { return .prd }
        return nil
    }
}
