import Foundation
import SwitchboardCore

/// Mentions from Reddit for one account: comment and post replies in the inbox (`/message/inbox`), username
/// mentions (`/message/mentions`), new comments and posts in the brand's subreddits (`/r/SUB/comments`,
/// `/r/SUB/new`), site search (new first) and, for moderators, the modqueue (`/r/SUB/about/modqueue`).
///
/// Listings come newest first: each feed pages back with `after` until it meets what it knew (its cursor: the
/// newest fullname and its time, so a deleted cursor item still stops it), the first poll reading one page.
public struct RedditSource: Source, NetworkConnector {
    public let id: String
    let config: SourceConfig, client: RedditClient
    /// Pages per feed and poll (100 items each) before the rest is given up.
    public var maxPages = 5, pageSize = 100

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        if let api = config.api, !api.isEmpty, config.apiBase == nil {
            throw SourceError.configuration(
                "source \(config.id): `api` must be an http(s) address, like http://127.0.0.1:8080")
        }
        for s in config.subreddits ?? [] where RedditSource.subreddit(s) == nil {
            throw SourceError.configuration(
                "source \(config.id): \"\(NetworkText.clean(s, max: 40))\" is not a subreddit name (letters, digits, _)"
            )
        }
        let label = "reddit source \(config.id)"
        let auth = RedditAuth(config: config, dataDir: dataDir, http: http, label: label, now: now)
        (self.id, self.config) = (config.id, config)
        client = RedditClient(
            base: config.apiBase ?? RedditClient.apiBase, label: label, http: http, auth: auth, now: now,
            timeout: timeout)
    }

    /// A subreddit name without `r/` or `/r/`, or nil when it is not one.
    public static func subreddit(_ s: String) -> String? {
        var n = Substring(s.trimmingCharacters(in: .whitespaces))
        for p in ["/r/", "r/"] where n.lowercased().hasPrefix(p) { n = n.dropFirst(p.count) }
        while n.hasSuffix("/") { n = n.dropLast() }
        guard (2...32).contains(n.count), n.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        return String(n)
    }

    /// A feed: its cursor key, path, query, how its items are labelled (`via`), and whether it is read again whole
    /// every poll (the modqueue: old items enter it when reported).
    struct Feed { var key, path: String, query: [(String, String)], via: String, rereads = false }

    var feeds: [Feed] {
        var f: [Feed] = []
        if config.inbox ?? true { f.append(Feed(key: "inbox", path: "/message/inbox", query: [], via: "inbox")) }
        if config.mentions ?? true {
            f.append(Feed(key: "mentions", path: "/message/mentions", query: [], via: "mention"))
        }
        for sub in (config.subreddits ?? []).compactMap(RedditSource.subreddit) {
            f.append(Feed(key: "comments:" + sub.lowercased(), path: "/r/\(sub)/comments", query: [], via: "r/" + sub))
            f.append(Feed(key: "new:" + sub.lowercased(), path: "/r/\(sub)/new", query: [], via: "r/" + sub))
            if config.modqueue ?? false {
                f.append(
                    Feed(
                        key: "modqueue:" + sub.lowercased(), path: "/r/\(sub)/about/modqueue", query: [],
                        via: "modqueue r/" + sub, rereads: true))
            }
        }
        for q in config.search ?? [] where !q.trimmingCharacters(in: .whitespaces).isEmpty {
            let query = [("q", q), ("sort", "new"), ("type", "link,comment")]
            f.append(Feed(key: "search:" + q, path: "/search", query: query, via: "search"))
        }
        return f
    }

    /// Polls every feed. A feed Reddit refuses for good (a private, banned or unknown subreddit: a configuration
    /// error) is reported while the feeds after it are still read; other failures end the poll as usual.
    public func poll(cursor: [String: String]) async throws -> PollResult {
        var refused: SourceError?
        var worked = 0
        let r = try await PollResult.gather(
            feeds, cursor: cursor, key: \.key,
            read: { feed, since in
                do {
                    let out = try await read(feed, since: since)
                    worked += 1
                    return out
                } catch SourceError.configuration(let why) {
                    refused = refused ?? .configuration(why)
                    return ([], nil, nil)
                }
            }, id: { $0.fullname ?? "" }
        ) { thing, feed in mention(thing, via: feed.via) }
        guard let refused else { return r }
        if worked == 0 { throw refused }
        throw PartialPoll(result: r, error: refused)
    }

    /// One feed from the newest back to its cursor: the things, the new cursor, and a time to wait until when the
    /// rate-limit window is nearly used up.
    func read(_ feed: Feed, since: String?) async throws -> ([Reddit.Thing], String?, Date?) {
        let known = since.flatMap(Known.init)
        var out: [Reddit.Thing] = []
        var newest = since
        var after: String?
        for page in 0..<max(1, maxPages) {
            var q = feed.query + [("limit", String(pageSize))]
            if let after { q.append(("after", after)) }
            let r = try await client.get(feed.path, q)
            let listing = try NetworkCall.decode(Reddit.Listings.self, from: r, label: client.label).listing
            var reached = false
            for t in listing.children {
                guard let name = t.fullname else { continue }
                if let k = known, !feed.rereads, k.covers(name, t.data.createdUTC) { reached = true; break }
                if RedditSource.isMention(t) { out.append(t) }
                if page == 0 && newest == since, !feed.rereads { newest = Known(name, t.data.createdUTC).text }
            }
            let wait = client.slowDown(r)
            guard !reached, known != nil, !feed.rereads, wait == nil, let next = listing.after, !next.isEmpty,
                listing.children.count >= pageSize, next != after
            else { return (out, newest, wait) }
            after = next
        }
        return (out, newest, nil)
    }

    /// A feed's cursor: the newest fullname seen and its creation time (`t1_abc 1421705591`).
    struct Known {
        var name: String, time: Double?
        init(_ name: String, _ time: Double?) { (self.name, self.time) = (name, time) }
        init?(_ s: String) {
            let p = s.split(separator: " ")
            guard let n = p.first, !n.isEmpty else { return nil }
            (name, time) = (String(n), p.count > 1 ? Double(p[1]) : nil)
        }
        var text: String { time.flatMap { Int(exactly: $0.rounded(.down)) }.map { name + " " + String($0) } ?? name }
        /// True when `name` is this item or older than it.
        func covers(_ other: String, _ at: Double?) -> Bool {
            other == name || (time != nil && at != nil && at! < time!)
        }
    }
}
