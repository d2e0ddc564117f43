/// Recognises the labels that introduce lists of acceptance criteria or deliverables:
/// "Acceptance checks:", "Success Criteria:", "Definition of Done", "Verification:", "Testing Requirements:",
/// "Deliverables:".
enum LabelClassifier {
    /// The label a paragraph or heading text introduces. Paragraphs must end with ":" (`requireColon`).
    static func label(_ text: String, requireColon: Bool) -> ListLabel? {
        var trimmed = text.trimmingCharacters(in: [" ", "*", "_", "\n"])
        if requireColon {
            guard trimmed.hasSuffix(":"), !trimmed.contains("\n") else { return nil }
            trimmed.removeLast()
        } else if trimmed.hasSuffix(":") {
            trimmed.removeLast()
        }
        let folded = trimmed.lowercased()
        guard folded.count <= 60 else { return nil }
        if folded.hasPrefix("deliverable") { return .deliverables }
        for prefix in acceptancePrefixes where folded.hasPrefix(prefix) {
            return .acceptance(trimmed)
        }
        return nil
    }

    private static let acceptancePrefixes = [
        "acceptance", "success criteria", "definition of done", "done when", "verification", "exit criteria",
        "validation checklist", "completion criteria", "test criteria", "acceptance scenarios", "testing requirements",
    ]
}
