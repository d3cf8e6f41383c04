import Foundation
import SwitchboardCore

/// The one pass over a text: tokens, language, sentiment rules, intent cues and learned weights.
extension Analyzer {
    func scan(_ text: String, collect: TokenCollector? = nil) -> Scan {
        // The result is written in place (`scanTokens`' `out`): a `Scan` is some 300 bytes, and returned through the
        // closures below it was copied five times per text (a `memcpy` each).
        var r = Scan()
        // A native string's bytes are read where they are (no copy of the string, so no retain and release of it).
        if text.utf8.withContiguousStorageIfAvailable({ scanBytes($0, collect, into: &r) }) == nil {
            var s = text
            s.withUTF8 { scanBytes($0, collect, into: &r) }
        }
        return r
    }

    /// The scan of a text's UTF-8 bytes.
    func scanBytes(_ whole: UnsafeBufferPointer<UInt8>, _ collect: TokenCollector?, into out: inout Scan) {
        // A chat log's speaker ("<sol> eta on the fix", "[22:41] <pixl> how do i …") is not part of what they say.
        let skip = Analyzer.chatLogPrefix(whole)
        let buf = skip == 0 ? whole : UnsafeBufferPointer(rebasing: whole[skip...])
        let n = buf.count
        let cap = min(n + 1, 2048)
        // One buffer (the thread's `ScanBuffer`) for everything a scan needs: tokens, learned-feature keys (at
        // most three per token and the language), looked-up word slots, and the normalised bytes.
        let keyCap = 3 * cap + 2
        let bytes = cap * MemoryLayout<Token>.stride + keyCap * 8 + cap * 4 + n + 8
        ScanBuffer.with(byteCount: bytes) { base in
            let toks = base.bindMemory(to: Token.self, capacity: cap)
            let keys = (base + cap * MemoryLayout<Token>.stride).bindMemory(to: UInt64.self, capacity: keyCap)
            let slots = (base + cap * MemoryLayout<Token>.stride + keyCap * 8).bindMemory(
                to: Int32.self, capacity: cap)
            let scratch = (base + cap * MemoryLayout<Token>.stride + keyCap * 8 + cap * 4).bindMemory(
                to: UInt8.self, capacity: n + 8)
            scanTokens(buf, scratch, toks, slots, keys, cap, collect, into: &out)
        }
    }

