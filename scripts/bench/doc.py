"""A document being generated: its lines, a size budget, progress and at most one deliberate flaw.

Styles keep adding sections until `full()`; `state(i, n)` says whether the i-th of n tasks is done,
so each document reads as a plan part-way through (early work done, later work open). A document
carries at most one flaw (see FLAWS), so most documents are clean and a few have one finding.
"""

import math

# The inconsistencies a validator should find; each style injects the ones it can express.
FLAWS = ["complete-with-open-task", "wrong-count", "unknown-dependency", "no-criteria", "placeholder"]
FLAW_RATE = 0.12  # share of documents with one flaw


class Doc:
    def __init__(self, rng, budget, flaw=None):
        self.rng = rng
        self.budget = budget
        self.flaw = flaw
        self.lines = []
        self.size = 0
        self.progress = rng.choice([0.0, 0.15, 0.35, 0.5, 0.7, 0.9, 1.0])
        self.expected = 1  # how many tasks the document will have, roughly (see plan_tasks)
        self.issued = 0

    def add(self, *lines):
        for line in lines:
            self.lines.append(line)
            self.size += len(line) + 1

    def extend(self, lines):
        self.add(*lines)

    def blank(self):
        self.add("")

    def full(self):
        return self.size >= self.budget

    def wants(self, flaw):
        """True once, for the document's flaw: the caller injects it at that point."""
        if self.flaw == flaw:
            self.flaw = None
            return True
        return False

    def plan_tasks(self, bytes_per_task):
        """Estimates how many tasks fit the budget, so that progress is spread over all of them."""
        self.expected = max(1, self.budget // bytes_per_task)

    def next_state(self):
        """'done', 'doing' or 'todo' for the next task: early tasks are done, later ones open."""
        index, self.issued = self.issued, self.issued + 1
        done = int(self.progress * self.expected)
        if index < done:
            return "done"
        if index == done and 0.0 < self.progress < 1.0:
            return "doing"
        return "todo"

    def text(self):
        return "\n".join(self.lines) + "\n"


def box(state, extended=False):
    """The checkbox for a state; `extended` allows the non-GFM `[~]` for work in progress."""
    if state == "done":
        return "[x]"
    return "[~]" if state == "doing" and extended else "[ ]"


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


def roll_up(states):
    """A parent's state from its subtasks' states."""
    if all(s == "done" for s in states):
        return "done"
    return "doing" if any(s != "todo" for s in states) else "todo"


def new_doc(rng, lo_kb=2, hi_kb=60):
    """A document with a log-uniform size budget in [lo_kb, hi_kb] KB (now and then 3x) and maybe a flaw."""
    budget = int(1024 * math.exp(rng.uniform(math.log(lo_kb), math.log(hi_kb))))
    if rng.random() < 0.02:
        budget *= 3
    flaw = FLAWS[rng.randrange(len(FLAWS))] if rng.random() < FLAW_RATE else None
    return Doc(rng, budget, flaw)
