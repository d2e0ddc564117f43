import Foundation
import Testing

@testable import SpeckitCore

/// `speckit parse` writes its JSON kit by kit and document by document; what it writes must be exactly what
/// the encoder writes for the whole model.
@Suite("Parse writers")
struct ParseWriterTests {
    @Test("a kit written document by document is the encoder's JSON of the kit")
    func kitByDocuments() throws {
        let result = ParseSampleModel.fullResult()
        var writer = ParseJSONWriter()
        for (index, kit) in result.kits.enumerated() {
            var text = ""
            writer.kit(kit) { text += $0 }
            let written = String(text.dropFirst(index == 0 ? 1 : 2))
            #expect(try Self.object(written) == Self.object(JSONPieces.encode(kit)))
        }
    }

    @Test("the whole output is the encoder's JSON of the result")
    func wholeResult() throws {
        for result in [ParseSampleModel.fullResult(), ParseResult(kits: [], diagnostics: [])] {
            var writer = ParseJSONWriter()
            #expect(try Self.object(writer.render(result)) == Self.object(JSONPieces.encode(result)))
        }
    }

    /// JSON read back into Foundation's objects, which compare by value.
    static func object(_ json: String) throws -> NSObject {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSObject)
    }
}

extension ParseWriterTests {
    @Test("indenting while encoding gives what indenting the encoder's JSON gives", arguments: [0, 2, 8])
    func encodeIndented(spaces: Int) {
        let kit = ParseSampleModel.fullResult().kits[0]
        #expect(JSONPieces.encodeIndented(kit, by: spaces) == JSONPieces.indent(JSONPieces.encode(kit), by: spaces))
        #expect(JSONPieces.encodeIndented([String](), by: spaces) == JSONPieces.indent(JSONPieces.encode([String]()), by: spaces))
    }
}
