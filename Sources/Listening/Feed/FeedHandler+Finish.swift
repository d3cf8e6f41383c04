import Foundation

extension FeedHandler {
    func finishCapture() {
        guard let c = capture else { return }
        capture = nil
        switch c.field {
        case .feedTitle: if feedTitle == nil { feedTitle = render(c, singleLine: true) }
        case .feedLink: if feedLink == nil { feedLink = resolveURL(c.text, against: base) }
        case .personName: if person != nil, person!.name == nil { person!.name = render(c, singleLine: true) }
        case .personEmail: if person != nil, person!.email == nil { person!.email = render(c, singleLine: true) }
        case .personURI: if person != nil, person!.uri == nil { person!.uri = resolveURL(c.text, against: base) }
        default: finishEntryField(c)
        }
    }

    func finishEntryField(_ c: Capture) {
        guard entry != nil else { return }
        switch c.field {
        case .id:
            if entry!.id == nil {
                entry!.id = plainValue(c.text).map { $0.hasPrefix("/") ? resolveURL($0, against: base) ?? $0 : $0 }
            }
        case .guid:
            if entry!.guid == nil { entry!.guid = plainValue(c.text); entry!.guidIsPermaLink = c.permaLink }
        case .identifier: if entry!.identifier == nil { entry!.identifier = plainValue(c.text) }
        case .title: if entry!.title == nil { entry!.title = render(c, singleLine: true) }
        case .link: if entry!.link == nil { entry!.link = resolveURL(c.text, against: base) }
        case .author: if entry!.author == nil { entry!.author = render(c, singleLine: true) }
        case .published: if let d = FeedDate.parse(c.text) { entry!.published = d }  // the last date wins, as in feedparser
        case .updated: if let d = FeedDate.parse(c.text) { entry!.updated = d }
        case .mediaTitle: if entry!.mediaTitle == nil { entry!.mediaTitle = render(c, singleLine: true) }
        case .mediaDescription:
            if entry!.mediaDescription == nil { entry!.mediaDescription = render(c, singleLine: false) }
        case .summary: if entry!.summary == nil { entry!.summary = render(c, singleLine: false) }
        case .content: if entry!.content == nil { entry!.content = render(c, singleLine: false) }
        default: break
        }
    }

    func finishPerson() {
        if let p = person, p.target == .entry, entry != nil, entry!.person == nil, p.name != nil || p.email != nil {
            entry!.person = p
        }
        person = nil
    }

    func finishEntry() {
        if capture != nil { finishCapture() }
        guard let e = entry else { return }
        entry = nil
        var out = FeedEntry()
        out.id = e.id ?? e.guid ?? e.identifier ?? e.about.flatMap(plainValue)
        out.title = e.title ?? e.mediaTitle
        out.link = e.link
        if out.link == nil, let g = e.guid, e.guidIsPermaLink, g.hasPrefix("http://") || g.hasPrefix("https://") {
            out.link = g
        }
        if let p = e.person {
            (out.authorName, out.authorEmail, out.authorURL) = (p.name, p.email, p.uri)
            switch (p.name, p.email) {
            case let (n?, m?): out.author = "\(n) (\(m))"
            case let (n?, nil): out.author = n
            default: out.author = p.email
            }
        } else if let a = e.author {
            out.author = a
            (out.authorName, out.authorEmail) = FeedHandler.splitAuthor(a)
        }
        (out.published, out.updated, out.summary) = (e.published, e.updated, e.summary ?? e.mediaDescription)
        out.content = e.content
        entries.append(out)
    }

    /// `me@example.com (Name)` / `Name (me@example.com)` / `Name <me@example.com>` / `me@example.com` / `Name`.
    static func splitAuthor(_ a: String) -> (String?, String?) {
        var email: String?
        var rest = a
        if let at = a.firstIndex(of: "@") {
            let isSep: (Character) -> Bool = { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }
            let start = a[..<at].lastIndex(where: isSep).map { a.index(after: $0) } ?? a.startIndex
            let end = a[at...].firstIndex(where: isSep) ?? a.endIndex
            email = String(a[start..<end])
            rest = String(a[..<start]) + String(a[end...])
        }
        let name = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ()<>\"'"))
        return (name.isEmpty ? nil : name, email)
    }

    /// The clean text of a captured field according to its content mode.
    func render(_ c: Capture, singleLine: Bool) -> String? {
        var text = c.text
        var mode = c.mode
        if mode == .base64 {
            let compact = text.filter { !$0.isWhitespace }
            text =
                Data(base64Encoded: compact, options: .ignoreUnknownCharacters).map {
                    String(decoding: $0, as: UTF8.self)
                } ?? text
            mode = .guess
        }
        let out: String
        if let m = c.markup {
            out = HTMLText.text(fromHTML: m, keepNewlines: !singleLine)
        } else {
            switch mode {
            case .html: out = HTMLText.text(fromHTML: text, keepNewlines: !singleLine)
            case .guess where HTMLText.looksLikeHTML(text):
                out = HTMLText.text(fromHTML: text, keepNewlines: !singleLine)
            default: out = HTMLText.clean(text, keepNewlines: !singleLine)
            }
        }
        if out.isEmpty { return nil }
        let cap = singleLine ? FeedHandler.maxLineField : FeedHandler.maxTextField
        return out.utf8.count > cap ? String(out.prefix(cap)) + "…" : out
    }

    /// Longest title/author kept, and longest summary/content (characters): a hostile feed cannot make
    /// every later step handle megabytes.
    static let maxLineField = 2000
    static let maxTextField = 100_000

    func plainValue(_ s: String) -> String? {
        let v = HTMLText.clean(s)
        return v.isEmpty ? nil : v
    }

    /// An absolute URL: kept as written when it has a scheme, else resolved against `base`.
    func resolveURL(_ raw: String, against base: URL?) -> String? {
        let s = HTMLText.clean(raw)
        guard !s.isEmpty else { return nil }
        if FeedHandler.hasScheme(s) { return s }
        guard let base else { return s }
        if let u = URL(string: s, relativeTo: base) { return u.absoluteString }
        if let enc = s.addingPercentEncoding(
            withAllowedCharacters: .urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))),
            let u = URL(string: enc, relativeTo: base)
        {
            return u.absoluteString
        }
        return s
    }

    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for b in s.utf8 {
            if b == 0x3A { return !first }
            let ok =
                HTMLText.isAlpha(b) || (!first && ((b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E))
            if !ok { return false }
            first = false
        }
        return false
    }
}
