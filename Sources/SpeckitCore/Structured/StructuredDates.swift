import Foundation

/// Reads the dates written in YAML plans: `2025-11-10`, `2025-11-10T09:30:00Z`, `2025/11/10`,
/// `January 8, 2026`, `Jan 8 2026`, `8 January 2026`.
enum StructuredDates {
    /// The date as written, with its `YYYY-MM-DD` form when it could be read.
    static func value(_ raw: String) -> DateValue {
        DateValue(raw: raw, iso: iso(raw))
    }

    /// `YYYY-MM-DD`, or nil.
    static func iso(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let match = text.prefixMatch(of: isoPattern) {
            return format(year: Int(match.1), month: Int(match.2), day: Int(match.3))
        }
        if let match = text.wholeMatch(of: monthFirstPattern) {
            return format(year: Int(match.3), month: month(String(match.1)), day: Int(match.2))
        }
        if let match = text.wholeMatch(of: dayFirstPattern) {
            return format(year: Int(match.3), month: month(String(match.2)), day: Int(match.1))
        }
        return nil
    }

    // Built once (a regex literal in a function is compiled on every call).
    nonisolated(unsafe) private static let isoPattern = /([0-9]{4})[-\/]([0-9]{1,2})[-\/]([0-9]{1,2})(?![0-9])/
    nonisolated(unsafe) private static let monthFirstPattern = /([A-Za-z]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})/
    nonisolated(unsafe) private static let dayFirstPattern = /([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+([0-9]{4})/

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3, let index = months.firstIndex(where: { lower.hasPrefix($0) }) else { return nil }
        return index + 1
    }

    private static func format(year: Int?, month: Int?, day: Int?) -> String? {
        guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let pad = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
