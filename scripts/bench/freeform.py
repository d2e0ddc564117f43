"""Freeform Markdown plans in the styles of the real-world seeds (shared/seeds):

- t_style:     `## T2 — Edge Function ⏳ IN PROGRESS`, nested `- [ ] T2.1.1` lists 2-3 deep with [x]/[ ]/[~],
               `**Completed:**` lines and a Summary of claims ("18 completed (16%)", "(3/27 subtasks)");
- task_blocks: `### Task 39: Title` with `**Status**: completed | **Priority**: high | **Dependencies**: [2]`,
               implementation steps, success criteria, agent assignments and a To-dos checklist;
- roadmap:     `## Phase 14.1 — Title ✅ COMPLETE` with Deliverables / Acceptance checks, and
               `### Task 1.2: Title` blocks with a two-column attribute table.
Each function returns the text of one document.
"""

from doc import box, new_doc, percent, roll_up
from words import (AGENTS, EMOJI_BLOCKED, EMOJI_DONE, EMOJI_TODO, EMOJI_WIP, PLACEHOLDERS, PRIORITIES, area, bullets,
                   code_fence, filler, iso_date, long_date, paragraph, pick, sentence, source_path, table, task_title)

SUFFIX = {"done": f"{EMOJI_DONE} COMPLETE", "doing": f"{EMOJI_WIP} IN PROGRESS", "todo": f"{EMOJI_TODO} NOT STARTED"}
WORD = {"done": "completed", "doing": "in-progress", "todo": "pending"}


def declared(states, doc):
    """The status a phase heading declares: what its tasks say, or COMPLETE for the flawed one."""
    if any(s != "done" for s in states) and doc.wants("complete-with-open-task"):
        return "done"
    return roll_up(states)


def t_style(rng, project):
    doc = new_doc(rng, 4, 60)
    doc.plan_tasks(75)
    doc.add(f"# Tasks — {project}", "", "## Legend", f"- {EMOJI_DONE} Complete", f"- {EMOJI_WIP} In Progress",
            f"- {EMOJI_TODO} Not Started", f"- {EMOJI_BLOCKED} Blocked", "", "---", "")
    groups, group = [], 0
    while not doc.full():
        name = f"{area(rng)}: {task_title(rng).split(' ', 1)[1]}"
        body, states, number = [], [], 0
        for _ in range(rng.randrange(1, 4)):
            body += [f"### {pick(rng, ['Core Endpoints', 'Schema', 'UI', 'Testing', 'Docs', 'Ops'])}"]
            for _ in range(rng.randrange(1, 6)):
                number += 1
                tid = f"T{group}.{number}"
                subs = [doc.next_state() for _ in range(rng.randrange(0, 5))]
                state = roll_up(subs) if subs else doc.next_state()
                body.append(f"- {box(state, extended=True)} {tid} {task_title(rng)}")
                for k, sub in enumerate(subs, 1):
                    body.append(f"  - {box(sub, extended=True)} {tid}.{k} {task_title(rng)}")
                    if rng.random() < 0.15:
                        body.append(f"    - {box(sub)} {sentence(rng)}")
                        states.append(sub)
                states += [state] + subs
            body.append("")
        status = declared(states, doc)
        doc.add(f"## T{group} — {name} {SUFFIX[status]}", "")
        doc.extend(body)
        if status == "done":
            doc.add(f"**Completed:** {long_date(rng)}", "")
        elif group:
            doc.add(f"**Dependencies:** T{rng.randrange(group)} complete", f"**Estimated:** {rng.randrange(1, 6)}-{rng.randrange(6, 10)} days", "")
        if rng.random() < 0.2:
            doc.extend(filler(rng))
            doc.blank()
        doc.add("---", "")
        groups.append((f"T{group}", name, status, states))
        group += 1
    total = sum(len(s) for *_, s in groups)
    done = sum(s.count("done") for *_, s in groups)
    doc.add("## Summary", "")
    for status, title, emoji in (("done", "Completed", EMOJI_DONE), ("doing", "In Progress", EMOJI_WIP), ("todo", "Not Started", EMOJI_TODO)):
        listed = [g for g in groups if g[2] == status]
        if listed:
            doc.add(f"### {title}: {len(listed)} task groups {emoji}")
            doc.extend(f"- {gid}: {name} ({s.count('done')}/{len(s)} subtasks)" for gid, name, _, s in listed)
            doc.blank()
    shown = max(0, done - 2) if doc.wants("wrong-count") else done
    doc.add("### Total Tasks", f"- **{total} total subtasks**", f"- **{shown} completed ({percent(shown, total)}%)**",
            f"- **{total - shown} remaining ({percent(total - shown, total)}%)**")
    return doc.text()


