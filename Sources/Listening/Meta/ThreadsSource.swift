import Foundation
import SwitchboardCore

/// Mentions from a Threads account (`user_id`): replies to its newest threads (`/{thread}/conversation`, every
/// depth, newest first), posts that mention it (`/{user}/mentions`) and keyword search (`/keyword_search`,
/// `search_type=RECENT`). Shapes from Meta's Threads API documentation (no recorded traffic).
public struct ThreadsSource: GraphSource, NetworkConnector {
    public let id: String, user: String
    let config: SourceConfig, client: GraphClient
    public var maxPages = 5, threadsWatched = 10

    public init(_ setup: ConnectorSetup) throws {
        (id, config) = (setup.config.id, setup.config)
        (user, client) = try GraphClient.source(
            setup, host: .threads, account: config.userID, key: "user_id", what: "the Threads user's id")
    }

    enum Feed { case replies, mentions, keyword(String) }

    var feeds: [(key: String, feed: Feed)] {
        var f: [(String, Feed)] = []
        if config.replies ?? true { f.append(("replies", .replies)) }
        if config.mentions ?? true { f.append(("mentions", .mentions)) }
        for k in config.keywords ?? [] where !k.trimmingCharacters(in: .whitespaces).isEmpty {
            f.append(("keyword:" + k, .keyword(k)))
        }
        return f
    }

    static let fields = "id,text,timestamp,permalink,username,root_post,replied_to,is_reply,hide_status,media_type"

    static let platform = "threads"

    public func poll(cursor: [String: String]) async throws -> PollResult { try await pollFeeds(cursor: cursor) }

    func read(_ f: Feed, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        switch f {
        case .replies: return try await replies(since: since)
        case .mentions: return try await list("/\(user)/mentions", query: [], via: "mention", since: since)
        case .keyword(let k):
            var q = [("q", k), ("search_type", "RECENT")]
            if let s = since.flatMap(Timestamp.parse) { q.append(("since", String(Int(s.timeIntervalSince1970)))) }
            return try await list("/keyword_search", query: q, via: "search", since: since)
        }
    }

    /// Replies (every depth) to the account's newest threads; the cursor keeps each thread's newest reply time.
    func replies(since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        let known = GraphCursor.decode(since)
        var seen: [String: String] = [:]
        var out: [Mention] = []
        let threads = try await client.page(
            GraphObject.self, "/\(user)/threads",
            query: [("fields", "id,text,timestamp,permalink,username,media_type"), ("limit", String(threadsWatched))])
        for t in threads.data {
            guard let tid = t.id else { continue }
            let (items, newest) = try await feed.newest(
                "/\(tid)/conversation", query: [("fields", ThreadsSource.fields), ("reverse", "true")],
                since: known[tid])
            if let n = newest { seen[tid] = n }
            for r in items where r.handle == nil || r.handle != t.handle {
                let parentID = r.parentObject
                if let m = feed.mention(
                    r, kind: .thread, root: r.rootPost?.id ?? tid,
                    parent: parentID == tid || parentID == nil ? t.owned("thread") : nil,
                    via: "reply", profile: ThreadsSource.profile)
                {
                    out.append(m)
                }
            }
        }
        return (out, GraphCursor.encode(seen), nil)
    }

    func list(_ path: String, query: [(String, String)], via: String, since: String?) async throws -> (
        items: [Mention], newest: String?, wait: Date?
    ) {
        let (items, newest) = try await feed.newest(
            path, query: query + [("fields", ThreadsSource.fields), ("limit", "25")], since: since)
        let ms = items.compactMap {
            feed.mention($0, kind: .thread, root: $0.rootPost?.id ?? $0.id, via: via, profile: ThreadsSource.profile)
        }
        return (ms, newest, nil)
    }

    static func profile(_ handle: String) -> String? { handle.isEmpty ? nil : "https://www.threads.net/@\(handle)" }
}

extension ThreadsSource {
    /// Decodes one page (conversation, mentions, keyword search) into mentions, for benchmarks and replays.
    public func mentions(fromPage data: Data) throws -> [Mention] {
        let page = try client.decode(
            GraphPage<GraphObject>.self, from: HTTPResponse(status: 200, headers: [:], body: data))
        return page.data.compactMap { feed.mention($0, kind: .thread, root: $0.rootPost?.id ?? $0.id, via: "replay") }
    }
}
