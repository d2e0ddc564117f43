import Foundation
import Yams

/// Why YAML text could not be read: a 1-based position (when known) and a one-line phrase such as
/// "mapping values are not allowed in this context". The caller turns it into `SpeckitError.yamlSyntax`
/// (or, for a `.json` file, tries JSON before giving up).
struct YAMLFailure: Error, Equatable {
    var line: Int?
    var column: Int?
    var problem: String
    /// The mapping repeats a key (a separate finding from other syntax errors).
    var duplicateKey = false

    /// The speckit error for a YAML file.
    func yamlError(file: String) -> SpeckitError {
        duplicateKey
            ? .yamlDuplicateKey(file: file, line: line, column: column, problem: problem)
            : .yamlSyntax(file: file, line: line, column: column, problem: problem)
    }

    /// Reads what went wrong out of a Yams error, shifting lines by `lineOffset` (front matter).
    init(_ error: YamlError, text: String, lineOffset: Int) {
        func context(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at line \(context.mark.line + lineOffset))"
        }
        switch error {
        case .composer(_, "but found another document", let mark, _):
            self.init(
                line: mark.line + lineOffset, column: mark.column,
                problem: "found a second document (`---`); expected a single YAML document")
        case .scanner(let ctx, let problem, let mark, _),
            .parser(let ctx, let problem, let mark, _),
            .composer(let ctx, let problem, let mark, _):
            self.init(
                line: mark.line + lineOffset, column: mark.column,
                problem: Self.phrase(problem) + (problem.hasPrefix("Maximum nesting") ? "" : context(ctx)))
        case .reader(let problem, let offset, _, _):
            let position = offset.map { Self.position(ofCharacter: $0, in: text) }
            self.init(
                line: position.map { $0.line + lineOffset }, column: position?.column,
                problem: Self.phrase(problem))
        case .duplicatedKeysInMapping(let duplicates, let ctx):
            // Yams points at the first occurrence; point at the repeat when it can be found.
            let first = ctx.mark
            if duplicates.count == 1, let again = Self.repeatedKey(duplicates[0], after: first, in: text) {
                self.init(
                    line: again.line + lineOffset, column: again.column,
                    problem: "duplicate key '\(duplicates[0])' (first written on line \(first.line + lineOffset))")
            } else {
                let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                self.init(line: first.line + lineOffset, column: first.column, problem: "duplicate key \(names) in a mapping")
            }
            duplicateKey = true
        case .memory:
            self.init(line: nil, column: nil, problem: "out of memory while reading YAML")
        default:
            let first = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable YAML"
            self.init(line: nil, column: nil, problem: Self.phrase(first))
        }
    }

    init(line: Int?, column: Int?, problem: String) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// libyaml's problem text, made one line; its nesting message is replaced by a plain one.
    static func phrase(_ problem: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") { return "nesting is deeper than 1000 levels" }
        let oneLine = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.trimmingCharacters(in: .whitespaces)
    }

    /// The next line after `first` with `key:` written at the same column (a repeated block-mapping key).
    static func repeatedKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let rest = Substring(lines[index].unicodeScalars.dropFirst(first.column - 1))
            guard rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, first.column)
            }
        }
        return nil
    }

    /// 1-based line and column of the character at `offset` (Yams reports reader errors that way).
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
