import Foundation
import SwitchboardCore

/// Reads a mention's text: language, sentiment with a score, intents and crisis terms.
///
/// Offline and fast: one pass over the UTF-8 bytes into a stack buffer, lookups in precomputed hash tables,
/// no regular expressions and no per-word `String`s. The resources load once per process (`InsightModel.shared`).
/// A value type holding only immutable data: safe to share between threads.
public struct Analyzer: Sendable {
    let model: InsightModel
    let hot: HotModel
    /// The configured crisis terms as written.
    public let crisisTerms: [String]
    /// Crisis terms as normalised words and brand-term keys, in memory owned by `termStorage`.
    let termStorage: TermStorage, terms: TermsView, version: String

    /// The model version stored with every analysis (`Analysis.model`), so `reanalyze` can tell what is stale.
    public static var modelVersion: String { InsightModel.shared.version }

    public init(crisisTerms: [String] = [], brandTerms: [String] = []) {
        self.init(model: InsightModel.shared, crisisTerms: crisisTerms, brandTerms: brandTerms)
    }

    /// An analyser for a team: its crisis terms, and its brand terms (which carry no sentiment of their own).
    public init(team: TeamConfig) {
        self.init(crisisTerms: team.crisisTerms, brandTerms: team.brand.terms + [team.brand.name])
    }

    init(model: InsightModel, crisisTerms: [String], brandTerms: [String]) {
        (self.model, self.hot, self.version) = (model, model.hot, model.version)
        let cleaned = crisisTerms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var kept: [String] = []
        var words: [[[UInt8]]] = []
        for t in cleaned where kept.count < 64 {
            let w = InsightModel.normalizedWords(t)
            if !w.isEmpty { kept.append(t); words.append(w) }
        }
        self.crisisTerms = kept
        var bh: [UInt64] = []
        for b in brandTerms {
            let keys = InsightModel.keys(b.hasPrefix("@") || b.hasPrefix("#") ? String(b.dropFirst()) : b)
            if keys.count == 1 && !bh.contains(keys[0]) { bh.append(keys[0]) }
        }
        self.termStorage = TermStorage(terms: words, brand: bh)
        self.terms = termStorage.view
    }

    /// A chat line this short asks when the learned layer says so, without any sign of a question ("u ok", "is
    /// hamburg expensive", "Lässt sich das Abo pausieren"), unless it exclaims or opens as a title ("How we cut our
    /// bill", `notAskedPhrases`): in chat nobody types the "?". Session 17: question F1 on our evaluation part
    /// 0.881 → 0.899, on our training part 0.937 → 0.961; not one more question among the 4,369 tweets and posts
    /// of the dev sets (from 10 words on, longer lines began to be taken).
    static let chatLineWords = 8
    /// Analyses one text.
    public func analyze(_ text: String) -> Analysis {
        var r = scan(text)
        let (zp, zn) = logits(r)
        let sentiment: Sentiment
        let score: Double
        // No reserved capacity: a text without intents allocates nothing, and the first append a small buffer.
        var intents: [Intent] = []
        // Read in place, not copied: a copy of the learned model would retain and release its cue-weight array.
        if hot.learned.loaded {
            r.cues[15] = Float(Analyzer.softmax(zp, zn).1)
            let s = learnedScores(r)
            let threshold = hot.learned.threshold
            // The learned correction is a bag of features that cannot weigh clauses: with a contrast ("but", "aber")
            // the rule model, which counts the clause after it more, decides the sentiment alone (`decisionLogits`).
            // The length discount (`LengthDiscount`): a long text needs more evidence to be polar.
            let (dp, dn) = Analyzer.decisionLogits(r, zp, zn, s)
            var (sent, sc) = Analyzer.softmax(dp, dn)
            // Irony ("Danke für nichts", "great, another outage", #sarcasm) turns praise said into a complaint.
            if r.irony && sent == .positive { (sent, sc) = (.negative, -sc) }
            (sentiment, score) = (sent, sc)
            let fired = s .> threshold
            let spam = fired[5] || r.ruleSpam
            // Complaint and praise exclude each other: the stronger one wins. A report is no complaint. The learned
            // call decides alone, whatever the sentiment: until session 17 a complaint also had to read negative or
            // state a breach, which cost more than it saved once the complaint lane had learned from complaints
            // without a negative word ("Day 12 of waiting for the engineer.": F1 0.678 → 0.737 on our evaluation
            // part).
            let complaint =
                !spam && !r.reportStyle
                && (fired[1] && (!fired[2] || s[1] - threshold[1] >= s[2] - threshold[2])
                    || r.irony && fired[2])
            // A question needs a sign of one unless it is a short chat line (`chatLineWords`): the writer's own "?", a
            // question opening or a cue ("anyone know"); the writer's own "?" is one unless the text is a complaint
            // ("Kündigung nur schriftlich? Wir haben 2026.").
            // A complaint that also asks for help asks something ("The app crashes on start, any fix?"). A tag question
            // asks whatever the learned score says ("du bringst den Grill mit, ne", `Scan.tagQuestion`), and so does a
            // line that asks inside for what the writer should do ("…, was soll ich solange tun", `Scan.askedInside`).
            let asked = fired[0] || r.tagQuestion || r.askedInside || r.ownMark && (!complaint || fired[3])
            // Spam excludes the other intents, a question too unless the text opens as one ("I wonder if the coupon
            // works on sale items"): a self-promotion that only has a question mark ("Tired of outages? …") asks
            // nothing to answer.
            if (!spam || r.questionStart) && asked && (r.question || r.chatAsks)
                && !r.rhetorical(negative: sentiment == .negative || complaint)
            {
                intents.append(.question)
            }
            if complaint { intents.append(.complaint) }
            if !spam && fired[2] && !complaint { intents.append(.praise) }
            if !spam && fired[3] { intents.append(.help) }
            if !spam && fired[4] { intents.append(.purchase) }
            if spam { intents.append(.spam) }
            if !spam && fired[6] && r.crisisFound == 0 { intents.append(.crisis) }
        } else {
            (sentiment, score) =
                r.lang != .en && r.dense[0] == 0 && r.dense[1] == 0 && r.dense[2] == 0
                    && r.dense[3] == 0 ? (.neutral, 0) : Analyzer.softmax(zp, zn)
            ruleIntents(r, score, &intents)
        }
        var found: [String]? = nil
        if r.crisisFound != 0 {
            var f: [String] = []
            for (i, t) in crisisTerms.enumerated() where r.crisisFound & (1 << UInt64(i)) != 0 { f.append(t) }
            found = f
            intents.append(.crisis)
        }
        return Analysis(
            lang: r.lang.code, sentiment: sentiment, score: score, intents: intents, crisisTerms: found, model: version)
    }

