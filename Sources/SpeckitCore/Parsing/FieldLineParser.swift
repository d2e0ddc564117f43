import Foundation

/// A `Key: value` fact read from a line such as
/// `**Status**: completed | **Priority**: CRITICAL | **Dependencies**: [2] | **Estimated**: 3-5 days`.
struct FieldFact: Equatable {
    enum Key: Equatable {
        case status, priority, dependencies, assignee, started, completed, lastUpdated, due
        case other(String)
    }

    var key: Key
    /// The key as written.
    var name: String
    var value: String
}

/// Splits lines into fields. Only keys speckit knows are read from prose, so "Problem Statement:" or
/// "Note: …" never become fields; attribute tables (`| Complexity | Medium |`) accept any key.
enum FieldLineParser {
    /// Every known field on every line of `text`.
    static let nameTrim = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "*_-•"))
    static let valueTrim = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "*_"))

    static func fields(in text: String, words: ConceptWords = .standard) -> [FieldFact] {
        var out: [FieldFact] = []
        for line in text.lineSlices(omittingEmpty: true) {
            for part in line.split(separator: "|") {
                guard let colon = part.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
                let name = part[..<colon].trimmingCharacters(in: Self.nameTrim)
                let value = part[part.index(after: colon)...].trimmingCharacters(in: Self.valueTrim)
                guard let key = key(for: name, anyKey: false, words: words) else { continue }
                out.append(FieldFact(key: key, name: name, value: value))
            }
        }
        return out
    }

    /// The key a name stands for; with `anyKey`, unknown names of up to four words become `.other`. Status,
    /// priority and dependency keys are known in every built-in language (`Estado`, `優先度`, `依存関係`).
    static func key(for name: String, anyKey: Bool, words: ConceptWords = .standard) -> FieldFact.Key? {
        let folded = StatusVocabulary.fold(name)
        if statusKeys.contains(folded) { return .status }
        if words.isKey(name, of: .priority) { return .priority }
        if words.isKey(name, of: .dependsOn), !proseOnlyDependencyWords.contains(folded) { return .dependencies }
        switch folded {
        case "status", "state", "taskstatus", "phasestatus": return .status
        case "priority": return .priority
        case "dependencies", "dependson", "deps", "dependency", "blockedby", "requires", "prerequisites": return .dependencies
        case "assignedto", "assignee", "owner", "agent", "assigned": return .assignee
        case "started", "startdate", "startedon": return .started
        case "completed", "completedon", "completiondate", "finished", "donedate": return .completed
        case "lastupdated", "updated", "updatedon": return .lastUpdated
        case "due", "duedate", "deadline", "target", "targetdate": return .due
        case "estimated", "estimate", "effort", "complexity", "risk", "blocker", "reason", "duration", "goal",
            "tags", "labels", "requirements", "mapstorequirements", "discovered", "breakingchanges", "risklevel":
            return .other(name)
        default:
            guard anyKey, !name.isEmpty, name.split(separator: " ").count <= 4,
                name.first?.isLetter == true
            else { return nil }
            return .other(name)
        }
    }
}

extension FieldLineParser {
    /// `Status`, `State` and their translations, folded.
    static let statusKeys: Set<String> = [
        "status", "state", "taskstatus", "phasestatus", "estado", "situação", "statut", "état", "etat", "zustand",
        "ステータス", "状態", "状态", "狀態", "상태", "진행상태",
    ]
    /// Dependency words that are a field key only in English's own list (`Needs:` names a need, not a task).
    static let proseOnlyDependencyWords: Set<String> = ["after", "needs", "nach", "após", "après", "despuésde", "depoisde"]
}

/// Reads dates written as `2025-11-10`, `2025/11/10` or `January 8, 2026` into `YYYY-MM-DD`.
enum DateText {
    nonisolated(unsafe) static let isoDatePattern = /(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})/
    nonisolated(unsafe) static let longDatePattern =
        /(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/

    static func value(_ raw: String) -> DateValue {
        DateValue(raw: raw, iso: iso(raw))
    }

    static func iso(_ raw: String) -> String? {
        if let match = raw.firstMatch(of: Self.isoDatePattern) {
            return format(Int(match.1), Int(match.2), Int(match.3))
        }
        if let match = raw.firstMatch(of: Self.longDatePattern) {
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            let month = (months.firstIndex(of: String(match.1).lowercased()) ?? -1) + 1
            return format(Int(match.3), month, Int(match.2))
        }
        return nil
    }

    private static func format(_ year: Int?, _ month: Int?, _ day: Int?) -> String? {
        guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
