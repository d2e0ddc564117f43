#!/usr/bin/env python3
"""Generates a seeded synthetic corpus of spec kits for scripts/bench.sh.

    python3 scripts/bench/gen_corpus.py OUT_DIR [--mb 50] [--seed 1]

OUT_DIR gets one folder per synthetic repository, NNNNN-<style>, each holding kits in one of the
layouts speckit reads: speckit, github-spec-kit, kiro, openspec, or freeform plans (seed-like Markdown,
YAML plans, Taskmaster tasks.json). Repositories are added until the corpus reaches --mb megabytes.
A few Markdown files get CRLF line endings, a UTF-8 BOM or mojibake (`âœ…` for ✅), and about one
document in eight carries one deliberate inconsistency (see doc.py), so a validator finds something
without every file being broken. Same seed and Python version → byte-identical corpus.
Prints the file count and total bytes.
"""

import argparse
import codecs
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import freeform  # noqa: E402
import kiro_openspec  # noqa: E402
import spec_kits  # noqa: E402
import structured  # noqa: E402
from words import area, pick, slug, task_title  # noqa: E402

# Undefined cp1252 bytes (0x81, 0x8D, …) pass through as the same code point, as Windows does.
codecs.register_error("bench-latin1", lambda e: ("".join(chr(b) for b in e.object[e.start:e.end]), e.end))


def freeform_repo(rng, name):
    """One to three loose plan files, named as people name them."""
    project = f"{area(rng)} {pick(rng, ['HQ', 'Control Room', 'Platform', 'Service'])}"
    makers = [
        (0.25, lambda: (pick(rng, ["TASKS.md", "docs/tasks.md", "spec/ops/tasks.md"]), freeform.t_style(rng, project))),
        (0.2, lambda: (f"docs/plans/{slug(task_title(rng))}-plan.md", freeform.task_blocks(rng, project))),
        (0.25, lambda: (pick(rng, ["ROADMAP.md", "docs/roadmap.md", "PLAN.md", "docs/plans/implementation-plan.md"]), freeform.roadmap(rng, project))),
        (0.15, lambda: (pick(rng, ["plan.yaml", "tasks.yaml", "roadmap.yml", "docs/plan.yaml"]), structured.yaml_plan(rng, project))),
        (0.15, lambda: ("tasks/tasks.json", structured.taskmaster(rng, project))),
    ]
    files = {}
    for _ in range(rng.randrange(1, 4)):
        make = rng.choices([m for _, m in makers], weights=[w for w, _ in makers])[0]
        path, text = make()
        files[path] = text  # a repeated name keeps the last one
    return sorted(files.items())


STYLES = [  # (weight, name, function(rng, name) -> [(path, text)])
    (0.15, "speckit", spec_kits.speckit_kit),
    (0.20, "github-spec-kit", spec_kits.github_spec_kit),
    (0.15, "kiro", kiro_openspec.kiro),
    (0.15, "openspec", kiro_openspec.openspec),
    (0.35, "freeform", freeform_repo),
]


def encode(rng, path, text):
    """The bytes of a file, now and then with the quirks of text found in the wild."""
    markdown = path.endswith(".md")
    roll = rng.random()
    if markdown and roll < 0.01:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if markdown and roll < 0.05 and not text.isascii():
        raw = text.encode("utf-8")
        wrong = raw.decode("mac_roman") if rng.random() < 0.4 else raw.decode("cp1252", errors="bench-latin1")
        return wrong.encode("utf-8")
    if (markdown or path.endswith((".yaml", ".yml"))) and roll < 0.08:
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="output folder (created; must not hold files yet)")
    parser.add_argument("--mb", type=float, default=50, help="target size in MB (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if os.path.isdir(args.out) and os.listdir(args.out):
        parser.error(f"{args.out}: folder is not empty")
    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    total = count = repo = 0
    while total < target:
        repo += 1
        _, style, make = rng.choices(STYLES, weights=[w for w, _, _ in STYLES])[0]
        name = f"{repo:05d}-{style}"
        for path, text in make(rng, slug(task_title(rng))):
            data = encode(rng, path, text)
            full = os.path.join(args.out, name, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as handle:
                handle.write(data)
            total += len(data)
            count += 1
    print(f"gen_corpus: {count} files, {total} bytes ({total / 1e6:.1f} MB), {repo} repositories, seed {args.seed} → {args.out}")


if __name__ == "__main__":
    main()
