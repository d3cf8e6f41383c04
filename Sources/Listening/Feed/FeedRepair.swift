import Foundation

/// Repairs the commonest ill-formedness of real feeds before the XML parser sees it: HTML named
/// references (`&nbsp;`, `&eacute;`) that XML does not know become numeric references, and a stray `&`
/// (`AT&T`, `?a=1&b=2`) becomes `&amp;`. Numeric references to 128–159 (`&#146;`) mean Windows-1252
/// characters on the web and are rewritten so. Simple internal entities a document declares
/// (`<!ENTITY id "tag:x,">`) are substituted here, since the SAX interface drops them. CDATA sections and
/// comments are left alone. The five XML entities become numeric references too (see below).
/// Returns nil when nothing changed; `illFormed` says whether the input was broken.
enum FeedRepair {
    struct Repaired {
        var bytes: [UInt8]
        var illFormed: Bool
    }

    static func fixReferences(_ b: [UInt8]) -> Repaired? {
        let n = b.count
        guard b.contains(0x26) else { return nil }
        let declared = containsENTITY(b) ? entityDeclarations(b) : [:]
        var budget = 4 * n + 65536  // bounds entity expansion
        var illFormed = false
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x3C, i + 3 < n, b[i + 1] == 0x21 {
                if b[i + 2] == 0x2D, b[i + 3] == 0x2D { i = skip(b, i + 4, to: [0x2D, 0x2D, 0x3E]); continue }
                if b[i + 2] == 0x5B, i + 8 < n, b[i + 3] == 0x43 {
                    i = skip(b, i + 9, to: [0x5D, 0x5D, 0x3E])
                    continue
                }
                i += 2
                continue
            }
            guard c == 0x26 else { i += 1; continue }
            var j = i + 1
            if j < n, b[j] == 0x23 {  // numeric: leave well-formed ones
                j += 1
                var hex = false
                if j < n, b[j] | 0x20 == 0x78 { hex = true; j += 1 }
                let s = j
                while j < n, isHexOrDigit(b[j], hex) { j += 1 }
                if j > s, j < n, b[j] == 0x3B {
                    let v =
                        j - s <= 8
                        ? UInt32(String(decoding: b[s..<j], as: UTF8.self), radix: hex ? 16 : 10) ?? 0xFFFFFFFF
                        : 0xFFFFFFFF
                    if v >= 0x80 && v <= 0x9F {
                        replace(&out, &copied, b, i, j + 1, Array("&#\(HTMLText.cp1252High[Int(v - 0x80)]);".utf8))
                    } else if (v < 0x20 && v != 9 && v != 10 && v != 13) || (v >= 0xD800 && v <= 0xDFFF) || v == 0xFFFE
                        || v == 0xFFFF || v > 0x10FFFF
                    {
                        // A reference XML forbids (ESC, NUL, …): dropped here, before it can put the parser in error.
                        illFormed = true
                        replace(&out, &copied, b, i, j + 1, [])
                    }
                    i = j + 1
                    continue
                }
                illFormed = true
                replace(&out, &copied, b, i, i + 1, Array("&amp;".utf8))
                i += 1
                continue
            }
            let s = j
            while j < n, j - s < 32, HTMLText.isAlnum(b[j]) || (j > s && (b[j] == 0x2E || b[j] == 0x2D || b[j] == 0x5F))
            { j += 1 }
            let semicolon = j > s && j < n && b[j] == 0x3B
            if semicolon {
                let name = String(decoding: b[s..<j], as: UTF8.self)
                if let code = xmlEntities[name] {
                    // libxml2's SAX interface drops named references after any earlier error; numeric ones survive.
                    replace(&out, &copied, b, i, j + 1, code)
                    i = j + 1
                    continue
                }
                if let value = declared[name] {
                    if budget > value.count { budget -= value.count; replace(&out, &copied, b, i, j + 1, value) }
                    i = j + 1
                    continue
                }
                illFormed = true
                if let v = HTMLText.namedEntities[name] {
                    replace(&out, &copied, b, i, j + 1, Array("&#\(v);".utf8))
                    i = j + 1
                    continue
                }
            }
            illFormed = true
            replace(&out, &copied, b, i, i + 1, Array("&amp;".utf8))
            i += 1
        }
        if copied == 0 && out.isEmpty { return nil }
        out.append(contentsOf: b[copied...])
        return Repaired(bytes: out, illFormed: illFormed)
    }

    /// `<!ENTITY name "value">` / `'value'` general entities of the internal subset (not parameter entities).
    static func entityDeclarations(_ b: [UInt8]) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let key = Array("<!ENTITY".utf8)
        var k = 0
        while k + key.count < b.count, out.count < 256 {
            guard b[k] == 0x3C, b[k..<(k + key.count)].elementsEqual(key) else { k += 1; continue }
            var j = k + key.count
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
            let s = j
            while j < b.count, HTMLText.isAlnum(b[j]) || b[j] == 0x2D || b[j] == 0x5F || b[j] == 0x2E { j += 1 }
            let name = String(decoding: b[s..<j], as: UTF8.self)
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
            k = j
            guard !name.isEmpty, j < b.count, b[j] == 0x22 || b[j] == 0x27 else { continue }
            let q = b[j]
            var e = j + 1
            while e < b.count, b[e] != q { e += 1 }
            if e - j - 1 <= 4096, out[name] == nil { out[name] = Array(b[(j + 1)..<e]) }
            k = e
        }
        return out
    }

    /// Removes control characters XML forbids (all C0 but tab, LF, CR), and with an ESC the whole terminal
    /// sequence it starts (CSI `ESC [ … final`, OSC/DCS strings up to BEL or `ESC \`), so no `[31m` residue is
    /// left where the parser would only have dropped the ESC. Nil when there were none.
    static func stripControls(_ b: [UInt8]) -> [UInt8]? {
        guard b.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { out.append(c); i += 1; continue }
            i += 1
            guard c == 0x1B, i < n else { continue }
            switch b[i] {
            case 0x5B:  // CSI
                i += 1
                while i < n, b[i] >= 0x20, b[i] <= 0x3F { i += 1 }
                if i < n, b[i] >= 0x40, b[i] <= 0x7E { i += 1 }
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // OSC, DCS, SOS, PM, APC
                i += 1
                while i < n, b[i] != 0x07, b[i] != 0x1B, b[i] != 0x3C { i += 1 }
                if i < n, b[i] == 0x07 { i += 1 } else if i + 1 < n, b[i] == 0x1B, b[i + 1] == 0x5C { i += 2 }
            default:
                if b[i] >= 0x40, b[i] <= 0x5F { i += 1 }
            }
        }
        return out
    }

    /// Most `=` signs one tag may hold. libxml2 checks attributes for duplicates pairwise, so a tag with
    /// a hundred thousand attributes takes it seconds (and millions, hours): such a document is cut before that tag.
    static let maxAttributes = 1024

    /// Truncates the document before the first tag with more than `maxAttributes` attributes; nil when none.
    static func cutHostileTags(_ b: [UInt8]) -> [UInt8]? {
        var i = 0
        let n = b.count
        while i < n {
            guard b[i] == 0x3C else { i += 1; continue }
            if i + 3 < n, b[i + 1] == 0x21 {
                if b[i + 2] == 0x2D, b[i + 3] == 0x2D { i = skip(b, i + 4, to: [0x2D, 0x2D, 0x3E]); continue }
                if b[i + 2] == 0x5B { i = skip(b, i + 3, to: [0x5D, 0x5D, 0x3E]); continue }
            }
            let start = i
            var equals = 0
            i += 1
            while i < n, b[i] != 0x3E, b[i] != 0x3C {
                if b[i] == 0x3D {
                    equals += 1
                    if equals > maxAttributes { return Array(b[..<start]) }
                }
                i += 1
            }
        }
        return nil
    }

    static let xmlEntities: [String: [UInt8]] = [
        "amp": Array("&#38;".utf8), "lt": Array("&#60;".utf8), "gt": Array("&#62;".utf8),
        "quot": Array("&#34;".utf8), "apos": Array("&#39;".utf8),
    ]

    @inline(__always) static func isHexOrDigit(_ c: UInt8, _ hex: Bool) -> Bool {
        (c >= 0x30 && c <= 0x39) || (hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
    }

    static func replace(
        _ out: inout [UInt8], _ copied: inout Int, _ b: [UInt8], _ from: Int, _ to: Int, _ with: [UInt8]
    ) {
        if out.isEmpty { out.reserveCapacity(b.count + 64) }
        out.append(contentsOf: b[copied..<from])
        out.append(contentsOf: with)
        copied = to
    }

    static func skip(_ b: [UInt8], _ from: Int, to end: [UInt8]) -> Int {
        var k = from
        while k + end.count <= b.count {
            if b[k] == end[0], b[k..<(k + end.count)].elementsEqual(end) { return k + end.count }
            k += 1
        }
        return b.count
    }

    static func containsENTITY(_ b: [UInt8]) -> Bool {
        let key = Array("<!ENTITY".utf8)
        var k = 0
        while k + key.count <= b.count {
            if b[k] == 0x3C, b[k + 1] == 0x21, b[k..<(k + key.count)].elementsEqual(key) { return true }
            k += 1
        }
        return false
    }
}
