import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XMLParser delegate that maps RSS/Atom/RDF/CDF elements onto `Feed`. Fields are taken from direct
/// children of the channel/feed or item/entry element only, so `image/title`, `textinput/link` and an
/// Atom entry's `source/title` never leak into the feed or entry.
final class FeedHandler: NSObject, XMLParserDelegate {
    enum NS { case none, atom10, atom03, rss10, rss090, rdf, dc, dcterms, content, xhtml, itunes, media, other }
    enum Role { case other, root, channel, entry, person, mediaGroup }

    struct Frame {
        var name: String
        var ns: NS
        var base: URL?
        var role: Role
    }

    var stack: [Frame] = []
    var sawFeed = false
    var version: String?
    var feedTitle: String?
    var feedLink: String?
    var entries: [FeedEntry] = []
    var entry: EntryBuilder?
    var person: PersonBuilder?
    var capture: Capture?
    let initialBase: URL?
    var atomAlias: String?

    init(base: URL?) { initialBase = base }

    func run(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        let ok = parser.parse()
        // Close whatever a truncated document left open.
        while !stack.isEmpty { let f = stack.count; end(frame: stack.removeLast(), depth: f) }
        return ok
    }

    func result() -> Feed { Feed(title: feedTitle, link: feedLink, entries: entries, version: version) }

    var base: URL? { stack.last?.base ?? initialBase }

    // MARK: namespaces

    /// A namespace to read as Atom: a `feed` root in an unknown namespace (or none) is Atom to feedparser too.
    func kind(_ uri: String?) -> NS {
        if let a = atomAlias, (uri ?? "") == a { return .atom10 }
        return FeedHandler.kind(uri)
    }

    static func kind(_ uri: String?) -> NS {
        guard let u = uri, !u.isEmpty else { return .none }
        switch u {
        case "http://www.w3.org/2005/Atom": return .atom10
        case "http://purl.org/atom/ns#": return .atom03
        case "http://purl.org/rss/1.0/": return .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": return .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://purl.org/dc/elements/1.1/": return .dc
        case "http://purl.org/dc/terms/": return .dcterms
        case "http://purl.org/rss/1.0/modules/content/": return .content
        case "http://www.w3.org/1999/xhtml": return .xhtml
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://www.itunes.com/DTDs/Podcast-1.0.dtd": return .itunes
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": return .media
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
            "http://backend.userland.com/rss":
            return .none
        default: return u.hasPrefix("http://purl.org/atom") ? .atom03 : .other
        }
    }

    @inline(__always) static func lower(_ s: String) -> String {
        for b in s.utf8 where b >= 0x41 && b <= 0x5A { return s.lowercased() }
        return s
    }

    // MARK: XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        let name = FeedHandler.lower(elementName)
        if stack.isEmpty, name == "feed" {
            let k = FeedHandler.kind(namespaceURI)
            if k != .atom10 && k != .atom03 { atomAlias = namespaceURI ?? "" }
        }
        let ns = kind(namespaceURI)
        var frameBase = base
        if let xb = attributes["xml:base"]
            ?? (ns == .none && stack.isEmpty ? attributes["BASE"] ?? attributes["base"] : nil)
        {
            frameBase = resolveURL(xb, against: frameBase).flatMap { URL(string: $0) } ?? frameBase
        }
        let isEntryStart =
            (name == "item" && (ns == .none || ns == .rss10 || ns == .rss090))
            || (name == "entry" && (ns == .atom10 || ns == .atom03))

        if let mode = capture?.mode {
            if isEntryStart && mode != .xhtml {
                finishCapture()  // an unclosed field: an item starts here, so the field ended before it
            } else {
                capture!.child(start: elementName, attributes: attributes)  // in place: no copy of the text so far
                stack.append(Frame(name: name, ns: ns, base: frameBase, role: .other))
                return
            }
        }
        let parent = stack.last
        var role = Role.other
        if stack.isEmpty {
            role = .root
            rootStarted(name, ns, attributes)
            if name == "channel" {
                role = .channel
                cdfChannel(attributes, base: frameBase)
            }  // CDF
            if name == "feed" { role = .channel }
        } else if isEntryStart {
            finishEntry()
            sawFeed = true
            entry = EntryBuilder()
            role = .entry
            if let about = attributes["rdf:about"] { entry?.about = about }
            if ns == .none, let href = attributes["href"] ?? attributes["HREF"] {
                entry?.link = resolveURL(href, against: frameBase)
            }  // CDF
            if let lm = attributes["lastmod"] ?? attributes["LASTMOD"] { entry?.updated = FeedDate.parse(lm) }
        } else if name == "channel", ns == .none || ns == .rss10 || ns == .rss090 {
            role = .channel
            sawFeed = true
            if ns == .rss090 { version = "rss090" }
        } else if let p = parent {
            switch p.role {
            case .channel: startField(name, ns, attributes, inEntry: false, base: frameBase)
            case .entry: role = startField(name, ns, attributes, inEntry: true, base: frameBase)
            case .person: startPersonField(name, ns)
            case .mediaGroup: if ns == .media { startField(name, ns, attributes, inEntry: true, base: frameBase) }
            default: break
            }
        }
        stack.append(Frame(name: name, ns: ns, base: frameBase, role: role))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard !stack.isEmpty else { return }
        let depth = stack.count
        end(frame: stack.removeLast(), depth: depth)
    }

    func end(frame: Frame, depth: Int) {
        if let c = capture {
            if c.depth == depth {
                finishCapture()
            } else if depth > c.depth {
                capture?.child(end: frame.name)
                return
            }
        }
        switch frame.role {
        case .entry: finishEntry()
        case .person: finishPerson()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { capture?.append(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if capture != nil { capture?.append(String(decoding: block, as: UTF8.self)) }
    }

    func rootStarted(_ name: String, _ ns: NS, _ attributes: [String: String]) {
        switch (name, ns) {
        case ("rss", _):
            sawFeed = true
            let v = (attributes["version"] ?? "2.0").trimmingCharacters(in: .whitespaces)
            switch v {
            case "0.91": version = "rss091"
            case "0.92": version = "rss092"
            case "0.93": version = "rss093"
            case "0.94": version = "rss094"
            case "0.90": version = "rss090"
            case "1.0": version = "rss10"
            default: version = "rss20"
            }
        case ("rdf", _):
            sawFeed = true
            version = "rss10"
        case ("feed", .atom03):
            sawFeed = true
            version = "atom03"
        case ("feed", _):
            sawFeed = true
            version = attributes["version"] == "0.3" ? "atom03" : "atom10"
        case ("channel", .none):
            sawFeed = true
            version = "cdf"
        default: break
        }
    }

    func cdfChannel(_ attributes: [String: String], base: URL?) {
        if let href = attributes["href"] ?? attributes["HREF"] { feedLink = resolveURL(href, against: base) }
    }
}
