import Foundation

/// Turns Mastodon's status HTML into clean text: paragraphs and `<br>` become line breaks, mentions and
/// hashtags keep their visible `@user` / `#tag` text, other links become their full address, entities are
/// decoded. Deliberately small (Mastodon sanitises status HTML to a handful of tags); unknown tags are dropped.
/// Works on UTF-8 bytes: a status converts in a few microseconds.
public enum MastodonHTML {
    public static func text(_ html: String) -> String {
        var src = html
        return src.withUTF8 { convert($0) }
    }

    static let tScript = Array("script".utf8), tStyle = Array("style".utf8), tBr = Array("br".utf8), tA = Array("a".utf8)
    static let blockTags: Set<[UInt8]> = Set(["p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre"].map { Array($0.utf8) })

    static func convert(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(b.count / 2)
        var linkText = [UInt8]()
        var link: (href: [UInt8], isTag: Bool)? = nil
        var skip = 0
        var i = 0
        let n = b.count
        func emit(_ bytes: [UInt8]) { if link != nil { linkText += bytes } else { out += bytes } }
        while i < n {
            let c = b[i]
            if c == 60 { // <
                var j = i + 1
                while j < n, b[j] != 62 { j += 1 }
                guard j < n else { emit(Array(b[i..<n])); break }
                let tag = Tag(b, i + 1, j)
                i = j + 1
                if tag.name == tScript || tag.name == tStyle { skip = max(0, skip + (tag.isEnd ? -1 : 1)); continue }
                if tag.name == tBr { emit([10]); continue }
                if blockTags.contains(tag.name) {
                    if !out.isEmpty {
                        if out.last != 10 { out += [10, 10] } else if out.count < 2 || out[out.count - 2] != 10 { out.append(10) }
                    }
                    continue
                }
                if tag.name == tA {
                    if tag.isEnd, let l = link {
                        link = nil
                        out += finishLink(href: l.href, isTag: l.isTag, visible: linkText)
                        linkText = []
                    } else if !tag.isEnd {
                        let cls = tag.attribute(b, "class") ?? []
                        let isTag = contains(cls, "mention") || contains(cls, "hashtag")
                        link = (decode(tag.attribute(b, "href") ?? []), isTag)
                        linkText = []
                    }
                }
                continue
            }
            var j = i
            while j < n, b[j] != 60 { j += 1 }
            if skip == 0 { emit(decode(Array(b[i..<j]))) }
            i = j
        }
        if link != nil { out += linkText }
        return tidy(String(decoding: out, as: UTF8.self))
    }

    /// Mentions and hashtags keep their visible text; a link whose text is (a shortened form of) its address
    /// becomes the full address; other links read "text (address)".
    static func finishLink(href: [UInt8], isTag: Bool, visible: [UInt8]) -> [UInt8] {
        if isTag || visible.first == 64 || visible.first == 35 || href.isEmpty { return visible } // @ #
        let v = String(decoding: visible, as: UTF8.self)
        if v.isEmpty || v.hasPrefix("http") || (!v.contains(" ") && v.contains(".")) { return href }
        return visible + Array(" (".utf8) + href + [41]
    }

    static func contains(_ hay: [UInt8], _ needle: String) -> Bool {
        let nd = Array(needle.utf8)
        guard hay.count >= nd.count else { return false }
        for k in 0...(hay.count - nd.count) where hay[k] == nd[0] && Array(hay[k..<k + nd.count]) == nd { return true }
        return false
    }

    /// Trims spaces at line ends and keeps at most one blank line.
    static func tidy(_ s: String) -> String {
        var result: [Substring] = []
        for raw in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = raw
            while let f = l.first, f == " " || f == "\u{00A0}" || f == "\t" { l = l.dropFirst() }
            while let e = l.last, e == " " || e == "\u{00A0}" || e == "\t" { l = l.dropLast() }
            if l.isEmpty && (result.last?.isEmpty ?? true) { continue }
            result.append(l)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    struct Tag {
        var name: [UInt8] = []
        var isEnd = false
        var attrStart: Int
        var end: Int
        init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var k = start
            while k < end, b[k] == 32 { k += 1 }
            if k < end, b[k] == 47 { isEnd = true; k += 1 }
            while k < end, (b[k] >= 97 && b[k] <= 122) || (b[k] >= 65 && b[k] <= 90) || (b[k] >= 48 && b[k] <= 57) {
                name.append(b[k] >= 65 && b[k] <= 90 ? b[k] + 32 : b[k]); k += 1
            }
            attrStart = k; self.end = end
        }
        /// The value of `key="…"` (or single-quoted, or bare).
        func attribute(_ b: UnsafeBufferPointer<UInt8>, _ key: String) -> [UInt8]? {
            let k = Array(key.utf8) + [61]
            var p = attrStart
            while p + k.count <= end {
                if (p == attrStart || b[p - 1] == 32 || b[p - 1] == 9 || b[p - 1] == 10), Array(b[p..<p + k.count]) == k {
                    var v = p + k.count
                    guard v < end else { return [] }
                    let q = b[v]
                    if q == 34 || q == 39 {
                        v += 1
                        var e = v
                        while e < end, b[e] != q { e += 1 }
                        return Array(b[v..<e])
                    }
                    var e = v
                    while e < end, b[e] != 32 { e += 1 }
                    return Array(b[v..<e])
                }
                p += 1
            }
            return nil
        }
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…", "mdash": "—",
        "ndash": "–", "laquo": "«", "raquo": "»", "euro": "€", "copy": "©", "reg": "®", "trade": "™", "shy": "",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "deg": "°",
    ]

    /// Decodes `&amp;`, `&#39;`, `&#x1F600;` and the common named entities; unknown ones stay as written.
    static func decode(_ s: [UInt8]) -> [UInt8] {
        guard s.contains(38) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == 38 {
                var j = i + 1
                while j < s.count, j - i <= 12, s[j] != 59, s[j] != 38 { j += 1 }
                if j < s.count, s[j] == 59 {
                    let name = String(decoding: s[(i + 1)..<j], as: UTF8.self)
                    var rep: String? = nil
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        rep = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else if name.hasPrefix("#") {
                        rep = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else {
                        rep = named[name]
                    }
                    if let rep { out += Array(rep.utf8); i = j + 1; continue }
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
