import Foundation

/// A query that does not parse: `position` is the 0-based character offset the message is about.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var position: Int
    public var message: String
    /// A suggestion (`did you mean status?`), when there is one.
    public var hint: String?

    public init(position: Int, message: String, hint: String? = nil) {
        (self.position, self.message, self.hint) = (position, message, hint)
    }

    /// `unknown field 'stauts' at 5 — did you mean status?`
    public var description: String { "\(message) at \(position)" + (hint.map { " — " + $0 } ?? "") }

    /// The closest of `candidates` to `word` (edit distance at most 2, or a shared prefix of 3), for hints.
    static func suggest(_ word: String, from candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c))
            if d <= 2 || (w.count >= 3 && c.hasPrefix(String(w.prefix(3))) && d <= 3) {
                if best == nil || d < best!.1 { best = (c, d) }
            }
        }
        return best?.0
    }

    /// Damerau-Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
