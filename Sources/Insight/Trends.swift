import Foundation
import SwitchboardCore

/// Terms and hashtags rising in the last hour against the previous 24 hours. English and German stopwords,
/// greetings, thanks and sign-offs ("guten", "hallo", "danke"), numbers, @mentions, URLs and words under three
/// letters are left out; each mention counts a term once.
public enum Trends {
    public static func rising(
        _ texts: [(at: Date, text: String)], now: Date, limit: Int = 10, minCount: Int = 3,
        minRatio: Double = 2.0, exclude: [String] = []
    ) -> [TrendingTerm] {
        let recent = texts.filter { now.timeIntervalSince($0.at) >= 0 && now.timeIntervalSince($0.at) < 25 * 3600 }
        return rising(
            terms: recent.map { (at: $0.at, terms: terms($0.text)) }, now: now, limit: limit, minCount: minCount,
            minRatio: minRatio, exclude: exclude)
    }

    /// The same from each mention's terms (`terms(_:)` of its text) worked out before, as the index keeps them.
    public static func rising(
        terms texts: [(at: Date, terms: [String])], now: Date, limit: Int = 10, minCount: Int = 3,
        minRatio: Double = 2.0, exclude: [String] = []
    ) -> [TrendingTerm] {
        let hour: TimeInterval = 3600
        let excluded = Set(exclude.map { $0.lowercased() })
        var last: [String: Int] = [:]
        var before: [String: Int] = [:]
        for (at, words) in texts {
            let age = now.timeIntervalSince(at)
            guard age >= 0 && age < 25 * hour else { continue }
            let recent = age < hour
            for t in Set(words) where !excluded.contains(t) && !excluded.contains(String(t.drop { $0 == "#" })) {
                if recent { last[t, default: 0] += 1 } else { before[t, default: 0] += 1 }
            }
        }
        var out: [TrendingTerm] = []
        for (t, c) in last where c >= minCount {
            let base = Double(before[t] ?? 0) / 24
            let ratio = (Double(c) + 1) / (base + 1)
            if ratio >= minRatio { out.append(TrendingTerm(term: t, count: c, baseline: base, ratio: ratio)) }
        }
        out.sort {
            $0.ratio != $1.ratio
                ? $0.ratio > $1.ratio : ($0.count != $1.count ? $0.count > $1.count : $0.term < $1.term)
        }
        return Array(out.prefix(limit))
    }

    public static func rising(
        mentions: [Mention], now: Date, limit: Int = 10, minCount: Int = 3, minRatio: Double = 2.0,
        exclude: [String] = []
    ) -> [TrendingTerm] {
        rising(
            mentions.map { (at: $0.createdAt, text: $0.text) }, now: now, limit: limit, minCount: minCount,
            minRatio: minRatio, exclude: exclude)
    }

    static let stopwords: Set<String> = {
        var s = Set<String>()
        for list in [
            WordLists.functionEN, WordLists.functionDE, WordLists.stopwordsEN, WordLists.stopwordsDE,
            WordLists.negatorsEN,
            WordLists.negatorsDE, WordLists.contrastEN, WordLists.contrastDE, WordLists.greetings,
            WordLists.courtesy,
        ] {
            for w in list.split(separator: " ") { s.insert(String(w)) }
        }
        return s
    }()

    /// The trend terms of one text, normalised as the analyser normalises words.
    public static func terms(_ text: String) -> [String] {
        var bytes = Array(text.utf8)
        let n = bytes.count
        guard n > 0 else { return [] }
        var stats = TextStats()
        let cap = min(n + 1, 2048)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 8)
        let toks = UnsafeMutablePointer<Token>.allocate(capacity: cap)
        defer { scratch.deallocate(); toks.deallocate() }
        let count = bytes.withUnsafeMutableBufferPointer {
            Tokenizer.tokenize(UnsafeBufferPointer($0), scratch: scratch, tokens: toks, capacity: cap, stats: &stats)
        }
        var out: [String] = []
        for i in 0..<count {
            let t = toks[i]
            guard t.kind == .word || t.kind == .hashtag, t.len >= 3 else { continue }
            let w = String(
                decoding: UnsafeBufferPointer(start: scratch + Int(t.start), count: Int(t.len)), as: UTF8.self)
            if t.kind == .hashtag { out.append("#" + w); continue }
            if w.count < 3 || stopwords.contains(w) { continue }
            out.append(w)
        }
        return out
    }
}
