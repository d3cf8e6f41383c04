import Foundation

/// The report's topic counts when the words come as numbers (`ReportTermIDs`): a counter per number instead of a
/// dictionary of strings, and only the words a report can list are looked up.
struct TermIDCounts {
    private var current: [Int32], previous: [Int32]

    init(vocabulary: Int) {
        current = Array(repeating: 0, count: vocabulary)
        previous = current
    }

    /// Counts mention `index`'s words (each once) in this period or the one before.
    @inline(__always)
    mutating func count(_ t: ReportTermIDs, _ index: Int, current isCurrent: Bool) {
        for k in t.start[index]..<t.start[index + 1] {
            let id = Int(t.ids[k])
            if isCurrent { current[id] += 1 } else { previous[id] += 1 }
        }
    }

    /// Adds `n` mentions of word `id` (an hour's sum).
    @inline(__always)
    mutating func add(_ id: Int32, _ n: Int, current isCurrent: Bool) {
        let i = Int(id)
        guard i >= 0, i < current.count else { return }
        if isCurrent { current[i] += Int32(n) } else { previous[i] += Int32(n) }
    }

    /// The counts by word that `Report.Tally.top` lists from: every word counted at least `min` times this period,
    /// looked up most counted first, until each kind (words, hashtags) has `limit` words not `excluded` and the
    /// words counted as often as the last of them. A word counted less often cannot be among the top `limit`.
    func words(_ t: ReportTermIDs, min: Int, limit: Int, excluding excluded: Set<String>) -> [String: (
        current: Int, previous: Int
    )] {
        var candidates: [Int] = []
        for id in current.indices where (current[id] > 0 || previous[id] > 0) && Int(current[id]) >= min {
            candidates.append(id)
        }
        candidates.sort { current[$0] != current[$1] ? current[$0] > current[$1] : $0 < $1 }
        var out: [String: (current: Int, previous: Int)] = [:]
        var kept = [0, 0]
        var i = 0
        while i < candidates.count, kept[0] < limit || kept[1] < limit {
            let level = current[candidates[i]]
            while i < candidates.count, current[candidates[i]] == level {
                let id = candidates[i]
                i += 1
                guard let w = t.word(Int32(id)) else { continue }
                out[w] = (Int(current[id]), Int(previous[id]))
                if !excluded.contains(w) { kept[w.hasPrefix("#") ? 1 : 0] += 1 }
            }
        }
        return out
    }
}
