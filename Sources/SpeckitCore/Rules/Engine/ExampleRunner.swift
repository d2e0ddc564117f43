/// Runs a rule example the way `speckit validate` runs a repository: its files are discovered into kits,
/// parsed by the real parsers and checked by every rule, all in memory. An example with `base` files is run
/// the way `validate --base` runs: the diff rules check the changes from the base to the files.
public enum ExampleRunner {
    /// Every finding the example produces (of every rule).
    /// - Throws: `SpeckitError.badConfig` when the example's configuration is wrong.
    public static func findings(_ example: RuleExample) throws -> [Finding] {
        let settings = try example.config.map { try ConfigFile.parse($0, file: ".speckit.yml") } ?? ValidationSettings()
        let kits = KitDiscovery.kits(walked: example.files.map(\.path).sorted(), profile: settings.profile, base: "/")
        let validator = Validator(settings: settings, files: MemoryFiles(example.files), jobs: 1)
        var findings = validator.validate(kits: kits).findings
        if let base = example.base {
            let baseKits = KitDiscovery.kits(walked: base.map(\.path).sorted(), profile: settings.profile, base: "/")
            let old = Validator(settings: settings, files: MemoryFiles(base), jobs: 1).parse(kits: baseKits)
            let diff = PlanComparer().compare(
                old: old, new: validator.parse(kits: kits), base: "base", head: "example",
                baseIsRevision: false)
            findings += DiffContext.findings(of: diff, settings: settings)
        }
        return findings
    }
}
