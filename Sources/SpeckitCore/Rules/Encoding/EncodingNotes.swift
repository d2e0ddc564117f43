extension RuleContext {
    /// Reports every parser note of one kind as a finding of the running rule, with the note's message.
    func reportNotes(_ id: Diagnostic.ID, fix: String? = nil) {
        for note in parseNotes where note.ruleId == id {
            report(note.message, at: note.range, fix: fix)
        }
    }
}