    @inline(__always)
    func scanTokens(
        _ buf: UnsafeBufferPointer<UInt8>, _ scratch: UnsafeMutablePointer<UInt8>, _ toks: UnsafeMutablePointer<Token>,
        _ slots: UnsafeMutablePointer<Int32>, _ keys: UnsafeMutablePointer<UInt64>, _ cap: Int,
        _ collect: TokenCollector?, into out: inout Scan
    ) {
        var stats = TextStats()
        let nt = Tokenizer.tokenize(buf, scratch: scratch, tokens: toks, capacity: cap, stats: &stats)
        let words = hot.words
        let phrases = hot.phrases
        let phraseFilter = hot.phraseFilter
        let emojiTable = hot.emoji
        var r = Scan()
        (r.urls, r.mentions, r.hashtags) = (stats.urls, stats.mentions, stats.hashtags)

        // Pass 1: look words up once; guess the language. The words' home slots are read first in a loop of
        // independent loads, so their cache misses overlap one another instead of each stalling the lookup after it.
        words.touch(toks, nt, keys)
        var de: Float = 0, en: Float = 0, other: Float = 0
        for i in 0..<nt {
            let t = toks[i]
            slots[i] = -1
            guard t.kind == .word || t.kind == .hashtag || t.kind == .punct, t.hash != 0 else { continue }
            var s = words.slot(t.hash)
            if s < 0 && t.has(Token.elongated) && t.kind != .punct {
                // "sooo" → "so": try the word with every letter run collapsed to one.
                var h = fnvOffset
                var last: UInt8 = 0
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
                let le = f & WordInfo.hasLexEN != 0
                let ld = f & WordInfo.hasLexDE != 0
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
        if en >= de && en >= other && en > 0.15 {
            r.lang = .en
        } else if de > en && de >= other && de > 0.15 {
            r.lang = .de
        } else {
            r.lang = .other
        }
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
        var posA: Float = 0, negA: Float = 0, posB: Float = 0, negB: Float = 0, emoPos: Float = 0, emoNeg: Float = 0
        var contrast = false
        var negWindow = 0
        var boost: Float = 0
        var boostLeft = 0
        var prevHash: UInt64 = 0
        var prevContribution: Float = 0
        var prevWasWord = false
        var sentenceStart = true
        // 0: first word to come; 1: saw an auxiliary (3: one asking before an article, 4: "habe"); 2: done.
        var startWord = 0
        // The text's last word, for its end key (`LearnedKey.textEnd`).
        var lastWord: UInt64 = 0
        // A greeting was passed over at the start of this sentence ("guten" before "Morgen").
        var greeted = false
        let useTokens = r.lang == .en || collect != nil
        let learnedOn = hot.learned.table != nil || collect != nil
        // Learned-feature keys are gathered here and looked up together at the end: the table probes, which mostly
        // miss the cache, then overlap one another instead of waiting between the rules' work on each word.
        var nk = 0
        var prevLearned = LearnedKey.sentenceStart
        var clauseWords = 0
        var ironyOpen = false
        // A sentence opened by a question word (and what was known before it, for "What a day!"); a waiting time.
        var (askedHere, askedBefore, sinceLeft) = (false, false, 0)
        // The clause so far, for a German problem that ends ("Streik beendet"): the rules' negative amount, whether a
        // shifter stands in it, and where its tokens and learned keys start (`shiftClause`).
        var (clauseNeg, clauseShift, clauseTok, clauseKeys) = (Float(0), false, 0, 0)
        // A forum or mail reply ("Re: Wann Tomaten pflanzen? Bei uns …"): its first sentence repeats the thread's
        // title, so a question there is the thread's, not the writer's (`Scan.subjectMarks`).
        var replyOpen = nt > 2 && Analyzer.opensReply(toks, scratch)
        // Where the last promotion lead ("affiliate", "referral", "DM") and link word stood (`promoCue`).
        var promo = (lead: -9, leadCounted: false, link: -9)
        for i in 0..<nt {
            let t = toks[i]
            switch t.kind {
            case .url:
                if useTokens { addToken(&r, urlKey, collect, "<url>", words) }
                if learnedOn { keys[nk] = urlKey; nk &+= 1 }
                prevWasWord = false
                continue
            case .mention:
                if useTokens { addToken(&r, mentionKey, collect, "<mention>", words) }
                if learnedOn { keys[nk] = mentionKey; nk &+= 1 }
                continue
            case .number:
                prevWasWord = false
                startWord = 2
                continue
            case .emoji:
                let e = emojiTable[UInt64(t.extra) + 1] ?? .zero
                if e[0] > 0 { emoPos += e[0] } else { emoNeg -= e[0] }
                if t.extra == 0x1F644 || t.extra == 0x1F643 { r.ironyPhrase = true }  // 🙄 🙃
                if learnedOn { keys[nk] = LearnedKey.emoji(t.extra); nk &+= 1 }
                if useTokens {
                    r.tokPos += e[1]
                    r.tokNeg += e[2]
                    collect?.tokens.append("e:" + String(t.extra, radix: 16))
                }
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
                    c.tokens.append(
                        String(
                            decoding: UnsafeBufferPointer(start: scratch + Int(t.start), count: Int(t.len)),
                            as: UTF8.self))
                }
                if askedHere && t.len == 1 && scratch[Int(t.start)] == 58 {
                    // "Was bei uns geholfen hat: …", "What I did: …": a question word that leads to a colon
                    // announces what follows and asks nothing.
                    (r.question, askedHere) = (askedBefore, false)
                }
                if t.has(Token.boundary) {
                    if replyOpen && i > 1 { replyOpen = Analyzer.closesSubject(t, scratch, &r) }
                    if clauseShift && !t.has(Token.question) {
                        shiftClause(&r, &posB, &negB, clauseNeg, clauseTok..<i, toks, slots, keys + clauseKeys, nk - clauseKeys, collect == nil)
                    }
                    (clauseNeg, clauseShift, clauseTok, clauseKeys) = (0, false, i + 1, nk)
                    (negWindow, boostLeft, sentenceStart, startWord, greeted) = (0, 0, true, 0, false)
                    (prevLearned, clauseWords, askedHere) = (LearnedKey.sentenceStart, 0, false)
                    if t.has(Token.question) && quotedMark(i, nt, toks, scratch) { r.quotedQuestions += 1 }
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
            if learnedOn {
                // A known word brought its own learned weights along (`WordInfo.learned`); training sees every key.
                if s >= 0 && collect == nil && words.key(at: s) == t.hash {
                    r.learned &+= LearnedTable.widened(info.learned)
                } else {
                    (keys[nk], nk) = (t.hash, nk &+ 1)
                }
                (keys[nk], nk) = (LearnedKey.pair(prevLearned, t.hash), nk &+ 1)
                if len >= 7 { keys[nk] = fnv(p + len - 4, 4, seed: LearnedKey.suffixSeed); nk &+= 1 }
                prevLearned = t.hash
                lastWord = t.hash
            }
            if info.rhetoric { r.rhetoricParticle = true }
            if f & WordInfo.ironyOpener != 0 && clauseWords < 2 { ironyOpen = true }
            if ironyOpen && f & WordInfo.ironyAgain != 0 { r.ironyPattern = true }
            clauseWords += 1
            var lex: Float = isDE ? info.lexDE : info.lexEN
            if isDE && lex == 0 && s < 0
                || isDE && lex == 0 && f & (WordInfo.fnDE | WordInfo.negDE) == 0 && info.boostDE == 0 && len >= 5
            {
                lex = germanFallback(p, len, words)
            }
            if r.lang == .other && lex == 0 { lex = info.lexEN != 0 ? info.lexEN : info.lexDE }
            if isDE && lex == 0 && t.kind == .hashtag { lex = info.lexEN }  // #fail, #love in German posts
            if terms.brandCount > 0 && terms.isBrand(t.hash) { (lex, r.brand, info.wPos, info.wNeg) = (0, true, 0, 0) }
            // Intent cues.
            if f & personalFlag != 0 && t.kind == .word { personal += 1 }
            if f & WordInfo.complaint != 0 { r.complaintCues += 1 }
            if f & WordInfo.praise != 0 { r.praiseCues += 1 }
            if f & WordInfo.help != 0 { r.helpCues += 1 }
            if f & WordInfo.strongHelp != 0 { r.strongHelp = true }
            if f & WordInfo.purchase != 0 { r.purchaseCues += 1 }
            if f & WordInfo.spam != 0 { r.spamCues += 1 }
            if info.promo & WordInfo.promoActive != 0 { promoCue(info.promo, i, nt, toks, slots, scratch, &promo, &r) }
            if f & WordInfo.please != 0 { r.please = true }
            if f & WordInfo.want != 0 { r.want = true }
            if f & WordInfo.questionCue != 0 && t.kind == .word { r.question = true }
            if t.kind == .hashtag && f & WordInfo.irony != 0 { r.irony = true }
            if t.kind == .word {
                r.words &+= 1
                // "hbu", "wbu" (how/what about you) ask back wherever they stand: "nm, hbu", "ohio wbu" (session 20:
                // all 15 such lines of ours ask); so do "wyd", "wya", "hru", "wru" (all 7 of ours).
                if len == 3 && Analyzer.asksBack.contains(t.hash) { (r.question, r.askedInside) = (true, true) }
                // A chat room's addressee first ("U34 what kind of music u like", "mike92: where u at"): like a
                // greeting it does not start the sentence, and the learned layer reads the next word as the first.
                // Not the subject: "U7 is back", "U7 hat den Raum verlassen" (an auxiliary next, no pronoun after it).
                var nick = r.words == 1 && s < 0 && sentenceStart && Analyzer.isNick(i, nt, toks, scratch)
                if nick && toks[i + 1].kind == .word && slots[i + 1] >= 0
                    && words.value(at: Int(slots[i + 1])).flags & aux != 0
                {
                    nick = i + 2 < nt && toks[i + 2].kind == .word && slots[i + 2] >= 0
                        && words.value(at: Int(slots[i + 2])).flags & pron != 0
                }
                if nick { prevLearned = LearnedKey.sentenceStart }
                if sentenceStart && f & WordInfo.greeting != 0
                    && (greeted || !Analyzer.isDayWord(p, len) || i + 1 >= nt || toks[i + 1].kind != .word) || nick
                {
                    // "Hallo, wie …": a greeting does not start the sentence. "Morgen" and "Tag" greet after "guten"
                    // or alone ("Morgen! …"); before a word they are the day ("Morgen wird die Brücke gesperrt").
                    greeted = true
                } else if startWord == 0 && sentenceStart {
                    if f & WordInfo.strongHelp != 0 { r.helpStart = true }
                    if len <= 4 && Analyzer.youDoingAsks(i, nt, toks, scratch)
                        || isDE && Analyzer.germanVerbFirstAsks(i, nt, toks, scratch)
                    {
                        (r.question, r.askedInside) = (true, true)
                    }
                    if f & qStart != 0 {
                        (askedBefore, askedHere) = (r.question, true)
                        (r.question, r.questionStart, r.whStart) = (true, true, true)
                        startWord = 2
                    } else if f & aux != 0 || info.cues & WordInfo.verbFirst != 0 {
                        startWord = Analyzer.afterVerb(info.cues)
                    } else {
                        startWord = 2
                    }
                    sentenceStart = false
                } else if startWord != 2 {
                    let q = Analyzer.asks(startWord, f & pron != 0, info.cues)
                    (r.question, r.questionStart, startWord) = (r.question || q, r.questionStart || q, 2)
                }
                if (len == 2 || len == 4) && !r.question && Analyzer.isOr(p, len, isDE) {
                    orAsks(i, nt, toks, slots, isDE, aux, pron, &r)
                }
            }
            // Learned token weights (negated words have their own).
            let negated = negWindow > 0
            if isDE && info.shifter && !negated && !postNegated(i + 1, nt, toks, slots, negFlag) { clauseShift = true }
            if useTokens {
                if negated {
                    let nh = fnv(p, len, seed: negationSeed)
                    let ns = words.slot(nh)
                    if ns >= 0 { let ni = words.value(at: ns); r.tokPos += ni.wPos; r.tokNeg += ni.wNeg }
                    if let c = collect {
                        c.tokens.append(
                            "!" + String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self))
                    }
                } else {
                    r.tokPos += info.wPos
                    r.tokNeg += info.wNeg
                    if let c = collect {
                        c.tokens.append(String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self))
                    }
                }
            }
            // A two-word phrase (looked up before the modifiers: "für nichts" ends in a negator).
            var ps = -1
            if prevWasWord {
                let key = phraseKey(prevHash, t.hash)
                if phraseFilter.mayContain(key) { ps = phrases.slot(key) }
            }
            if isDE && askedHere && clauseWords == 2 && !r.askedInside
                && Analyzer.germanAskerVerbAsks(i, nt, toks, scratch)
            {
                r.askedInside = true
            }
            if ps >= 0 {
                let ph = phrases.value(at: ps)
                phraseCues(ph, askedHere && clauseWords == 2, askedBefore, &r)
                if ph.asks || ph.asksInside && Analyzer.firstPersonAsks(i, nt, toks, scratch) { r.askedInside = true }
            }
            if info.cues & WordInfo.wordCues != 0 || sinceLeft > 0 { wordCues(info.cues, &sinceLeft, &r) }
            // Modifiers.
            if f & negFlag != 0 {
                (negWindow, prevHash, prevContribution, prevWasWord) = (4, t.hash, 0, true)
                continue
            }
            if f & contrastFlag != 0 {
                if clauseShift {
                    shiftClause(&r, &posB, &negB, clauseNeg, clauseTok..<i, toks, slots, keys + clauseKeys, nk - clauseKeys, collect == nil)
                }
                (clauseNeg, clauseShift, clauseTok, clauseKeys) = (0, false, i + 1, nk)
                posA = (posA + posB) * 0.5
                negA = (negA + negB) * 0.5
                (posB, negB, contrast, negWindow, prevWasWord) = (0, 0, true, 0, false)
                continue
            }
            let b = isDE ? info.boostDE : info.boostEN
            var contribution: Float = 0
            if b != 0 && i + 1 < nt && nextIsPolar(i + 1, nt, toks, slots, isDE) {
                boost = b
                boostLeft = 2
            } else {
                var v = lex
                if v == 0 && negated && f & expectFlag != 0 {
                    v = -0.45
                    r.negatedExpect += 1
                } else if v == 0 && isDE && f & expectFlag != 0 && postNegated(i + 1, nt, toks, slots, negFlag) {
                    v = -0.45
                    r.negatedExpect += 1
                } else if v != 0 {
                    if boostLeft > 0 { v *= 1 + boost }
                    if t.has(Token.caps) && !allCaps { v *= 1.4 }
                    if t.has(Token.elongated) { v *= 1.25 }
                    if negated { v *= -0.6 } else if isDE && postNegated(i + 1, nt, toks, slots, negFlag) { v *= -0.6 }
                    boostLeft = 0
                }
                contribution = v
            }
            // Two-word phrases replace what their words gave.
            if ps >= 0 {
                let ph = phrases.value(at: ps)
                let has = isDE ? ph.hasDE : ph.hasEN
                if has || ph.hasEN || ph.hasDE {
                    let pv = has ? (isDE ? ph.de : ph.en) : (ph.hasEN ? ph.en : ph.de)
                    if prevContribution > 0 { posB -= prevContribution } else { negB += prevContribution }
                    if prevContribution < 0 { clauseNeg += prevContribution }
                    contribution = pv
                    if pv < -0.2 { r.complaintCues += 1 }
                }
            }
            if contribution > 0 { posB += contribution } else { negB -= contribution }
            if contribution < 0 { clauseNeg -= contribution }
            if negWindow > 0 { negWindow -= 1 }
            if boostLeft > 0 { boostLeft -= 1 }
            (prevHash, prevContribution, prevWasWord) = (t.hash, contribution, true)
        }
        if clauseShift {
            shiftClause(&r, &posB, &negB, clauseNeg, clauseTok..<nt, toks, slots, keys + clauseKeys, nk - clauseKeys, collect == nil)
        }
        var pos = posA + posB * (contrast ? 1.5 : 1)
        var neg = negA + negB * (contrast ? 1.5 : 1)
        r.contrast = contrast
        if r.ironic(problem: neg > 0 || emoNeg > 0 || r.negatedExpect + r.complaintCues > 0) { r.irony = true }
        if r.irony && r.tokPos > 0 {
            // Positive words said ironically count toward negative.
            r.tokNeg += r.tokPos
            r.tokPos = 0
        }
        if r.irony && pos > neg {
            neg += pos
            pos = 0
            emoNeg += emoPos
            emoPos = 0
        }
        let polarity = pos + emoPos - neg - emoNeg
        r.dense[0] = pos
        r.dense[1] = neg
        r.dense[2] = emoPos
        r.dense[3] = emoNeg
        r.dense[4] = Float(min(stats.exclamations, 3)) * (polarity > 0 ? 1 : polarity < 0 ? -1 : 0)
        r.dense[5] = stats.questions > 0 ? 1 : 0
        r.dense[6] = r.irony ? 1 : 0
        r.dense[7] = min(Float(nt) / 30, 2)
        r.dense[8] = Float(min(personal, 3))
        r.dense[9] = stats.urls > 0 ? 1 : 0
        r.exclaimed = stats.exclamations > 0
        if nt > 0, toks[nt - 1].kind == .punct, toks[nt - 1].len == 1, scratch[Int(toks[nt - 1].start)] == 46 {
            r.endsWithStop = true
        }
        // A question mark of the writer's own: not one quoted, not one after an exclamation ("Wie geil ist das?!").
        let asked = stats.questions > r.quotedQuestions && !(r.notAsked && stats.exclamations > 0)
        // (The learned layer's cue keeps counting a reply's title: it was trained so.)
        r.ownMark = asked && stats.questions > r.quotedQuestions + r.subjectMarks
        if r.ownMark { r.question = true }
        // A line with a question mark asks by its marks (a reply's title asks nothing, `subjectMarks`).
        if stats.questions > 0 { r.askedInside = false }
        if nt >= 3 && Analyzer.endsWithTag(toks, nt, scratch) { (r.tagQuestion, r.question) = (true, true) }
        if terms.termCount > 0 { r.crisisFound = findCrisis(scratch, toks, nt) }
        if learnedOn {
            if lastWord != 0 { (keys[nk], nk) = (LearnedKey.pair(lastWord, LearnedKey.textEnd), nk &+ 1) }
            keys[nk] = LearnedKey.lang(r.lang)
            nk &+= 1
            collect?.keys.append(contentsOf: UnsafeBufferPointer(start: keys, count: nk))
            // The last use of the keys (`sumConsuming` overwrites them).
            r.learned &+= hot.learned.table?.sumConsuming(keys, nk, filter: hot.learned.filter) ?? .zero
            r.cues = SIMD16<Float>(
                asked ? 1 : 0, r.questionStart ? 1 : 0, Float(min(r.complaintCues, 3)),
                Float(min(r.praiseCues, 3)), Float(min(r.helpCues, 3)), r.strongHelp ? 1 : 0,
                Float(min(r.purchaseCues, 3)), Float(min(r.spamCues, 3)), r.please ? 1 : 0, r.want ? 1 : 0,
                Float(min(r.negatedExpect, 2)), r.irony ? 1 : 0, stats.urls > 0 ? 1 : 0,
                Float(min(stats.hashtags, 6)) / 2, Float(min(max(stats.mentions - 1, 0), 6)) / 2, 0)
        }
        out = r
    }

    /// A word with a promotion bit (`WordInfo.promo`): counts `Scan.promoCues`, each kind of cue once (a complaint
    /// that names its "Gutscheincode" twice is no promotion). Kinds: a word that promotes alone; a link word right
    /// after a lead ("affiliate link", "referral link"), also across a hyphen ("Affiliate-Link"), which counts only
    /// when the lead did not count alone (the phrase is one cue); "for" or "für"
    /// after "DM"; a word right after "%" ("50% off"); and "bio" within four tokens of "link" when the word before it
    /// makes it the writer's own ("link in bio", "Link in meiner Bio"; not "your bio"), which counts two.
    @inline(never)
    func promoCue(
        _ bits: UInt8, _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>,
        _ scratch: UnsafeMutablePointer<UInt8>, _ at: inout (lead: Int, leadCounted: Bool, link: Int), _ r: inout Scan
    ) {
        func found(_ kind: UInt8, _ n: Int) {
            if r.promoKinds & kind == 0 { (r.promoKinds, r.promoCues) = (r.promoKinds | kind, r.promoCues + n) }
        }
        if bits & WordInfo.promoWord != 0 { found(1, 1) }
        // A lead that promotes alone ("affiliate", "referral") was counted already: "affiliate link" is one cue, so
        // a customer's "the affiliate link in your newsletter is broken" is no promotion by itself.
        if bits & WordInfo.promoFollow != 0
            && (at.lead == i - 1
                || at.lead == i - 2 && toks[i - 1].kind == .punct && !toks[i - 1].has(Token.boundary))
        {
            found(2, at.leadCounted ? 0 : 1)
        }
        if bits & WordInfo.percentOff != 0 && i > 0 {
            let p = toks[i - 1]
            if p.kind == .punct && p.len == 1 && scratch[Int(p.start)] == 37 { found(4, 1) }
        }
        if bits & WordInfo.bioWord != 0 && at.link >= i - 4 && i > 0 && slots[i - 1] >= 0
            && hot.words.value(at: Int(slots[i - 1])).promo & WordInfo.ownBio != 0
        {
            found(8, 2)
        }
        if bits & WordInfo.promoLead != 0 {
            at.lead = i
            at.leadCounted = bits & WordInfo.promoWord != 0
            // "DM for …", "DM für …": the word after "dm" read by its bytes (these common words carry no bit).
            let t = toks[i]
            if t.len == 2 && i + 1 < nt && toks[i + 1].kind == .word && scratch[Int(t.start)] == 100
                && scratch[Int(t.start) + 1] == 109
            {
                let n = toks[i + 1]
                let q = scratch + Int(n.start)
                if n.len == 3 && q[0] == 102 && q[1] == 111 && q[2] == 114
                    || n.len == 4 && q[0] == 102 && q[1] == 0xC3 && q[2] == 0xBC && q[3] == 114
                {
                    found(16, 1)
                }
            }
        }
        if bits & WordInfo.linkWord != 0 { at.link = i }
    }

    /// A German clause whose problem ended ("Der Streik ist beendet", "Störung behoben"; not asked, the shifter not
    /// negated): its negative words count as relief, reversed and weakened as a negation does ("nicht schlecht"),
    /// and its learned sentiment weights are set aside for the decision to read reversed (`Analyzer.learnedScores`):
    /// those of its known words (read again from their word-table slots) and of its other keys (probed again). Rare,
    /// so the scan's loop keeps only where the clause starts.
    @inline(never)
    func shiftClause(
        _ r: inout Scan, _ posB: inout Float, _ negB: inout Float, _ neg: Float, _ tokens: Range<Int>,
        _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>, _ keys: UnsafeMutablePointer<UInt64>,
        _ n: Int, _ knownInSlots: Bool
    ) {
        (negB, posB) = (negB - neg, posB + 0.6 * neg)
        guard let table = hot.learned.table else { return }
        var sum = table.sum(keys, n, filter: hot.learned.filter)
        let words = hot.words
        for k in tokens where knownInSlots && (toks[k].kind == .word || toks[k].kind == .hashtag) && slots[k] >= 0 {
            let s = Int(slots[k])
            if words.key(at: s) == toks[k].hash { sum &+= LearnedTable.widened(words.value(at: s).learned) }
        }
        let f = SIMD16<Float>(sum) * table.scale
        r.shiftedPos += f[LearnedModel.sentimentPos]
        r.shiftedNeg += f[LearnedModel.sentimentNeg]
    }

    /// Whether the next word (before a clause boundary) carries sentiment: then a booster modifies it.
    @inline(__always)
    func nextIsPolar(
        _ j: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>, _ de: Bool
    ) -> Bool {
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
    func postNegated(
        _ j: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>,
        _ negFlag: UInt32
    ) -> Bool {
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
                    return a.kind == .punct || a.kind == .emoji || a.kind == .url || a.kind == .hashtag
                        || a.kind == .mention
                }
                seen += 1
            }
            k += 1
        }
        return false
    }
}
