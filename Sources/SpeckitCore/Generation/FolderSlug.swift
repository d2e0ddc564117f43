import Foundation

/// The folder name `speckit generate` makes from a project's name when no `--out` is given.
///
/// - The name is put in Unicode normal form C and lowercased (where its script has case).
/// - Letters and digits of every script are kept: "日本語プロジェクト" names `spec/日本語プロジェクト`.
/// - A Latin letter loses its accents: "Ünïcode Café" names `spec/unicode-cafe`. Latin letters that
///   are not an ASCII letter with marks (ß, ø, æ, ł) are kept as they are.
/// - Every run of anything else (spaces, punctuation, symbols, emoji, invisible format characters)
///   becomes one `-`, never at either end.
/// - At most `maxBytes` bytes of UTF-8, cut between two characters, so a name of 100 characters from a
///   script of 3 or 4 bytes per letter still makes a file name the file system takes.
enum FolderSlug {
    static let maxBytes = 120

    static func make(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for character in name.precomposedStringWithCanonicalMapping.lowercased() {
            guard let kept = Self.kept(character) else {
                pendingDash = true
                continue
            }
            let dash = pendingDash && !out.isEmpty ? "-" : ""
            if out.utf8.count + dash.utf8.count + kept.utf8.count > maxBytes { break }
            out += dash + kept
            pendingDash = false
        }
        return out
    }

    /// What stays of one character: nil when it is not a letter or a digit.
    private static func kept(_ character: Character) -> String? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, Self.isLetterOrDigit(first) else { return nil }
        // A Latin letter with accents: its decomposition starts with an ASCII letter, the rest are marks.
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, decomposed.dropFirst().allSatisfy(Self.isMark) {
            return String(base)
        }
        // Otherwise its letters, digits and marks (a Devanagari vowel sign, a Japanese sound mark), without
        // the format characters (joiners, direction marks) a grapheme may carry.
        var kept = String.UnicodeScalarView()
        for scalar in scalars where Self.isLetterOrDigit(scalar) || Self.isMark(scalar) { kept.append(scalar) }
        return String(kept).precomposedStringWithCanonicalMapping
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
