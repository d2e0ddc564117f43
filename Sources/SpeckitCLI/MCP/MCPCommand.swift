import ArgumentParser
import Dispatch
import Foundation
import MCP
import SpeckitCore
import Synchronization

/// `speckit mcp [PATH…]`: speckit's answers for coding agents, as a Model Context Protocol server on stdio.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve status, validate, next, set_status and task to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Speaks MCP (JSON-RPC 2.0, one message per line) on stdin and stdout until stdin closes; nothing else is \
            written to stdout. Tools: status, validate and next return the JSON 'speckit status|validate|next \
            --format json' print; set_status changes a task's status as 'speckit set-status' does (with \
            expect_hash, force and dry_run); task returns one task with its phase, dependencies, requirements and \
            acceptance criteria. Each kit is a resource (speckit://kit/ROOT, its model as 'speckit parse' prints \
            it). A tool's 'path' is relative to the folder the server runs in and cannot leave it; without one, \
            the PATHs given here (default: the current folder) are read. A malformed request gets a JSON-RPC \
            error and the server goes on.
            """
    )

    @Argument(
        help: ArgumentHelp("Plan files, kit folders or trees the tools read by default (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var settingsOptions: SettingsOptions
    @OptionGroup var jobs: JobsOptions

    func run() throws {
        let answers = MCPAnswers(settingsOptions: settingsOptions, threads: jobs.threads, defaultPaths: paths.isEmpty ? ["."] : paths)
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task {
            do {
                try await MCPServer.serve(answers)
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw SpeckitError.unreadable("stdin", reason: "MCP transport: \(error)") }
    }
}

/// The server: the tools and resources, each answered from `MCPAnswers`.
enum MCPServer {
    static func serve(_ answers: MCPAnswers) async throws {
        let server = Server(
            name: "speckit", version: Speckit.version,
            instructions: "speckit reads spec kits (constitution, PRD, plan, tasks). Ask next for what to start, task for one "
                + "task's details, set_status to record progress (it keeps parents, phases and summaries true).",
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools) }
        await server.withMethodHandler(CallTool.self) { params in call(params, answers) }
        await server.withMethodHandler(ListResources.self) { _ in
            .init(resources: (try? resources(answers)) ?? [])
        }
        await server.withMethodHandler(ReadResource.self) { params in
            let text = try read(params.uri, answers)
            return .init(contents: [.text(text, uri: params.uri, mimeType: "application/json")])
        }
        try await server.start(transport: MCPTransport())
        await server.waitUntilCompleted()
    }

    private static let pathProperty: Value = .object([
        "type": "string",
        "description": "A plan file or folder, relative to the server's folder (default: what the server was started on).",
    ])

    static let tools: [Tool] = [
        Tool(
            name: "status",
            description:
                "Progress per kit and phase, tasks in progress, blocked and ready, and claims vs. counts (speckit status --format json).",
            inputSchema: .object(["type": "object", "properties": .object(["path": pathProperty])]),
            annotations: .init(readOnlyHint: true)),
        Tool(
            name: "validate", description: "Every finding of speckit's rules (speckit validate --format json).",
            inputSchema: .object(["type": "object", "properties": .object(["path": pathProperty])]),
            annotations: .init(readOnlyHint: true)),
        Tool(
            name: "next",
            description:
                "The task to start next in each kit: ready, ordered by phase, priority and what it unblocks; with its hash for set_status.",
            inputSchema: .object([
                "type": "object",
                "properties": .object([
                    "path": pathProperty, "all": .object(["type": "boolean", "description": "Every ready task, not only the first."]),
                ]),
            ]),
            annotations: .init(readOnlyHint: true)),
        Tool(
            name: "task",
            description: "One task: where it is written, its phase, dependencies (and their status), requirements and acceptance criteria.",
            inputSchema: .object([
                "type": "object",
                "properties": .object([
                    "id": .object(["type": "string", "description": "The task id (T2.1) or FILE:LINE."]), "path": pathProperty,
                ]),
                "required": .array(["id"]),
            ]),
            annotations: .init(readOnlyHint: true)),
        Tool(
            name: "set_status",
            description:
                "Change a task's status everywhere it is stated, keeping its parent, phase and true count claims in step (speckit set-status). "
                + "Refused while a dependency or subtask is open (unless force), or when expect_hash no longer matches the task's lines.",
            inputSchema: .object([
                "type": "object",
                "properties": .object([
                    "id": .object(["type": "string", "description": "The task id (T2.1) or FILE:LINE."]),
                    "status": .object(["type": "string", "description": "done, todo, in-progress, review, blocked, deferred or cancelled."]
                    ),
                    "expect_hash": .object([
                        "type": "string", "description": "The hash next or task gave: refused if the task's lines changed since.",
                    ]),
                    "force": .object(["type": "boolean"]),
                    "dry_run": .object(["type": "boolean", "description": "Return the diff, write nothing."]),
                    "path": pathProperty,
                ]),
                "required": .array(["id", "status"]),
            ]),
            annotations: .init(readOnlyHint: false, destructiveHint: false, idempotentHint: true)),
    ]

    /// Answers one tool call; every failure is a result with `isError`, never a crash.
    static func call(_ params: CallTool.Parameters, _ answers: MCPAnswers) -> CallTool.Result {
        let arguments = params.arguments ?? [:]
        func string(_ key: String) -> String? { arguments[key]?.stringValue }
        func flag(_ key: String) -> Bool { arguments[key]?.boolValue ?? false }
        do {
            let text: String
            switch params.name {
            case "status": text = try answers.status(path: string("path"))
            case "validate": text = try answers.validate(path: string("path"))
            case "next": text = try answers.next(path: string("path"), all: flag("all"))
            case "task":
                guard let id = string("id") else { throw MCPAnswers.Failure(message: "task needs 'id' (a task id or FILE:LINE)") }
                text = try answers.task(id, path: string("path"))
            case "set_status":
                guard let id = string("id"), let status = string("status") else {
                    throw MCPAnswers.Failure(message: "set_status needs 'id' and 'status'")
                }
                text = try answers.setStatus(
                    id, to: status, path: string("path"), expectHash: string("expect_hash"), force: flag("force"), dryRun: flag("dry_run"))
            default:
                throw MCPAnswers.Failure(message: "no tool '\(params.name)': the tools are status, validate, next, task and set_status")
            }
            return .init(content: [.text(text: text, annotations: nil, _meta: nil)], isError: false)
        } catch let failure as MCPAnswers.Failure {
            return .init(content: [.text(text: failure.message, annotations: nil, _meta: nil)], isError: true)
        } catch let error as SpeckitError {
            return .init(content: [.text(text: error.errorDescription ?? "\(error)", annotations: nil, _meta: nil)], isError: true)
        } catch {
            return .init(content: [.text(text: "\(error)", annotations: nil, _meta: nil)], isError: true)
        }
    }

    /// Each kit under the default paths, as a resource.
    static func resources(_ answers: MCPAnswers) throws -> [Resource] {
        let (set, _) = try answers.kits(answers.defaultPaths)
        return set.kits.map { kit in
            Resource(
                name: kit.name, uri: "speckit://kit/" + kit.root,
                description: "The \(kit.profile.rawValue) kit at \(kit.root): its parsed model",
                mimeType: "application/json")
        }
    }

    /// The model of the kit a resource names, as `speckit parse --format json` prints it.
    static func read(_ uri: String, _ answers: MCPAnswers) throws -> String {
        let prefix = "speckit://kit/"
        guard uri.hasPrefix(prefix) else { throw MCPError.invalidParams("unknown resource '\(uri)': kits are speckit://kit/ROOT") }
        let root = String(uri.dropFirst(prefix.count))
        let (set, settings) = try answers.kits(answers.defaultPaths)
        guard let source = set.kits.first(where: { $0.root == root }) else {
            throw MCPError.invalidParams("no kit at '\(root)'")
        }
        let loaded = KitReader(settings: settings, files: set.files).read(source, scope: .reported)
        return try JSONOutput.encode(ParseResult(kits: [loaded.reportedKit], diagnostics: loaded.diagnostics, skipped: loaded.skipped))
            + "\n"
    }
}
