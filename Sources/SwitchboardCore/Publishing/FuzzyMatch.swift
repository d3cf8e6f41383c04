import Foundation

/// fzf-style subsequence scoring: every query character must appear in order (case-insensitive); matches at word
/// starts and consecutive runs score more, gaps cost a little. Nil when the query is not a subsequence.
public enum FuzzyMatch {
    public static func score(_ query: String, in text: String) -> Int? {
        let q = Array(query.lowercased().filter { !$0.isWhitespace })
        let t = Array(text.lowercased())
        guard !q.isEmpty else { return 0 }
        guard q.count <= t.count else { return nil }
        // Try each start of the first character; keep the best greedy run from there.
        var best: Int?
        var start = 0
        var tries = 0
        while start < t.count, tries < 64 {
            guard let s = t[start...].firstIndex(of: q[0]) else { break }
            tries += 1
            var score = 0
            var qi = 0
            var ti = s
            var prev = -2
            while qi < q.count, ti < t.count {
                if t[ti] == q[qi] {
                    score += 16
                    if ti == prev + 1 { score += 15 }
                    if ti == 0 || !(t[ti - 1].isLetter || t[ti - 1].isNumber) { score += 10 }
                    if prev >= 0 { score -= min(ti - prev - 1, 10) }
                    prev = ti
                    qi += 1
                }
                ti += 1
            }
            if qi == q.count { best = max(best ?? Int.min, score - min(s, 15)) }
            start = s + 1
        }
        return best
    }
}
