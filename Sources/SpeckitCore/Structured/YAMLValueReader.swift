import Yams

/// Reads YAML text into a `PlanValue` with Yams, refusing alias bombs and runaway nesting.
///
/// Yams resolves an alias to the very node its anchor names, so a "billion laughs" file composes
/// quickly but would expand without limit when walked. The walk therefore converts each anchored node
/// once, reuses the result for every alias (the copies share storage), and charges every alias the full
/// size of what it names against `nodeBudget`; going over throws `SpeckitError.yamlAliasBomb` at once.
/// Before that, libyaml's events are counted (`YAMLEvents`): a text holding more than `nodeBudget` values as
/// written is refused (`.yamlTooManyNodes`) before Yams builds a node of it, so memory stays bounded.
struct YAMLValueReader {
    let file: String
    /// Added to every line (front matter cut out of a Markdown file).
    var lineOffset = 0
    /// Nodes a document may hold and expand to, aliases counted at their full size (`Limits.yamlNodes`).
    var nodeBudget = Limits.standard.yamlNodes
    /// Collections nested deeper than this (aliases expanded) are refused (`Limits.yamlNesting`).
    var maxDepth = Limits.standard.yamlNesting

    /// Parses the single document in `text`; nil when it holds none (only comments or `---`).
    /// Throws `YAMLFailure` for what is not valid YAML, `SpeckitError.yamlAliasBomb` for an alias bomb.
    func read(_ text: String) throws -> PlanValue? {
        if let refusal = AliasKeyScan.refusal(in: text, lineOffset: lineOffset) { throw refusal }
        if let nodes = YAMLEvents.count(text, limit: nodeBudget), nodes > nodeBudget {
            throw SpeckitError.yamlTooManyNodes(file: file, limit: nodeBudget)
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw YAMLFailure(error, text: text, lineOffset: lineOffset)
        }
        guard let root else { return nil }
        // The parser owns the anchors; while it lives, `node.anchor` identifies an anchored node.
        return try withExtendedLifetime(parser) {
            var walk = Walk(file: file, lineOffset: lineOffset, budget: nodeBudget, maxDepth: maxDepth)
            return try walk.convert(root, depth: 0).value
        }
    }
}

extension YAMLValueReader {
    /// A reader for `text` under `limits`.
    init(file: String, lineOffset: Int = 0, text: String, limits: Limits) {
        self.init(
            file: file, lineOffset: lineOffset, nodeBudget: limits.yamlNodes,
            maxDepth: limits.yamlNesting)
    }
}

/// One pass over a composed Yams tree.
private struct Walk {
    struct Converted {
        var value: PlanValue
        /// Nodes the value stands for, aliases expanded.
        var size: Int
        /// Levels of collections below the value.
        var height: Int
    }

    let file: String
    let lineOffset: Int
    let budget: Int
    let maxDepth: Int
    var charged = 0
    var anchored: [ObjectIdentifier: Converted] = [:]

    mutating func convert(_ node: Node, depth: Int) throws -> Converted {
        if let anchor = node.anchor, let done = anchored[ObjectIdentifier(anchor)] {
            try charge(done.size)
            try checkDepth(depth + done.height, node)
            return done
        }
        try checkDepth(depth, node)
        let before = charged
        try charge(1)
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        var endLine = line
        var height = 0
        let kind: PlanValue.Kind
        switch node {
        case .scalar(let scalar):
            kind = .scalar(scalar.string, plain: Self.isUntypedPlain(scalar))
        case .alias:
            kind = .scalar("", plain: true)
        case .sequence(let sequence):
            var items: [PlanValue] = []
            for child in sequence {
                let converted = try convert(child, depth: depth + 1)
                items.append(converted.value)
                endLine = max(endLine, converted.value.endLine)
                height = max(height, converted.height + 1)
            }
            kind = .sequence(items)
        case .mapping(let mapping):
            var pairs: [PlanValue.Pair] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else { continue }
                let converted = try convert(value, depth: depth + 1)
                let keyLine = keyScalar.mark.map { $0.line + lineOffset } ?? line
                pairs.append(
                    PlanValue.Pair(
                        key: keyScalar.string, value: converted.value,
                        keyLine: keyLine, keyColumn: keyScalar.mark?.column))
                endLine = max(endLine, keyLine, converted.value.endLine)
                height = max(height, converted.height + 1)
            }
            kind = .mapping(YAMLMergeKeys.apply(pairs))
        }
        let converted = Converted(
            value: PlanValue(kind, line: line, column: column, endLine: endLine),
            size: charged - before, height: height)
        if let anchor = node.anchor { anchored[ObjectIdentifier(anchor)] = converted }
        return converted
    }

    /// A plain scalar without an explicit tag (so `jsonValue` may read it as a number, boolean or null).
    /// `Tag.description` is read rather than `Node.tag`, which would resolve — and so change — the tag.
    private static func isUntypedPlain(_ scalar: Node.Scalar) -> Bool {
        let tag = scalar.tag.description
        return scalar.style == .plain
            && (tag.isEmpty || (tag.hasPrefix("tag:yaml.org,2002:") && tag != Tag.Name.str.rawValue))
    }

    private mutating func charge(_ nodes: Int) throws {
        charged += nodes
        if charged > budget { throw SpeckitError.yamlAliasBomb(file: file, limit: budget) }
    }

    private func checkDepth(_ depth: Int, _ node: Node) throws {
        guard depth > maxDepth else { return }
        throw YAMLFailure(
            line: node.mark.map { $0.line + lineOffset }, column: node.mark?.column,
            problem: "nesting is deeper than \(maxDepth) levels (limits.yamlNesting)")
    }
}

/// YAML merge keys: `<<: *defaults` (or a list of aliases) copies the named mappings' entries into the
/// mapping, where a key written in the mapping itself wins and an earlier merged mapping wins over a later one.
enum YAMLMergeKeys {
    static func apply(_ pairs: [PlanValue.Pair]) -> [PlanValue.Pair] {
        guard pairs.contains(where: { $0.key == "<<" }) else { return pairs }
        var seen = Set(pairs.filter { $0.key != "<<" }.map(\.key))
        var out: [PlanValue.Pair] = []
        for pair in pairs {
            guard pair.key == "<<" else {
                out.append(pair)
                continue
            }
            let sources = pair.value.items ?? [pair.value]
            for source in sources {
                for merged in source.pairs ?? [] where !seen.contains(merged.key) {
                    seen.insert(merged.key)
                    out.append(merged)
                }
            }
        }
        return out
    }
}
