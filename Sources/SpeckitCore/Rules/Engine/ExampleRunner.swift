/// Runs a rule example the way `speckit validate` runs a repository: its files are discovered into kits,
/// parsed by the real parsers and checked by every rule, all in memory. An example with `base` files is run
/// the way `validate --base` runs: the diff rules check the changes from the base to the files.
package enum ExampleRunner {
    /// Every finding the example produces (of every rule).
    /// - Throws: `SpeckitError.badConfig` when the example's configuration is wrong.
    package static func findings(_ example: RuleExample) throws -> [Finding] {
        var settings = try example.config.map { try ConfigFile.parse($0, file: ".speckit.yml") } ?? ValidationSettings()
        // Examples show what every rule finds, opt-in rules too.
        for rule in RuleRegistry.descriptions where rule.optIn && settings.severities[rule.id] == nil {
            settings.severities[rule.id] = rule.defaultSeverity
        }
        let loader = KitLoader(settings: settings)
        let validator = Validator(settings: settings, jobs: 1)
        // An example's files are a repository of their own: a path a task names exists when a file is there.
        let set = loader.discover(memory: Dictionary(example.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 }), repository: true)
        var findings = validator.validate(set).findings
        if let base = example.base {
            let old = validator.parse(loader.discover(memory: Dictionary(base.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 })))
            let diff = PlanComparer().compare(
                old: old.kits, new: validator.parse(set).kits, base: "base", head: "example", baseIsRevision: false)
            // What the example's change touched: every file that differs from its base.
            let before = Dictionary(base.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 })
            let changed = Set(example.files.filter { before[$0.path] != $0.bytes }.map(\.path))
            findings += DiffContext.findings(of: diff, settings: settings, touched: TouchedFiles(paths: changed, locate: { $0 }))
        }
        return findings
    }
}
