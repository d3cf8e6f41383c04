import Foundation
import SwitchboardCore

/// Small helpers of the scan: learned tokens, and the intent cues of phrases, waiting times and quoted questions.
extension Analyzer {
    @inline(__always)
    func addToken(
        _ r: inout Scan, _ key: UInt64, _ collect: TokenCollector?, _ name: String, _ words: TableView<WordInfo>
    ) {
        let s = words.slot(key)
        if s >= 0 { let i = words.value(at: s); r.tokPos += i.wPos; r.tokNeg += i.wNeg }
        collect?.tokens.append(name)
    }

    /// The state after a sentence's first word, an auxiliary: 3 a verb that asks when an article follows, 4 a
    /// first-person verb ("habe"), else 1.
    @inline(__always)
    static func afterVerb(_ cues: UInt8) -> Int {
        cues & WordInfo.verbFirst != 0 ? 3 : cues & WordInfo.firstPerson != 0 ? 4 : 1
    }

    /// Whether the second word of a sentence opened by an auxiliary makes it ask: "Kann man …", "Does anyone …";
    /// "Ist die Linie …", "Does the app …" (a verb, then an article); not "Habe mir … bestellt".
    @inline(__always)
    static func asks(_ state: Int, _ pronoun: Bool, _ cues: UInt8) -> Bool {
        pronoun && !(state == 4 && cues & WordInfo.reflexive != 0) || state == 3 && cues & WordInfo.article != 0
    }

    /// The intent cues of a two-word phrase (`WordLists+Intent`). `opening`: the phrase's first word opened the
    /// clause as a question word, and `before` is whether the text asked before it.
    @inline(__always)
    func phraseCues(_ ph: PhraseInfo, _ opening: Bool, _ before: Bool, _ r: inout Scan) {
        if ph.notAsked && opening {
            // "What a day", "How I moved house": the opening word asked nothing (the learned layer still sees the
            // opening as it was trained to).
            r.question = before
            r.notAsked = true
        }
        if ph.irony { r.ironyPhrase = true }
        if ph.rhetoric { r.rhetoricPhrase = true }
        if ph.question { (r.question, r.questionStart) = (true, true) }
        if ph.asksInside { r.question = true }
        if ph.complaint { (r.complaintCues, r.breach) = (r.complaintCues + 1, r.breach + 1) }
        if ph.repeated { r.repeated = true }
        if ph.ironyBesideAProblem { r.ironyBesideAProblem = true }
    }

    /// A waiting time: a unit ("Wochen", "days") within four words after "seit", "since" or "waiting"; a problem
    /// solved ("fixed", "behoben"), which makes praise beside it sincere.
    @inline(__always)
    func wordCues(_ d: UInt8, _ left: inout Int, _ r: inout Scan) {
        if d & WordInfo.resolved != 0 { r.resolved = true }
        if d & WordInfo.newsVerb != 0 { r.newsVerb = true }
        if d & WordInfo.unit != 0 && left > 0 {
            (r.complaintCues, r.breach) = (r.complaintCues + 1, r.breach + 1)
            left = 0
        } else if d & WordInfo.sinceWord != 0 {
            left = 4
        } else if left > 0 {
            left -= 1
        }
    }

    /// Whether the text ends in a tag question after a comma: "…, ne", "…, gell", "…, oder", "…, right" (then
    /// perhaps "?", "!", "." or emoji): `Scan.tagQuestion`.
    @inline(never)
    static func endsWithTag(_ toks: UnsafeMutablePointer<Token>, _ nt: Int, _ scratch: UnsafeMutablePointer<UInt8>)
        -> Bool
    {
        var j = nt - 1
        while j >= 2 {
            let t = toks[j]
            if t.kind == .emoji { j -= 1; continue }
            guard t.kind == .punct else { break }
            // Only closing marks may follow the tag.
            for k in 0..<Int(t.len) {
                let c = scratch[Int(t.start) + k]
                if c != 63 && c != 33 && c != 46 { return false }
            }
            j -= 1
        }
        guard j >= 2, toks[j].kind == .word else { return false }
        let c = toks[j - 1]
        guard c.kind == .punct, c.len == 1, scratch[Int(c.start)] == 44 else { return false }
        let w = toks[j]
        return tagWords.contains(packed(scratch + Int(w.start), Int(w.len)))
    }

    /// The tag words of `endsWithTag`.
    static let tagWords = Set(
        ["ne", "gell", "gelle", "gelt", "oder", "odr", "nich", "nicht", "woll", "right", "innit", "eh"].map(packed))

