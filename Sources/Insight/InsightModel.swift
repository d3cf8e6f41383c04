import Foundation
import SwitchboardCore

/// The loaded resources: built once, shared by every `Analyzer`, read without locks.
final class InsightModel: @unchecked Sendable {
    let words: KeyTable<WordInfo>
    let phrases: KeyTable<PhraseInfo>
    /// A bit-array filter over the phrase keys, small enough for the L1 cache: nearly every word pair is no phrase,
    /// and the filter says so without a probe of the phrase table.
    let phraseFilter: KeyFilter
    /// Emoji by code point: (lexicon score, learned wPos, learned wNeg).
    let emoji: KeyTable<SIMD4<Float>>
    /// English: token weights plus dense weights. German / other: the lexicon-only model.
    let english: LinearWeights
    let lexiconOnly: LinearWeights
    /// Bias shifts per language for the lexicon-only model (tuned hyper-parameters, see the README, "Insight").
    /// German polar words: a filter over their keys, and the table of compound heads by reverse hash.
    let germanPolarFilter: KeyFilter, germanHeads: KeyTable<Float>, germanHeadFilter: KeyFilter
    let germanShiftPos: Float, germanShiftNeg: Float, version: String
    /// The learned layer (`learned.tsv`); without it the analyser falls back to the rules alone.
    let learned: LearnedModel, learnedTable: LearnedTable?, learnedFilter: KeyFilter?

    /// Raw views of everything the hot path reads, so analysing touches no reference counts.
    var hot: HotModel {
        HotModel(
            words: words.view, phrases: phrases.view, phraseFilter: phraseFilter.view, emoji: emoji.view,
            germanHeads: germanHeads.view,
            germanPolarFilter: germanPolarFilter.view, germanHeadFilter: germanHeadFilter.view,
            english: english, lexiconOnly: lexiconOnly, germanShiftPos: germanShiftPos, germanShiftNeg: germanShiftNeg,
            learned: learned)
    }

    static let shared: InsightModel = InsightModel(directory: InsightModel.resourceDirectory())

    /// The directory holding the `.tsv` files: the module's resource bundle next to the executable (where SwiftPM puts
    /// `Bundle.module`), `$SWITCHBOARD_INSIGHT_RESOURCES`, or the source tree of a development build. Looked up by hand
    /// rather than through `Bundle.module`, whose accessor stops the process when the bundle is missing; without
    /// resources the analyser still runs (every text neutral, no language evidence beyond the built-in word lists).
    static func resourceDirectory() -> URL? {
        var extra: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SWITCHBOARD_INSIGHT_RESOURCES"], !env.isEmpty {
            extra.append(URL(fileURLWithPath: env))
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
        return Installation.locate("Switchboard_Insight.resources", containing: "lexicon-en.tsv", extra: extra)
            ?? Installation.locate("Switchboard_Insight.resources", containing: "lexicon-en.tsv", extra: [source])
    }

