"""Runs `speckit mcp` under a real Model Context Protocol client (the Python `mcp` package) against a fixture kit in
a scratch git repository: initialises, lists the tools and resources, calls every tool and checks each answer
(the JSON against speckit's schemas, the file set_status writes, refusals as error results); then feeds the server
malformed requests over a raw pipe and checks it answers each with a JSON-RPC error and goes on.
Prints one line per problem and closes with 'mcp: N passed, N failed'."""

import asyncio
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = str(pathlib.Path(sys.argv[1]).resolve())
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    if not ok:
        print(f"FAIL {name}: {detail}"[:2000])


def schema(name):
    return Draft202012Validator(json.loads((REPO / "spec" / "schema" / name).read_text()))


def errors(validator, instance):
    return [e.message for e in validator.iter_errors(instance)][:3]


def text(result):
    return result.content[0].text if result.content else ""


async def client_session(folder):
    plan = folder / "spec" / "greenhouse" / "tasks.md"
    params = StdioServerParameters(command=BINARY, args=["mcp"], cwd=str(folder))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check("initialize names the server", init.serverInfo.name == "speckit", init.serverInfo)
            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            check("the five tools are listed", set(tools) == {"status", "validate", "next", "task", "set_status"}, list(tools))
            check("set_status requires id and status", tools["set_status"].inputSchema.get("required") == ["id", "status"],
                  tools["set_status"].inputSchema)

            status = await session.call_tool("status", {})
            report = json.loads(text(status))
            check("status: not an error", not status.isError, text(status))
            check("status: matches status.schema.json", not errors(schema("status.schema.json"), report), errors(schema("status.schema.json"), report))
            check("status: the fixture kit's 42 tasks", report["totals"]["tasks"] == 42, report["totals"])

            validate = await session.call_tool("validate", {"path": "spec"})
            findings = json.loads(text(validate))
            check("validate: matches validate.schema.json", not errors(schema("validate.schema.json"), findings), errors(schema("validate.schema.json"), findings))
            rules = {finding["ruleId"] for finding in findings["findings"]}
            check("validate: the claim and phase findings", {"status.claim-mismatch", "status.phase-contradiction"} <= rules, rules)

            ready = json.loads(text(await session.call_tool("next", {"all": True})))
            check("next: matches next.schema.json", not errors(schema("next.schema.json"), ready), errors(schema("next.schema.json"), ready))
            first = ready["kits"][0]["tasks"][0]
            check("next: T2.1.1 first", first["id"] == "T2.1.1", first)

            task = json.loads(text(await session.call_tool("task", {"id": "T2.1"})))
            check("task: phase T2, waits for T1 (done), three subtasks",
                  task["phase"]["id"] == "T2" and task["dependencies"] == [{"id": "T1", "status": "done"}] and len(task["subtasks"]) == 3, task)

            before = plan.read_bytes()
            dry = await session.call_tool("set_status", {"id": "T2.1.1", "status": "done", "dry_run": True})
            outcome = json.loads(text(dry))
            check("set_status dry_run: a diff, nothing written", "+  - [x] T2.1.1" in (outcome.get("diff") or "") and plan.read_bytes() == before, outcome)

            changed = await session.call_tool("set_status", {"id": "T2.1.1", "status": "done", "expect_hash": first["hash"]})
            outcome = json.loads(text(changed))
            check("set_status: written with the hash next gave", not changed.isError and outcome["written"] is True, text(changed))
            check("set_status: the one line changed", b"  - [x] T2.1.1 Check the payload" in plan.read_bytes()
                  and len(plan.read_bytes()) == len(before), outcome)

            stale = await session.call_tool("set_status", {"id": "T2.1.1", "status": "todo", "expect_hash": first["hash"]})
            check("set_status: a stale hash is refused", stale.isError and "changed since it was read" in text(stale), text(stale))
            waiting = await session.call_tool("set_status", {"id": "T3.1", "status": "done"})
            check("set_status: refused while T3's phase waits for T2", waiting.isError and "waits for T2" in text(waiting), text(waiting))

            outside = await session.call_tool("status", {"path": "../elsewhere"})
            check("a path outside the folder is refused", outside.isError and "inside the folder" in text(outside), text(outside))
            unknown = await session.call_tool("no_such_tool", {})
            check("an unknown tool is an error result", unknown.isError, text(unknown))
            missing = await session.call_tool("task", {"id": "T9.9"})
            check("an unknown task is an error result", missing.isError and "no task 'T9.9'" in text(missing), text(missing))

            resources = (await session.list_resources()).resources
            check("one resource per kit", [str(r.uri) for r in resources] == ["speckit://kit/spec/greenhouse"], resources)
            model = json.loads((await session.read_resource(resources[0].uri)).contents[0].text)
            check("the resource is the kit's model", model["kits"][0]["documents"][0]["path"] == "spec/greenhouse/tasks.md", model["kits"][0].keys())


def malformed(folder):
    """Garbage, a request without a method and a call with bad arguments, then a good request: each answered."""
    lines = [
        "this is not JSON",
        json.dumps({"jsonrpc": "2.0", "id": 7, "params": {}}),
        json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}),
        json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "task", "arguments": {"id": 5}}}),
        json.dumps({"jsonrpc": "2.0", "id": 3, "method": "no/such/method", "params": {}}),
        json.dumps({"jsonrpc": "2.0", "id": 4, "method": "tools/list", "params": {}}),
    ]
    run = subprocess.run([BINARY, "mcp"], cwd=folder, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=60)
    answers = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    check("malformed: the server exits 0 when stdin closes", run.returncode == 0, run.stderr[-500:])
    check("malformed: every stdout line is JSON-RPC", all(a.get("jsonrpc") == "2.0" for a in answers), run.stdout[:500])
    codes = [a["error"]["code"] for a in answers if "error" in a]
    check("malformed: garbage and a request without a method are JSON-RPC errors", codes.count(-32700) + codes.count(-32600) >= 2, answers)
    by_id = {a.get("id"): a for a in answers}
    check("malformed: an unknown method is -32601", by_id.get(3, {}).get("error", {}).get("code") == -32601, by_id.get(3))
    check("malformed: a wrong argument type is an error result", by_id.get(2, {}).get("result", {}).get("isError") is True, by_id.get(2))
    check("malformed: the server went on and lists its tools", len(by_id.get(4, {}).get("result", {}).get("tools", [])) == 5, by_id.get(4))


def main():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="speckit-mcp-"))
    try:
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
        kit = folder / "spec" / "greenhouse"
        kit.mkdir(parents=True)
        shutil.copy(REPO / "Tests" / "Fixtures" / "plans" / "tasks-mac-roman.md", kit / "tasks.md")
        asyncio.run(client_session(folder))
        malformed(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"mcp: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


main()
