/// How commands find kits, said once for every `--help` that reads kits (the README's "What speckit reads").
enum DiscoveryHelp {
    static let text = """
        PATH is a plan file, a kit folder, a tree, or a .zip/.tar.gz kit (read in memory, never extracted). Kits \
        are found by layout: speckit (spec/NAME/), github-spec-kit (specs/NNN-name/, .specify/memory/), kiro \
        (.kiro/specs/NAME/ or flat .kiro/specs/*.md), openspec (openspec/changes/ID/, archived changes counted \
        apart, openspec/specs/), taskmaster (.taskmaster/tasks/*.json), and freeform: a file whose name says it \
        is a plan (tasks.md, ROADMAP.md, sprint-plan.yaml) or any Markdown file of .planning/, .specs/, .ai/, \
        .github/plans/ or a folder named plans or tasks. Skipped and counted (--verbose lists them): templates and agents' prompt folders \
        (templates/, *-template.md, .claude/commands/, .github/prompts/; --include-templates reads them), YAML \
        and JSON files that are not plans by their content (Compose files, Actions, Kubernetes objects), empty \
        files, loose Markdown files that hold no task, phase or requirement though a word of their name is a \
        plan word, and .txt files that look like plans. A file named on the command line is always read (with --only-plans only when a walk would read it), in its \
        kit: the kit's other documents give context and only the named files are reported. The nearest \
        .speckit.yml (or --config) applies.
        """
}
