import Foundation
import SwitchboardCore

/// Word-level helpers of the scan: German stems and compound heads, spelling cues, crisis terms, byte matching.
extension Analyzer {
    /// The German lexicon value of an unknown word: strip an inflection ending, else use the head of a compound
    /// ("Kundenservicekatastrophe" → "katastrophe"). One pass for all stems, one backward pass for all heads.
    @inline(never)
    func germanFallback(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ words: TableView<WordInfo>) -> Float {
        // The hash of the word without its last five bytes; a stem's hash extends it by the bytes it keeps (computed
        // only for an ending that matches, and no vector of all five prefixes on the stack).
        guard len >= 5 else { return 0 }
        var h5 = fnvOffset
        for k in 0..<(len - 5) { h5 = fnvStep(h5, p[k]) }
        let filter = hot.germanPolarFilter
        // Endings, longest first, compared as packed integers: -esten -ester -estem -estes | -sten -este | -ste -ern |
        // -en -er -es -em -st | -e -n -s -t.
        // The last five bytes as one integer, first byte highest: an ending of k bytes is its low 8k bits.
        var tail: UInt64 = 0
        for j in (len - 5)..<len { tail = tail << 8 | UInt64(p[j]) }
        var k = min(5, len - 4)
        while k >= 1 {
            let v = tail & (UInt64.max >> (64 - 8 * k))
            let isEnding: Bool
            switch k {
            case 5:
                isEnding =
                    v == 0x65_73_74_65_6E || v == 0x65_73_74_65_72 || v == 0x65_73_74_65_6D || v == 0x65_73_74_65_73
            case 4: isEnding = v == 0x73_74_65_6E || v == 0x65_73_74_65
            case 3: isEnding = v == 0x73_74_65 || v == 0x65_72_6E
            case 2: isEnding = v == 0x65_6E || v == 0x65_72 || v == 0x65_73 || v == 0x65_6D || v == 0x73_74
            default: isEnding = v == 0x65 || v == 0x6E || v == 0x73 || v == 0x74
            }
            if isEnding {
                var h = h5
                for j in (len - 5)..<(len - k) { h = fnvStep(h, p[j]) }
                let key = h == 0 ? 1 : h
                if filter.mayContain(key) {
                    let s = words.slot(key)
                    if s >= 0 {
                        let v = words.value(at: s).lexDE
                        if v != 0 { return v }
                    }
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
        let heads = hot.germanHeads
        let hf = hot.germanHeadFilter
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
        if ends("ung") || ends("ungen") || ends("keit") || ends("heit") || ends("lich") || ends("chen") || ends("isch")
        {
            de += 0.25
        }
        if ends("ing") || ends("tion") || ends("ly") || ends("ness") || ends("ment") || ends("ough") { en += 0.25 }
        var k = 0
        var sch = false
        var th = false
        while k + 1 < len {
            let a = p[k]
            let b = p[k + 1]
            if a == 115 && b == 99 && k + 2 < len && p[k + 2] == 104 { sch = true }
            if a == 116 && b == 104 { th = true }
            if a == 116 && b == 122 { sch = true }
            k += 1
        }
        if sch { de += 0.2 }
        if th { en += 0.2 }
    }

    /// Crisis terms found among the tokens: a bit per configured term.
    func findCrisis(_ scratch: UnsafeMutablePointer<UInt8>, _ toks: UnsafeMutablePointer<Token>, _ nt: Int) -> UInt64 {
        var found: UInt64 = 0
        let tv = terms
        // The scratch buffer holds every normalised token back to back: a term word that is nowhere in it
        // cannot match, and one fast memmem says so for the common case.
        var scratchLen = 0
        if nt > 0 { let last = toks[nt - 1]; scratchLen = Int(last.start) + Int(last.len) }
        for ti in 0..<tv.termCount {
            let (firstWord, wordCount) = tv.terms[ti]
            let first = tv.word(Int(firstWord))
            guard first.len > 0, scratchLen >= first.len else { continue }
            // The term's first word must occur in the text's normalised bytes: one memchr for its rarest byte
            // (`TermStorage.rare`), mostly absent, then a compare where it is.
            guard Analyzer.occurs(first.ptr, first.len, rare: tv.rareByte(Int(firstWord)), in: scratch, scratchLen)
            else { continue }
            var i = 0
            while i < nt {
                let t = toks[i]
                if t.kind == .word || t.kind == .hashtag || t.kind == .number {
                    let p = scratch + Int(t.start)
                    let len = Int(t.len)
                    let ok: Bool
                    if wordCount == 1 && first.len >= 4 {
                        ok = contains(p, len, first.ptr, first.len)
                    } else if wordCount > 1 {
                        ok =
                            endsWith(p, len, first.ptr, first.len)
                            && restMatches(tv, Int(firstWord), Int(wordCount), scratch, toks, i, nt)
                    } else { ok = equals(p, len, first.ptr, first.len) }
                    if ok { found |= 1 << UInt64(ti); break }
                }
                i += 1
            }
        }
        return found
    }

    func restMatches(
        _ tv: TermsView, _ firstWord: Int, _ wordCount: Int, _ scratch: UnsafeMutablePointer<UInt8>,
        _ toks: UnsafeMutablePointer<Token>, _ i: Int, _ nt: Int
    ) -> Bool {
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

    /// Whether `w` (`m` bytes) occurs in `hay` (`n` bytes): memchr for its byte at `rare`, then a compare of the whole.
    /// Both must have 8 readable bytes past their ends (the scan's scratch and `TermStorage` do): a word of at most 8
    /// bytes, most crisis words, is compared as one masked 64-bit load instead of a `memcmp` call.
    static func occurs(
        _ w: UnsafePointer<UInt8>, _ m: Int, rare r: Int, in hay: UnsafeMutablePointer<UInt8>, _ n: Int
    ) -> Bool {
        var start = 0  // the first place `w` could start
        let f = Int32(w[r])
        let short = m <= 8
        // The first `m` bytes in memory order: the low bytes of a little-endian load.
        let mask = UInt64(littleEndian: m >= 8 ? .max : (1 << (8 * UInt64(m))) &- 1)
        let word = UnsafeRawPointer(w).loadUnaligned(as: UInt64.self) & mask
        while n - start >= m {
            guard let hit = memchr(hay + start + r, f, n - start - m + 1) else { return false }
            let at = hay.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - r
            if short {
                if UnsafeRawPointer(hay + at).loadUnaligned(as: UInt64.self) & mask == word { return true }
            } else if memcmp(hay + at, w, m) == 0 {
                return true
            }
            start = at + 1
        }
        return false
    }

    @inline(__always) func equals(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int)
        -> Bool
    {
        guard len == m else { return false }
        for k in 0..<len where p[k] != w[k] { return false }
        return true
    }

    @inline(__always) func endsWith(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int)
        -> Bool
    {
        guard len >= m else { return false }
        return equals(p + (len - m), m, w, m)
    }

    @inline(__always) func contains(_ p: UnsafeMutablePointer<UInt8>, _ len: Int, _ w: UnsafePointer<UInt8>, _ m: Int)
        -> Bool
    {
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
