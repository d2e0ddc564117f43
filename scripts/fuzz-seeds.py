#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into a folder, from the repository's own fixtures.

    scripts/fuzz-seeds.py markdown|yaml|archive OUT

markdown: every Markdown fixture, the project's own kit, the seeds beside the repository (../shared/seeds), and
          small versions of the hostile Markdown of issue 15 (fence look-alikes, paragraphs of inline nodes).
yaml:     every YAML and JSON fixture.
archive:  zips and tar.gz files packed from the Markdown fixtures, plus the hostile shapes speckit refuses
          (`..`, absolute paths, symbolic and hard links, a truncated zip) and those of
          scripts/hostile-archives.py (UTF-8 names, local headers that disagree with the central directory,
          an empty zip; the zip bomb left out).
"""
import hashlib, importlib.util, io, os, sys, tarfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files(folder, suffixes):
    for base, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.lower().endswith(suffixes):
                yield os.path.join(base, name)


def write(out, data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def markdown():
    sources = list(files(os.path.join(ROOT, "Tests/Fixtures"), (".md",)))
    sources += list(files(os.path.join(ROOT, "spec"), (".md",)))
    sources += list(files(os.path.join(ROOT, "..", "shared", "seeds"), (".md", ".txt")))
    return [open(p, "rb").read() for p in sources] + hostile_markdown()


def repeated(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


def hostile_markdown():
    """Small versions of the inputs that got past the paragraph guard or cost cmark-gfm gigabytes (issue 15):
    fence look-alikes cmark-gfm does not take as fences, and paragraphs, tables and lines made of inline nodes."""
    tasks = "# Tasks\n\n- [ ] T1 Before\n\n"
    after = "\n\n- [ ] T2 After (depends on T1)\n"
    blob = repeated("**b** _e_ [l](x) ", 12000)
    fences = ["``` a`b\n", "para\n    ```\n    ", "<div>\n```\n</div>\n\n", "<!--\n```\n-->\n", "> ```\n> x\n",
              "- a\n ```\n", "<x y=\"z\">\n```\n\n", "a\n<span>\n```\n", "[a]: /u\n===\n```\n", "~~~ `x`\n", "- ```\n  x\n- y\n"]
    docs = [tasks + fence + blob + after for fence in fences]
    for unit in ["<a", "_a", "[a", "*a_", "www.", "`a", "&a", "![", "a@b.c ", "a@a@", "\\a", "~a", "http:"]:
        docs.append(tasks + "\n\n".join([repeated(unit, 3000)] * 4) + after)
    header = "|" + "a|" * 127 + "\n|" + "-|" * 127 + "\n"
    docs.append(tasks + header + "|x|\n" * 2000 + after)
    docs.append(tasks + header + ("|" + "[|" * 127 + "\n") * 40 + after)
    docs.append(tasks + repeated("|-|-|\n|-|\n", 12000) + after)
    docs.append(tasks + "***\n\n" * 2000 + after)
    docs.append(tasks + "".join("word%s\n\n## Phase %d: Build%s\n\n" % ("_" * 2000, i, "-" * 2000) for i in range(1, 4)) + after)
    docs.append(tasks + "- [ ] T3 Ship (depends on " + ", ".join("T%d" % i for i in range(1, 1500)) + ")\n")
    return [doc.encode() for doc in docs]


def structured():
    return [open(p, "rb").read() for p in files(os.path.join(ROOT, "Tests/Fixtures"), (".yaml", ".yml", ".json"))
            if "/reports/" not in p]


def zip_of(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def tar_of(entries, links=()):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as t:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
        for name, kind, target in links:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, target
            t.addfile(info)
    return buffer.getvalue()


def archives():
    kit = [("kit/" + os.path.basename(p), open(p, "rb").read())
           for p in files(os.path.join(ROOT, "Tests/Fixtures/markdown"), (".md",))]
    small = [("kit/tasks.md", b"# Tasks\n\n- [x] T1 Build it\n- [ ] T2 Ship it (depends on T1)\n")]
    seeds = [zip_of(kit), tar_of(kit), zip_of(small), tar_of(small),
             zip_of(small + [("../escape.md", b"# out\n"), ("/etc/plan.md", b"# abs\n")]),
             tar_of(small, links=[("kit/plan.md", tarfile.SYMTYPE, "/etc/passwd"),
                                  ("kit/prd.md", tarfile.LNKTYPE, "kit/tasks.md")])]
    seeds.append(seeds[2][: len(seeds[2]) // 2])  # Truncated.
    spec = importlib.util.spec_from_file_location("hostile", os.path.join(ROOT, "scripts/hostile-archives.py"))
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    seeds += [data for name, data in sorted(hostile.archives().items()) if name != "bomb-10g.zip"]
    return seeds


if __name__ == "__main__":
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for data in {"markdown": markdown, "yaml": structured, "archive": archives}[target]():
        write(out, data)
