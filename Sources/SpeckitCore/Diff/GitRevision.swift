import Foundation

/// The plan files of a git revision, read without touching the working tree: what `--base REF` compares
/// against. Files are listed with `git ls-tree -z` (names end with a NUL, so a newline in a name is part of
/// it) and read by object id in one `git cat-file --batch`: no file name is ever written to git's input.
public struct GitRevision: Sendable {
    /// The revision as given (`origin/main`, `HEAD~1`).
    public let name: String
    /// The commit it names.
    public let commit: String
    /// The repository's top folder (absolute, links resolved).
    public let root: String

    /// - Throws: `SpeckitError.git` when the current folder is not in a git repository or `name` names no commit.
    public init(_ name: String, in folder: String? = nil) throws {
        let folder = folder ?? FileManager.default.currentDirectoryPath
        guard !name.isEmpty, !name.hasPrefix("-") else { throw SpeckitError.git("--base: '\(name)' is not a revision") }
        let top: String
        do {
            top = String(decoding: try Git.run(["rev-parse", "--show-toplevel"], in: folder), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch SpeckitError.git(let problem) {
            throw SpeckitError.git("--base \(name): \(problem)")
        }
        self.root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        do {
            let sha = try Git.run(["rev-parse", "--verify", "--quiet", name + "^{commit}"], in: folder)
            self.commit = String(decoding: sha, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw SpeckitError.git(Self.missing(name, top: top, in: folder))
        }
        self.name = name
    }

    /// Why `name` names no commit here, and what to do. A shallow clone (CI's default checkout) holds only the
    /// latest commits, so the base is usually just not fetched.
    static func missing(_ name: String, top: String, in folder: String) -> String {
        let shallow =
            (try? Git.run(["rev-parse", "--is-shallow-repository"], in: folder))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "true" } ?? false
        guard shallow else {
            return "--base: '\(name)' is not a commit in the repository at \(top) (a branch of a remote must be fetched first: "
                + "git fetch origin BRANCH)"
        }
        return
            "--base: '\(name)' is not in this clone at \(top), which is shallow (only the latest commits were fetched): if the name is right, "
            + "fetch the base first: in GitHub Actions, actions/checkout with fetch-depth: 0, or git fetch origin BRANCH "
            + "(git fetch --deepen=N for HEAD~N)"
    }

    /// The plan files under `paths` (files or folders, spelt as on the command line, relative to `folder`) at
    /// this revision, keyed by the same spelling the working tree's files get, so both sides match: each with
    /// its path relative to the folder it was listed under, and whether it was named itself.
    package func planFiles(
        under paths: [String], filter: PathFilter,
        folder: String? = nil
    ) throws -> (
        files: [String: [UInt8]], refused: [String: SpeckitError], listed: [(path: String, relative: [Substring], named: Bool)]
    ) {
        let folder = folder ?? FileManager.default.currentDirectoryPath
        var wanted: [(key: String, name: String, object: String)] = []
        // Links, by the key they are listed under: read as the working tree reads them (`LinkBoundary`).
        var links: [(key: String, name: String, object: String)] = []
        var listed: [(path: String, relative: [Substring], named: Bool)] = []
        // A file reached through two paths is read once, as on disk.
        var seen: Set<String> = []
        for given in paths {
            // A quoted glob is the files it matches below its fixed folder, each as if named (`PathPatterns`).
            let pattern = PathPatterns.isPattern(given) ? PathPatterns.Pattern(given) : nil
            let path = pattern?.root ?? given
            let inside = try repositoryPath(path, folder: folder)
            let listing = try Git.run(
                ["ls-tree", "-r", "-z", "--full-tree", commit, "--"] + (inside.isEmpty ? [] : [inside]), in: root)
            for record in listing.split(separator: 0) {
                // `<mode> <type> <object>\t<name>`: files and links are plans (not submodules).
                guard let tab = record.firstIndex(of: 9) else { continue }
                let fields = record[..<tab].split(separator: 32)
                guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else { continue }
                let isLink = fields[0].elementsEqual("120000".utf8)
                let object = String(decoding: fields[2], as: UTF8.self)
                let name = String(decoding: record[(tab + 1)...], as: UTF8.self)
                // A link's blob is its target: what is read is decided once every path is listed.
                func want(_ key: String) {
                    if isLink { links.append((key, name, object)) } else { wanted.append((key, name, object)) }
                }
                if name == inside {
                    guard seen.insert(name).inserted else { continue }
                    listed.append((path, [Substring(path.split(separator: "/").last ?? Substring(path))], true))
                    want(path)
                    continue
                }
                let rest = inside.isEmpty ? name : String(name.dropFirst(inside.count + 1))
                let folder = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
                let key = folder + rest
                if let pattern {
                    let below = rest.split(separator: "/")
                    // The walk that expands a pattern enters no folder a walk would not.
                    guard pattern.matches(below), below.indices.dropLast().allSatisfy({ PathRules.enters(Array(below[...$0])) }),
                        seen.insert(name).inserted
                    else { continue }
                    listed.append((key, [below[below.count - 1]], true))
                    want(key)
                    continue
                }
                // The walker's rules, applied to a listed path; the globs as the walker tests them.
                let relative = rest.split(separator: "/")
                // Rules read the path as spelt from the current folder, as the walker reads it.
                guard let entry = TreeWalker.select([key]).first, entry.take == .candidate, filter.keeps(file: key) else { continue }
                if relative.indices.dropLast().contains(where: { filter.excludes(folder: folder + relative[...$0].joined(separator: "/")) })
                {
                    continue
                }
                guard seen.insert(name).inserted else { continue }
                listed.append((key, entry.relative, false))
                want(key)
            }
        }
        let refused = try follow(links, into: &wanted)
        return (try read(wanted), refused, listed.sorted { $0.path < $1.path })
    }

    /// The revision's files as a repository (`tasks.done-without-evidence` at the base): every path it lists,
    /// in the working tree's namespace (absolute, under `root`), with the plain names its `.gitignore` held.
    package func repository() throws -> RepositoryFiles {
        var paths: Set<String> = []
        for name in try Git.run(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit], in: root).split(separator: 0) {
            var path = String(decoding: name, as: UTF8.self)
            paths.insert(path)
            while let slash = path.lastIndex(of: "/") {
                path = String(path[..<slash])
                guard paths.insert(path).inserted else { break }
            }
        }
        let names = Set(paths.map { String($0.split(separator: "/").last ?? "") })
        var ignored: Set<String> = [".git"]
        if let text = try? Git.run(["show", commit + ":.gitignore"], in: root) {
            ignored.formUnion(RepositoryFiles.plainNames(inGitignore: String(decoding: text, as: UTF8.self)))
        }
        let top = root
        let known = paths
        let found = (names, ignored)
        return RepositoryFiles(
            root: top, locate: { URL(fileURLWithPath: $0).standardizedFileURL.path },
            exists: { path in path.hasPrefix(top + "/") && known.contains(String(path.dropFirst(top.count + 1))) },
            names: { found })
    }

    /// The links among the plan files, as the working tree reads them: one whose target (followed through
    /// further links in the tree) is a file inside the repository is read as that file; one that leads
    /// outside it is refused with the working tree's reason, so the same finding is made on both sides.
    /// One that leads nowhere (or to a folder) is left out.
    private func follow(
        _ links: [(key: String, name: String, object: String)],
        into wanted: inout [(key: String, name: String, object: String)]
    ) throws -> [String: SpeckitError] {
        guard !links.isEmpty else { return [:] }
        var refused: [String: SpeckitError] = [:]
        var tree: [String: (link: Bool, object: String)] = [:]
        for record in try Git.run(["ls-tree", "-r", "-z", "--full-tree", commit], in: root).split(separator: 0) {
            guard let tab = record.firstIndex(of: 9) else { continue }
            let fields = record[..<tab].split(separator: 32)
            guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else { continue }
            tree[String(decoding: record[(tab + 1)...], as: UTF8.self)] = (
                fields[0].elementsEqual("120000".utf8), String(decoding: fields[2], as: UTF8.self)
            )
        }
        let targets = try read(links.map { ($0.object, $0.name, $0.object) })
        for link in links {
            var name = link.name
            var target = targets[link.object].map { String(decoding: $0, as: UTF8.self) }
            // As the kernel follows links: at most 40 in a row.
            for _ in 0..<40 {
                guard let text = target, let next = Self.inside(text, from: name, root: root) else {
                    if target != nil { refused[link.key] = .unreadable(link.key, reason: LinkBoundary.outside("the repository")) }
                    break
                }
                guard let entry = tree[next] else { break }
                if !entry.link {
                    wanted.append((link.key, next, entry.object))
                    break
                }
                name = next
                target = try read([(entry.object, next, entry.object)])[entry.object].map { String(decoding: $0, as: UTF8.self) }
            }
        }
        return refused
    }

    /// The repository path a link at `name` whose text is `target` leads to, or nil when it leads outside.
    static func inside(_ target: String, from name: String, root: String) -> String? {
        if target.hasPrefix("/") {
            guard let inside = ReportPaths.path(ReportPaths.standard(target), inside: root) else { return nil }
            return inside == "." ? "" : inside
        }
        var parts = Array(name.split(separator: "/").dropLast())
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// `path` relative to the repository's top folder ("" for the top itself).
    func repositoryPath(_ path: String, folder: String) throws -> String {
        // Links resolved where the path exists, so /tmp and /private/tmp, or a linked checkout, still match
        // (as reports name files: `ReportPaths.relative`).
        let resolved = ReportPaths.resolvingLinks(ReportPaths.standard(path.hasPrefix("/") ? path : folder + "/" + path))
        guard let inside = ReportPaths.path(resolved, inside: root) else {
            throw SpeckitError.git("\(path): outside the git repository at \(root)")
        }
        return inside == "." ? "" : inside
    }

    /// The blobs, read by object id in one `git cat-file --batch`.
    func read(_ wanted: [(key: String, name: String, object: String)]) throws -> [String: [UInt8]] {
        guard !wanted.isEmpty else { return [:] }
        let question = wanted.map { $0.object + "\n" }.joined()
        let answer = try Git.run(["cat-file", "--batch"], in: root, input: Array(question.utf8))
        var files: [String: [UInt8]] = [:]
        var index = answer.startIndex
        for (key, name, _) in wanted {
            guard let end = answer[index...].firstIndex(of: 10) else { break }
            let header = String(decoding: answer[index..<end], as: UTF8.self).split(separator: " ")
            index = end + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                if header.last == "missing" { continue }
                throw SpeckitError.git("cannot read \(name) at \(self.name)")
            }
            guard size <= Limits.standard.fileBytes else {
                throw SpeckitError.fileTooLarge("\(self.name):\(name)", bytes: size, limit: Limits.standard.fileBytes)
            }
            files[key] = Array(answer[index..<min(answer.endIndex, index + size)])
            index = min(answer.endIndex, index + size + 1)
        }
        return files
    }
}
