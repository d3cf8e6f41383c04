import Foundation
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
    var dense = SIMD16<Float>(repeating: 0)
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
    /// The German lexicon value of an unknown word: strip an inflection ending, else use the head of a compound
    /// ("Kundenservicekatastrophe" → "katastrophe"). One pass for all stems, one backward pass for all heads.
    @inline(never)
    func germanFallback(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ words: TableView<WordInfo>) -> Float {
        // Prefix hashes of the word without its last 1…5 bytes.
        var pre = SIMD8<UInt64>(repeating: 0)
        var h = fnvOffset
        for k in 0..<len {
            let cut = len - k
            if cut <= 5 { pre[cut - 1] = h == 0 ? 1 : h }
            h = fnvStep(h, p[k])
        }
        let filter = hot.germanPolarFilter
        // Endings, longest first, compared as packed integers: -esten -ester -estem -estes | -sten -este | -ste -ern |
        // -en -er -es -em -st | -e -n -s -t.
        var k = min(5, len - 4)
        while k >= 1 {
            var v: UInt64 = 0
            for j in 0..<k { v = v << 8 | UInt64(p[len - k + j]) }
            let isEnding: Bool
            switch k {
            case 5: isEnding = v == 0x65_73_74_65_6E || v == 0x65_73_74_65_72 || v == 0x65_73_74_65_6D || v == 0x65_73_74_65_73
            case 4: isEnding = v == 0x73_74_65_6E || v == 0x65_73_74_65
            case 3: isEnding = v == 0x73_74_65 || v == 0x65_72_6E
            case 2: isEnding = v == 0x65_6E || v == 0x65_72 || v == 0x65_73 || v == 0x65_6D || v == 0x73_74
            default: isEnding = v == 0x65 || v == 0x6E || v == 0x73 || v == 0x74
            }
            if isEnding {
                let key = pre[k - 1]
                if filter.mayContain(key) {
                    let s = words.slot(key)
                    if s >= 0 { let v = words.value(at: s).lexDE; if v != 0 { return v } }
                }
            }
            k -= 1
        }
        guard len >= 9 else { return 0 }
        return compoundHead(p, len)
    }

    /// The value of the longest known German head of a compound, times 0.9 (0 when there is none).
    @inline(__always)
    func compoundHead(_ p: UnsafeMutablePointer<UInt8>, _ len: Int) -> Float {
        // Compound heads: every suffix of at least 5 bytes after a modifier of at least 3 bytes; the longest wins.
        let heads = hot.germanHeads, hf = hot.germanHeadFilter
        var rh = fnvOffset
        var found: Float = 0
        var i = len - 1
        while i >= 3 {
            rh = reverseStep(rh, p[i])
            if len - i >= 5 && p[i] & 0xC0 != 0x80 {
                let key = rh == 0 ? 1 : rh
                if hf.mayContain(key), let v = heads[key] { found = v }
            }
            i -= 1
        }
        return found * 0.9
    }

    /// Spelling that gives an unknown word away: German "sch", "ung", "keit", "heit", "lich", "tz", "ck"+e;
    /// English "th", "ing", "tion", "ly", "wh", "ough". Weak evidence (0.2 each), for short texts of unknown words.
    @inline(__always)
    static func spellingCue(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ de: inout Float, _ en: inout Float) {
        @inline(__always) func ends(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard len > n else { return false }
            let q = s.utf8Start
            for k in 0..<n where p[len - n + k] != q[k] { return false }
            return true
        }
        if ends("ung") || ends("ungen") || ends("keit") || ends("heit") || ends("lich") || ends("chen") || ends("isch") { de += 0.25 }
        if ends("ing") || ends("tion") || ends("ly") || ends("ness") || ends("ment") || ends("ough") { en += 0.25 }
        var k = 0
        var sch = false, th = false
        while k + 1 < len {
            let a = p[k], b = p[k + 1]
            if a == 115 && b == 99 && k + 2 < len && p[k + 2] == 104 { sch = true }
            if a == 116 && b == 104 { th = true }
            if a == 116 && b == 122 { sch = true }
            k += 1
        }
        if sch { de += 0.2 }
        if th { en += 0.2 }
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
        let words = hot.words
        let phrases = hot.phrases
        let emojiTable = hot.emoji
        var r = Scan()
        r.urls = stats.urls; r.mentions = stats.mentions; r.hashtags = stats.hashtags

        // Pass 1: look words up once; guess the language.
        var de: Float = 0, en: Float = 0, other: Float = 0
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
            guard t.kind != .punct, s >= 0 else { continue }
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
        // Weak evidence only when the strong kind leaves the choice open (short texts of unknown words):
        // spelling, and known German compound heads.
        if abs(de - en) < 1.5 || max(de, en) < other + 1.5 {
            for i in 0..<nt where slots[i] < 0 && toks[i].kind == .word && toks[i].len >= 5 {
                let t = toks[i]
                Analyzer.spellingCue(scratch + Int(t.start), Int(t.len), &de, &en)
                if t.len >= 9 && compoundHead(scratch + Int(t.start), Int(t.len)) != 0 { de += 0.4 }
            }
        }
        if en >= de && en >= other && en > 0.15 { r.lang = .en }
        else if de > en && de >= other && de > 0.15 { r.lang = .de }
        else { r.lang = .other }
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
                if useTokens { addToken(&r, urlKey, collect, "<url>", words) }
                prevWasWord = false; continue
            case .mention:
                if useTokens { addToken(&r, mentionKey, collect, "<mention>", words) }
                continue
            case .number:
                prevWasWord = false; startWord = 2; continue
            case .emoji:
                let e = emojiTable[UInt64(t.extra) + 1] ?? .zero
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
                lex = germanFallback(p, len, words)
            }
            if r.lang == .other && lex == 0 { lex = info.lexEN != 0 ? info.lexEN : info.lexDE }
            if isDE && lex == 0 && t.kind == .hashtag { lex = info.lexEN }  // #fail, #love in German posts
            if terms.brandCount > 0 && terms.isBrand(t.hash) { lex = 0; r.brand = true; info.wPos = 0; info.wNeg = 0 }
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
                let ps = phrases.slot(phraseKey(prevHash, t.hash))
                if ps >= 0 {
                    let ph = phrases.value(at: ps)
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
        if terms.termCount > 0 { r.crisisFound = findCrisis(scratch, toks, nt) }
        return r
    }

    @inline(__always)
    private func addToken(_ r: inout Scan, _ key: UInt64, _ collect: TokenCollector?, _ name: String, _ words: TableView<WordInfo>) {
        let s = words.slot(key)
        if s >= 0 { let i = words.value(at: s); r.tokPos += i.wPos; r.tokNeg += i.wNeg }
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
                let i = hot.words.value(at: s)
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
                if s >= 0 && hot.words.value(at: s).flags & negFlag != 0 {
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
        let tv = terms
        // The scratch buffer holds every normalised token back to back: a term word that is nowhere in it
        // cannot match, and one fast memmem says so for the common case.
        var scratchLen = 0
        if nt > 0 { let last = toks[nt - 1]; scratchLen = Int(last.start) + Int(last.len) }
        for ti in 0..<tv.termCount {
            let (firstWord, wordCount) = tv.terms[ti]
            let first = tv.word(Int(firstWord))
            guard first.len > 0, scratchLen >= first.len,
                   Analyzer.occurs(first.ptr, first.len, in: scratch, scratchLen) else { continue }
            var i = 0
            while i < nt {
                let t = toks[i]
                if t.kind == .word || t.kind == .hashtag || t.kind == .number {
                    let p = scratch + Int(t.start), len = Int(t.len)
                    let ok: Bool
                    if wordCount == 1 && first.len >= 4 {
                        ok = contains(p, len, first.ptr, first.len)
                    } else if wordCount > 1 {
                        ok = endsWith(p, len, first.ptr, first.len) && restMatches(tv, Int(firstWord), Int(wordCount), scratch, toks, i, nt)
                    } else {
                        ok = equals(p, len, first.ptr, first.len)
                    }
                    if ok { found |= 1 << UInt64(ti); break }
                }
                i += 1
            }
        }
        return found
    }

    private func restMatches(_ tv: TermsView, _ firstWord: Int, _ wordCount: Int, _ scratch: UnsafeMutablePointer<UInt8>,
                             _ toks: UnsafeMutablePointer<Token>, _ i: Int, _ nt: Int) -> Bool {
        var k = i + 1
        for w in (firstWord + 1)..<(firstWord + wordCount) {
            while k < nt && toks[k].kind != .word && toks[k].kind != .hashtag && toks[k].kind != .number { k += 1 }
            guard k < nt else { return false }
            let t = toks[k]
            let word = tv.word(w)
            if !equals(scratch + Int(t.start), Int(t.len), word.ptr, word.len) { return false }
            k += 1
        }
        return true
    }

    /// Whether `w` occurs in `hay` (memchr for the first byte, then a compare).
    static func occurs(_ w: UnsafePointer<UInt8>, _ m: Int, in hay: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        var start = 0
        let f = Int32(w[0])
        while n - start >= m {
            guard let hit = memchr(hay + start, f, n - start - m + 1) else { return false }
            let at = hay.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hay + at, w, m) == 0 { return true }
            start = at + 1
        }
        return false
    }

    @inline(__always) private func equals(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard len == m else { return false }
        for k in 0..<len where p[k] != w[k] { return false }
        return true
    }

    @inline(__always) private func endsWith(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard len >= m else { return false }
        return equals(p + (len - m), m, w, m)
    }

    @inline(__always) private func contains(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int) -> Bool {
        guard len >= m else { return false }
        let f = w[0]
        var k = 0
        while k <= len - m {
            if p[k] == f && equals(p + k, m, w, m) { return true }
            k += 1
        }
        return false
    }
}
