import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text as the query language compares it: lower-case and without diacritics ("Über" → "uber"), as UTF-8 bytes.
public enum QueryText {
    public static func fold(_ s: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        if ascii { return out }
        out.removeAll(keepingCapacity: true)
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 { let b = UInt8(v); out.append(b >= 65 && b <= 90 ? b + 32 : b); continue }
            if v >= 0xC0, v < 0x180 { out += latin[Int(v - 0xC0)]; continue }
            if (0x300...0x36F).contains(v) { continue }  // combining diacritics (decomposed text)
            if u.properties.changesWhenLowercased {
                out += Array(u.properties.lowercaseMapping.utf8)
            } else { out += Array(String(u).utf8) }
        }
        return out
    }

    /// U+00C0…U+017F (Latin-1 letters and Latin Extended-A) without diacritics, lower-case: "Ä" → "a", "ß" → "ss".
    static let latin: [[UInt8]] = {
        var t = [[UInt8]](repeating: [], count: 0x180 - 0xC0)
        func set(_ from: UInt32, _ to: UInt32, _ s: String) { for v in from...to { t[Int(v - 0xC0)] = Array(s.utf8) } }
        set(0xC0, 0xC5, "a")
        set(0xC6, 0xC6, "ae")
        set(0xC7, 0xC7, "c")
        set(0xC8, 0xCB, "e")
        set(0xCC, 0xCF, "i")
        set(0xD0, 0xD0, "d")
        set(0xD1, 0xD1, "n")
        set(0xD2, 0xD6, "o")
        set(0xD7, 0xD7, "×")
        set(0xD8, 0xD8, "o")
        set(0xD9, 0xDC, "u")
        set(0xDD, 0xDD, "y")
        set(0xDE, 0xDE, "th")
        set(0xDF, 0xDF, "ss")
        set(0xE0, 0xE5, "a")
        set(0xE6, 0xE6, "ae")
        set(0xE7, 0xE7, "c")
        set(0xE8, 0xEB, "e")
        set(0xEC, 0xEF, "i")
        set(0xF0, 0xF0, "d")
        set(0xF1, 0xF1, "n")
        set(0xF2, 0xF6, "o")
        set(0xF7, 0xF7, "÷")
        set(0xF8, 0xF8, "o")
        set(0xF9, 0xFC, "u")
        set(0xFD, 0xFD, "y")
        set(0xFE, 0xFE, "th")
        set(0xFF, 0xFF, "y")
        set(0x100, 0x105, "a")
        set(0x106, 0x10D, "c")
        set(0x10E, 0x111, "d")
        set(0x112, 0x11B, "e")
        set(0x11C, 0x123, "g")
        set(0x124, 0x127, "h")
        set(0x128, 0x131, "i")
        set(0x132, 0x133, "ij")
        set(0x134, 0x135, "j")
        set(0x136, 0x138, "k")
        set(0x139, 0x142, "l")
        set(0x143, 0x14B, "n")
        set(0x14C, 0x151, "o")
        set(0x152, 0x153, "oe")
        set(0x154, 0x159, "r")
        set(0x15A, 0x161, "s")
        set(0x162, 0x167, "t")
        set(0x168, 0x173, "u")
        set(0x174, 0x175, "w")
        set(0x176, 0x178, "y")
        set(0x179, 0x17E, "z")
        set(0x17F, 0x17F, "s")
        return t
    }()

    /// True when `needle` occurs in `haystack` (both folded).
    @inline(__always)
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = Int32(n[0])
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    // memchr finds the next candidate start; memcmp checks the rest.
                    guard let p = memchr(h.baseAddress! + i, first, last - i + 1) else { return false }
                    let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - h.baseAddress!
                    if memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }

    /// What bare words and phrases search: text, title, author handle and name, folded and joined by newlines.
    /// `folded`: the text folded already (`fold(m.text)`).
    public static func haystack(_ m: Mention, folded: [UInt8]? = nil) -> [UInt8] {
        var h = folded ?? fold(m.text)
        if let t = m.title { h.append(10); h += fold(t) }
        if let a = m.author {
            h.append(10)
            h += fold(a.handle)
            if let n = a.name { h.append(10); h += fold(n) }
        }
        return h
    }
}
