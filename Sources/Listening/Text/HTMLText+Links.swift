extension TextCleaner {
    /// `<a …>` with `Options.rewritesLinks`: remembers the address and whether it is a mention or hashtag; the
    /// visible text goes to `out` as usual until `</a>`. `attributes` is what follows `<a`.
    mutating func openLink(_ attributes: UnsafeBufferPointer<UInt8>) {
        finishLink()
        flush()
        let cls = String(decoding: Self.attribute(attributes, "class") ?? [], as: UTF8.self)
        let isTag = cls.contains("mention") || cls.contains("hashtag")
        var href: [UInt8] = []
        if let raw = Self.attribute(attributes, "href") {
            var sub = TextCleaner(markup: false, keepNewlines: false, capacity: raw.count)
            sub.options = options
            sub.entities = true
            raw.withUnsafeBufferPointer { sub.run($0) }
            href = sub.out
        }
        link = (out.count, href, isTag)
    }

    /// `</a>`: mentions and hashtags keep their visible text; a link whose text is (a shortened form of) its
    /// address becomes the full address; other links read "text (address)".
    mutating func finishLink() {
        guard let l = link else { return }
        link = nil
        let visible = Array(out[l.start...])
        if l.isTag || l.href.isEmpty || visible.first == UInt8(ascii: "@") || visible.first == UInt8(ascii: "#") {
            return
        }
        let v = String(decoding: visible, as: UTF8.self)
        out.removeSubrange(l.start...)
        if v.isEmpty || v.hasPrefix("http") || (!v.contains(" ") && v.contains(".")) {
            out += l.href
        } else { out += visible + Array(" (".utf8) + l.href + [UInt8(ascii: ")")] }
    }

    /// The value of `key="…"` (or single-quoted, or bare) among a tag's attributes.
    static func attribute(_ b: UnsafeBufferPointer<UInt8>, _ key: String) -> [UInt8]? {
        let k = Array(key.utf8) + [UInt8(ascii: "=")]
        let end = b.count
        var p = 0
        while p + k.count <= end {
            let atStart = p == 0 || b[p - 1] == 0x20 || b[p - 1] == 0x09 || b[p - 1] == 0x0A
            if atStart, Array(b[p..<p + k.count]) == k {
                var v = p + k.count
                guard v < end else { return [] }
                let q = b[v]
                if q == 0x22 || q == 0x27 {
                    v += 1
                    var e = v
                    while e < end, b[e] != q { e += 1 }
                    return Array(b[v..<e])
                }
                var e = v
                while e < end, b[e] != 0x20 { e += 1 }
                return Array(b[v..<e])
            }
            p += 1
        }
        return nil
    }

    /// `Options.strictReferences`: `&name;` from `HTMLText.mastodonEntities`, or a valid `&#…;` / `&#x…;`;
    /// anything else is a literal `&`.
    mutating func strictReference(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        var j = i + 1
        while j < n, j - i <= 12, b[j] != UInt8(ascii: ";"), b[j] != UInt8(ascii: "&") { j += 1 }
        guard j < n, b[j] == UInt8(ascii: ";") else { emit(0x26); return i + 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)
        let value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst())
        } else { value = HTMLText.mastodonEntities.contains(name) ? HTMLText.namedEntities[name] : nil }
        guard let v = value, Unicode.Scalar(v) != nil else { emit(0x26); return i + 1 }
        emit(scalar: v)
        return j + 1
    }
}
