/// Splits UTF-8 bytes into tokens in one pass: lower-cases ASCII and Latin-1 letters, drops apostrophes inside
/// words, caps letter runs at two (`gooood` → `good`, flagged elongated), recognises URLs, @mentions, #hashtags,
/// emoji (by code point) and punctuation runs (emoticons like `:-)` are such runs). No allocation: the caller
/// hands in the scratch buffer (at least as long as the text) and the token buffer.
struct Tokenizer {
    @inline(__always) static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
    }

    @inline(__always) static func isWordLead(_ b: UInt8) -> Bool {
        isASCIIWordByte(b) || (b >= 0xC3 && b <= 0xDF) || (b >= 0xE3 && b <= 0xED)
    }

    static func tokenize(
        _ t: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
        tokens: UnsafeMutablePointer<Token>, capacity: Int, stats: inout TextStats
    ) -> Int {
        let n = t.count
        var i = 0
        var out = 0
        var nt = 0
        while i < n && nt < capacity {
            let b = t[i]
            if b <= 32 { i += 1; continue }
            // URLs
            if (b == 104 || b == 72 || b == 119) && i + 4 < n {
                if (t[i + 1] | 0x20) == 116 && (t[i + 2] | 0x20) == 116 && (t[i + 3] | 0x20) == 112
                    && (t[i + 4] == 58 || (i + 5 < n && (t[i + 4] | 0x20) == 115 && t[i + 5] == 58))
                    || (b == 119 && t[i + 1] == 119 && t[i + 2] == 119 && t[i + 3] == 46)
                {
                    var j = i
                    while j < n && t[j] > 32 { j += 1 }
                    tokens[nt] = Token(hash: 0, start: Int32(out), len: 0, kind: .url)
                    nt += 1
                    stats.urls += 1
                    i = j
                    continue
                }
            }
            // @mention / #hashtag
            if (b == 64 || b == 35) && i + 1 < n && isWordLead(t[i + 1]) && (i == 0 || !isASCIIWordByte(t[i - 1])) {
                if b == 64 {
                    var j = i + 1
                    while j < n && (isASCIIWordByte(t[j]) || t[j] == 95 || t[j] == 46 || t[j] >= 0x80) && t[j] != 0xE2 {
                        j += 1
                    }
                    if j > i + 1 && t[j - 1] == 46 { j -= 1 }
                    tokens[nt] = Token(hash: 0, start: Int32(out), len: 0, kind: .mention)
                    nt += 1
                    stats.mentions += 1
                    i = j
                    continue
                }
                stats.hashtags += 1
                i += 1
                let start = out
                var tok = Token()
                i = word(t, i, scratch, &out, &tok, &stats)
                tok.start = Int32(start)
                tok.len = Int32(out - start)
                tok.kind = .hashtag
                tokens[nt] = tok
                nt += 1
                continue
            }
            if (b | 0x20) &- 97 < 26 {
                // The common word: ASCII letters up to a byte that ends a word as `word` ends it (a space, punctuation
                // other than an apostrophe, the end), read by `letters`. Anything else (a digit, an apostrophe, a
                // non-ASCII letter) goes to `word` from the word's start, which overwrites what was written here.
                let run = letters(t.baseAddress!, i, n, scratch, out)
                let k = run.end
                if k >= n || t[k] < 0x80 && t[k] &- 48 >= 10 && t[k] != 39 && t[k] != 96 {
                    let up = run.upFlags >> 8
                    var fl = UInt8(truncatingIfNeeded: run.upFlags)
                    let lower = k &- i &- up
                    if up >= 2 && lower == 0 { fl |= Token.caps }
                    stats.upperLetters &+= up
                    stats.lowerLetters &+= lower
                    tokens[nt] = Token(
                        hash: run.hash == 0 ? 1 : run.hash, start: Int32(truncatingIfNeeded: out),
                        len: Int32(truncatingIfNeeded: run.o &- out), kind: .word, flags: fl)
                    (nt, out, i) = (nt &+ 1, run.o, k)
                    continue
                }
            }
            if isWordLead(b) {
                let start = out
                var tok = Token()
                let before = i
                i = word(t, i, scratch, &out, &tok, &stats)
                // A lead byte that is no letter (× ÷): skip the whole character, never loop on it.
                if i == before { i += b < 0xE0 ? 2 : 3; continue }
                tok.start = Int32(start)
                tok.len = Int32(out - start)
                if i == before {
                    // A letter-like lead byte that starts no word (× ÷): skip the whole character.
                    i += 1
                    while i < n && t[i] & 0xC0 == 0x80 { i += 1 }
                    continue
                }
                if tok.len == 0 { continue }
                var digits = true
                for k in start..<out where scratch[k] < 48 || scratch[k] > 57 { digits = false; break }
                if digits { tok.kind = .number }
                tokens[nt] = tok
                nt += 1
                continue
            }
            if b >= 0xE0 {
                // Multi-byte symbols: emoji, typographic punctuation.
                let len = b >= 0xF0 ? 4 : 3
                guard i + len <= n else { i = n; break }
                var cp = UInt32(b & (len == 4 ? 0x07 : 0x0F))
                for k in 1..<len { cp = (cp << 6) | UInt32(t[i + k] & 0x3F) }
                i += len
                if cp == 0x2019 || cp == 0x2018 || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) {
                    continue
                }
                if (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2B55
                    || cp == 0x2764
                {
                    tokens[nt] = Token(hash: 0, start: Int32(out), len: 0, kind: .emoji, flags: 0, extra: cp)
                    nt += 1
                    continue
                }
                var f: UInt8 = 0
                if cp == 0x2026 {
                    f = Token.boundary | Token.ellipsis
                } else if cp >= 0x2010 && cp <= 0x2015 {
                    f = Token.boundary
                }
                tokens[nt] = Token(hash: 0, start: Int32(out), len: 0, kind: .punct, flags: f)
                nt += 1
                continue
            }
            if b >= 0x80 { i += 1; continue }
            // ASCII punctuation run (emoticons included).
            let start = out
            var h = fnvOffset
            var f: UInt8 = 0
            var ex: UInt32 = 0
            var faceish = false
            var dots = 0
            var j = i
            while j < n {
                let c = t[j]
                if c <= 32 || c >= 0x80 || isASCIIWordByte(c) { break }
                if (c == 64 || c == 35) && j + 1 < n && isWordLead(t[j + 1]) { break }
                switch c {
                case 33:
                    ex += 1
                    f |= Token.boundary
                case 63:
                    f |= Token.boundary | Token.question
                    stats.questions += 1
                case 46:
                    dots += 1
                    f |= Token.boundary
                case 44, 59: f |= Token.boundary
                case 58, 61, 60: faceish = true
                default: break
                }
                scratch[out] = c
                out += 1
                h = fnvStep(h, c)
                j += 1
            }
            // A face may end in a letter or digit: :D :P :o <3 xD
            if faceish && j < n && (j + 1 >= n || !isASCIIWordByte(t[j + 1])) {
                let c = t[j]
                if c == 68 || c == 80 || c == 112 || c == 100 || c == 111 || c == 79 || c == 51 || c == 83 || c == 115 {
                    let l = (c >= 65 && c <= 90) ? c | 0x20 : c
                    scratch[out] = l
                    out += 1
                    h = fnvStep(h, l)
                    j += 1
                }
            }
            if dots >= 2 { f |= Token.ellipsis }
            stats.exclamations += Int(ex)
            if j == i { i += 1; continue }
            i = j
            tokens[nt] = Token(
                hash: h == 0 ? 1 : h, start: Int32(start), len: Int32(out - start), kind: .punct, flags: f, extra: ex)
            nt += 1
        }
        return nt
    }

    /// The run of ASCII letters from `i` (a letter): writes them lower-cased to `scratch` from `out`, letter runs
    /// capped at two. Returns the index after the run, the output index after it, the FNV-1a hash of what was
    /// written, and the count of capitals shifted left by 8 over the flags (`elongated`, `repeatedLetters`). Out of
    /// line, so that its loop keeps everything in registers (inlined into `tokenize`, whose many live values
    /// crowd it, it reloaded the text's length and the scratch pointer from the stack every byte).
    @inline(never)
    static func letters(
        _ t: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ scratch: UnsafeMutablePointer<UInt8>, _ out: Int
    ) -> (end: Int, o: Int, hash: UInt64, upFlags: Int) {
        var (k, o, h, prev, r, up, fl) = (i, out, fnvOffset, UInt8(0), 0, 0, 0)
        repeat {
            let x = t[k]
            let l = x | 0x20
            if l &- 97 >= 26 { break }
            up &+= Int((~x >> 5) & 1)
            k &+= 1
            if l == prev {
                r &+= 1
                if r > 2 { fl |= Int(Token.elongated); continue }
                if r == 2 { fl |= Int(Token.repeatedLetters) }
            } else {
                (prev, r) = (l, 1)
            }
            scratch[o] = l
            o &+= 1
            h = fnvStep(h, l)
        } while k < n
        return (k, o, h, up << 8 | fl)
    }

    /// Reads one word starting at `i`; writes its normalised bytes to `scratch` and returns the index after it.
    @inline(__always)
    static func word(
        _ t: UnsafeBufferPointer<UInt8>, _ i0: Int, _ scratch: UnsafeMutablePointer<UInt8>,
        _ out: inout Int,
        _ tok: inout Token, _ stats: inout TextStats
    ) -> Int {
        let n = t.count
        var i = i0
        var h = fnvOffset
        var last: UInt8 = 0
        var run = 0
        var upper = 0
        var lower = 0
        var flags: UInt8 = 0
        let start = out
        // A local copy of the output index: `scratch` could alias an inout, so keep `o` in a register.
        var o = out
        defer { out = o }
        while i < n {
            var c = t[i]
            // The common case first: ASCII letters (upper case folded: bit 5 clear means upper case) that continue no
            // letter run, read in a tight loop that keeps everything in registers.
            if (c | 0x20) &- 97 < 26 && (c | 0x20) != last {
                var k = i
                var prev: UInt8 = last
                var up = 0
                repeat {
                    let x = t[k]
                    let l = x | 0x20
                    if l &- 97 >= 26 || l == prev { break }
                    up &+= Int((~x >> 5) & 1)
                    scratch[o] = l
                    o &+= 1
                    h = fnvStep(h, l)
                    prev = l
                    k &+= 1
                } while k < n
                upper &+= up
                lower &+= k &- i &- up
                (last, run, i) = (prev, 1, k)
                continue
            }
            if c < 0x80 {
                if c &- 97 < 26 {
                    lower &+= 1
                } else if c &- 65 < 26 {
                    c |= 0x20
                    upper &+= 1
                } else if c &- 48 < 10 {
                    scratch[o] = c
                    o &+= 1
                    h = fnvStep(h, c)
                    last = 0
                    run = 0
                    i &+= 1
                    continue
                } else if (c == 39 || c == 96) && i + 1 < n && isASCIIWordByte(t[i + 1]) && o > start {
                    i &+= 1
                    continue
                } else {
                    break
                }
                i &+= 1
            } else if c == 0xC3 && i + 1 < n {
                var d = t[i + 1]
                if d >= 0x80 && d <= 0x9E && d != 0x97 {
                    d += 0x20
                    upper &+= 1
                } else {
                    lower &+= 1
                }
                if d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x9F {
                    flags |= Token.umlaut
                    stats.umlauts += 1
                } else if d == 0x97 || d == 0xB7 {
                    break
                } else {
                    stats.otherLatin += 1
                }
                // Two-byte letter: append both bytes (runs are counted on the second byte).
                if d == last && run >= 2 && o - start >= 2 && scratch[o - 2] == 0xC3 {
                    flags |= Token.elongated
                    i &+= 2
                    continue
                }
                scratch[o] = 0xC3
                o &+= 1
                h = fnvStep(h, 0xC3)
                if d == last {
                    run &+= 1
                } else {
                    last = d; run = 1
                }
                scratch[o] = d
                o &+= 1
                h = fnvStep(h, d)
                i &+= 2
                continue
            } else if c >= 0xC4 && c <= 0xDF && i + 1 < n {
                if c <= 0xCD { stats.otherLatin += 1 } else { stats.nonLatin += 1 }
                scratch[o] = c
                scratch[o + 1] = t[i + 1]
                o &+= 2
                h = fnvStep(fnvStep(h, c), t[i + 1])
                last = 0
                run = 0
                lower &+= 1
                i &+= 2
                continue
            } else if c >= 0xE3 && c <= 0xED && i + 2 < n {
                stats.nonLatin += 1
                scratch[o] = c
                scratch[o + 1] = t[i + 1]
                scratch[o + 2] = t[i + 2]
                o &+= 3
                h = fnvStep(fnvStep(fnvStep(h, c), t[i + 1]), t[i + 2])
                last = 0
                run = 0
                lower &+= 1
                i &+= 3
                continue
            } else if c == 0xE2 && i + 2 < n && t[i + 1] == 0x80 && (t[i + 2] == 0x99 || t[i + 2] == 0x98) && o > start
                && i + 3 < n && isASCIIWordByte(t[i + 3])
            {
                i &+= 3
                continue  // ’ inside a word
            } else {
                break
            }
            if c == last {
                run &+= 1
                if run > 2 { flags |= Token.elongated; continue }
                if run == 2 && c >= 97 { flags |= Token.repeatedLetters }
            } else {
                last = c; run = 1
            }
            scratch[o] = c
            o &+= 1
            h = fnvStep(h, c)
        }
        if upper >= 2 && lower == 0 { flags |= Token.caps }
        stats.upperLetters += upper
        stats.lowerLetters += lower
        tok.hash = h == 0 ? 1 : h
        tok.flags = flags
        return i
    }
}
