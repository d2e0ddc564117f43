/// One change to a plan file: bytes `range` of the file at `path` replaced by `replacement`. Everything
/// outside the ranges stays byte for byte as it was.
package struct PlanEdit: Hashable, Sendable {
    package var path: String
    package var range: Range<Int>
    package var replacement: [UInt8]

    package init(path: String, range: Range<Int>, replacement: [UInt8]) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }

    /// `bytes` with `edits` (all of one file) made, last first so earlier offsets stay valid. Two edits of
    /// the same range keep the later one; overlapping edits are a bug of the caller and keep the first.
    package static func apply(_ edits: [PlanEdit], to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var lowest = Int.max
        var byStart: [Int: PlanEdit] = [:]
        for edit in edits { byStart[edit.range.lowerBound] = edit }
        for edit in byStart.values.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where edit.range.upperBound <= lowest {
            out.replaceSubrange(edit.range, with: edit.replacement)
            lowest = edit.range.lowerBound
        }
        return out
    }
}
