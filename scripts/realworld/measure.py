#!/usr/bin/env python3
"""Runs speckit over the checked-out repositories of manifest.tsv and measures its findings against the
hand-made verdicts of verdicts.tsv. Called by scripts/realworld.sh (see its header for the file formats).

usage: measure.py MANIFEST DIR SPECKIT VERDICTS [--unjudged FILE] [--quiet]
"""
import collections
import csv
import json
import os
import subprocess
import sys

SEVERITIES = ("error", "warning", "note")


def read_tsv(path):
    """Rows of a tab-separated file, without '#' comment lines and blank lines."""
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


def run(args, cwd):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        report = None
    return result.returncode, report, result.stderr.strip()


def kits(report):
    return sorted((k["name"], k["root"], k["profile"]) for k in (report or {}).get("kits", []))


def discovery(name, category, folder, speckit, quiet):
    """Validates the repository as a whole (`validate .`), prints what discovery made of it, returns its findings."""
    parse_rc, parsed, _ = run([speckit, "parse", "."], folder)
    validate_rc, report, err = run([speckit, "validate", ".", "--format", "json"], folder)
    with open(folder + ".json", "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    if quiet:
        return (report or {}).get("findings", [])
    print(f"== {name} [{category}] parse exit {parse_rc}, validate exit {validate_rc}")
    if report is None:
        print("   " + err[:300])
        return []
    print("   parse and validate kits: " + ("same" if kits(parsed) == kits(report) else "DIFFERENT"))
    profiles = collections.Counter(k["profile"] for k in report["kits"])
    print("   kits: " + ", ".join(f"{n} {p}" for p, n in sorted(profiles.items())))
    skipped = collections.Counter(s["reason"] for s in report.get("skipped", []))
    print("   skipped: " + (", ".join(f"{n} {r}" for r, n in sorted(skipped.items())) or "none"))
    s = report["summary"]
    print(f"   findings: {s['errors']} errors, {s['warnings']} warnings, {s['notes']} notes in {s['files']} files, {s['tasks']} tasks")
    errors = collections.Counter(f["ruleId"] for f in report["findings"] if f["severity"] == "error")
    if errors:
        print("   errors by rule: " + ", ".join(f"{r} {n}" for r, n in errors.most_common()))
    return report["findings"]


def source_line(folder, path, line):
    try:
        with open(os.path.join(folder, path), encoding="utf-8", errors="replace", newline="") as handle:
            for number, text in enumerate(handle, 1):
                if number == line:
                    return text.rstrip("\r\n").replace("\t", " ")[:300]
    except OSError:
        pass
    return ""


def share(counter):
    judged = sum(counter.values())
    return f"{100 * counter['true'] / judged:.0f}%" if judged else "-"


def main():
    args = sys.argv[1:]
    unjudged_path = judged_path = None
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    if "--unjudged" in args:
        i = args.index("--unjudged")
        unjudged_path = args[i + 1]
        del args[i:i + 2]
    if "--judged" in args:
        i = args.index("--judged")
        judged_path = args[i + 1]
        del args[i:i + 2]
    manifest, directory, speckit, verdicts_path = args

    repos = collections.OrderedDict()
    for row in read_tsv(manifest):
        row += [""] * (5 - len(row))
        name, commit, path, style, notes = row[:5]
        repos.setdefault(name, {"category": "", "files": []})
        if path == ".":
            repos[name]["category"] = style.removeprefix("layout:")
        else:
            repos[name]["files"].append((path, style))

    # (repository, path, line, column, rule) -> finding; the first report of a place wins.
    findings = collections.OrderedDict()
    styles = {}
    failed = []

    merged = set()

    def add(name, folder, finding, style):
        r = finding.get("range") or {}
        key = (name, r.get("file", ""), r.get("line", 0), r.get("column", 0), finding["ruleId"])
        if key not in findings:
            findings[key] = dict(finding, folder=folder)
        elif findings[key]["message"] != finding["message"]:
            merged.add((key, finding["message"]))
        if style:
            styles.setdefault(key, style)

    for name, repo in repos.items():
        folder = os.path.join(directory, name.replace("/", "+"))
        if not os.path.isdir(folder):
            print(f"{name}: not in {directory} (skipped)")
            continue
        # A .git marker keeps the search for .speckit.yml inside the repository.
        os.makedirs(os.path.join(folder, ".git"), exist_ok=True)
        for finding in discovery(name, repo["category"], folder, speckit, quiet):
            add(name, folder, finding, "")
        for path, style in repo["files"]:
            if not os.path.isfile(os.path.join(folder, path)):
                failed.append(f"{name} {path}: not in the checkout")
                continue
            rc, report, err = run([speckit, "validate", path, "--format", "json"], folder)
            if report is None:
                failed.append(f"{name} {path}: exit {rc}: {err[:200]}")
                continue
            for finding in report["findings"]:
                add(name, folder, finding, style)

    files = sum(len(r["files"]) for r in repos.values())
    print(f"\n== findings of {len(repos)} repositories and {files} listed files, deduplicated by (repository, path, line, column, rule): {len(findings)}")
    for line in failed:
        print("   could not validate: " + line)
    if merged:
        print(f"   ({len(merged)} further findings share a place and rule with one of these but say something else; counted once)")
    by_rule = collections.Counter((f["ruleId"], f["severity"]) for f in findings.values())
    by_severity = collections.Counter(f["severity"] for f in findings.values())
    print("   " + ", ".join(f"{by_severity[s]} {s}s" for s in SEVERITIES))
    print(f"   {'rule':<34} {'severity':<8} {'count':>6}")
    for (rule, severity), count in sorted(by_rule.items()):
        print(f"   {rule:<34} {severity:<8} {count:>6}")
    per_style = collections.Counter()
    for key, style in styles.items():
        for tag in style.split(","):
            per_style[(tag, findings[key]["severity"])] += 1
    if per_style:
        print("   findings in the listed files, by style tag: " + ", ".join(
            f"{tag} {'/'.join(str(per_style[(tag, s)]) for s in SEVERITIES)}"
            for tag in sorted({t for t, _ in per_style})) + " (errors/warnings/notes)")

    # Verdicts: matched by (repository, path, line, rule), and by column when the verdict gives one.
    verdicts = []
    if os.path.exists(verdicts_path):
        with open(verdicts_path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                verdicts.append(row)
    index = collections.defaultdict(list)
    for key in findings:
        index[(key[0], key[1], key[2], key[4])].append(key)
    matched = {}
    used = set()
    for number, v in enumerate(verdicts):
        candidates = index.get((v["repository"], v["path"], int(v["line"] or 0), v["rule"]), [])
        if v.get("column"):
            candidates = [k for k in candidates if str(k[3]) == v["column"]]
        candidates = [k for k in candidates if k not in matched]
        if candidates:
            matched[candidates[0]] = v
            used.add(number)
    gone = [v for number, v in enumerate(verdicts) if number not in used]

    table = collections.defaultdict(collections.Counter)
    severity_table = collections.defaultdict(collections.Counter)
    for key, v in matched.items():
        finding = findings[key]
        table[(finding["ruleId"], finding["severity"])][v["verdict"]] += 1
        severity_table[finding["severity"]][v["verdict"]] += 1
        severity_table["all"][v["verdict"]] += 1
    print(f"\n== verdicts ({verdicts_path}): {len(verdicts)}; {len(matched)} findings judged, {len(findings) - len(matched)} unjudged, {len(gone)} verdicts gone")
    if matched:
        print(f"   {'rule':<34} {'severity':<8} {'judged':>6} {'true':>5} {'false':>5} {'noise':>5} {'true %':>7}")
        for (rule, severity), c in sorted(table.items()):
            print(f"   {rule:<34} {severity:<8} {sum(c.values()):>6} {c['true']:>5} {c['false']:>5} {c['noise']:>5} {share(c):>7}")
        for severity in SEVERITIES + ("all",):
            c = severity_table[severity]
            print(f"   {'(' + severity + ')':<34} {'':<8} {sum(c.values()):>6} {c['true']:>5} {c['false']:>5} {c['noise']:>5} {share(c):>7}")
        # The sample is stratified (errors and rare rules over-sampled), so the plain shares above over-weight them;
        # weighting each rule's share by how many findings it has this run estimates the share over all findings.
        for severity in SEVERITIES + ("all",):
            weighted = covered = 0
            for (rule, rule_severity), count in by_rule.items():
                c = table.get((rule, rule_severity))
                if c and severity in (rule_severity, "all"):
                    weighted += count * c["true"] / sum(c.values())
                    covered += count
            total = sum(n for (_, s), n in by_rule.items() if severity in (s, "all"))
            if covered:
                label = "all findings" if severity == "all" else f"all {severity} findings"
                print(f"   estimated share true of {label}, each rule weighted by its count: "
                      f"{100 * weighted / covered:.0f}% ({covered} of {total} findings are of rules with verdicts)")
    if gone:
        print("   gone (judged findings this run no longer reports), by rule and severity when judged:")
        gone_table = collections.defaultdict(collections.Counter)
        for v in gone:
            gone_table[(v["rule"], v["severity"])][v["verdict"]] += 1
        for (rule, severity), c in sorted(gone_table.items()):
            print(f"   {rule:<34} {severity:<8} {sum(c.values()):>6} {c['true']:>5} {c['false']:>5} {c['noise']:>5}")
        c = collections.Counter(v["verdict"] for v in gone)
        print(f"   {'(all gone)':<34} {'':<8} {sum(c.values()):>6} {c['true']:>5} {c['false']:>5} {c['noise']:>5}")
        for v in gone:
            if v["verdict"] == "true":
                print(f"   a true finding is gone: {v['repository']} {v['path']}:{v['line']} {v['rule']} ({v['reason']})")

    if unjudged_path:
        with open(unjudged_path, "w", encoding="utf-8") as handle:
            handle.write("repository\tpath\tline\tcolumn\trule\tseverity\tverdict\treason\tmessage\tsource\n")
            for key, finding in findings.items():
                if key in matched:
                    continue
                name, path, line, column, rule = key
                message = finding["message"].replace("\t", " ").replace("\n", " ")
                handle.write(f"{name}\t{path}\t{line}\t{column}\t{rule}\t{finding['severity']}\t\t\t{message}\t"
                             f"{source_line(finding['folder'], path, line)}\n")
        print(f"   unjudged findings written to {unjudged_path}")

    if judged_path:
        with open(judged_path, "w", encoding="utf-8") as handle:
            handle.write("repository\tpath\tline\tcolumn\trule\tseverity\tverdict\treason\tmessage\tsource\n")
            for key, v in matched.items():
                finding = findings[key]
                name, path, line, column, rule = key
                message = finding["message"].replace("\t", " ").replace("\n", " ")
                handle.write(f"{name}\t{path}\t{line}\t{column}\t{rule}\t{finding['severity']}\t{v['verdict']}\t"
                             f"{v['reason']}\t{message}\t{source_line(finding['folder'], path, line)}\n")
        print(f"   judged findings of this run written to {judged_path}")


if __name__ == "__main__":
    main()
