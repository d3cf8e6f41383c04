import Foundation

/// What `Report.compute` works out from each mention's text — the folded text (share of voice) and the topic words
/// (`ReportOptions.terms`) — worked out beforehand by a caller that can do it on several threads (the index's
/// report), or kept from when the mention was stored (the index's report parts: `voice` and `termIDs`). Indexed like
/// the mentions handed to `compute`; the same values `compute` would work out itself.
public struct ReportPrepared: @unchecked Sendable {
    public var folded: [[UInt8]]
    public var terms: [[String]]
    /// Instead of `folded`: which of the team's terms each text names as whole words — bit 0 the brand (its name and
    /// terms), bit 1 + i competitor i (its name and terms), as `ReportTerms.Matcher` finds them.
    public var voice: [UInt64]?
    /// Instead of `terms`: each text's topic words (each once) as numbers.
    public var termIDs: ReportTermIDs?

    public init(folded: [[UInt8]], terms: [[String]]) { (self.folded, self.terms) = (folded, terms) }

    public init(voice: [UInt64], termIDs: ReportTermIDs) {
        (folded, terms, self.voice, self.termIDs) = ([], [], voice, termIDs)
    }
}

/// Topic words as numbers: mention i's words are `ids[start[i]..<start[i + 1]]`, each a number below `vocabulary`;
/// `word` gives a number's word (asked only for the few words a report lists).
public struct ReportTermIDs {
    public var ids: [Int32]
    public var start: [Int]
    public var vocabulary: Int
    public var word: (Int32) -> String?

    public init(ids: [Int32], start: [Int], vocabulary: Int, word: @escaping (Int32) -> String?) {
        (self.ids, self.start, self.vocabulary, self.word) = (ids, start, vocabulary, word)
    }
}
