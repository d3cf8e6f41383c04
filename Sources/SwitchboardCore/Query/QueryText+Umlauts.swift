import Foundation

extension QueryText {
    /// The folded forms a search for `raw` looks for, so German spellings find each other both ways: the text is
    /// folded without diacritics ("Störung" → "storung", "Straße" → "strasse"); a needle typed with "oe", "ae" or
    /// "ue" also looks for "o", "a", "u" ("stoerung" finds "Störung"), and a needle typed with ö, ä or ü also looks
    /// for "oe", "ae", "ue" ("Störung" finds "stoerung"). At most 16 forms; the first is `fold(raw)`.
    public static func needles(_ raw: String) -> [[UInt8]] {
        let plain = fold(raw)
        var out = [plain]
        func add(_ n: [UInt8]) { if !n.isEmpty, !out.contains(n) { out.append(n) } }
        if raw.unicodeScalars.contains(where: { umlautSpelling[$0.value] != nil }) {
            var s = ""
            for u in raw.unicodeScalars { s += umlautSpelling[u.value] ?? String(u) }
            add(fold(s))
        }
        for n in out { for c in collapsed(n) { add(c) } }
        return Array(out.prefix(16))
    }

    /// ä ö ü (either case) as German writes them without umlauts.
    static let umlautSpelling: [UInt32: String] = [
        0xE4: "ae", 0xF6: "oe", 0xFC: "ue", 0xC4: "Ae", 0xD6: "Oe", 0xDC: "Ue",
    ]

    /// Every form of `n` with some of its "ae", "oe", "ue" written as "a", "o", "u" (not `n` itself; at most 15).
    static func collapsed(_ n: [UInt8]) -> [[UInt8]] {
        var spots: [Int] = []
        var i = 0
        while i + 1 < n.count {
            if n[i + 1] == 101, n[i] == 97 || n[i] == 111 || n[i] == 117 {
                spots.append(i + 1)
                i += 2
            } else { i += 1 }
        }
        spots = Array(spots.prefix(4))
        guard !spots.isEmpty else { return [] }
        var out: [[UInt8]] = []
        for mask in 1..<(1 << spots.count) {
            var drop = Set<Int>()
            for (b, at) in spots.enumerated() where mask & (1 << b) != 0 { drop.insert(at) }
            out.append(n.enumerated().filter { !drop.contains($0.offset) }.map(\.element))
        }
        return out
    }
}
