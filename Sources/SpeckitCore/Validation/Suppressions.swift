/// Inline suppressions, written in the plan itself:
///
///     <!-- speckit-disable-next-line tasks.unknown-dependency -->
///     <!-- speckit-disable status.* -->  …  <!-- speckit-enable -->
///     <!-- speckit-disable-file content.placeholder -->
///     # speckit-disable-next-line yaml.invalid-field          (YAML)
///
/// A directive names rules by id or with a `*` glob (`status.*`), separated by spaces or commas; naming none
/// means every rule. A directive in a code block is an example, not a directive. A directive that suppresses
/// nothing is itself a finding (`suppression.unused`), so that suppressions do not outlive what they hid.
struct Suppressions {
    struct Directive {
        enum Scope: Equatable {
            case nextLine, file
            /// From the directive to the line before the `speckit-enable` that ends it (or the end of the file).
            case region(end: Int)
        }

        var kind: String
        var patterns: [String]
        var line: Int
        var column: Int
        var scope: Scope
        /// The line `nextLine` applies to.
        var target = 0
        var used = false

        func covers(_ finding: Finding) -> Bool {
            let line = finding.range.line
            let inScope =
                switch scope {
                case .file: true
                case .nextLine: line == target
                case .region(let end): line > self.line && line <= end
                }
            return inScope && (patterns.isEmpty || patterns.contains { RulePattern($0).matches(finding.ruleId.rawValue) })
        }
    }

    private(set) var directives: [Directive] = []

    /// The directives of one file.
    /// What every directive holds.
    static let marker = Array("speckit-".utf8)

    init(_ source: SourceText, format: Document.Format) {
        guard QuickScan.containsExact(source.text, Self.marker) else { return }
        var fence: Character?
        var open: [Int] = []
        for number in 1...max(source.lineCount, 1) where number <= source.lineCount {
            let line = source.line(number)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if format == .markdown, let first = trimmed.first, first == "`" || first == "~",
                trimmed.hasPrefix(String(repeating: first, count: 3))
            {
                fence = fence == nil ? first : (fence == first ? nil : fence)
                continue
            }
            guard fence == nil, QuickScan.containsExact(line, Self.marker),
                let (kind, patterns, column) = Self.directive(in: line, format: format)
            else {
                continue
            }
            if kind == "enable" {
                // Ends the open regions it names (all of them when it names none).
                for index in open.reversed() where patterns.isEmpty || !Set(directives[index].patterns).isDisjoint(with: patterns) {
                    directives[index].scope = .region(end: number - 1)
                    open.removeAll { $0 == index }
                }
                continue
            }
            var directive = Directive(kind: kind, patterns: patterns, line: number, column: column, scope: .file)
            switch kind {
            case "disable-next-line":
                directive.scope = .nextLine
                var target = number + 1
                while target < source.lineCount, source.line(target).allSatisfy({ $0 == " " || $0 == "\t" }) { target += 1 }
                directive.target = target
            case "disable":
                directive.scope = .region(end: Int.max)
                open.append(directives.count)
            default:
                break
            }
            directives.append(directive)
        }
    }

    /// `(kind, patterns, column)` of the directive on a line: an HTML comment in Markdown, a `#` comment in YAML.
    static func directive(in line: Substring, format: Document.Format) -> (String, [String], Int)? {
        let pattern = format == .markdown ? markdownDirective : yamlDirective
        guard let match = line.firstMatch(of: pattern) else { return nil }
        let patterns = match.output.2.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        // The column of the comment's own `<!--` or `#` (the YAML pattern also takes the space before it).
        let start = line[match.range].firstIndex { $0 == "<" || $0 == "#" } ?? match.range.lowerBound
        return (String(match.output.1), patterns, line.distance(from: line.startIndex, to: start) + 1)
    }

    nonisolated(unsafe) static let markdownDirective =
        /<!--\s*speckit-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->/
    nonisolated(unsafe) static let yamlDirective = /(?:^|\s)#\s*speckit-(disable-next-line|disable-file|disable|enable)\b(.*)$/

    /// Drops the findings in `file` that a directive covers, marking the directives used; returns how many it
    /// dropped.
    mutating func suppress(_ findings: inout [Finding], in file: String) -> Int {
        var dropped = 0
        findings.removeAll { finding in
            guard finding.range.file == file, finding.ruleId != .unusedSuppression else { return false }
            var covered = false
            for index in directives.indices where directives[index].covers(finding) {
                directives[index].used = true
                covered = true
            }
            if covered { dropped += 1 }
            return covered
        }
        return dropped
    }

    /// What each directive that suppressed nothing says about itself.
    func unused(in file: String) -> [(message: String, range: SourceRange)] {
        directives.filter { !$0.used }.map { directive in
            let named = directive.patterns.isEmpty ? "" : " " + directive.patterns.joined(separator: " ")
            // A misspelt rule is the likeliest reason: say which names match no rule at all.
            let unknown = directive.patterns.filter { pattern in !RuleID.allCases.contains { RulePattern(pattern).matches($0.rawValue) } }
            let why = unknown.isEmpty ? "" : " (\(unknown.joined(separator: ", ")) \(Plural.pick(unknown.count, "names", "name")) no rule)"
            return (
                "speckit-\(directive.kind)\(named) suppresses nothing\(why)",
                SourceRange(file: file, line: directive.line, column: directive.column)
            )
        }
    }
}