    init(directory: URL?) {
        func lines(_ name: String) -> [Substring] {
            guard let dir = directory,
                let s = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            else { return [] }
            return s.modelLines().filter { !$0.hasPrefix("#") }
        }
        var w: [UInt64: WordInfo] = [:]
        var ph: [UInt64: PhraseInfo] = [:]
        var germanWords: [UInt64: [UInt8]] = [:]

        // Lexicons and our own additions (which come last and win).
        for (file, de) in [
            ("lexicon-en.tsv", false), ("custom-en.tsv", false), ("lexicon-de.tsv", true), ("custom-de.tsv", true),
            ("phrases-en.tsv", false), ("phrases-de.tsv", true),
        ] {
            for line in lines(file) {
                let parts = line.split(separator: "\t")
                guard parts.count >= 2, let v = Float(parts[1]) else { continue }
                let keys = InsightModel.keys(String(parts[0]))
                if keys.count == 1 {
                    if de {
                        w[keys[0], default: WordInfo()].lexDE = v
                        w[keys[0]]!.flags |= WordInfo.hasLexDE
                        if let b = InsightModel.normalizedWords(String(parts[0])).first { germanWords[keys[0]] = b }
                    } else {
                        w[keys[0], default: WordInfo()].lexEN = v; w[keys[0]]!.flags |= WordInfo.hasLexEN
                    }
                } else if keys.count == 2 {
                    let k = phraseKey(keys[0], keys[1])
                    if de {
                        ph[k, default: PhraseInfo()].de = v
                        ph[k]!.hasDE = true
                    } else {
                        ph[k, default: PhraseInfo()].en = v; ph[k]!.hasEN = true
                    }
                }
            }
        }
        func mark(_ list: String, _ flag: UInt32) {
            for word in list.split(separator: " ") {
                for k in InsightModel.keys(String(word)).prefix(1) { w[k, default: WordInfo()].flags |= flag }
            }
        }
        mark(WordLists.negatorsEN, WordInfo.negEN)
        mark(WordLists.negatorsDE, WordInfo.negDE)
        mark(WordLists.contrastEN, WordInfo.contrastEN)
        mark(WordLists.contrastDE, WordInfo.contrastDE)
        mark(WordLists.functionEN, WordInfo.fnEN)
        mark(WordLists.functionDE, WordInfo.fnDE)
        mark(WordLists.functionOther, WordInfo.fnOther)
        mark(WordLists.questionStartEN, WordInfo.qStartEN)
        mark(WordLists.questionStartDE, WordInfo.qStartDE)
        mark(WordLists.auxiliaryEN, WordInfo.auxEN)
        mark(WordLists.auxiliaryDE, WordInfo.auxDE)
        mark(WordLists.pronounsEN, WordInfo.pronounEN)
        mark(WordLists.pronounsDE, WordInfo.pronounDE)
        mark(WordLists.expectPositiveEN, WordInfo.expectPosEN)
        mark(WordLists.expectPositiveDE, WordInfo.expectPosDE)
        mark(WordLists.ironyWords, WordInfo.irony)
        mark(WordLists.complaintCues, WordInfo.complaint)
        mark(WordLists.praiseCues, WordInfo.praise)
        mark(WordLists.helpCues, WordInfo.help)
        mark(WordLists.purchaseCues, WordInfo.purchase)
        mark(WordLists.spamCues, WordInfo.spam)
        mark(WordLists.pleaseWords, WordInfo.please)
        mark(WordLists.questionCues, WordInfo.questionCue)
        mark(WordLists.greetings, WordInfo.greeting)
        mark(WordLists.openingFillers, WordInfo.greeting)
        mark(WordLists.strongHelp, WordInfo.strongHelp)
        mark(WordLists.wantWords, WordInfo.want)
        mark(WordLists.personalEN, WordInfo.personalEN)
        mark(WordLists.personalDE, WordInfo.personalDE)
        mark(WordLists.ironyOpeners, WordInfo.ironyOpener)
        mark(WordLists.ironyAgain, WordInfo.ironyAgain)
        mark(WordLists.complaintCuesMore, WordInfo.complaint)
        func markPhrases(_ list: [String], _ set: (inout PhraseInfo) -> Void) {
            for phrase in list {
                let keys = InsightModel.keys(phrase)
                if keys.count == 2 { set(&ph[phraseKey(keys[0], keys[1]), default: PhraseInfo()]) }
            }
        }
        func markWords(_ list: String, _ set: (inout WordInfo) -> Void) {
            for word in list.split(separator: " ") {
                for k in InsightModel.keys(String(word)).prefix(1) { set(&w[k, default: WordInfo()]) }
            }
        }
        markPhrases(WordLists.ironyPhrases + WordLists.ironyPhrasesMore) { $0.irony = true }
        markWords(WordLists.rhetoricParticles) { $0.rhetoric = true }
        markPhrases(WordLists.rhetoricPhrases + WordLists.rhetoricPhrasesMore) { $0.rhetoric = true }
        markPhrases(WordLists.questionPhrases) { $0.question = true }
        markPhrases(WordLists.questionInsidePhrases) { $0.asksInside = true }
        markPhrases(WordLists.askingPhrases) { $0.asks = true }
        markPhrases(WordLists.notAskedPhrases) { $0.notAsked = true }
        markPhrases(WordLists.complaintPhrases) { $0.complaint = true }
        markPhrases(WordLists.repeatedPhrases) { $0.repeated = true }
        markPhrases(WordLists.ironyBesideAProblem) { $0.ironyBesideAProblem = true }
        markWords(WordLists.sinceWords) { $0.cues |= WordInfo.sinceWord }
        markWords(WordLists.durationUnits) { $0.cues |= WordInfo.unit }
        markWords(WordLists.verbFirst) { $0.cues |= WordInfo.verbFirst }
        markWords(WordLists.articles) { $0.cues |= WordInfo.article }
        markWords("habe hab bin bekomme") { $0.cues |= WordInfo.firstPerson }
        markWords("mir mich") { $0.cues |= WordInfo.reflexive }
        markWords(WordLists.resolvedWords) { $0.cues |= WordInfo.resolved }
        markWords(WordLists.newsVerbs) { $0.cues |= WordInfo.newsVerb }
        markWords(WordLists.shiftersDE) { $0.shifter = true }
        markWords(WordLists.promoWords) { $0.promo |= WordInfo.promoWord }
        markWords(WordLists.promoLeads) { $0.promo |= WordInfo.promoLead }
        markWords(WordLists.promoFollowers) { $0.promo |= WordInfo.promoFollow }
        markWords(WordLists.percentOffWords) { $0.promo |= WordInfo.percentOff }
        markWords(WordLists.linkWords) { $0.promo |= WordInfo.linkWord }
        markWords("bio") { $0.promo |= WordInfo.bioWord }
        markWords(WordLists.ownBioWords) { $0.promo |= WordInfo.ownBio }
        for (word, b) in WordLists.boostersEN {
            if let k = InsightModel.keys(word).first { w[k, default: WordInfo()].boostEN = b }
        }
        for (word, b) in WordLists.boostersDE {
            if let k = InsightModel.keys(word).first { w[k, default: WordInfo()].boostDE = b }
        }

        // Emoji lexicon.
        var em: [UInt64: SIMD4<Float>] = [:]
        for line in lines("emoji.tsv") {
            let p = line.split(separator: "\t")
            guard p.count >= 2, let cp = UInt32(p[0], radix: 16), let v = Float(p[1]) else { continue }
            em[UInt64(cp) + 1, default: .zero][0] = v
        }

        // Learned weights.
        var eng = LinearWeights()
        var lex = LinearWeights()
        var shiftPos: Float = 0
        var shiftNeg: Float = 0
        var version = "insight-1"
        for line in lines("weights-en.tsv") + lines("tuning.tsv") {
            let p = line.split(separator: "\t")
            guard p.count >= 3 else {
                if p.count == 2, p[0] == "@version" { version = String(p[1]) }
                if p.count == 2, p[0] == "@de.shift.pos", let v = Float(p[1]) { shiftPos = v }
                if p.count == 2, p[0] == "@de.shift.neg", let v = Float(p[1]) { shiftNeg = v }
                continue
            }
            guard let wp = Float(p[1]), let wn = Float(p[2]) else { continue }
            let key = p[0]
            if key.hasPrefix("@") {
                let name = key.dropFirst()
                for (target, prefix) in [(0, "en."), (1, "lex.")] where name.hasPrefix(prefix) {
                    let field = name.dropFirst(prefix.count)
                    if field == "bias" {
                        if target == 0 {
                            eng.biasPos = wp
                            eng.biasNeg = wn
                        } else {
                            lex.biasPos = wp; lex.biasNeg = wn
                        }
                    } else if field.hasPrefix("d"), let i = Int(field.dropFirst()), i < Features.denseCount {
                        if target == 0 {
                            eng.densePos[i] = wp
                            eng.denseNeg[i] = wn
                        } else {
                            lex.densePos[i] = wp; lex.denseNeg[i] = wn
                        }
                    }
                }
            } else if key.hasPrefix("e:"), let cp = UInt32(key.dropFirst(2), radix: 16) {
                em[UInt64(cp) + 1, default: .zero][1] = wp
                em[UInt64(cp) + 1, default: .zero][2] = wn
            } else {
                var bytes = Array(key.utf8)
                var seed = fnvOffset
                if bytes.first == UInt8(ascii: "!") && bytes.count > 1 { bytes.removeFirst(); seed = negationSeed }
                let h = bytes.withUnsafeMutableBufferPointer { fnv($0.baseAddress!, $0.count, seed: seed) }
                w[h, default: WordInfo()].wPos = wp
                w[h, default: WordInfo()].wNeg = wn
            }
        }
        var heads: [UInt64: Float] = [:]
        // In key order: two words can give the same inflected form ("schlecht"+"en", "schlechte"+"n"), and the first
        // one wins; a dictionary's order differs per process, which made the analysis differ between runs.
        for (k, bytes) in germanWords.sorted(by: { $0.key < $1.key }) {
            guard let v = w[k]?.lexDE, v != 0, bytes.count >= 5 else { continue }
            for suffix in [[], [110], [101, 110], [115], [101]] as [[UInt8]] {
                var h = fnvOffset
                for b in (bytes + suffix).reversed() { h = reverseStep(h, b) }
                if h == 0 { h = 1 }
                if suffix.isEmpty || heads[h] == nil { heads[h] = v }
            }
        }
        germanPolarFilter = KeyFilter(w.filter { $0.value.lexDE != 0 }.keys)
        germanHeads = KeyTable(heads, empty: 0)
        germanHeadFilter = KeyFilter(heads.keys)
        var learnedVersion: Substring? = nil
        let learnedLines = lines("learned.tsv").filter { line in
            if line.hasPrefix("@version\t") { learnedVersion = line.dropFirst(9); return false }
            return true
        }
        if let (m, all) = LearnedModel.parse(learnedLines) {
            // A word the word table knows keeps its learned weights there: the scan reads them with the word.
            // (`<url>` and `<mention>` have rows in the word table too, but the scan adds them as keys.)
            let scale = LearnedTable.scale(of: all, outputs: LearnedModel.outputs)
            var entries = all
            for (k, v) in all where w[k] != nil && k != urlKey && k != mentionKey {
                w[k]!.learned = LearnedTable.quantised(v, scale: scale, outputs: LearnedModel.outputs)
                entries[k] = nil
            }
            let table = LearnedTable(entries, outputs: LearnedModel.outputs, scale: scale)
            let filter = KeyFilter(entries.keys)
            var lm = m
            (lm.table, lm.filter) = (table.view, filter.view)
            (learned, learnedTable, learnedFilter) = (lm, table, filter)
        } else {
            (learned, learnedTable, learnedFilter) = (LearnedModel(), nil, nil)
        }
        words = KeyTable(w, empty: WordInfo())
        phrases = KeyTable(ph, empty: PhraseInfo())
        // 32,768 bits (4 KB) for a few hundred phrases: about one word pair in a hundred passes by mistake.
        phraseFilter = KeyFilter(ph.keys, log2Bits: 15)
        emoji = KeyTable(em, empty: .zero)
        (english, lexiconOnly, germanShiftPos, germanShiftNeg) = (eng, lex, shiftPos, shiftNeg)
        // The stored model version names both layers, so `reanalyze` redoes analyses of either's older files.
        self.version = learnedVersion.map { version + "+" + $0 } ?? version
    }

    /// The table keys of a lexicon entry: one per word or emoticon token, as the tokenizer normalises them.
    static func keys(_ s: String) -> [UInt64] {
        withTokens(s) { _, toks, count in
            var out: [UInt64] = []
            for i in 0..<count {
                let t = toks[i]
                if t.hash == 0 { return [] }
                out.append(t.hash)
            }
            return out
        }
    }
}
