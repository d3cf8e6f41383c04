import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text as the query language compares it: lower-case and without diacritics ("Über" → "uber"), as UTF-8 bytes.
public enum QueryText {
    public static func fold(_ s: String) -> [UInt8] {
        var ascii = true
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        if ascii { return out }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return Array(folded.utf8)
    }

    /// True when `needle` occurs in `haystack` (both folded).
    @inline(__always)
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = Int32(n[0]), last = h.count - n.count
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
    public static func haystack(_ m: Mention) -> [UInt8] {
        var h = fold(m.text)
        if let t = m.title { h.append(10); h += fold(t) }
        if let a = m.author {
            h.append(10); h += fold(a.handle)
            if let n = a.name { h.append(10); h += fold(n) }
        }
        return h
    }
}
