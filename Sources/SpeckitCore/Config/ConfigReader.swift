import Foundation
import Yams

/// Reads the values of `.speckit.yml`, turning every mistake into `SpeckitError.badConfig` at its line.
struct ConfigReader {
    let file: String

    func error(_ node: Node, _ problem: String) -> SpeckitError {
        .badConfig(file: file, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, problem: problem)
    }

    func scalar(_ node: Node, what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "expected \(what)") }
        return scalar.string
    }

    func profile(_ node: Node) throws -> Kit.Profile {
        let names = Kit.Profile.allCases.map(\.rawValue).joined(separator: ", ")
        let text = try scalar(node, what: "a profile name (\(names))")
        guard let profile = Kit.Profile(rawValue: text) else {
            throw error(node, "unknown profile '\(text)' (expected one of \(names))")
        }
        return profile
    }

    func strings(_ node: Node, what: String) throws -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard let sequence = node.sequence else { throw error(node, "expected \(what)") }
        return try sequence.map { try scalar($0, what: what) }
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        let text = try scalar(node, what: "true or false for '\(key)'")
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "expected true or false for '\(key)', found '\(text)'")
        }
    }

    func severities(_ node: Node) throws -> (ids: [RuleID: Severity?], patterns: [(pattern: RulePattern, severity: Severity?)]) {
        guard let mapping = node.mapping else {
            throw error(node, "expected a mapping of rule ids or globs (status.*) to error, warning, note or off")
        }
        var out: [RuleID: Severity?] = [:]
        var patterns: [(pattern: RulePattern, severity: Severity?)] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            let pattern = RulePattern(name)
            if pattern.isGlob {
                guard name.count(where: { $0 == "*" }) == 1 else {
                    throw error(key, "'\(name)' has more than one '*' (expected a rule id, a family such as status.*, or *)")
                }
                guard RuleID.allCases.contains(where: { pattern.matches($0.rawValue) }) else {
                    let families = Set(RuleID.allCases.map(\.category)).sorted().map { "\($0).*" }.joined(separator: ", ")
                    throw error(key, "'\(name)' matches no rule (families: \(families))")
                }
                patterns.append((pattern, try severity(value, for: name)))
                continue
            }
            guard let id = RuleID(rawValue: name) else {
                let near = RuleID.allCases.filter { $0.category == name.split(separator: ".").first.map(String.init) }
                let hint =
                    near.isEmpty ? "run 'speckit rules' for the list" : "expected one of " + near.map(\.rawValue).joined(separator: ", ")
                throw error(key, "unknown rule '\(name)' (\(hint))")
            }
            out[id] = .some(try severity(value, for: name))
        }
        // The most specific glob is looked at first.
        return (
            out,
            patterns.enumerated().sorted { a, b in
                a.element.pattern.specificity != b.element.pattern.specificity
                    ? a.element.pattern.specificity > b.element.pattern.specificity : a.offset < b.offset
            }.map(\.element)
        )
    }

    /// `error`, `warning`, `note`, or nil for `off`.
    private func severity(_ value: Node, for name: String) throws -> Severity? {
        let text = try scalar(value, what: "error, warning, note or off for \(name)")
        switch text.lowercased() {
        case "off", "false", "none": return nil
        default:
            guard let severity = Severity(rawValue: text.lowercased()) else {
                throw error(value, "expected error, warning, note or off for \(name), found '\(text)'")
            }
            return severity
        }
    }

    func statusWords(_ node: Node) throws -> [String: CanonicalStatus] {
        guard let mapping = node.mapping else { throw error(node, "expected a mapping of words to statuses") }
        let names = CanonicalStatus.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", ")
        var out: [String: CanonicalStatus] = [:]
        for (key, value) in mapping {
            let word = try scalar(key, what: "a status word")
            let text = try scalar(value, what: "a status (\(names))")
            guard let status = StatusVocabulary.standard.status(forWord: text) ?? CanonicalStatus(rawValue: text),
                status != .unknown
            else {
                throw error(value, "unknown status '\(text)' for '\(word)' (expected one of \(names))")
            }
            out[word] = status
        }
        return out
    }

    /// `words:`: a mapping of concept names (`userStory`, `phase`, `dependsOn` …) or status names (`done`,
    /// `in_progress` …) to lists of words.
    func words(_ node: Node) throws -> (concepts: [VocabularyConcept: [String]], statuses: [String: CanonicalStatus]) {
        let statusNames = CanonicalStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)
        let names = (VocabularyConcept.allCases.map(\.rawValue) + statusNames).joined(separator: ", ")
        guard let mapping = node.mapping else { throw error(node, "expected a mapping of concepts to lists of words (\(names))") }
        var concepts: [VocabularyConcept: [String]] = [:]
        var statuses: [String: CanonicalStatus] = [:]
        for (key, value) in mapping {
            let name = try scalar(key, what: "a concept name (\(names))")
            let list = try strings(value, what: "a list of words for '\(name)'")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let empty = list.firstIndex(where: \.isEmpty) {
                throw error(value.sequence.map { $0[empty] } ?? value, "empty word in 'words.\(name)'")
            }
            if let concept = VocabularyConcept(rawValue: name) {
                concepts[concept, default: []] += list
            } else if let status = CanonicalStatus(rawValue: name == "inProgress" ? "in_progress" : name), status != .unknown {
                for word in list { statuses[word] = status }
            } else {
                throw error(key, "unknown concept 'words.\(name)' (expected one of \(names))")
            }
        }
        return (concepts, statuses)
    }

    func limits(_ node: Node) throws -> Limits {
        let names = Limits.settings.map(\.name).joined(separator: ", ")
        guard let mapping = node.mapping else { throw error(node, "expected a mapping of limits (\(names))") }
        var limits = Limits.standard
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard let setting = Limits.settings.first(where: { $0.name == name }) else {
                throw error(key, "unknown limit '\(name)' (expected one of \(names))")
            }
            let text = try scalar(value, what: "a whole number from 1 to \(Limits.ceiling) for \(name)")
            guard let number = Int(text), number > 0, number <= Limits.ceiling else {
                throw error(value, "expected a whole number from 1 to \(Limits.ceiling) for \(name), found '\(text)'")
            }
            limits[keyPath: setting.keyPath] = number
        }
        return limits
    }

    func requiredSections(_ node: Node) throws -> [Document.Kind: [String]] {
        guard let mapping = node.mapping else {
            throw error(node, "expected a mapping of document kinds to lists of section titles")
        }
        let kinds = Document.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        var out: [Document.Kind: [String]] = [:]
        for (key, value) in mapping {
            let name = try scalar(key, what: "a document kind (\(kinds))")
            guard let kind = Document.Kind(rawValue: name) else {
                throw error(key, "unknown document kind '\(name)' (expected one of \(kinds))")
            }
            out[kind] = try strings(value, what: "a list of section titles for \(name)")
        }
        return out
    }
}
