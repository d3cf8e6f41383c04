import Foundation

/// Turns Mastodon's status HTML into clean text: paragraphs and `<br>` become line breaks, mentions and
/// hashtags keep their visible `@user` / `#tag` text, other links become their full address, entities are
/// decoded. Deliberately small (Mastodon sanitises status HTML to a handful of tags); unknown tags are dropped.
enum MastodonHTML {
    static func text(_ html: String) -> String {
        var out = ""
        var link: (href: String, isTag: Bool, text: String)? = nil
        var skipDepth = 0   // inside <script>/<style>
        var i = html.startIndex
        func emit(_ s: String) { if link != nil { link!.text += s } else { out += s } }
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { emit(String(html[i...])); break }
                let raw = html[html.index(after: i)..<close]
                i = html.index(after: close)
                let tag = Tag(raw)
                switch tag.name {
                case "script", "style": skipDepth += tag.isEnd ? -1 : 1; skipDepth = max(0, skipDepth)
                case "br": emit("\n")
                case "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre":
                    if !out.isEmpty, !out.hasSuffix("\n\n") { out += out.hasSuffix("\n") ? "\n" : "\n\n" }
                case "a":
                    if tag.isEnd, let l = link {
                        link = nil
                        let visible = l.text
                        if l.isTag || visible.hasPrefix("@") || visible.hasPrefix("#") || l.href.isEmpty { out += visible }
                        else if visible.isEmpty || visible.hasPrefix("http") || l.href.hasSuffix(visible.replacingOccurrences(of: "…", with: "")) { out += l.href }
                        else if visible.contains(".") && !visible.contains(" ") { out += l.href }
                        else { out += visible + " (" + l.href + ")" }
                    } else if !tag.isEnd {
                        let cls = tag.attribute("class") ?? ""
                        link = (decode(tag.attribute("href") ?? ""), cls.contains("mention") || cls.contains("hashtag"), "")
                    }
                default: break
                }
                continue
            }
            let next = html[i...].firstIndex(of: "<") ?? html.endIndex
            if skipDepth == 0 { emit(decode(String(html[i..<next]))) }
            i = next
        }
        if let l = link { out += l.text }
        return tidy(out)
    }

    /// Trims trailing spaces per line and more than one blank line.
    static func tidy(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
        var result: [String] = []
        for l in lines where !(l.isEmpty && (result.last?.isEmpty ?? true)) { result.append(l) }
        while result.last?.isEmpty == true { result.removeLast() }
        lines = result
        return lines.joined(separator: "\n")
    }

    struct Tag {
        var name: String
        var isEnd: Bool
        var attrs: Substring
        init(_ raw: Substring) {
            var r = raw.drop { $0 == " " }
            isEnd = r.first == "/"
            if isEnd { r = r.dropFirst() }
            let n = r.prefix { $0.isLetter || $0.isNumber }
            name = n.lowercased()
            attrs = r.dropFirst(n.count)
        }
        /// The value of `name="…"` (or single-quoted) in the tag.
        func attribute(_ key: String) -> String? {
            var rest = attrs
            while let r = rest.range(of: key + "=") {
                let before = rest[..<r.lowerBound].last
                rest = rest[r.upperBound...]
                guard before == nil || before == " " || before == "\t" || before == "\n" else { continue }
                guard let q = rest.first else { return nil }
                if q == "\"" || q == "'" {
                    let body = rest.dropFirst()
                    return String(body.prefix { $0 != q })
                }
                return String(rest.prefix { $0 != " " && $0 != ">" })
            }
            return nil
        }
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "hellip": "…", "mdash": "—",
        "ndash": "–", "laquo": "«", "raquo": "»", "euro": "€", "copy": "©", "reg": "®", "trade": "™", "shy": "",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "deg": "°",
    ]

    /// Decodes `&amp;`, `&#39;`, `&#x1F600;` and the common named entities; unknown ones stay as written.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = s[s.index(after: i)..<semi]
                var rep: String? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    rep = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    rep = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    rep = named[String(name)]
                }
                if let rep { out += rep; i = s.index(after: semi); continue }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
