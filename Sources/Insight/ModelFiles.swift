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
        return self[...].splitASCII(at: 10, from: utf8.startIndex)
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
        return (self[..<tab], splitASCII(at: 32, from: utf8.index(after: tab), reserving: LearnedModel.outputs))
    }

    /// The pieces of `self[start...]` between the bytes `separator` (an ASCII byte, so a split point is always a
    /// Character boundary), empty pieces left out: `split(separator:)` on Characters for text where the separator
    /// byte cannot be part of a larger Character.
    func splitASCII(at separator: UInt8, from start: String.Index, reserving capacity: Int = 0) -> [Substring] {
        var out: [Substring] = []
        out.reserveCapacity(capacity)
        let u = utf8
        var pieceStart = start
        var i = start
        while i != u.endIndex {
            if u[i] == separator {
                if pieceStart != i { out.append(self[pieceStart..<i]) }
                pieceStart = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if pieceStart != u.endIndex { out.append(self[pieceStart..<u.endIndex]) }
        return out
    }
}
