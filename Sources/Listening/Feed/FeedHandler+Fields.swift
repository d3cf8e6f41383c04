import Foundation

extension FeedHandler {
    enum Field {
        case feedTitle, feedLink, id, guid, identifier, title, link, author, published, updated, summary, content
        case personName, personEmail, personURI, mediaTitle, mediaDescription
    }

    struct EntryBuilder {
        var id: String?, guid: String?, guidIsPermaLink = true, identifier: String?, about: String?
        var title: String?, link: String?, author: String?, person: PersonBuilder?
        var mediaTitle: String?, mediaDescription: String?
        var published: Date?, updated: Date?, summary: String?, content: String?
    }

    struct PersonBuilder {
        enum Target { case entry, ignored }
        var target: Target
        var name: String?, email: String?, uri: String?
    }

    /// Text being collected for one field; child elements (inline XHTML, unescaped HTML) become markup.
    struct Capture {
        enum Mode { case plain, html, xhtml, guess, base64 }
        var field: Field, depth: Int, mode: Mode
        var text = ""
        var markup: String?
        var permaLink = true

        mutating func append(_ s: String) {
            text += s
            if markup != nil { markup! += mode == .html ? s : Capture.escape(s) }
        }

        mutating func child(start name: String, attributes: [String: String]) {
            if markup == nil { markup = mode == .html ? text : Capture.escape(text) }
            markup! += "<" + name
            for (k, v) in attributes {
                markup! += " " + k + "=\"" + Capture.escape(v).replacingOccurrences(of: "\"", with: "&quot;") + "\""
            }
            markup! += ">"
        }

        mutating func child(end name: String) { markup? += "</" + name + ">" }

        static func escape(_ s: String) -> String {
            guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) else { return s }
            return s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
    }

    // MARK: starting fields

    @discardableResult
    func startField(_ name: String, _ ns: NS, _ a: [String: String], inEntry: Bool, base: URL?) -> Role {
        let atom = ns == .atom10 || ns == .atom03
        let rss = ns == .none || ns == .rss10 || ns == .rss090
        switch name {
        case "title" where atom || rss || ns == .dc:
            begin(inEntry ? .title : .feedTitle, atom ? textMode(a, ns) : .guess)
        case "link" where atom:
            let rel = a["rel"]?.lowercased() ?? "alternate"
            guard rel == "alternate" else { break }
            guard let href = a["href"] else {
                begin(inEntry ? .link : .feedLink, .plain)
                break
            }  // Atom 0.3 drafts: URL as text
            guard let url = resolveURL(href, against: base) else { break }
            if inEntry { if entry?.link == nil { entry?.link = url } } else if feedLink == nil { feedLink = url }
        case "link" where rss: begin(inEntry ? .link : .feedLink, .plain)
        default: break
        }
        guard inEntry else { return .other }
        switch (name, ns) {
        case ("id", .atom10), ("id", .atom03): begin(.id, .plain)
        case ("guid", .none), ("guid", .rss10):
            begin(.guid, .plain)
            capture?.permaLink = a["isPermaLink"]?.lowercased() != "false" && a["ispermalink"]?.lowercased() != "false"
        case ("identifier", .dc): begin(.identifier, .plain)
        case ("author", .atom10), ("author", .atom03):
            person = PersonBuilder(target: entry?.person == nil ? .entry : .ignored)
            return .person
        case ("contributor", .atom10), ("contributor", .atom03):
            person = PersonBuilder(target: .ignored)
            return .person
        case ("author", .none), ("author", .rss10), ("creator", .dc), ("author", .dc), ("author", .itunes):
            begin(.author, .guess)
        case ("published", .atom10), ("issued", .atom03), ("published", .atom03), ("pubdate", .none),
            ("issued", .dcterms):
            begin(.published, .plain)
        case ("updated", .atom10), ("modified", .atom03), ("updated", .atom03), ("date", .dc), ("modified", .dcterms):
            begin(.updated, .plain)
        case ("summary", .atom10), ("summary", .atom03): begin(.summary, textMode(a, ns))
        case ("description", _) where rss || ns == .dc: begin(.summary, .guess)
        case ("abstract", .none), ("summary", .itunes): begin(.summary, .guess)
        case ("content", .atom10), ("content", .atom03): if a["src"] == nil { begin(.content, textMode(a, ns)) }
        case ("encoded", .content), ("fullitem", .none): begin(.content, .html)
        case ("group", .media): return .mediaGroup
        case ("title", .media): begin(.mediaTitle, textMode(a, .media))
        case ("description", .media): begin(.mediaDescription, textMode(a, .media))
        case ("body", .xhtml): begin(.content, .xhtml)
        default: break
        }
        return .other
    }

    func startPersonField(_ name: String, _ ns: NS) {
        guard ns == .atom10 || ns == .atom03 else { return }
        switch name {
        case "name": begin(.personName, .plain)
        case "email": begin(.personEmail, .plain)
        case "uri", "url": begin(.personURI, .plain)
        default: break
        }
    }

    func begin(_ field: Field, _ mode: Capture.Mode) {
        capture = Capture(field: field, depth: stack.count + 1, mode: mode)
    }

    /// Atom text constructs: `type` (text, html, xhtml or a MIME type) and, in Atom 0.3, `mode`.
    func textMode(_ a: [String: String], _ ns: NS) -> Capture.Mode {
        if ns == .atom03, a["mode"]?.lowercased() == "base64" { return .base64 }
        let t = a["type"]?.lowercased() ?? (ns == .atom03 || ns == .media ? "" : "text")
        if t.contains("xhtml") { return .xhtml }
        if t.contains("html") { return .html }
        if t == "text" || t == "text/plain" || t == "plain" { return .plain }
        // Atom 1.0: any other MIME type that is neither text nor XML is base64.
        if ns == .atom10, t.contains("/"), !t.hasPrefix("text/"), !t.hasSuffix("+xml"), !t.hasSuffix("/xml") {
            return .base64
        }
        return .guess
    }
}
