/// Recognises the labels that introduce lists of acceptance criteria or deliverables:
/// "Acceptance checks:", "Success Criteria:", "Definition of Done", "Verification:", "Testing Requirements:",
/// "Deliverables:", and the acceptance and success-criteria words of every built-in language
/// ("受け入れシナリオ:", "验收场景：", "Escenarios de aceptación:").
enum LabelClassifier {
    /// The label a paragraph or heading text introduces. Paragraphs must end with ":" or "：" (`requireColon`).
    static func label(_ text: String, requireColon: Bool, words: ConceptWords = .standard) -> ListLabel? {
        var trimmed = text.trimmingCharacters(in: [" ", "*", "_", "\n"])
        let endsWithColon = trimmed.hasSuffix(":") || trimmed.hasSuffix("：")
        if requireColon {
            guard endsWithColon, !trimmed.contains("\n") else { return nil }
            trimmed.removeLast()
        } else if endsWithColon {
            trimmed.removeLast()
        }
        let folded = trimmed.lowercased()
        guard folded.count <= 60 else { return nil }
        if folded.hasPrefix("deliverable") { return .deliverables }
        for prefix in acceptancePrefixes where folded.hasPrefix(prefix) {
            return .acceptance(trimmed)
        }
        let whole = Substring(trimmed)
        if words.remainder(after: .acceptance, in: whole) != nil || words.remainder(after: .successCriteria, in: whole) != nil {
            return .acceptance(trimmed)
        }
        return nil
    }

    private static let acceptancePrefixes = [
        "acceptance", "success criteria", "definition of done", "done when", "verification", "exit criteria",
        "validation checklist", "completion criteria", "test criteria", "acceptance scenarios", "testing requirements",
    ]
}
