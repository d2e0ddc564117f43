/// The repository paths a line of a plan names: inside backticks (`` `src/worker/claim.ts` ``) or as a link's
/// target (`[the script](scripts/check.py)`). Only what can only be a path counts: a relative path with a
/// folder and a file name (or ending in `/`), no spaces, globs, placeholders, URLs, routes or code.
enum NamedPaths {
    static func paths(in line: Substring) -> [String] {
        var out: [String] = []
        var rest = line[...]
        // `code`
        while let open = rest.firstIndex(of: "`") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "`") else { break }
            if let path = path(String(rest[after..<close])) { out.append(path) }
            rest = rest[rest.index(after: close)...]
        }
        // [text](target)
        var search = line[...]
        while let marker = search.range(of: "](") {
            guard let close = search[marker.upperBound...].firstIndex(of: ")") else { break }
            var target = String(search[marker.upperBound..<close])
            if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }  // [a](b "title")
            if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
            if let path = path(target) { out.append(path) }
            search = search[search.index(after: close)...]
        }
        return out.uniqued()
    }

    /// `text` as a repository path, or nil when it may be anything else.
    static func path(_ text: String) -> String? {
        var path = text.trimmingCharacters(in: .whitespaces)
        while path.hasPrefix("./") { path.removeFirst(2) }
        // `src/app.py:12` names a line of the file.
        if let colon = path.lastIndex(of: ":"), path[path.index(after: colon)...].allSatisfy(\.isNumber), colon != path.startIndex {
            path = String(path[..<colon])
        }
        guard path.count >= 3, path.count <= 300, path.contains("/") else { return nil }
        // Globs, placeholders, variables, code, URLs, routes, home and parent folders, flags, scoped packages.
        guard !path.contains(where: { " \t*?[]{}<>$%|()=,;:'\"\\@!^&#~".contains($0) }) else { return nil }
        guard !path.hasPrefix("/"), !path.hasPrefix("-"), !path.contains("//") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(".."), !parts.dropLast().contains("") else { return nil }
        if ["XX", "xxx", "NNN", "YYYY", "..."].contains(where: path.contains) { return nil }
        // A host (`github.com/org/repo`) is no folder.
        if let first = parts.first, let dot = first.lastIndex(of: "."),
            hosts.contains(String(first[first.index(after: dot)...]).lowercased())
        {
            return nil
        }
        // Generated or ignored by convention: never in a repository, so proving nothing either way.
        if parts.contains(where: { generated.contains(String($0)) }) { return nil }
        let last = parts.last ?? ""
        if last.isEmpty { return path }  // a folder: `src/models/`
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return bareFiles.contains(String(last)) ? path : nil }
        let extensionPart = last[last.index(after: dot)...]
        guard (1...8).contains(extensionPart.count), extensionPart.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            extensionPart.contains(where: \.isLetter)
        else { return nil }
        return path
    }

    private static let hosts: Set<String> = ["com", "org", "net", "io", "dev", "app", "ai", "co", "gov", "edu", "sh", "me"]
    private static let generated: Set<String> = [
        "dist", "build", "out", "target", "node_modules", "vendor", "coverage", "tmp", "logs", "venv", ".venv", "__pycache__",
        ".next", ".open-next", ".nuxt", ".svelte-kit", ".turbo", ".cache", ".vercel", ".output", "artifacts", "bin", "obj",
    ]
    private static let bareFiles: Set<String> = [
        "Dockerfile", "Makefile", "Procfile", "Gemfile", "Rakefile", "Justfile", "LICENSE", "README", "Containerfile",
    ]
}
