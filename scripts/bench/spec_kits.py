"""Kits in the `speckit` and `github-spec-kit` layouts (see DESIGN.md, "Inputs it reads").

speckit:          spec/<kit>/{constitution,prd,plan,tasks}.md, sometimes tasks.yaml
github-spec-kit:  .specify/memory/constitution.md, specs/NNN-feature/{spec,plan,tasks}.md, checklists/*.md
Each function returns [(relative path, text)].
"""

import structured
from doc import box, new_doc, percent, roll_up
from words import (EMOJI_DONE, EMOJI_TODO, EMOJI_WIP, PLACEHOLDERS, area, bullets, code_fence, filler, iso_date,
                   paragraph, pick, sentence, slug, source_path, task_title)


def constitution(rng, project):
    doc = new_doc(rng, 2, 8)
    doc.add(f"# {project} Constitution", "", paragraph(rng), "", "## Core Principles", "")
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for numeral in numerals:
        doc.add(f"### {numeral}. {pick(rng, ['Library-First', 'Test-First', 'Observability', 'Simplicity', 'Versioning', 'Security by Default', 'CLI Interface'])}",
                "", paragraph(rng), "")
        if doc.full():
            break
    doc.add("## Governance", "", paragraph(rng), "",
            f"**Version**: 1.{rng.randrange(0, 5)}.0 | **Ratified**: {iso_date(rng)} | **Last Amended**: {iso_date(rng)}")
    return doc.text()


def status_suffix(states, doc):
    if doc.wants("complete-with-open-task") and any(s != "done" for s in states):
        return f"{EMOJI_DONE} COMPLETE"
    rolled = roll_up(states)
    return {"done": f"{EMOJI_DONE} COMPLETE", "doing": f"{EMOJI_WIP} IN PROGRESS", "todo": f"{EMOJI_TODO} NOT STARTED"}[rolled]


def speckit_tasks(rng, project):
    """Our own style: `## Phase N — Title ✅ COMPLETE`, T001 tasks with T001.1 subtasks, and a Summary."""
    doc = new_doc(rng)
    doc.plan_tasks(130)
    doc.add(f"# Tasks — {project}", "", paragraph(rng, 2), "")
    number, total, done, phase = 0, 0, 0, 0
    while not doc.full():
        phase += 1
        body, states = [], []
        for _ in range(rng.randrange(3, 12)):
            number += 1
            tid = f"T{number:03d}"
            tags = (" [P]" if rng.random() < 0.3 else "") + (f" [US{rng.randrange(1, 6)}]" if rng.random() < 0.4 else "")
            subs = [doc.next_state() for _ in range(rng.randrange(2, 6))] if rng.random() < 0.3 else []
            state = roll_up(subs) if subs else doc.next_state()
            dep = ""
            if doc.wants("unknown-dependency"):
                dep = f" (depends on T{number + 400:03d})"
            elif number > 1 and rng.random() < 0.35:
                dep = f" (depends on T{rng.randrange(1, number):03d})"
            body.append(f"- {box(state)} {tid}{tags} {task_title(rng)} in `{source_path(rng)}`{dep}")
            for k, sub in enumerate(subs, 1):
                body.append(f"  - {box(sub)} {tid}.{k} {task_title(rng)}")
            states += [state] + subs
        total += len(states)
        done += states.count("done")
        doc.add(f"## Phase {phase} — {area(rng)}: {pick(rng, ['model', 'API', 'UI', 'rollout', 'hardening'])} "
                f"{status_suffix(states, doc)}", "")
        if phase > 1 and rng.random() < 0.5:
            doc.add(f"**Dependencies**: Phase {phase - 1}", "")
        doc.extend(body)
        doc.blank()
    shown = done + 3 if doc.wants("wrong-count") else done
    doc.add("## Summary", "", f"- **{total} total tasks**", f"- **{shown} completed ({percent(shown, total)}%)**",
            f"- **{total - done} remaining ({percent(total - done, total)}%)**")
    return doc.text()


