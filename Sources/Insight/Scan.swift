import SwitchboardCore

/// Dense rule features the learned model combines (Scripts/train-sentiment.py reads them via `analyze --features`).
enum Features {
    static let denseCount = 10
    static let names = ["pos", "neg", "emoji_pos", "emoji_neg", "exclaim", "question", "irony", "length", "personal", "url"]
}

enum Lang: UInt8 { case en, de, other
    var code: String { switch self { case .en: return "en"; case .de: return "de"; case .other: return "other" } }
}

/// What one pass over a text found: the inputs of sentiment, intents and crisis terms.
struct Scan {
    var lang: Lang = .other
    var dense = [Float](repeating: 0, count: Features.denseCount)
    var tokPos: Float = 0
    var tokNeg: Float = 0
    var question = false
    var complaintCues = 0, praiseCues = 0, helpCues = 0, purchaseCues = 0, spamCues = 0
    var helpStart = false
    var please = false, strongHelp = false, want = false, negatedExpect = 0, irony = false
    var urls = 0, mentions = 0, hashtags = 0, brand = false
    var crisisFound: UInt64 = 0
}

/// Collects the learned-model tokens of a text (training only).
final class TokenCollector { var tokens: [String] = [] }

let urlKey: UInt64 = { var b = Array("<url>".utf8); return b.withUnsafeMutableBufferPointer { fnv($0.baseAddress!, $0.count) } }()
let mentionKey: UInt64 = { var b = Array("<mention>".utf8); return b.withUnsafeMutableBufferPointer { fnv($0.baseAddress!, $0.count) } }()

extension Analyzer {
    /// German inflection endings tried when a word is unknown (longest first).
    static let germanEndings: [[UInt8]] = ["sten", "ste", "ern", "en", "er", "es", "em", "st", "e", "n", "s", "t"].map { Array($0.utf8) }

    /// The German lexicon value of an unknown word: strip an inflection ending, else use the head of a compound.
    @inline(never)
    func germanFallback(_ p: UnsafeMutablePointer<UInt8>, _ len: Int) -> Float {
        let words = model.words
        for e in Analyzer.germanEndings where len - e.count >= 4 {
            var ok = true
            for k in 0..<e.count where p[len - e.count + k] != e[k] { ok = false; break }
            if !ok { continue }
            let s = words.slot(fnv(p, len - e.count))
            if s >= 0 { let v = words.value(at: s).lexDE; if v != 0 { return v } }
        }
        guard len >= 9 else { return 0 }
        // Compound: the longest known head of at least 5 bytes after a modifier of at least 3 bytes.
        var start = 3
        while start <= len - 5 {
            if p[start] & 0xC0 != 0x80 {
                let h = p + start, hl = len - start
                let s = words.slot(fnv(h, hl))
                if s >= 0 { let v = words.value(at: s).lexDE; if v != 0 { return v * 0.9 } }
                for e in [1, 2] where hl - e >= 5 && (h[hl - 1] == 110 || h[hl - 1] == 115) {
                    let s2 = words.slot(fnv(h, hl - e))
                    if s2 >= 0 { let v = words.value(at: s2).lexDE; if v != 0 { return v * 0.9 } }
                }
            }
            start += 1
        }
        return 0
    }