def task_blocks(rng, project):
    doc = new_doc(rng, 8, 60)
    doc.plan_tasks(2000)
    doc.add(f"# {project} Implementation Plan", "", f"**Date**: {iso_date(rng)}", "", f"**Goal**: {sentence(rng)}", "")
    numbers = sorted(rng.sample(range(1, 90), min(80, max(3, doc.expected + 2))))
    blocks, phase, left_in_phase = [], 0, 0
    for index, number in enumerate(numbers):
        if index >= 3 and doc.full():
            break
        if left_in_phase == 0:
            phase, left_in_phase = phase + 1, rng.randrange(2, 7)
            doc.add("", f"## Phase {phase}: {area(rng)} {pick(rng, ['Consolidation', 'Hardening', 'Rollout'])}" + (" (CRITICAL PATH)" if phase == 1 else ""), "")
        state, title, left_in_phase = doc.next_state(), task_title(rng), left_in_phase - 1
        deps = [n for n in numbers[:index] if rng.random() < 0.1][:3]
        if doc.wants("unknown-dependency"):
            deps.append(95 + rng.randrange(5))
        doc.add(f"### Task {number}: {title}", "",
                f"**Status**: {WORD[state]} | **Priority**: {pick(rng, PRIORITIES)} | **Dependencies**: [{', '.join(map(str, deps))}] | **Estimated**: {rng.randrange(1, 4)}-{rng.randrange(4, 7)} days", "")
        if state != "todo":
            doc.add(f"**Started**: {iso_date(rng)}", "")
        if state == "done":
            doc.add(f"**Completed**: {iso_date(rng)}", "")
        doc.add(f"**Assigned To**: {pick(rng, AGENTS)}", "", "**Problem Statement:**", "", paragraph(rng), "", "**Implementation Steps:**", "")
        for step in range(1, rng.randrange(3, 7)):
            doc.add(f"{step}. **{task_title(rng)}**", "")
            doc.extend(bullets(rng, rng.randrange(2, 4), indent="            "))
            doc.blank()
        doc.add("**Files to Modify:**", "", f"- `{source_path(rng)}` ({sentence(rng)[:-1].lower()})", "")
        if doc.wants("placeholder"):
            doc.add(pick(rng, PLACEHOLDERS), "")
        if not doc.wants("no-criteria"):
            doc.add("**Success Criteria:**", "")
            doc.extend(bullets(rng, rng.randrange(2, 5)))
            doc.blank()
        if rng.random() < 0.2:
            doc.extend(code_fence(rng))
            doc.blank()
        blocks.append((number, title, state))
    doc.add("---", "", "### To-dos", "")
    for number, title, state in blocks:
        when = f" (COMPLETED {iso_date(rng)})" if state == "done" else f" → **{pick(rng, AGENTS)}**"
        doc.add(f"- {box(state)} Complete Task {number}: {title}{when}")
    return doc.text()


def roadmap(rng, project):
    doc = new_doc(rng, 3, 40)
    doc.plan_tasks(260)
    major = rng.randrange(1, 20)
    doc.add(f"# Phase {major} — {project}", "", "Baseline:", "", f"* Tag: v{major}.{rng.randrange(9)}.{rng.randrange(9)}",
            f"* Status: Phase {major - 1} complete", "", "---", "")
    minor = 0
    while not doc.full():
        minor += 1
        task_ids = [f"{major}.{minor}.{k}" for k in range(1, rng.randrange(2, 5))]
        states = [doc.next_state() for _ in task_ids]
        status = declared(states, doc)
        doc.add(f"## Phase {major}.{minor} — {task_title(rng)} {SUFFIX[status]}", "",
                f"**Status:** {SUFFIX[status].split(' ', 1)[0]} {WORD[status]}", "", "Deliverables:", "")
        doc.extend(f"* {sentence(rng)}" for _ in range(rng.randrange(2, 5)))
        doc.blank()
        for tid, state in zip(task_ids, states):
            doc.add(f"### Task {tid}: {task_title(rng)}", "", f"**Problem**: {sentence(rng)}", "",
                    "| Attribute | Value |", "|-----------|-------|", f"| Status | {SUFFIX[state].split(' ', 1)[0]} {WORD[state]} |",
                    f"| Complexity | {pick(rng, ['Small', 'Medium', 'Large'])} |")
            dep = f"Task {major}.{minor + 7}.9" if doc.wants("unknown-dependency") else (f"Task {task_ids[0]}" if tid != task_ids[0] else "None")
            doc.add(f"| Dependencies | {dep} |", f"| Risk | {pick(rng, ['Low', 'Medium', 'High'])} |", "",
                    "**Testing Requirements**:")
            doc.extend(f"- {box(state)} {pick(rng, ['Unit', 'Integration', 'Regression'])} test: {sentence(rng)}" for _ in range(rng.randrange(1, 4)))
            doc.blank()
        if not doc.wants("no-criteria"):
            doc.add("Acceptance checks:", "")
            doc.extend(f"* {sentence(rng)}" for _ in range(rng.randrange(2, 5)))
            doc.blank()
        if rng.random() < 0.25:
            doc.extend(table(rng))
            doc.blank()
        doc.add("---", "")
    return doc.text()
