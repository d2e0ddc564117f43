/// Rewriting the numbers of a claim ("18 completed (16%)", "(3/27 subtasks)", "**Total Tasks**: 142") in
/// place: only the digits change, in the claim's own wording.
enum ClaimNumbers {
    /// What the claim would say if it agreed with `count`: the number (the numerator of a fraction) and the
    /// denominator. `pendingAsOpen`: a "Pending: 3" that counted every open task, not only those to do.
    static func expected(_ claim: Claim, _ count: ClaimCounting.Count, pendingAsOpen: Bool) -> (number: Int, total: Int?) {
        switch claim.kind {
        case .fraction: return (count.number(with: .done, remaining: false), count.total)
        case .total: return (count.total, nil)
        case .count:
            if pendingAsOpen { return (count.number(with: nil, remaining: true), nil) }
            return (count.number(with: claim.status, remaining: claim.remaining), nil)
        }
    }

    /// Whether a "Pending: N" claim agrees with `count` only by counting every open task.
    static func pendingAsOpen(_ claim: Claim, _ count: ClaimCounting.Count) -> Bool {
        claim.kind == .count && claim.status == .todo && claim.count != count.number(with: .todo, remaining: false)
            && claim.count == count.number(with: nil, remaining: true)
    }

    /// Whether the claim's number follows "all" ("All 32 tasks finished"): a claim that the count is the
    /// whole, which a new number cannot make true.
    static func followsAll(_ claim: Claim, in file: FileText) -> Bool {
        guard let range = file.lines.line(claim.range.line), let digits = standalone(claim.count, in: file.bytes, range) else {
            return false
        }
        var start = digits.lowerBound
        while start > range.lowerBound, [0x20, 0x2A, 0x5F].contains(file.bytes[start - 1]) { start -= 1 }
        guard start - range.lowerBound >= 3 else { return false }
        let word = file.bytes[(start - 3)..<start].map { $0 | 0x20 }
        return word == Array("all".utf8) && (start - 3 == range.lowerBound || !isWordByte(file.bytes[start - 4]))
    }

    /// The edits that make `claim` say `number` (and `total`), and its percentage, when it gives one, a
    /// percentage of `base.new` (what it was a percentage of before: `base.old`, which tells whether the
    /// document rounds to the nearest percent or down). Nil when its digits cannot be found on its line for
    /// certain.
    static func edits(_ claim: Claim, number: Int, total: Int?, base: (old: Int?, new: Int?), in file: FileText) -> [PlanEdit]? {
        let line = claim.range.line
        guard let range = file.lines.line(line) else { return nil }
        let bytes = file.bytes
        var edits: [PlanEdit] = []
        var after: Int
        switch claim.kind {
        case .fraction:
            guard let claimedTotal = claim.total, let total,
                let (numerator, denominator) = fraction(claim.count, claimedTotal, in: bytes, range)
            else { return nil }
            edits.append(PlanEdit(path: file.path, range: numerator, replacement: Array(String(number).utf8)))
            edits.append(PlanEdit(path: file.path, range: denominator, replacement: Array(String(total).utf8)))
            after = denominator.upperBound
        case .count, .total:
            guard let digits = standalone(claim.count, in: bytes, range.lowerBound..<range.upperBound) else { return nil }
            edits.append(PlanEdit(path: file.path, range: digits, replacement: Array(String(number).utf8)))
            after = digits.upperBound
        }
        // A percentage given with the numbers ("(16%)", "(45.8%)") follows them: recomputed to the same
        // precision. Kept true (`base.old` known), it changes only if it was the percentage of the old numbers,
        // rounded as the document rounded; corrected, it is rounded to the nearest.
        let oldBase = claim.kind == .fraction ? claim.total : base.old
        let newBase = claim.kind == .fraction ? total : base.new
        if let newBase, let (digits, value, decimals) = percentage(in: bytes, after..<min(after + 16, range.upperBound)) {
            let scale = pow10(decimals)
            var down = false
            var matched = oldBase == nil || claim.kind == .fraction && base.old == nil
            if let oldBase, !matched {
                let old = oldBase == 0 ? 0 : Double(claim.count) * 100 / Double(oldBase)
                matched = abs((old * scale).rounded() / scale - value) < 0.5 / scale
                down = !matched && abs((old * scale).rounded(.down) / scale - value) < 0.5 / scale
                matched = matched || down
            }
            if matched {
                let new = newBase == 0 ? 0 : Double(number) * 100 / Double(newBase)
                let rounded = (new * scale).rounded(down ? .down : .toNearestOrAwayFromZero) / scale
                let text = decimals == 0 ? String(Int(rounded)) : String(format: "%.\(decimals)f", rounded)
                edits.append(PlanEdit(path: file.path, range: digits, replacement: Array(text.utf8)))
            }
        }
        return edits
    }

    private static func pow10(_ decimals: Int) -> Double { (0..<decimals).reduce(1) { value, _ in value * 10 } }

    /// The first percentage in `range` (`16%`, `45.8%`): its digits, value and number of decimals.
    private static func percentage(in bytes: [UInt8], _ range: Range<Int>) -> (Range<Int>, Double, Int)? {
        var index = range.lowerBound
        while index < range.upperBound {
            guard isDigit(bytes[index]), index == range.lowerBound || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            var decimals = -1
            while end < range.upperBound, isDigit(bytes[end]) || (bytes[end] == 0x2E && decimals < 0) {
                if bytes[end] == 0x2E { decimals = 0 } else if decimals >= 0 { decimals += 1 }
                end += 1
            }
            if end < range.upperBound, bytes[end] == 0x25, decimals != 0,
                let value = Double(String(decoding: bytes[index..<end], as: UTF8.self))
            {
                return (index..<end, value, max(decimals, 0))
            }
            index = end
        }
        return nil
    }

    /// The digits of `value` on the line, not part of a longer number, a version or (unless `slashAfter`, for
    /// the numerator of a fraction) a fraction.
    private static func standalone(_ value: Int, in bytes: [UInt8], _ range: Range<Int>, slashAfter: Bool = false) -> Range<Int>? {
        let digits = Array(String(value).utf8)
        var index = range.lowerBound
        while index + digits.count <= range.upperBound {
            let end = index + digits.count
            if bytes[index..<end].elementsEqual(digits) {
                let before = index > range.lowerBound ? bytes[index - 1] : 0x20
                let next = end < range.upperBound ? bytes[end] : 0x20
                if !isWordByte(before), before != 0x2E, before != 0x2F, !isDigit(next), slashAfter || next != 0x2F {
                    return index..<end
                }
            }
            index += 1
        }
        return nil
    }

    /// The numerator and denominator of `count/total` (spaces allowed around the slash).
    private static func fraction(_ count: Int, _ total: Int, in bytes: [UInt8], _ range: Range<Int>) -> (Range<Int>, Range<Int>)? {
        var search = range.lowerBound
        while let numerator = standalone(count, in: bytes, search..<range.upperBound, slashAfter: true) {
            var index = numerator.upperBound
            while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
            if index < range.upperBound, bytes[index] == 0x2F {
                index += 1
                while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
                let digits = Array(String(total).utf8)
                let end = index + digits.count
                if end <= range.upperBound, bytes[index..<end].elementsEqual(digits), end == range.upperBound || !isDigit(bytes[end]) {
                    return (numerator, index..<end)
                }
            }
            search = numerator.upperBound
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }
}