def speckit_prose(rng, title, sections, lo, hi):
    """prd.md / plan.md: headed sections of prose, bullets, tables and code, with Acceptance checks."""
    doc = new_doc(rng, lo, hi)
    doc.add(f"# {title}", "", paragraph(rng), "")
    index = 0
    while not doc.full():
        doc.add(f"## {sections[index % len(sections)]}" + (f" {index // len(sections) + 1}" if index >= len(sections) else ""), "")
        doc.extend(filler(rng))
        doc.blank()
        if rng.random() < 0.4:
            doc.add("Acceptance checks:", "")
            doc.extend(bullets(rng, rng.randrange(2, 5)))
            doc.blank()
        if doc.wants("placeholder"):
            doc.add(pick(rng, PLACEHOLDERS), "")
        index += 1
    return doc.text()


def speckit_kit(rng, name):
    project = f"{area(rng)} {pick(rng, ['Service', 'Console', 'Pipeline', 'Platform'])}"
    base = f"spec/{name}"
    files = [(f"{base}/constitution.md", constitution(rng, project)),
             (f"{base}/prd.md", speckit_prose(rng, f"PRD — {project}", ["Problem", "Users", "Goals", "Non-goals", "Requirements"], 3, 15)),
             (f"{base}/plan.md", speckit_prose(rng, f"Plan — {project}", ["Approach", "Architecture", "Decisions", "Risks", "Rollout"], 3, 20)),
             (f"{base}/tasks.md", speckit_tasks(rng, project))]
    if rng.random() < 0.3:
        files.append((f"{base}/tasks.yaml", structured.yaml_plan(rng, project)))
    return files


# ---- GitHub Spec Kit ---------------------------------------------------------------------------------

def gsk_spec(rng, feature, branch):
    doc = new_doc(rng, 4, 30)
    doc.add(f"# Feature Specification: {feature}", "", f"**Feature Branch**: `{branch}`", f"**Created**: {iso_date(rng)}",
            "**Status**: Draft", f'**Input**: User description: "{sentence(rng)}"', "",
            "## User Scenarios & Testing *(mandatory)*", "")
    story = 0
    while story < 2 or (not doc.full() and story < 12):
        story += 1
        doc.add(f"### User Story {story} - {task_title(rng)} (Priority: P{min(story, 3)})", "", paragraph(rng), "",
                f"**Why this priority**: {sentence(rng)}", "", f"**Independent Test**: {sentence(rng)}", "")
        if doc.wants("no-criteria"):
            continue
        doc.add("**Acceptance Scenarios**:", "")
        for k in range(1, rng.randrange(2, 5)):
            doc.add(f"{k}. **Given** a {pick(rng, ['signed-in', 'new', 'suspended'])} user, **When** they "
                    f"{pick(rng, ['submit the form', 'open the dashboard', 'retry the upload'])}, **Then** {sentence(rng).lower()}")
        doc.blank()
    doc.add("### Edge Cases", "")
    doc.extend(f"- What happens when the {pick(rng, ['queue', 'token', 'upload'])} is {pick(rng, ['empty', 'expired', 'too large'])}?" for _ in range(3))
    doc.add("", "## Requirements *(mandatory)*", "", "### Functional Requirements", "")
    for k in range(1, rng.randrange(5, 16)):
        doc.add(f"- **FR-{k:03d}**: System MUST {pick(rng, ['allow users to', 'validate and', 'record and', 'reject requests that'])} "
                f"{task_title(rng).lower()}" + (f" {pick(rng, PLACEHOLDERS)}" if doc.wants("placeholder") else ""))
    doc.add("", "## Success Criteria *(mandatory)*", "")
    doc.extend(f"- **SC-{k:03d}**: {sentence(rng)}" for k in range(1, 4))
    return doc.text()


