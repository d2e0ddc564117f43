/// Counted English words, the one place every message gets its plurals from: `Plural.count(1, "file")` is
/// "1 file", `Plural.count(3, "entry", "entries")` is "3 entries", `Plural.pick(1, "is", "are")` is "is".
package enum Plural {
    /// `n` and the word, singular for exactly one (`0 files`, `1 file`, `2 files`). Without `plural`, the
    /// plural adds `s`.
    package static func count(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(n) \(pick(n, word, plural ?? word + "s"))"
    }

    /// `singular` for exactly one, else `plural`: a verb or pronoun that agrees with a count.
    package static func pick(_ n: Int, _ singular: String, _ plural: String) -> String {
        n == 1 ? singular : plural
    }

    /// How many of something's `whole` items a statement is about, with its verb: "1 of its 3 tasks is",
    /// "2 of its 3 tasks are", "its only task is".
    package static func share(_ part: Int, of whole: Int, _ word: String) -> String {
        whole == 1 && part == 1 ? "its only \(word) is" : "\(part) of its \(count(whole, word)) \(pick(part, "is", "are"))"
    }
}
