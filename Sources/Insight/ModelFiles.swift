import Foundation

/// Reading the model's `.tsv` files by bytes (issue 18: loading the model was a quarter of a 10k-line `ingest`, and
/// most of it was splitting `learned.tsv`'s 56,000 lines and 500,000 numbers Character by Character, with grapheme
/// breaking). The splits here give exactly what `split(separator:)` on Characters gives for the same text; where
/// they could differ (a CR before an LF, non-ASCII bytes in a line of numbers) the Character split is used.
extension String {
    /// The lines of a `.tsv` file: the same as `split(separator: "\n")` (empty lines left out).
    func modelLines() -> [Substring] {
        // "\r\n" is one Character, which a split at "\n" does not split: keep that behaviour where it matters.
        if utf8.contains(13) { return split(separator: "\n", omittingEmptySubsequences: true) }
        var out: [Substring] = []
        let u = utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            if u[i] == 10 {
                if start != i { out.append(self[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start != u.endIndex { out.append(self[start..<u.endIndex]) }
        return out
    }
}

extension Substring {
    /// The line's key (before the first tab) and the fields after it split at spaces (empty fields left out), as
    /// `firstIndex(of: "\t")` and `split(separator: " ")` on Characters give them; nil without a tab.
    func modelFields() -> (key: Substring, fields: [Substring])? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            guard let tab = firstIndex(of: "\t") else { return nil }
            return (self[..<tab], self[index(after: tab)...].split(separator: " "))
        }
        guard let tab = utf8.firstIndex(of: 9) else { return nil }
        var fields: [Substring] = []
        fields.reserveCapacity(LearnedModel.outputs)
        let u = utf8
        var i = u.index(after: tab)
        var start = i
        while i != u.endIndex {
            if u[i] == 32 {
                if start != i { fields.append(self[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start != u.endIndex { fields.append(self[start..<u.endIndex]) }
        return (self[..<tab], fields)
    }
}
