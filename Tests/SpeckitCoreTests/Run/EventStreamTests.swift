import Foundation
import Synchronization
import Testing

@testable import SpeckitCore

@Suite("EventStream: JSON Lines events")
struct EventStreamTests {
    static func capture(_ body: (EventStream) -> Void) -> [String] {
        let lines = Mutex<[String]>([])
        let stream = EventStream(run: "run \"7\"") { line in
            lines.withLock { $0.append(line) }
            return true
        }
        body(stream)
        return lines.withLock { $0 }
    }

    @Test("each event is one line that starts with seq, type, time (RFC 3339, UTC) and run; nothing after the last event")
    func lines() throws {
        let lines = Self.capture { stream in
            #expect(stream.emit(.started(template: "t", version: "1")) == 1)
            stream.emit(.progress(what: "validate", done: 1, total: 2))
            stream.emit(.heartbeat(elapsed: 1.23456))
            stream.emit(.completed(RunOutcome(exitCode: 1)))
            #expect(stream.emit(.progress(what: "late", done: 0, total: 0)) == 0)
            #expect(stream.ended)
        }
        #expect(lines.count == 4)
        let time = try Regex(#"^\{"seq":(\d+),"type":"([a-z.]+)","time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","run":"run \\"7\\"",""#)
        for (index, line) in lines.enumerated() {
            #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
            let match = try #require(line.firstMatch(of: time), "\(line)")
            #expect(match.output[1].substring == "\(index + 1)")
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["seq"] as? Int == index + 1)
        }
        #expect(lines[1].hasSuffix(#""done":1,"total":2,"what":"validate"}"# + "\n"))
        #expect(lines[2].contains(#""elapsed":1.235"#))
        #expect(lines[3].contains(#""exitCode":1"#) && lines[3].contains(#""status":"failed""#))
    }

    @Test("events from many threads are numbered without gaps or repeats, each line whole")
    func concurrent() {
        let lines = Self.capture { stream in
            DispatchQueue.concurrentPerform(iterations: 400) { index in
                stream.emit(.progress(what: "w", done: index, total: 400))
            }
        }
        let numbers = lines.compactMap { line -> Int? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["seq"] as? Int
        }
        #expect(numbers == Array(1...400))
    }
}