    /// The intents by the cue-word rules alone (when the learned layer is missing).
    func ruleIntents(_ r: Scan, _ score: Double, _ intents: inout [Intent]) {
        let spam = r.ruleSpam || r.mentions >= 6
        if r.question && (!spam || r.questionStart) { intents.append(.question) }
        let complaint =
            !spam && !r.reportStyle
            && ((r.complaintCues > 0 && score < 0.15) || score <= -0.35 || r.negatedExpect > 0 && score < 0.2)
        if complaint { intents.append(.complaint) }
        if !spam && !r.irony && ((r.praiseCues > 0 && score > 0.2) || score >= 0.55) && !complaint {
            intents.append(.praise)
        }
        if !spam && (r.helpCues > 0 || r.strongHelp)
            && (r.question || r.please || r.negatedExpect > 0 || r.want || r.helpStart)
        {
            intents.append(.help)
        }
        if !spam && r.purchaseCues > 0 && (r.question || r.want) { intents.append(.purchase) }
        if spam { intents.append(.spam) }
    }

    /// The rule-and-lexicon model's logits toward positive and negative (neutral = 0). A text in another language
    /// than English without any sentiment word, emoji or emoticon leans neutral.
    func logits(_ r: Scan) -> (Float, Float) {
        if r.lang != .en && r.dense[0] == 0 && r.dense[1] == 0 && r.dense[2] == 0 && r.dense[3] == 0 {
            return (-1, -1)
        }
        let w = r.lang == .en ? hot.english : hot.lexiconOnly
        var zp = w.biasPos
        var zn = w.biasNeg
        if r.lang == .de { zp += hot.germanShiftPos; zn += hot.germanShiftNeg }
        zp += (r.dense * w.densePos).sum()
        zn += (r.dense * w.denseNeg).sum()
        if r.lang == .en { zp += r.tokPos; zn += r.tokNeg }
        return (zp, zn)
    }

    /// Three-class softmax (neutral = 0): the class and the score P(positive) − P(negative).
    static func softmax(_ zp: Float, _ zn: Float) -> (Sentiment, Double) {
        let m = max(0, zp, zn)
        let ep = exp(zp - m)
        let en = exp(zn - m)
        let e0 = exp(-m)
        let sum = ep + en + e0
        let pp = Double(ep / sum)
        let pn = Double(en / sum)
        let p0 = Double(e0 / sum)
        let score = ((pp - pn) * 10000).rounded() / 10000
        let sentiment: Sentiment = pp > pn && pp > p0 ? .positive : (pn > pp && pn > p0 ? .negative : .neutral)
        return (sentiment, score)
    }

    /// Training support: the language, the learned-model tokens, the dense rule features, the learned layer's
    /// feature keys and cues, and the rule model's logits of a text (Scripts/train-learned.py).
    public func features(_ text: String) -> (
        lang: String, tokens: [String], dense: [Float], keys: [UInt64], cues: [Float], logits: (Float, Float)
    ) {
        let c = TokenCollector()
        var r = scan(text, collect: c)
        let z = logits(r)
        r.cues[15] = Float(Analyzer.softmax(z.0, z.1).1)
        return (
            r.lang.code, c.tokens, (0..<Features.denseCount).map { r.dense[$0] }, c.keys, (0..<16).map { r.cues[$0] }, z
        )
    }
}