    func scan(_ text: String, collect: TokenCollector? = nil) -> Scan {
        var s = text
        return s.withUTF8 { buf -> Scan in
            let n = buf.count
            let cap = min(n + 1, 2048)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 8) { scratchBuf in
                withUnsafeTemporaryAllocation(of: Token.self, capacity: cap) { tokBuf in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: cap) { slotBuf in
                        scanTokens(buf, scratchBuf.baseAddress!, tokBuf.baseAddress!, slotBuf.baseAddress!, cap, collect)
                    }
                }
            }
        }
    }

    @inline(__always)
    private func scanTokens(_ buf: UnsafeBufferPointer<UInt8>, _ scratch: UnsafeMutablePointer<UInt8>, _ toks: UnsafeMutablePointer<Token>,
                            _ slots: UnsafeMutablePointer<Int32>, _ cap: Int, _ collect: TokenCollector?) -> Scan {
        var stats = TextStats()
        let nt = Tokenizer.tokenize(buf, scratch: scratch, tokens: toks, capacity: cap, stats: &stats)
        let words = model.words
        var r = Scan()
        r.urls = stats.urls; r.mentions = stats.mentions; r.hashtags = stats.hashtags

        // Pass 1: look words up once; guess the language.
        var de: Float = 0, en: Float = 0, other: Float = 0
        var wordCount = 0
        for i in 0..<nt {
            let t = toks[i]
            slots[i] = -1
            guard t.kind == .word || t.kind == .hashtag || t.kind == .punct, t.hash != 0 else { continue }
            var s = words.slot(t.hash)
            if s < 0 && t.has(Token.elongated) && t.kind != .punct {
                // "sooo" → "so": try the word with every letter run collapsed to one.
                var h = fnvOffset, last: UInt8 = 0
                let p = scratch + Int(t.start)
                for k in 0..<Int(t.len) where p[k] != last || p[k] >= 0x80 { h = fnvStep(h, p[k]); last = p[k] }
                s = words.slot(h == 0 ? 1 : h)
            }
            slots[i] = Int32(s)
            guard t.kind != .punct else { continue }
            if t.kind == .word { wordCount += 1 }
            guard s >= 0 else { continue }
            let f = words.value(at: s).flags
            if t.kind == .word {
                if f & WordInfo.fnEN != 0 { en += 1 }
                if f & WordInfo.fnDE != 0 { de += 1 }
                if f & WordInfo.fnOther != 0 { other += 1 }
                let le = f & WordInfo.hasLexEN != 0, ld = f & WordInfo.hasLexDE != 0
                if le && !ld { en += 0.3 } else if ld && !le { de += 0.3 }
            }
        }
        de += Float(min(stats.umlauts, 3)) * 0.6
        other += Float(stats.otherLatin) * 0.5 + Float(stats.nonLatin) * 0.5
        if en >= de && en >= other && en > 0.25 { r.lang = .en }
        else if de > en && de >= other && de > 0.25 { r.lang = .de }
        else { r.lang = .other }
        if r.lang == .other && de == 0 && en == 0 && other == 0 && wordCount == 0 { r.lang = .other }
        let isDE = r.lang == .de
        let negFlag = isDE ? WordInfo.negDE : WordInfo.negEN
        let contrastFlag = isDE ? WordInfo.contrastDE : WordInfo.contrastEN
        let expectFlag = isDE ? WordInfo.expectPosDE : WordInfo.expectPosEN
        let qStart = isDE ? WordInfo.qStartDE : WordInfo.qStartEN
        let aux = isDE ? WordInfo.auxDE : WordInfo.auxEN
        let pron = isDE ? WordInfo.pronounDE : WordInfo.pronounEN
        let allCaps = stats.lowerLetters == 0 && stats.upperLetters > 0
        let personalFlag = isDE ? WordInfo.personalDE : WordInfo.personalEN
        var personal = 0

        // Pass 2: sentiment rules, intent cues, learned token weights.
        var posA: Float = 0, negA: Float = 0, posB: Float = 0, negB: Float = 0
        var emoPos: Float = 0, emoNeg: Float = 0
        var contrast = false
        var negWindow = 0
        var boost: Float = 0, boostLeft = 0
        var prevHash: UInt64 = 0, prevContribution: Float = 0, prevWasWord = false
        var sentenceStart = true
        var startWord = 0   // 0: expecting first word; 1: saw an auxiliary; 2: done
        let useTokens = r.lang == .en || collect != nil
        for i in 0..<nt {
            let t = toks[i]
            switch t.kind {
            case .url:
                if useTokens { addToken(&r, urlKey, collect, "<url>") }
                prevWasWord = false; continue
            case .mention:
                if useTokens { addToken(&r, mentionKey, collect, "<mention>") }
                continue
            case .number:
                prevWasWord = false; startWord = 2; continue
            case .emoji:
                let e = model.emoji[UInt64(t.extra) + 1] ?? .zero
                if e[0] > 0 { emoPos += e[0] } else { emoNeg -= e[0] }
                if useTokens { r.tokPos += e[1]; r.tokNeg += e[2]; collect?.tokens.append("e:" + String(t.extra, radix: 16)) }
                continue
            case .punct:
                let s = Int(slots[i])
                if s >= 0 {
                    let info = words.value(at: s)
                    let v = isDE ? (info.lexDE != 0 ? info.lexDE : info.lexEN) : info.lexEN
                    if v > 0 { emoPos += v } else { emoNeg -= v }
                    if useTokens { r.tokPos += info.wPos; r.tokNeg += info.wNeg }
                }
                if let c = collect, t.len > 0, t.len <= 4 {
                    c.tokens.append(String(decoding: UnsafeBufferPointer(start: scratch + Int(t.start), count: Int(t.len)), as: UTF8.self))
                }
                if t.has(Token.boundary) {
                    negWindow = 0; boostLeft = 0; sentenceStart = true; startWord = 0
                    if t.has(Token.ellipsis) && posB > 0 && negB == 0 && i + 1 < nt { /* "great..." keeps its value */ }
                }
                prevWasWord = false
                continue
            case .word, .hashtag:
                break
            }
            let s = Int(slots[i])
            let p = scratch + Int(t.start)
            let len = Int(t.len)
            var info = s >= 0 ? words.value(at: s) : WordInfo()
            let f = info.flags
            var lex: Float = isDE ? info.lexDE : info.lexEN
            if isDE && lex == 0 && s < 0 || isDE && lex == 0 && f & (WordInfo.fnDE | WordInfo.negDE) == 0 && info.boostDE == 0 && len >= 5 {
                lex = germanFallback(p, len)
            }
            if r.lang == .other && lex == 0 { lex = info.lexEN != 0 ? info.lexEN : info.lexDE }
            if brandHashes.contains(t.hash) { lex = 0; r.brand = true; info.wPos = 0; info.wNeg = 0 }
            // Intent cues.
            if f & personalFlag != 0 && t.kind == .word { personal += 1 }
            if f & WordInfo.complaint != 0 { r.complaintCues += 1 }
            if f & WordInfo.praise != 0 { r.praiseCues += 1 }
            if f & WordInfo.help != 0 { r.helpCues += 1 }
            if f & WordInfo.strongHelp != 0 { r.strongHelp = true }
            if f & WordInfo.purchase != 0 { r.purchaseCues += 1 }
            if f & WordInfo.spam != 0 { r.spamCues += 1 }
            if f & WordInfo.please != 0 { r.please = true }
            if f & WordInfo.want != 0 { r.want = true }
            if f & WordInfo.questionCue != 0 && t.kind == .word { r.question = true }
            if t.kind == .hashtag && f & WordInfo.irony != 0 { r.irony = true }
            if t.kind == .word {
                if sentenceStart && f & WordInfo.greeting != 0 {
                    // "Hallo, wie …": a greeting does not start the sentence.
                } else if startWord == 0 && sentenceStart {
                    if f & WordInfo.strongHelp != 0 { r.helpStart = true }
                    if f & qStart != 0 { r.question = true; startWord = 2 }
                    else if f & aux != 0 { startWord = 1 }
                    else { startWord = 2 }
                    sentenceStart = false
                } else if startWord == 1 {
                    if f & pron != 0 { r.question = true }
                    startWord = 2
                }
            }
            // Learned token weights (negated words have their own).
            let negated = negWindow > 0
            if useTokens {
                if negated {
                    let nh = fnv(p, len, seed: negationSeed)
                    let ns = words.slot(nh)
                    if ns >= 0 { let ni = words.value(at: ns); r.tokPos += ni.wPos; r.tokNeg += ni.wNeg }
                    if let c = collect { c.tokens.append("!" + String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self)) }
                } else {
                    r.tokPos += info.wPos; r.tokNeg += info.wNeg
                    if let c = collect { c.tokens.append(String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self)) }
                }
            }
            // Modifiers.
            if f & negFlag != 0 {
                negWindow = 4; prevHash = t.hash; prevContribution = 0; prevWasWord = true
                continue
            }
            if f & contrastFlag != 0 {
                posA = (posA + posB) * 0.5; negA = (negA + negB) * 0.5; posB = 0; negB = 0; contrast = true
                negWindow = 0; prevWasWord = false
                continue
            }
            let b = isDE ? info.boostDE : info.boostEN
            var contribution: Float = 0
            if b != 0 && i + 1 < nt && nextIsPolar(i + 1, nt, toks, slots, isDE) {
                boost = b; boostLeft = 2
            } else {
                var v = lex
                if v == 0 && negated && f & expectFlag != 0 { v = -0.45; r.negatedExpect += 1 }
                else if v == 0 && isDE && f & expectFlag != 0 && postNegated(i + 1, nt, toks, slots, negFlag) {
                    v = -0.45; r.negatedExpect += 1
                } else if v != 0 {
                    if boostLeft > 0 { v *= 1 + boost }
                    if t.has(Token.caps) && !allCaps { v *= 1.4 }
                    if t.has(Token.elongated) { v *= 1.25 }
                    if negated { v *= -0.6 }
                    else if isDE && postNegated(i + 1, nt, toks, slots, negFlag) { v *= -0.6 }
                    boostLeft = 0
                }
                contribution = v
            }
            // Two-word phrases replace what their words gave.
            if prevWasWord {
                let ps = model.phrases.slot(phraseKey(prevHash, t.hash))
                if ps >= 0 {
                    let ph = model.phrases.value(at: ps)
                    let has = isDE ? ph.hasDE : ph.hasEN
                    if has || ph.hasEN || ph.hasDE {
                        let pv = has ? (isDE ? ph.de : ph.en) : (ph.hasEN ? ph.en : ph.de)
                        if prevContribution > 0 { posB -= prevContribution } else { negB += prevContribution }
                        contribution = pv
                        if pv < -0.2 { r.complaintCues += 1 }
                    }
                }
            }
            if contribution > 0 { posB += contribution } else { negB -= contribution }
            if negWindow > 0 { negWindow -= 1 }
            if boostLeft > 0 { boostLeft -= 1 }
            prevHash = t.hash; prevContribution = contribution; prevWasWord = true
        }
        var pos = posA + posB * (contrast ? 1.5 : 1)
        var neg = negA + negB * (contrast ? 1.5 : 1)
        if r.irony && pos > neg { neg += pos; pos = 0; emoNeg += emoPos; emoPos = 0 }
        let polarity = pos + emoPos - neg - emoNeg
        r.dense[0] = pos; r.dense[1] = neg; r.dense[2] = emoPos; r.dense[3] = emoNeg
        r.dense[4] = Float(min(stats.exclamations, 3)) * (polarity > 0 ? 1 : polarity < 0 ? -1 : 0)
        r.dense[5] = stats.questions > 0 ? 1 : 0
        r.dense[6] = r.irony ? 1 : 0
        r.dense[7] = min(Float(nt) / 30, 2)
        r.dense[8] = Float(min(personal, 3))
        r.dense[9] = stats.urls > 0 ? 1 : 0
        if stats.questions > 0 { r.question = true }
        if !crisisTerms.isEmpty { r.crisisFound = findCrisis(scratch, toks, nt) }
        return r
    }

    @inline(__always)
    private func addToken(_ r: inout Scan, _ key: UInt64, _ collect: TokenCollector?, _ name: String) {
        let s = model.words.slot(key)
        if s >= 0 { let i = model.words.value(at: s); r.tokPos += i.wPos; r.tokNeg += i.wNeg }
        collect?.tokens.append(name)
    }

    /// Whether the next word (before a clause boundary) carries sentiment: then a booster modifies it.
    @inline(__always)
    private func nextIsPolar(_ j: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>, _ de: Bool) -> Bool {
        var k = j
        while k < nt && k < j + 2 {
            let t = toks[k]
            if t.kind == .punct && t.has(Token.boundary) { return false }
            if t.kind == .word || t.kind == .hashtag {
                let s = Int(slots[k])
                if s < 0 { return de && t.len >= 6 }
                let i = model.words.value(at: s)
                if (de ? i.lexDE : i.lexEN) != 0 || (de ? i.boostDE : i.boostEN) != 0 { return true }
            }
            k += 1
        }
        return false
    }

    /// German clause-final negation: "gefällt mir nicht", "funktioniert leider nicht".
    @inline(__always)
    private func postNegated(_ j: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>, _ negFlag: UInt32) -> Bool {
        var k = j
        var seen = 0
        while k < nt && seen < 3 {
            let t = toks[k]
            if t.kind == .punct && t.has(Token.boundary) { return false }
            if t.kind == .word {
                let s = Int(slots[k])
                if s >= 0 && model.words.value(at: s).flags & negFlag != 0 {
                    // The negator must close the clause.
                    let after = k + 1
                    if after >= nt { return true }
                    let a = toks[after]
                    return a.kind == .punct || a.kind == .emoji || a.kind == .url || a.kind == .hashtag || a.kind == .mention
                }
                seen += 1
            }
            k += 1
        }
        return false
    }

    /// Crisis terms found among the tokens: a bit per configured term.
    private func findCrisis(_ scratch: UnsafeMutablePointer<UInt8>, _ toks: UnsafeMutablePointer<Token>, _ nt: Int) -> UInt64 {
        var found: UInt64 = 0
        for (ti, term) in crisisTokens.enumerated() where ti < 64 {
            guard let first = term.first, !first.isEmpty else { continue }
            var i = 0
            while i < nt {
                let t = toks[i]
                if t.kind == .word || t.kind == .hashtag {
                    let p = scratch + Int(t.start), len = Int(t.len)
                    let ok: Bool
                    if term.count == 1 && first.count >= 4 {
                        ok = contains(p, len, first)
                    } else if term.count > 1 {
                        ok = endsWith(p, len, first) && (i + term.count <= nt) && restMatches(term, scratch, toks, i, nt)
                    } else {
                        ok = equals(p, len, first)
                    }
                    if ok { found |= 1 << UInt64(ti); break }
                }
                i += 1
            }
        }
        return found
    }

    private func restMatches(_ term: [[UInt8]], _ scratch: UnsafeMutablePointer<UInt8>, _ toks: UnsafeMutablePointer<Token>, _ i: Int, _ nt: Int) -> Bool {
        var k = i + 1
        for w in term.dropFirst() {
            while k < nt && toks[k].kind != .word && toks[k].kind != .hashtag && toks[k].kind != .number { k += 1 }
            guard k < nt else { return false }
            let t = toks[k]
            if !equals(scratch + Int(t.start), Int(t.len), w) { return false }
            k += 1
        }
        return true
    }

    @inline(__always) private func equals(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: [UInt8]) -> Bool {
        guard len == w.count else { return false }
        for k in 0..<len where p[k] != w[k] { return false }
        return true
    }

    @inline(__always) private func endsWith(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: [UInt8]) -> Bool {
        guard len >= w.count else { return false }
        return equals(p + (len - w.count), w.count, w)
    }

    @inline(__always) private func contains(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: [UInt8]) -> Bool {
        let m = w.count
        guard len >= m else { return false }
        let f = w[0]
        var k = 0
        while k <= len - m {
            if p[k] == f && equals(p + k, m, w) { return true }
            k += 1
        }
        return false
    }
}
