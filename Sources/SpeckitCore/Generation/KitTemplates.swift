import Foundation
import Mustache

/// The kit's templates: embedded in the binary (`EmbeddedTemplates`, generated from `templates/kit/`), and
/// replaceable file by file from a folder (`--templates DIR`).
public struct KitTemplates: Sendable {
    /// The documents a kit is made of, in the order they are written.
    public static let documents = ["constitution.md", "prd.md", "plan.md", "tasks.md"]

    /// Template text by document name.
    public let texts: [String: String]
    /// Where each template came from (`embedded` or a file path), for error messages.
    public let origins: [String: String]

    /// The embedded templates, with any `DIR/<document>.mustache` files taking their place.
    public static func load(overrides folder: String? = nil) throws -> KitTemplates {
        var texts = EmbeddedTemplates.kit
        var origins = [String: String]()
        for name in documents { origins[name] = "templates/kit/\(name).mustache (embedded)" }
        if let folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SpeckitError.badTemplate(file: folder, line: nil, column: nil, problem: "no such folder (given by --templates)")
            }
            for name in documents {
                let path = (folder as NSString).appendingPathComponent(name + ".mustache")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw SpeckitError.badTemplate(file: path, line: nil, column: nil, problem: "cannot read it as UTF-8 text")
                }
                texts[name] = text
                origins[name] = path
            }
        }
        return KitTemplates(texts: texts, origins: origins)
    }

    /// Renders every document for `parameters`.
    public func render(_ parameters: KitParameters) throws -> [(name: String, text: String)] {
        let values = KitContext(parameters: parameters).values
        return try Self.documents.map { name in
            let origin = origins[name] ?? name
            do {
                let template = try MustacheTemplate(string: texts[name] ?? "")
                return (name, template.render(values))
            } catch let error as MustacheTemplate.ParserError {
                throw SpeckitError.badTemplate(
                    file: origin, line: error.context.lineNumber, column: error.context.columnNumber,
                    problem: Self.explain(error.error))
            }
        }
    }

    /// What a Mustache parser error means, in words.
    static func explain(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a name it was not opened with"
        case .unfinishedName?: return "a tag is not closed (expected '}}')"
        case .expectedSectionEnd?: return "a section is never closed (expected {{/name}})"
        case .invalidSetDelimiter?: return "a set-delimiter tag is badly formed"
        case .transformAppliedToInheritanceSection?, .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "a partial's inheritance section is badly formed"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "a configuration tag is badly formed"
        case nil: return "\(error)"
        }
    }
}
