/// Runs a rule example the way `speckit validate` runs a repository: its files are discovered into kits,
/// parsed by the real parsers and checked by every rule, all in memory.
public enum ExampleRunner {
    /// Every finding the example produces (of every rule).
    /// - Throws: `SpeckitError.badConfig` when the example's configuration is wrong.
    public static func findings(_ example: RuleExample) throws -> [Finding] {
        let settings = try example.config.map { try ConfigFile.parse($0, file: ".speckit.yml") } ?? ValidationSettings()
        let kits = KitDiscovery.kits(walked: example.files.map(\.path).sorted(), profile: settings.profile,
                                     base: "/")
        let validator = Validator(settings: settings, files: MemoryFiles(example.files), jobs: 1)
        return validator.validate(kits: kits).findings
    }
}
