"""Kits in the `kiro` and `openspec` layouts (see DESIGN.md, "Inputs it reads").

kiro:      .kiro/specs/<name>/{requirements,design,tasks}.md — `### Requirement 1` with EARS criteria,
           tasks `- [ ] 1. Title` / `  - [x] 1.1 Sub` with `_Requirements: 1.1, 2.3_`
openspec:  openspec/changes/<id>/{proposal,tasks}.md and openspec/specs/<cap>/spec.md —
           `### Requirement:` with `#### Scenario:` (WHEN/THEN bullets)
Each function returns [(relative path, text)].
"""

from doc import box, new_doc, roll_up
from words import (NOUNS, PLACEHOLDERS, area, bullets, code_fence, filler, paragraph, pick, sentence, slug,
                   source_path, task_title)


def ears(rng):
    event = f"a {pick(rng, NOUNS)} is {pick(rng, ['submitted', 'stale', 'rejected', 'retried', 'missing'])}"
    action = f"{pick(rng, ['record', 'reject', 'retry', 'show'])} the {pick(rng, NOUNS)}"
    form = rng.randrange(3)
    if form == 0:
        return f"WHEN {event} THEN THE SYSTEM SHALL {action}"
    if form == 1:
        return f"WHEN {event} THEN the system SHALL {action} within {rng.randrange(1, 10)} seconds"
    return f"IF {event} THEN the system SHALL {action}"


def kiro_requirements(rng, doc):
    doc.add("# Requirements Document", "", "## Introduction", "", paragraph(rng), "", "## Requirements", "")
    number = 0
    while number < 2 or (not doc.full() and number < 15):
        number += 1
        doc.add(f"### Requirement {number}", "",
                f"**User Story:** As a {pick(rng, NOUNS)}, I want to {task_title(rng).lower()}, so that {sentence(rng).lower()}", "")
        if doc.wants("no-criteria"):
            continue
        doc.add("#### Acceptance Criteria", "")
        for k in range(1, rng.randrange(3, 7)):
            doc.add(f"{k}. {ears(rng)}")
        doc.blank()
    return number


def kiro_design(rng):
    doc = new_doc(rng, 3, 25)
    doc.add("# Design Document", "", "## Overview", "", paragraph(rng), "", "## Architecture", "",
            "```mermaid", "graph TD", "    A[Client] --> B[API]", "    B --> C[(Store)]", "```", "")
    while not doc.full():
        doc.add(f"## {pick(rng, ['Components and Interfaces', 'Data Models', 'Error Handling', 'Testing Strategy'])}", "")
        doc.extend(filler(rng))
        doc.blank()
        if rng.random() < 0.3:
            doc.extend(code_fence(rng))
            doc.blank()
    return doc.text()


def kiro_tasks(rng, requirement_count):
    doc = new_doc(rng, 2, 30)
    doc.plan_tasks(160)
    doc.add("# Implementation Plan", "")
    number = 0
    while not doc.full():
        number += 1
        subs = [doc.next_state() for _ in range(rng.randrange(0, 5))]
        state = roll_up(subs) if subs else doc.next_state()
        doc.add(f"- {box(state)} {number}. {task_title(rng)}")
        for k, sub in enumerate(subs, 1):
            optional = "*" if sub == "todo" and rng.random() < 0.15 else ""
            doc.add(f"  - {box(sub)}{optional} {number}.{k} {task_title(rng)}")
            doc.extend(bullets(rng, rng.randrange(1, 3), indent="    "))
            req = requirement_count + 3 if doc.wants("unknown-dependency") else rng.randrange(1, requirement_count + 1)
            doc.add(f"    - _Requirements: {req}.{rng.randrange(1, 3)}, {rng.randrange(1, requirement_count + 1)}.{rng.randrange(1, 3)}_")
        if not subs:
            doc.add(f"  - {sentence(rng)}", f"  - _Requirements: {rng.randrange(1, requirement_count + 1)}.1_")
        doc.blank()
    return doc.text()


def kiro(rng, name):
    files = []
    for _ in range(rng.randrange(1, 4)):
        feature = slug(task_title(rng))
        base = f".kiro/specs/{feature}"
        requirements = new_doc(rng, 3, 15)
        count = kiro_requirements(rng, requirements)
        files += [(f"{base}/requirements.md", requirements.text()), (f"{base}/design.md", kiro_design(rng)),
                  (f"{base}/tasks.md", kiro_tasks(rng, count))]
    return files


# ---- OpenSpec ----------------------------------------------------------------------------------------

def requirement_blocks(rng, doc, limit=20):
    count = 0
    while count < 1 or (not doc.full() and count < limit):
        count += 1
        doc.add(f"### Requirement: {task_title(rng)}", f"The system SHALL {sentence(rng)[0].lower()}{sentence(rng)[1:]}", "")
        if doc.wants("no-criteria"):
            continue
        for _ in range(rng.randrange(1, 4)):
            doc.add(f"#### Scenario: {task_title(rng)}", f"- **WHEN** {sentence(rng).lower()}", f"- **THEN** {sentence(rng).lower()}", "")


def openspec_spec(rng, capability):
    doc = new_doc(rng, 2, 25)
    doc.add(f"# {capability.replace('-', ' ').title()} Specification", "", "## Purpose", paragraph(rng), "", "## Requirements", "")
    requirement_blocks(rng, doc)
    return doc.text()


def openspec_change(rng, change, capability):
    proposal = new_doc(rng, 2, 8)
    proposal.add("## Why", paragraph(rng), "", "## What Changes")
    proposal.extend(bullets(rng))
    if proposal.wants("placeholder"):
        proposal.add(f"- {pick(rng, PLACEHOLDERS)}")
    proposal.add("", "## Impact", f"- Affected specs: {capability}", f"- Affected code: `{source_path(rng)}`")
    tasks = new_doc(rng, 1, 5)
    tasks.plan_tasks(70)
    section = 0
    while not tasks.full():
        section += 1
        tasks.add(f"## {section}. {['Implementation', 'Testing', 'Documentation', 'Migration', 'Rollout'][(section - 1) % 5]}")
        for k in range(1, rng.randrange(3, 8)):
            tasks.add(f"- {box(tasks.next_state())} {section}.{k} {task_title(rng)}")
        tasks.blank()
    delta = new_doc(rng, 2, 6)
    delta.add("## ADDED Requirements", "")
    requirement_blocks(rng, delta, limit=4)
    base = f"openspec/changes/{change}"
    return [(f"{base}/proposal.md", proposal.text()), (f"{base}/tasks.md", tasks.text()),
            (f"{base}/specs/{capability}/spec.md", delta.text())]


def openspec(rng, name):
    capabilities = [slug(area(rng)) + f"-{k}" for k in range(rng.randrange(1, 4))]
    files = [(f"openspec/specs/{cap}/spec.md", openspec_spec(rng, cap)) for cap in capabilities]
    for k in range(rng.randrange(1, 5)):
        change = f"{pick(rng, ['add', 'update', 'remove', 'refactor'])}-{slug(task_title(rng))}"
        files += openspec_change(rng, change, pick(rng, capabilities))
    return files