    /// A word of at most 8 ASCII bytes, lower case, packed into an integer to compare with `packed(_:)` of a word
    /// written in lower case (0 for a longer word; a byte outside ASCII never equals a letter's).
    @inline(__always)
    static func packed(_ p: UnsafeMutablePointer<UInt8>, _ len: Int) -> UInt64 {
        guard len <= 8 else { return 0 }
        var w: UInt64 = 0
        for k in 0..<len { w = w << 8 | UInt64(p[k] | 0x20) }
        return w
    }

    static func packed(_ word: String) -> UInt64 { word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
    static let (morgen, tag, or, oder) = (packed("morgen"), packed("tag"), packed("or"), packed("oder"))

    /// Whether the word at `p` is "morgen" or "tag" (greetings after "guten", else the day).
    @inline(__always)
    static func isDayWord(_ p: UnsafeMutablePointer<UInt8>, _ len: Int) -> Bool {
        let w = packed(p, len)
        return w == morgen || w == tag
    }

    /// Whether word token `i`, unknown to the model, is a chat nick addressed at the start of a line: letters, then
    /// digits at its end ("u34", "mike92"), followed by a word, or by ":" or "," and a word. (Known words like
    /// "any1", "gn8" are not looked at.)
    @inline(never)
    static func isNick(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        let t = toks[i]
        let p = scratch + Int(t.start)
        let len = Int(t.len)
        guard len >= 2 && len <= 16, p[0] &- 97 < 26, p[len - 1] &- 48 < 10 else { return false }
        guard i + 1 < nt else { return false }
        if toks[i + 1].kind == .word { return true }
        let n = toks[i + 1]
        guard n.kind == .punct, n.len == 1, i + 2 < nt, toks[i + 2].kind == .word else { return false }
        let c = scratch[Int(n.start)]
        return c == 58 || c == 44
    }

    /// The length of a chat log's line prefix, with the spaces after it (session 19): an optional time stamp in
    /// brackets of digits and colons ("[22:41] "), then the speaker's nick in angle brackets ("<pixl> ", at most 32
    /// bytes, no space, not "<3"); 0 when the text has none.
    static func chatLogPrefix(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var i = 0
        if n > 2 && b[0] == 91 {  // "["
            var j = 1
            while j < n && j < 12 && (b[j] &- 48 < 10 || b[j] == 58) { j += 1 }
            guard j > 1, j < n, b[j] == 93 else { return 0 }  // "]"
            i = j + 1
            while i < n && b[i] == 32 { i += 1 }
        }
        guard i < n, b[i] == 60 else { return 0 }  // "<"
        var j = i + 1
        while j < n && j - i <= 32 && b[j] != 62 && b[j] != 32 && b[j] != 60 { j += 1 }
        // A nick: at least one byte, not a heart ("<3"), closed by ">" and followed by what was said.
        guard j < n, b[j] == 62, j > i + 1, !(j == i + 2 && b[i + 1] == 51) else { return 0 }
        var k = j + 1
        while k < n && b[k] == 32 { k += 1 }
        return k < n ? k : 0
    }

    /// Whether the word at `p` is "or" (English) or "oder" (German).
    @inline(__always)
    static func isOr(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ isDE: Bool) -> Bool {
        packed(p, len) == (isDE ? oder : or)
    }

    /// "Or"/"oder" at word `i` of a chat line: what follows it asks when an auxiliary and then a pronoun open it
    /// ("kaffeemaschine leer oder bin ich zu früh", "… or is it just me"; not an auxiliary and an article: German
    /// leaves out the subject after "oder", "sie kommt später oder ist ein bisschen krank"), and a German line that
    /// ends with it asks ("nur bei mir oder", "das ist der link von gestern oder"). A sign of a question for the
    /// decision only (`Scan.question`; not a question start, which the learned layer reads).
    @inline(never)
    func orAsks(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ slots: UnsafeMutablePointer<Int32>, _ isDE: Bool,
        _ aux: UInt32, _ pron: UInt32, _ r: inout Scan
    ) {
        // The next two words of the sentence.
        var (first, second, k) = (-1, -1, i + 1)
        while k < nt && second < 0 {
            if toks[k].kind == .word {
                if first < 0 { first = k } else { second = k }
            } else if toks[k].kind == .punct && toks[k].has(Token.boundary) {
                break
            }
            k += 1
        }
        if first < 0 {
            // Nothing after it in this sentence: a German tag question, if no word follows at all — with or without
            // the comma chat leaves out ("das ist doch der gleiche link wie gestern oder": every one of our lines so).
            if isDE && !(k..<nt).contains(where: { toks[$0].kind == .word }) { (r.question, r.tagQuestion) = (true, true) }
            return
        }
        guard second >= 0, slots[first] >= 0, slots[second] >= 0 else { return }
        let words = hot.words
        if words.value(at: Int(slots[first])).flags & aux != 0 && words.value(at: Int(slots[second])).flags & pron != 0 {
            r.question = true
        }
    }

    /// Whether the sentence opened by word token `i` asks by its order alone, as English chat drops the auxiliary: "you",
    /// "u", "ya" or "yall" (perhaps then "still", "guys", "all", "two") and a verb in -ing — "u coming tonight", "you
    /// driving the landy", "u still selling that bike rack" (every one of our 23 such lines asks). Not a noun in -ing
    /// ("you king"), nor the accusations "you kidding me", "u tripping", "you making me laugh".
    @inline(never)
    static func youDoingAsks(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        guard youWords.contains(toks[i].hash) else { return false }
        var j = i + 1
        guard j < nt, toks[j].kind == .word else { return false }
        if fillers.contains(toks[j].hash) {
            j += 1
            guard j < nt, toks[j].kind == .word else { return false }
        }
        let p = scratch + Int(toks[j].start)
        let len = Int(toks[j].len)
        guard len >= 5, p[len - 3] == 105, p[len - 2] == 110, p[len - 1] == 103 else { return false }  // "ing"
        return !notDoing.contains(toks[j].hash)
    }
    static let youWords = wordKeys(["you", "u", "ya", "yall"])
    static let fillers = wordKeys(["still", "guys", "all", "two"])
    static let notDoing = wordKeys([
        "thing", "things", "nothing", "something", "anything", "everything", "king", "darling", "evening", "morning",
        "wedding", "building", "pudding", "ceiling", "sibling", "during", "string", "spring", "kidding", "killing",
        "joking", "trolling", "lying", "messing", "tripping", "capping", "bugging", "making",
    ])

    /// Whether the German sentence opened by word token `i` asks by its order alone: a verb first, then its subject —
    /// a verb in -st and "du" ("trinkst du lieber wein oder bier", 136 of our 139 such lines ask), a verb in -t and
    /// "ihr" ("zahlt ihr bar oder per paypal", 121 of 129, the others ironic or rhetorical with a mark), or a verb in
    /// -t, perhaps an adverb, and "wer"/"jemand" ("nimmt wer den jonas mit", "braucht noch wer nen platz"). Not a
    /// preposition or adverb that ends so ("seit einer Stunde", "selbst du").
    @inline(never)
    static func germanVerbFirstAsks(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        let p = scratch + Int(toks[i].start)
        let len = Int(toks[i].len)
        guard len >= 3, p[len - 1] == 116, i + 1 < nt, toks[i + 1].kind == .word else { return false }  // "…t"
        if notVerbs.contains(toks[i].hash) { return false }
        var n = toks[i + 1].hash
        if n == du { return p[len - 2] == 115 }  // "…st du"
        if n == ihr { return true }
        if adverbs.contains(n), i + 2 < nt, toks[i + 2].kind == .word { n = toks[i + 2].hash }
        return someone.contains(n)
    }
    static let (du, ihr) = (wordKey("du"), wordKey("ihr"))
    static let someone = wordKeys(["wer", "jemand", "jmd", "einer"])
    static let adverbs = wordKeys(["noch", "morgen", "heute", "heut", "hier", "mal", "jetzt", "vielleicht"])
    static let notVerbs = wordKeys([
        "laut", "seit", "mit", "nicht", "nich", "jetzt", "recht", "heut", "gut", "halt", "weit", "dort", "selbst",
        "erst", "sonst", "fast", "meist", "zuerst", "just", "bereit", "echt", "zumindest",
        "west", "ost", "test", "rest", "post", "lust", "angst", "mist", "gast", "nebst", "trotzt",
    ])

    /// Whether a question phrase inside a line (`PhraseInfo.asksInside`, its second word token `i`) goes on with the
    /// writer asking for themselves: "ich", "wir", "i" or "we" next ("was soll ich solange tun", "how do i reset it"),
    /// not "man" ("wie kann man nur so unfähig sein" exclaims) and not "was soll ich sagen" (a filler: "… und was
    /// soll ich sagen, mein Sohn will jetzt zur Feuerwehr").
    @inline(never)
    static func firstPersonAsks(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        guard i + 1 < nt, toks[i + 1].kind == .word, firstPersons.contains(toks[i + 1].hash) else { return false }
        return !sagenAt(i + 2, nt, toks)
    }

    /// Whether word token `i` is "sagen" ("was soll ich sagen", a filler).
    @inline(__always)
    static func sagenAt(_ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>) -> Bool {
        i < nt && toks[i].kind == .word && toks[i].hash == sagen
    }

    /// Whether the German sentence opened by a question word goes on, at word token `i`, with a verb and then "ich" or
    /// "wir" as its subject: "Wie komme ich jetzt nach Hause", "…, wo finde ich die Rechnung", "wann treffen wir uns"
    /// (session 20; the verb-second order that only a main-clause question has). The verb is read by its ending: "-e"
    /// or a modal before "ich", "-en" before "wir" ("weiß nicht, wie lange wir …" has no verb there). Not the past
    /// ("wie konnte ich das vergessen" exclaims) and not "was soll ich sagen". Of our lines without a "?" that open
    /// so, 31 of 33 ask.
    @inline(never)
    static func germanAskerVerbAsks(
        _ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        guard i + 1 < nt, toks[i + 1].kind == .word else { return false }
        let p = scratch + Int(toks[i].start)
        let len = Int(toks[i].len)
        guard len >= 3 else { return false }
        let v = toks[i].hash
        if pastForms.contains(v) { return false }
        let n = toks[i + 1].hash
        if n == ich {
            guard p[len - 1] == 101 || presentModals.contains(v) else { return false }  // "…e"
        } else if n == wir {
            guard len >= 4, p[len - 2] == 101, p[len - 1] == 110 else { return false }  // "…en"
        } else {
            return false
        }
        return !sagenAt(i + 2, nt, toks)
    }
    static let (ich, wir) = (wordKey("ich"), wordKey("wir"))
    static let presentModals = wordKeys(["kann", "soll", "muss", "darf", "mag"])
    static let pastForms = wordKeys([
        "konnte", "sollte", "musste", "durfte", "wollte", "mochte", "hatte", "hätte", "wäre", "würde",
    ])

    /// Chat shorthand that asks wherever it stands: "hbu", "wbu", "hby", "wby" (how/what about you), "wyd" (what you
    /// doing), "wya" (where you at), "hru", "wru" (how/where are you). An array: every word of three bytes is
    /// looked up, and eight comparisons cost less than hashing the key.
    static let asksBack = ["hbu", "wbu", "hby", "wby", "wyd", "wya", "hru", "wru"].map(wordKey)

    static let firstPersons = wordKeys(["ich", "wir", "i", "we"])
    static let sagen = wordKey("sagen")

    /// The keys of single words as the tokenizer gives them (`Token.hash`, as the word tables use): any length and any
    /// case, umlauts included — unlike `packed(_:_:)`, which reads at most eight bytes.
    static func wordKeys(_ words: [String]) -> Set<UInt64> { Set(words.map(wordKey)) }
    static func wordKey(_ word: String) -> UInt64 {
        let k = InsightModel.keys(word)
        precondition(k.count == 1, "not a single word: \(word)")
        return k[0]
    }

    /// Whether the question mark in punctuation token `i` closes a quotation (`?"`, `?“`, `?»`): someone else's.
    @inline(__always)
    func quotedMark(_ i: Int, _ nt: Int, _ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>)
        -> Bool
    {
        let t = toks[i]
        let p = scratch + Int(t.start)
        var seen = false
        for k in 0..<Int(t.len) {
            if p[k] == 63 { seen = true } else if seen && (p[k] == 34 || p[k] == 39) { return true }
        }
        // A closing quote outside ASCII is a punctuation token of its own without flags (dashes and "…" have some).
        guard i + 1 < nt else { return false }
        let n = toks[i + 1]
        return n.kind == .punct && n.hash == 0 && n.flags == 0
    }

    /// Whether a text opens as a reply: "Re:", "AW:" or "Antw:" first (any case).
    static func opensReply(_ toks: UnsafeMutablePointer<Token>, _ scratch: UnsafeMutablePointer<UInt8>) -> Bool {
        let w = toks[0], c = toks[1]
        guard w.kind == .word, c.kind == .punct, c.len >= 1, scratch[Int(c.start)] == 58 else { return false }
        let p = scratch + Int(w.start)
        let l = { (k: Int) in p[k] | 0x20 }
        switch w.len {
        case 2: return l(0) == 114 && l(1) == 101 || l(0) == 97 && l(1) == 119  // re, aw
        case 4: return l(0) == 97 && l(1) == 110 && l(2) == 116 && l(3) == 119  // antw
        default: return false
        }
    }

    /// At a boundary inside a reply's title: whether the title goes on (a comma, a dash). A sentence's end closes
    /// it; when that end asks ("?"), its question marks are the title's (`Scan.subjectMarks`) and what the title
    /// asked so far (a question word, "anyone know") is forgotten: only the reply itself can ask.
    @inline(never)
    static func closesSubject(_ t: Token, _ scratch: UnsafeMutablePointer<UInt8>, _ r: inout Scan) -> Bool {
        let p = scratch + Int(t.start)
        var (marks, ends) = (0, t.has(Token.ellipsis))
        for k in 0..<Int(t.len) {
            if p[k] == 63 { marks += 1 } else if p[k] == 46 || p[k] == 33 { ends = true }
        }
        guard marks > 0 || ends else { return true }
        if marks > 0 { (r.subjectMarks, r.question) = (marks, false) }
        return false
    }
}
