import Foundation
import SwitchboardCore

/// What the Graph sources share: reading an edge newest first until what is already known, and turning Graph
/// objects into mentions (hostile text cleaned, stable keys, the `ReplyRef` convention of `GraphReplyRef`).
struct GraphFeed: Sendable {
    let client: GraphClient
    let platform: String, source: String
    var maxPages = 5

    /// Reads `path` newest first: the first page, then further pages while every item is newer than `since`
    /// (an ISO time; nil on the first poll, which reads one page only). Returns the items at or after `since` and
    /// the newest time seen (the feed's next cursor).
    func newest(_ path: String, query: [(String, String)], since: String?) async throws -> (
        items: [GraphObject], newest: String?
    ) {
        let known = since.flatMap(Timestamp.parse)
        var out: [GraphObject] = []
        var top = known
        var page = try await client.page(GraphObject.self, path, query: query)
        for n in 1...max(1, maxPages) {
            var reachedKnown = false
            for o in page.data {
                let t = o.created
                if let t, let k = known, t < k { reachedKnown = true; continue }
                out.append(o)
                if let t, top.map({ t > $0 }) ?? true { top = t }
            }
            guard known != nil, !reachedKnown, n < maxPages, let more = try await client.next(page) else { break }
            page = more
        }
        return (out, top.map(Timestamp.format) ?? since)
    }

    /// Every page of `path` up to `maxPages` (comments of one media or post, which arrive in no dependable order);
    /// empty when the media or post was deleted since it was listed.
    func all(_ path: String, query: [(String, String)]) async throws -> [GraphObject] {
        guard var page = try await client.pageIfExists(GraphObject.self, path, query: query) else { return [] }
        var out = page.data
        for _ in 1..<max(1, maxPages) {
            guard let more = try await client.next(page) else { break }
            page = more
            out += page.data
        }
        return out
    }

    /// A mention for `o`, or nil when it has no id. `parent` is a short description of what it answers or sits
    /// under (a caption, a post's text) for `mentions show`.
    func mention(
        _ o: GraphObject, kind: GraphReplyRef.Kind, root: String?, parentComment: String? = nil,
        parent: String? = nil, via: String, fallbackURL: String? = nil, profile: (String) -> String? = { _ in nil }
    ) -> Mention? {
        guard let rawID = o.id, !rawID.isEmpty else { return nil }
        let id = NetworkText.identifier(rawID)
        let handle = (o.handle ?? o.displayName ?? o.authorID).map { NetworkText.clean($0, max: 100) }
        let author = handle.flatMap { h -> Author? in
            guard !h.isEmpty else { return nil }
            return Author(
                handle: Author.normalized(handle: h),
                // Facebook gives people a name and no user name: the name is the handle, not repeated.
                name: o.handle == nil ? nil : o.displayName.map { NetworkText.clean($0, max: 100) },
                url: o.handle.flatMap { profile(NetworkText.clean($0, max: 100)) })
        }
        var extra: [String: JSONValue] = ["via": .string(via)]
        if let p = parent, !p.isEmpty { extra["parent"] = .string(NetworkText.clean(p, max: 120)) }
        if let a = o.authorID { extra["author_id"] = .string(NetworkText.identifier(a)) }
        if o.hidden == true || o.isHidden == true { extra["hidden"] = .bool(true) }
        let inReply = kind == .comment || kind == .reply ? (parentComment ?? root) : o.parentObject
        return Mention(
            platform: platform, id: id, text: NetworkText.content(o.body),
            createdAt: o.created ?? client.now(), fetchedAt: client.now(),
            url: (o.link ?? fallbackURL).map { NetworkText.clean($0, max: 2000) }, author: author,
            inReplyTo: inReply.map(NetworkText.identifier), threadRoot: root.map(NetworkText.identifier),
            source: source,
            reply: GraphReplyRef.make(object: rawID, kind: kind, root: root, parentComment: parentComment),
            extra: extra)
    }
}

extension GraphObject {
    /// A short quote of the object for a mention's `parent` ("“Neue Herbstkollektion …”", "(no text)").
    var quote: String {
        let t = NetworkText.clean(body, max: 80)
        return t.isEmpty ? "(no text)" : "“\(t)”"
    }

    /// "@acme's post “…”", or "the post “…”" when the owner's name is not known.
    func owned(_ what: String) -> String {
        let h = handle.map { NetworkText.clean($0, max: 60) } ?? ""
        return (h.isEmpty ? "the \(what)" : "@\(h)'s \(what)") + " " + quote
    }
}
