import Foundation

extension TextCleaner {
    /// At `<`: a tag, comment, CDATA section, declaration, or a literal `<`. Returns the index after it.
    mutating func tag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        guard i + 1 < n else { emit(0x3C); return i + 1 }
        let d = b[i + 1]
        if d == UInt8(ascii: "!") {
            if starts(b, i, "<!--") { return after(b, i + 4, "-->") }
            if starts(b, i, "<![CDATA[") {
                let end = find(b, i + 9, "]]>") ?? n
                var sub = TextCleaner(markup: false, keepNewlines: false, capacity: end - i)
                sub.run(UnsafeBufferPointer(rebasing: b[(i + 9)..<end]))
                if !sub.out.isEmpty {
                    if sub.out.first == 32 || pendingSpace { space() }
                    flush()
                    out.append(contentsOf: sub.out)
                }
                return min(n, end + 3)
            }
            return after(b, i + 2, ">")
        }
        if d == UInt8(ascii: "?") { return after(b, i + 2, ">") }
        let closing = d == UInt8(ascii: "/")
        var j = closing ? i + 2 : i + 1
        guard j < n, HTMLText.isAlpha(b[j]) else { emit(0x3C); return i + 1 }
        var name: [UInt8] = []
        while j < n, HTMLText.isAlnum(b[j]) || b[j] == UInt8(ascii: ":") || b[j] == UInt8(ascii: "-") {
            let c = b[j]
            name.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            j += 1
            if b[j - 1] == UInt8(ascii: ":") { name.removeAll() }  // drop a namespace prefix
        }
        // Skip attributes, respecting quotes.
        // Skip attributes; a quote opens a value only right after `=` (`href=x"` keeps its quote literal).
        var quote: UInt8 = 0
        var afterEquals = false
        var selfClosing = false
        while j < n {
            let c = b[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if (c == 0x22 || c == 0x27) && afterEquals {
                quote = c
            } else if c == UInt8(ascii: ">") {
                selfClosing = j > i && b[j - 1] == UInt8(ascii: "/")
                break
            }
            if quote == 0 && c != 0x20 && c != 0x09 && c != 0x0A { afterEquals = c == UInt8(ascii: "=") }
            j += 1
        }
        if j == n && options.literalUnclosedTags { emit(0x3C); return i + 1 }
        let end = min(n, j + 1)
        let tagName = String(decoding: name, as: UTF8.self)
        if tagName == "a" && options.rewritesLinks {
            if closing { finishLink() } else { openLink(UnsafeBufferPointer(rebasing: b[(i + 2)..<j])) }
            return end
        }
        if !closing && !selfClosing && HTMLText.droppedElements.contains(tagName) {
            // Skip to the matching close tag (case-insensitive), or to the end.
            var k = end
            while k < n {
                if b[k] == 0x3C, k + 1 < n, b[k + 1] == UInt8(ascii: "/"), matchesName(b, k + 2, name) {
                    return after(b, k + 2, ">")
                }
                k += 1
            }
            return n
        }
        if tagName == "br" {
            lineBreak(true)
        } else if HTMLText.blockElements.contains(tagName) {
            lineBreak(atLeast: options.blockBreaks)
        } else if HTMLText.spacedElements.contains(tagName) {
            space()
        }
        return end
    }

    /// At `&`: a character reference, or a literal `&`.
    mutating func reference(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if options.strictReferences { return strictReference(b, i) }
        let n = b.count
        var j = i + 1
        if j < n, b[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n, b[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < n, j - start < 8 {
                let c = b[j]
                if c >= 0x30 && c <= 0x39 {
                    v = v &* (hex ? 16 : 10) &+ UInt32(c - 0x30)
                } else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 {
                    v = v &* 16 &+ UInt32((c | 0x20) - 0x61 + 10)
                } else { break }
                j += 1
            }
            guard j > start else { emit(0x26); return i + 1 }
            if j < n, b[j] == UInt8(ascii: ";") { j += 1 }
            if v >= 0x80 && v <= 0x9F {
                v = HTMLText.cp1252High[Int(v - 0x80)]
            } else if v == 0 || v > 0x10FFFF {
                v = 0xFFFD
            }
            emit(scalar: v)
            return j
        }
        let start = j
        while j < n, j - start < 32, HTMLText.isAlnum(b[j]) { j += 1 }
        guard j > start else { emit(0x26); return i + 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
        let semicolon = j < n && b[j] == UInt8(ascii: ";")
        if let v = HTMLText.namedEntities[name], semicolon || HTMLText.legacyEntities.contains(name) {
            emit(scalar: v)
            return semicolon ? j + 1 : j
        }
        emit(0x26)
        return i + 1
    }

    func starts(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let len = s.utf8CodeUnitCount
        guard i + len <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<len {
            let fold: UInt8 = p[k] >= 0x41 && p[k] <= 0x5A ? 0x20 : 0
            if (b[i + k] | fold) != (p[k] | fold) { return false }
        }
        return true
    }

    func find(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ s: StaticString) -> Int? {
        var k = from
        while k < b.count {
            if starts(b, k, s) { return k }
            k += 1
        }
        return nil
    }

    /// Index just after the next `s` from `from`, or the end.
    func after(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ s: StaticString) -> Int {
        guard let k = find(b, from, s) else { return b.count }
        return k + s.utf8CodeUnitCount
    }

    func matchesName(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ name: [UInt8]) -> Bool {
        guard k + name.count <= b.count else { return false }
        for (o, c) in name.enumerated() where (b[k + o] | 0x20) != c { return false }
        let e = k + name.count
        return e == b.count || !HTMLText.isAlnum(b[e])
    }
}

extension HTMLText {
    /// References browsers accept without the closing semicolon.
    static let legacyEntities: Set<String> = [
        "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT",
    ]
}
