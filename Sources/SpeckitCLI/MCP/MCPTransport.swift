import Foundation
import Logging
import MCP

/// The stdio transport, holding the end of input back until every request read has been answered: the
/// server handles each request in a task of its own and stops when its input ends, so a client that writes
/// its requests and closes stdin (a script, a pipe) would otherwise lose the answers still being worked on.
actor MCPTransport: Transport {
    private let inner = StdioTransport()
    nonisolated var logger: Logger { inner.logger }
    /// Requests read and not yet answered, by id (`n:1`, `s:abc`).
    private var pending: Set<String> = []
    private var drained: CheckedContinuation<Void, Never>?

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws {
        try await inner.send(data)
        for message in Self.messages(in: data) where message["method"] == nil {
            if let id = Self.id(message) { pending.remove(id) }
        }
        if pending.isEmpty, let waiting = drained {
            drained = nil
            waiting.resume()
        }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await data in await self.inner.receive() {
                        self.read(data)
                        continuation.yield(data)
                    }
                    await self.drain()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Notes the requests in `data` (a message or a batch): what must be answered before input may end.
    private func read(_ data: Data) {
        for message in Self.messages(in: data) where message["method"] != nil {
            if let id = Self.id(message) { pending.insert(id) }
        }
    }

    /// Returns once every request read has been answered.
    private func drain() async {
        guard !pending.isEmpty else { return }
        await withCheckedContinuation { drained = $0 }
    }

    private static func messages(in data: Data) -> [[String: Any]] {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return [] }
        if let one = value as? [String: Any] { return [one] }
        return (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    private static func id(_ message: [String: Any]) -> String? {
        if let text = message["id"] as? String { return "s:" + text }
        if let number = message["id"] as? NSNumber { return "n:" + number.stringValue }
        return nil
    }
}
