import Foundation
import SwitchboardCore

/// Reads a mention's text: language, sentiment with a score, intents and crisis terms.
///
/// Offline and fast: one pass over the UTF-8 bytes into a stack buffer, lookups in precomputed hash tables,
/// no regular expressions and no per-word `String`s. The resources load once per process (`InsightModel.shared`).
/// A value type holding only immutable data: safe to share between threads.
public struct Analyzer: Sendable {
    let model: InsightModel
    /// The configured crisis terms as written, and as normalised words.
    public let crisisTerms: [String]
    let crisisTokens: [[[UInt8]]]
    let brandHashes: Set<UInt64>

    /// The model version stored with every analysis (`Analysis.model`), so `reanalyze` can tell what is stale.
    public static var modelVersion: String { InsightModel.shared.version }

    public init(crisisTerms: [String] = [], brandTerms: [String] = []) {
        self.init(model: InsightModel.shared, crisisTerms: crisisTerms, brandTerms: brandTerms)
    }

    init(model: InsightModel, crisisTerms: [String], brandTerms: [String]) {
        self.model = model
        let terms = crisisTerms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.crisisTerms = Array(terms.prefix(64))
        self.crisisTokens = self.crisisTerms.map { InsightModel.normalizedWords($0) }
        var bh = Set<UInt64>()
        for b in brandTerms {
            let keys = InsightModel.keys(b.hasPrefix("@") || b.hasPrefix("#") ? String(b.dropFirst()) : b)
            if keys.count == 1 { bh.insert(keys[0]) }
        }
        self.brandHashes = bh
    }

    /// Analyses one text.
    public func analyze(_ text: String) -> Analysis {
        let r = scan(text)
        let (sentiment, score) = classify(r)
        var intents: [Intent] = []
        intents.reserveCapacity(4)
        let spam = r.spamCues >= 2 || (r.spamCues >= 1 && r.urls > 0 && r.hashtags >= 2) || r.hashtags >= 6 || r.mentions >= 6
        if r.question { intents.append(.question) }
        let complaint = !spam && ((r.complaintCues > 0 && score < 0.15) || score <= -0.35 || r.negatedExpect > 0 && score < 0.2)
        if complaint { intents.append(.complaint) }
        if !spam && !r.irony && ((r.praiseCues > 0 && score > 0.2) || score >= 0.55) && !complaint { intents.append(.praise) }
        if !spam && (r.helpCues > 0 || r.strongHelp) && (r.question || r.please || r.negatedExpect > 0 || r.want || r.helpStart) {
            intents.append(.help)
        }
        if !spam && r.purchaseCues > 0 && (r.question || r.want) { intents.append(.purchase) }
        if spam { intents.append(.spam) }
        var found: [String]? = nil
        if r.crisisFound != 0 {
            var f: [String] = []
            for (i, t) in crisisTerms.enumerated() where r.crisisFound & (1 << UInt64(i)) != 0 { f.append(t) }
            found = f
            intents.append(.crisis)
        }
        return Analysis(lang: r.lang.code, sentiment: sentiment, score: score, intents: intents, crisisTerms: found, model: model.version)
    }

    /// Sentiment from the scan: a three-class linear model (softmax); the score is P(positive) − P(negative).
    func classify(_ r: Scan) -> (Sentiment, Double) {
        let w = r.lang == .en ? model.english : model.lexiconOnly
        var zp = w.biasPos, zn = w.biasNeg
        if r.lang == .de { zp += model.germanShiftPos; zn += model.germanShiftNeg }
        for i in 0..<Features.denseCount {
            zp += r.dense[i] * w.densePos[i]
            zn += r.dense[i] * w.denseNeg[i]
        }
        if r.lang == .en { zp += r.tokPos; zn += r.tokNeg }
        let m = max(0, zp, zn)
        let ep = exp(zp - m), en = exp(zn - m), e0 = exp(-m)
        let sum = ep + en + e0
        let pp = Double(ep / sum), pn = Double(en / sum), p0 = Double(e0 / sum)
        let score = (pp - pn).clamped(-1, 1)
        let sentiment: Sentiment = pp > pn && pp > p0 ? .positive : (pn > pp && pn > p0 ? .negative : .neutral)
        return (sentiment, score)
    }

    /// Training support: the language, the learned-model tokens and the dense rule features of a text.
    public func features(_ text: String) -> (lang: String, tokens: [String], dense: [Float]) {
        let c = TokenCollector()
        let r = scan(text, collect: c)
        return (r.lang.code, c.tokens, r.dense)
    }
}

extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(hi, Swift.max(lo, self)) }
}

extension InsightModel {
    /// The normalised bytes of each word of `s` (crisis terms).
    static func normalizedWords(_ s: String) -> [[UInt8]] {
        var bytes = Array(s.utf8)
        let n = bytes.count
        guard n > 0 else { return [] }
        var stats = TextStats()
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 8)
        let toks = UnsafeMutablePointer<Token>.allocate(capacity: n + 1)
        defer { scratch.deallocate(); toks.deallocate() }
        let count = bytes.withUnsafeMutableBufferPointer { Tokenizer.tokenize(UnsafeBufferPointer($0), scratch: scratch, tokens: toks, capacity: n + 1, stats: &stats) }
        var out: [[UInt8]] = []
        for i in 0..<count where toks[i].kind == .word || toks[i].kind == .hashtag || toks[i].kind == .number {
            out.append(Array(UnsafeBufferPointer(start: scratch + Int(toks[i].start), count: Int(toks[i].len))))
        }
        return out
    }
}
