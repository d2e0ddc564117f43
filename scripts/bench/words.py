"""Vocabulary and small text builders shared by the corpus styles (scripts/bench/gen_corpus.py).

Everything takes the generator's `random.Random` so one seed gives one corpus. Nothing here knows
about a plan style; it makes the prose, paths, dates, tables and code fences that fill plans.
"""

VERBS = ["Implement", "Add", "Create", "Wire", "Refactor", "Document", "Test", "Validate", "Migrate",
         "Harden", "Expose", "Remove", "Cache", "Index", "Stream", "Deploy", "Configure", "Audit"]
THINGS = ["user model", "session store", "run queue", "heartbeat endpoint", "event log", "artifact upload",
          "claim semantics", "retry policy", "rate limiter", "webhook handler", "settings page", "CLI flag",
          "schema migration", "health check", "search index", "export job", "billing hook", "audit trail",
          "SSE stream", "worker lane", "feature flag", "login form", "role checks", "status badge"]
AREAS = ["Auth", "Billing", "Runboard", "Worker Fleet", "Edge Function", "Telemetry", "Search", "Onboarding",
         "Notifications", "Admin Console", "Data Export", "Scheduler", "Observability", "CLI", "Sync Engine"]
NOUNS = ["operator", "worker", "request", "payload", "dashboard", "migration", "endpoint", "queue", "token",
         "contract", "snapshot", "lane", "template", "session", "report", "adapter", "policy", "index"]
ADJS = ["stale", "idempotent", "typed", "atomic", "paginated", "cached", "signed", "bounded", "noisy",
        "deterministic", "partial", "concurrent", "offline", "retried", "versioned", "validated"]
DIRS = ["src/models", "src/services", "src/api", "src/cli", "src/lib", "tests/unit", "tests/integration",
        "orchestrator/worker", "supabase/functions", "apps/web/src", "packages/core/src", "internal/store"]
EXTS = [".ts", ".py", ".go", ".rs", ".swift", ".tsx", ".sql"]
AGENTS = ["codex", "cursor-composer1", "cursor-agent-1", "claude", "alice", "bob", "dev-team", "ops"]
PRIORITIES = ["high", "medium", "low", "CRITICAL"]
EMOJI_DONE, EMOJI_WIP, EMOJI_TODO, EMOJI_BLOCKED = "✅", "⏳", "❌", "🔒"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
LANGS = ["typescript", "python", "sql", "bash", "yaml", "rust", "go"]


def pick(rng, items):
    return items[rng.randrange(len(items))]


def slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def task_title(rng):
    return f"{pick(rng, VERBS)} {pick(rng, ADJS)} {pick(rng, THINGS)}"


def area(rng):
    return pick(rng, AREAS)


def source_path(rng):
    return f"{pick(rng, DIRS)}/{pick(rng, NOUNS)}_{pick(rng, THINGS).split()[0]}{pick(rng, EXTS)}"


def iso_date(rng):
    return f"202{rng.randrange(4, 7)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def long_date(rng):
    return f"{pick(rng, MONTHS)} {rng.randrange(1, 29)}, 202{rng.randrange(4, 7)}"


def sentence(rng):
    """One sentence of plan prose, 10-25 words."""
    a, b = pick(rng, NOUNS), pick(rng, NOUNS)
    forms = [
        f"The {a} must stay {pick(rng, ADJS)} when the {b} is {pick(rng, ADJS)}.",
        f"Each {a} records who changed it and when, so the {b} can be replayed after a crash.",
        f"We keep the {pick(rng, ADJS)} {a} behind a flag until the {b} proves reliable in staging.",
        f"A {pick(rng, ADJS)} {a} should never block the {b}; fall back to the last known state instead.",
        f"See `{source_path(rng)}` for the current {a} handling and the {b} contract.",
        f"Operators reported that the {a} looked {pick(rng, ADJS)} after the {b} restarted.",
    ]
    return pick(rng, forms)


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randrange(2, 6)))


def bullets(rng, count=None, indent=""):
    return [f"{indent}- {sentence(rng)}" for _ in range(count or rng.randrange(2, 6))]


def code_fence(rng):
    lang = pick(rng, LANGS)
    name = slug(pick(rng, THINGS)).replace("-", "_")
    body = {
        "typescript": [f"export async function {name}(req: Request): Promise<Response> {{",
                       f"  const body = await req.json()", f"  return new Response(JSON.stringify(body))", "}"],
        "python": [f"def {name}(payload: dict) -> dict:", "    if not payload:", "        raise ValueError('empty')",
                   "    return {**payload, 'ok': True}"],
        "sql": [f"create table if not exists {name} (", "  id uuid primary key,", "  status text not null,",
                "  updated_at timestamptz default now()", ");"],
        "bash": ["set -euo pipefail", f"./scripts/{name}.sh --dry-run", "echo done"],
        "yaml": [f"{name}:", "  enabled: true", f"  retries: {rng.randrange(1, 6)}"],
        "rust": [f"fn {name}(id: &str) -> Result<(), Error> {{", "    validate(id)?;", "    Ok(())", "}"],
        "go": [f"func {name}(ctx context.Context) error {{", "\treturn nil", "}"],
    }[lang]
    return [f"```{lang}"] + body + ["```"]


def table(rng, rows=None):
    lines = ["| Item | Owner | Risk | Notes |", "|------|-------|------|-------|"]
    for _ in range(rows or rng.randrange(2, 7)):
        lines.append(f"| {pick(rng, THINGS)} | {pick(rng, AGENTS)} | {pick(rng, ['Low', 'Medium', 'High'])} "
                     f"| {pick(rng, ADJS)} {pick(rng, NOUNS)} |")
    return lines


def filler(rng):
    """A block of non-task content: prose, bullets, a table or a code fence."""
    roll = rng.random()
    if roll < 0.45:
        return [paragraph(rng)]
    if roll < 0.7:
        return bullets(rng)
    if roll < 0.85:
        return table(rng)
    return code_fence(rng)


PLACEHOLDERS = ["[NEEDS CLARIFICATION: which tenants are in scope?]", "TODO: fill in", "TBD",
                "[FEATURE NAME]", "<!-- ACTION REQUIRED: describe the rollback plan -->", "Lorem ipsum dolor sit amet."]
