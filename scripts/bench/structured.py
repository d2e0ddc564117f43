"""Structured plans: YAML plans (`phases:` → `tasks:` with id/title/status/dependencies) and Taskmaster
`tasks.json` (`{"tasks": [{"id": 1, "title": …, "status": "done", "dependencies": […], "subtasks": […]}]}`).

Strings are written with json.dumps, whose double-quoted form is also valid YAML, so every file is
valid YAML or JSON whatever the text holds.
"""

import json

from doc import new_doc, roll_up
from words import AGENTS, PRIORITIES, area, iso_date, paragraph, pick, sentence, task_title

YAML_STATUS = {"done": "done", "doing": "in_progress", "todo": "todo"}
TASKMASTER_STATUS = {"done": "done", "doing": "in-progress", "todo": "pending"}


def q(text):
    return json.dumps(text, ensure_ascii=False)


def yaml_plan(rng, project):
    doc = new_doc(rng, 2, 40)
    doc.plan_tasks(230)
    doc.add(f"# Plan for {project}", f"title: {q(project + ' roadmap')}", "version: 2", f"updated: {iso_date(rng)}",
            f"owner: {pick(rng, AGENTS)}", "phases:")
    phase, ids = 0, []
    while not doc.full():
        phase += 1
        tasks = []
        for k in range(1, rng.randrange(3, 9)):
            tid = f"{phase}.{k}"
            subs = [doc.next_state() for _ in range(rng.randrange(0, 3))] if rng.random() < 0.3 else []
            state = roll_up(subs) if subs else doc.next_state()
            tasks.append((tid, state, subs))
        doc.add(f"  - id: P{phase}", f"    title: {q(area(rng) + ' ' + task_title(rng).split(' ', 1)[1])}",
                f"    status: {YAML_STATUS[roll_up([s for _, s, _ in tasks])]}", "    tasks:")
        for tid, state, subs in tasks:
            deps = [d for d in ids[-6:] if rng.random() < 0.2]
            if doc.wants("unknown-dependency"):
                deps.append(f"{phase + 20}.9")
            doc.add(f"      - id: {q(tid)}", f"        title: {q(task_title(rng))}", f"        status: {YAML_STATUS[state]}",
                    f"        priority: {pick(rng, PRIORITIES).lower()}", f"        dependencies: [{', '.join(q(d) for d in deps)}]")
            if rng.random() < 0.5:
                doc.add(f"        description: {q(sentence(rng))}")
            if not doc.wants("no-criteria") and rng.random() < 0.6:
                doc.add("        acceptance:")
                doc.extend(f"          - {q(sentence(rng))}" for _ in range(rng.randrange(1, 4)))
            if subs:
                doc.add("        subtasks:")
                for n, sub in enumerate(subs, 1):
                    doc.add(f"          - id: {q(f'{tid}.{n}')}", f"            title: {q(task_title(rng))}",
                            f"            status: {YAML_STATUS[sub]}")
            ids.append(tid)
    return doc.text()


def taskmaster(rng, project):
    doc = new_doc(rng, 3, 60)
    doc.plan_tasks(900)
    tasks = []
    while len(tasks) < max(2, doc.expected):
        number = len(tasks) + 1
        subs = []
        for n in range(1, rng.randrange(0, 6)):
            state = doc.next_state()
            subs.append({"id": n, "title": task_title(rng), "description": sentence(rng), "status": TASKMASTER_STATUS[state],
                         "dependencies": [d for d in range(1, n) if rng.random() < 0.3], "details": paragraph(rng, 2)})
        state = roll_up([s["status"].replace("pending", "todo").replace("in-progress", "doing") for s in subs]) if subs else doc.next_state()
        deps = [d for d in range(max(1, number - 5), number) if rng.random() < 0.25]
        if doc.wants("unknown-dependency"):
            deps.append(number + 500)
        tasks.append({"id": number, "title": task_title(rng), "description": sentence(rng), "details": paragraph(rng),
                      "testStrategy": sentence(rng), "priority": pick(rng, PRIORITIES).lower(), "status": TASKMASTER_STATUS[state],
                      "dependencies": deps, "subtasks": subs})
    metadata = {"projectName": project, "created": iso_date(rng), "version": "1.0.0"}
    if rng.random() < 0.5:
        root = {"tasks": tasks, "metadata": metadata}
    else:
        root = {"master": {"tasks": tasks, "metadata": metadata}}
    return json.dumps(root, indent=2, ensure_ascii=False) + "\n"
