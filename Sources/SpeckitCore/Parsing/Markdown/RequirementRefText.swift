/// Reads the requirement ids a `_Requirements: 1.2, 3.4_` or `**Maps to requirements:** FR-1` line cites.
/// Only pieces that are wholly id-shaped count: Kiro's criterion refs (`1.2`: requirement 1, criterion 2),
/// bare requirement numbers (`3`), prefixed ids (`FR-001`, `US-1.1`, `REQ-12`) and story tags (`US1`).
/// Free text ("All requirements 1-31", "23 (ACs 1–5") and ranges cite nothing speckit can check.
enum RequirementRefText {
    static func ids(in value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { piece in
            let token = piece.trimmingCharacters(in: [" ", "\t", "_", "*", "`", "[", "]"])
            return token.wholeMatch(of: idPattern) == nil ? nil : token
        }
    }

    nonisolated(unsafe) static let idPattern = /(?:[A-Z]{1,6}-?)?\d+(?:\.\d+)*/
}
