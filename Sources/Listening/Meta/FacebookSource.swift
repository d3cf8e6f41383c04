import Foundation
import SwitchboardCore

/// Mentions from a Facebook Page (`page_id`): comments and replies on the Page's posts (`/{page}/published_posts`,
/// then `/{post}/comments?filter=stream`, read only for posts whose comment count changed), posts that tag the Page
/// (`/{page}/tagged`) and visitor posts (`/{page}/visitor_posts`), which page back until the newest time seen.
/// The Page's own comments are left out.
public struct FacebookSource: GraphSource, NetworkConnector {
    public let id: String, page: String
    let config: SourceConfig, client: GraphClient
    public var maxPages = 5, postsWatched = 25

    public init(_ setup: ConnectorSetup) throws {
        (id, config) = (setup.config.id, setup.config)
        (page, client) = try GraphClient.source(
            setup, host: .facebook, account: config.pageID, key: "page_id", what: "the Facebook Page's id")
    }

    enum Feed: String { case comments, tagged, visitorPosts = "visitor_posts", messages }

    var feeds: [(key: String, feed: Feed)] {
        var f: [(String, Feed)] = []
        if config.comments ?? true { f.append(("comments", .comments)) }
        if config.tagged ?? true { f.append(("tagged", .tagged)) }
        if config.visitorPosts ?? true { f.append(("visitor_posts", .visitorPosts)) }
        if config.directMessages == true { f.append(("messages", .messages)) }
        return f
    }

    static let platform = "facebook"

    public func poll(cursor: [String: String]) async throws -> PollResult { try await pollFeeds(cursor: cursor) }

    func read(_ f: Feed, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        switch f {
        case .comments: return try await comments(since: since)
        case .tagged: return try await posts("tagged", via: "tagged", since: since)
        case .visitorPosts: return try await posts("visitor_posts", via: "visitor post", since: since)
        case .messages: return try await GraphMessages(config: config, client: client, account: page).read(since: since)
        }
    }

    static let postFields = "id,message,created_time,permalink_url,from{id,name}"
    static let commentFields = "id,message,created_time,permalink_url,from{id,name},parent{id},is_hidden,comment_count"

    /// Comments and replies on the Page's newest posts whose comment count changed (the cursor keeps the counts).
    func comments(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        let known = GraphCursor.decode(since)
        var counts: [String: String] = [:]
        var out: [Mention] = []
        let posts = try await client.page(
            GraphObject.self, "/\(page)/published_posts",
            query: [
                ("fields", "id,message,created_time,permalink_url,comments.limit(0).summary(true)"),
                ("limit", String(postsWatched)),
            ])
        for p in posts.data {
            guard let pid = p.id else { continue }
            let count = p.commentTotal.map(String.init) ?? "?"
            counts[pid] = count
            if count == "0" || (known[pid] == count && count != "?") { continue }
            let all = try await feed.all(
                "/\(pid)/comments",
                query: [
                    ("filter", "stream"), ("order", "reverse_chronological"), ("fields", FacebookSource.commentFields),
                    ("limit", "50"),
                ])
            let texts = Dictionary(all.compactMap { c in c.id.map { ($0, c.quote) } }, uniquingKeysWith: { a, _ in a })
            for c in all where c.authorID != page {
                let parent = c.parentObject.flatMap { $0 == pid ? nil : $0 }
                let m =
                    parent.map { par in
                        feed.mention(
                            c, kind: .reply, root: pid, parentComment: par,
                            parent: "comment " + (texts[par] ?? par), via: "reply", fallbackURL: p.link)
                    }
                    ?? feed.mention(
                        c, kind: .comment, root: pid, parent: "the Page's post \(p.quote)", via: "comment",
                        fallbackURL: p.link)
                if let m { out.append(m) }
            }
        }
        return (out, GraphCursor.encode(counts), nil)
    }

    /// Posts by others on or about the Page (`tagged`, `visitor_posts`).
    func posts(_ edge: String, via: String, since: String?) async throws -> (
        items: [Mention], newest: String?, wait: Date?
    ) {
        let (items, newest) = try await feed.newest(
            "/\(page)/\(edge)", query: [("fields", FacebookSource.postFields), ("limit", "25")], since: since)
        let ms = items.filter { $0.authorID != page }.compactMap {
            feed.mention($0, kind: .post, root: $0.id, via: via)
        }
        return (ms, newest, nil)
    }
}

extension FacebookSource {
    /// Decodes one page of an edge (feed, tagged, comments) into mentions, for benchmarks and replays.
    public func mentions(fromPage data: Data, kind: GraphReplyRef.Kind = .comment, root: String? = nil) throws
        -> [Mention]
    {
        let page = try client.decode(
            GraphPage<GraphObject>.self, from: HTTPResponse(status: 200, headers: [:], body: data))
        return page.data.compactMap { o in
            let parent = o.parentObject
            return feed.mention(
                o, kind: parent == nil ? kind : .reply, root: root ?? o.id, parentComment: parent, via: "replay")
        }
    }
}
