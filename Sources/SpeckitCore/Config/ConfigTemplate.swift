/// The commented `.speckit.yml` that `speckit init` writes: what was found in the repository, then every
/// setting commented out at its default, with the rules that are off unless turned on. It parses to the
/// defaults (`ConfigFile.parse`), so writing it changes nothing until a line is uncommented.
public enum ConfigTemplate {
    /// The workflow `speckit init --github` writes (`templates/init/speckit-workflow.yml`).
    public static var workflow: String { EmbeddedInitTemplates.files["speckit-workflow.yml"] ?? "" }

    /// The text for a repository holding `kits` (found from the folder the file goes in; `root` relative
    /// paths of each kit).
    public static func text(kits: [(profile: Kit.Profile, root: String, name: String)]) -> String {
        var out = """
            # speckit's settings for this repository, written by `speckit init` (speckit \(Speckit.version)).
            # Every setting is optional; a commented line shows the default or an example (speckit's README has the
            # reference, under Configuration).

            """
        out += found(kits)
        out += """

            # Each kit's layout is told apart on its own (the default). To read every kit as one layout
            # instead (speckit, github-spec-kit, kiro, openspec, taskmaster or freeform), set it, for example:
            # profile: \(kits.first?.profile.rawValue ?? "github-spec-kit")

            # Which files to read when walking folders (globs relative to this file; default: every plan file),
            # and which never to read. Test data (tests/, fixtures/, testdata/ …) is skipped already.
            # include: ["specs/**", "ROADMAP.md"]
            # exclude: ["docs/archive/**", "*.draft.md"]

            # Templates and agents' prompt files (templates/, *-template.md, .claude/commands/ …) are not plans.
            # includeTemplates: false

            # Severity per rule id, family or glob: error, warning, note or off (`speckit rules` lists them).
            # The most specific entry wins; a glob never turns on a rule that is off unless named.
            # rules:
            #   status.*: warning
            #   content.placeholder: off
            # Off unless turned on here by name:
            \(RuleRegistry.descriptions.filter(\.optIn).map { "#   \($0.id.rawValue): \($0.defaultSeverity.rawValue)" }.joined(separator: "\n"))

            # Words your plans use for a status or a concept, on top of the built-in languages.
            # statusWords:
            #   shipped-to-qa: review
            # words:
            #   phase: [Milestone]
            #   dependsOn: [waits on]

            # Warnings fail the run (exit 1) as errors do.
            # strict: false

            """
        return out
    }

    /// `# Found here:` and one line per layout with its kits.
    static func found(_ kits: [(profile: Kit.Profile, root: String, name: String)]) -> String {
        guard !kits.isEmpty else { return "#\n# No kits were found here yet; `speckit validate` reads them once there are.\n" }
        var out = "#\n# Found here:\n"
        var order: [Kit.Profile] = []
        var byProfile: [Kit.Profile: [String]] = [:]
        for kit in kits {
            if byProfile[kit.profile] == nil { order.append(kit.profile) }
            let place = kit.profile == .freeform ? (kit.root == "." ? kit.name : "\(kit.root)/\(kit.name)") : kit.root
            byProfile[kit.profile, default: []].append(place.escapingControlCharacters)
        }
        for profile in order {
            let places = byProfile[profile] ?? []
            let shown = places.prefix(4).joined(separator: ", ") + (places.count > 4 ? ", …" : "")
            let label = profile.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
            out += "#   \(label)\(Plural.count(places.count, "kit")): \(shown)\n"
        }
        return out
    }
}