def gsk_plan(rng, feature, branch):
    doc = new_doc(rng, 3, 15)
    doc.add(f"# Implementation Plan: {feature}", "", f"**Branch**: `{branch}` | **Date**: {iso_date(rng)} | **Spec**: [spec.md](./spec.md)", "",
            "## Summary", "", paragraph(rng), "", "## Technical Context", "",
            f"**Language/Version**: {pick(rng, ['Python 3.11', 'TypeScript 5.4', 'Go 1.22', 'Swift 6'])}",
            f"**Storage**: {pick(rng, ['PostgreSQL', 'SQLite', 'N/A'])}", "**Testing**: unit + contract tests", "",
            "## Constitution Check", "", paragraph(rng), "", "## Project Structure", "")
    doc.extend(code_fence(rng))
    while not doc.full():
        doc.add("", f"## {pick(rng, ['Research', 'Data Model', 'Contracts', 'Complexity Tracking', 'Risks'])}", "")
        doc.extend(filler(rng))
    return doc.text()


def gsk_tasks(rng, feature, branch):
    """`## Phase 3: User Story 1 - … (Priority: P1)` phases of `- [ ] T012 [P] [US1] … (depends on T010)`."""
    doc = new_doc(rng, 4, 50)
    doc.plan_tasks(110)
    doc.add(f"# Tasks: {feature}", "", f"**Input**: Design documents from `/specs/{branch}/`",
            "**Prerequisites**: plan.md (required), spec.md", "", "## Format: `[ID] [P?] [Story] Description`", "")
    number, phase = 0, 0
    while phase < 3 or not doc.full():
        phase += 1
        story = phase - 2
        if phase == 1:
            doc.add("## Phase 1: Setup (Shared Infrastructure)", "")
        elif phase == 2:
            doc.add("## Phase 2: Foundational (Blocking Prerequisites)", "", "**⚠️ CRITICAL**: No user story work can begin until this phase is complete", "")
        else:
            doc.add(f"## Phase {phase}: User Story {story} - {task_title(rng)} (Priority: P{min(story, 3)})" + (" 🎯 MVP" if story == 1 else ""), "",
                    f"**Goal**: {sentence(rng)}", "", f"**Independent Test**: {sentence(rng)}", "")
        for _ in range(rng.randrange(3, 10)):
            number += 1
            tag = f" [US{(story - 1) % 2 + 1}]" if story > 0 else ""  # the spec always has stories 1 and 2
            dep = ""
            if doc.wants("unknown-dependency"):
                dep = f" (depends on T{number + 300:03d})"
            elif number > 2 and rng.random() < 0.25:
                dep = f" (depends on T{number - rng.randrange(1, 3):03d})"
            doc.add(f"- {box(doc.next_state())} T{number:03d}{' [P]' if rng.random() < 0.4 else ''}{tag} {task_title(rng)} in {source_path(rng)}{dep}")
        doc.add("", f"**Checkpoint**: {sentence(rng)}", "")
    doc.add("## Dependencies & Execution Order", "", paragraph(rng))
    return doc.text()


def gsk_checklist(rng, feature):
    doc = new_doc(rng, 2, 5)
    doc.plan_tasks(90)
    doc.add(f"# Specification Quality Checklist: {feature}", "", f"**Purpose**: {sentence(rng)}", f"**Created**: {iso_date(rng)}", "")
    number = 0
    while not doc.full():
        doc.add(f"## {pick(rng, ['Content Quality', 'Requirement Completeness', 'Feature Readiness'])}", "")
        for _ in range(rng.randrange(3, 7)):
            number += 1
            doc.add(f"- {box(doc.next_state())} CHK{number:03d} {sentence(rng)}")
        doc.blank()
    return doc.text()


def github_spec_kit(rng, name):
    files = [(".specify/memory/constitution.md", constitution(rng, name.replace("-", " ").title()))]
    for number in range(1, rng.randrange(2, 6)):
        feature = task_title(rng)
        branch = f"{number:03d}-{slug(feature)}"
        base = f"specs/{branch}"
        files += [(f"{base}/spec.md", gsk_spec(rng, feature, branch)), (f"{base}/plan.md", gsk_plan(rng, feature, branch)),
                  (f"{base}/tasks.md", gsk_tasks(rng, feature, branch))]
        if rng.random() < 0.6:
            files.append((f"{base}/checklists/requirements.md", gsk_checklist(rng, feature)))
    return files

