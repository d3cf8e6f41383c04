import Foundation
import SwitchboardCore

/// Mentions from a Mastodon account: notifications of type `mention`, hashtag timelines, and status search.
/// Every feed keeps its own cursor (the newest id seen) and pages forward with `min_id` (following the
/// `Link` header's `prev` relation) so nothing between two polls is skipped.
public struct MastodonSource: Source, NetworkConnector {
    public let id: String, instance: URL
    let config: SourceConfig, client: MastodonClient
    /// Pages per feed and poll (40 items each) before the rest waits for the next poll.
    public var maxPages = 5, pageSize = 40

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        guard let s = config.instance, let url = URL(string: s.hasPrefix("http") ? s : "https://" + s), url.host != nil
        else {
            throw SourceError.configuration(
                "source \(config.id): `instance` must be the server's address, like https://mastodon.social")
        }
        (self.id, self.instance, self.config) = (config.id, url, config)
        if let problem = config.notificationKindsProblem() { throw SourceError.configuration(problem) }
        // `api` (a proxy, a test server) receives the requests; `instance` still names the accounts' server.
        var c = MastodonClient(
            instance: config.apiBase ?? url, label: "mastodon source \(config.id)", http: http, now: now,
            token: TokenCache {
                try Secrets.resolve(
                    file: config.tokenFile, command: config.tokenCommand, dataDir: dataDir,
                    what: "token of source \(config.id)")
            })
        c.timeout = timeout
        self.client = c
    }

    /// The feeds this source reads, in polling order, with their cursor keys.
    var feeds: [(key: String, path: String, query: [(String, String)], via: String)] {
        var f: [(String, String, [(String, String)], String)] = []
        if config.notifications ?? true {
            f.append(
                ("notifications", "/api/v1/notifications", notificationTypes.map { ("types[]", $0) }, "notification"))
        }
        for tag in config.hashtags ?? [] {
            let t = tag.hasPrefix("#") ? String(tag.dropFirst()) : tag
            f.append(
                ("tag:" + t.lowercased(), "/api/v1/timelines/tag/" + NetworkCall.escape(t.lowercased()), [], "#" + t))
        }
        for q in config.search ?? [] {
            f.append(
                ("search:" + q, "/api/v2/search", [("type", "statuses"), ("q", q), ("resolve", "false")], "search"))
        }
        return f
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        let tally = NotificationTally()
        var r = try await PollResult.gather(
            feeds, cursor: cursor, key: \.key,
            read: { feed, since in
                try await fetch(
                    feed.path, query: feed.query, since: since, isNotifications: feed.key == "notifications",
                    isSearch: feed.key.hasPrefix("search:"), tally: tally)
            }, id: \.uri
        ) { status, feed in mention(status, via: feed.via) }
        r.counts = tally.counts
        return r
    }

    /// Reads one feed from `since` forward. Returns its statuses, the new cursor, and a time to wait until
    /// when the server's rate limit is exhausted.
    func fetch(
        _ path: String, query: [(String, String)], since: String?, isNotifications: Bool, isSearch: Bool,
        tally: NotificationTally? = nil
    ) async throws -> ([Mastodon.Status], String?, Date?) {
        var all: [Mastodon.Status] = []
        var newest = since
        var baseQuery = query + [("limit", String(pageSize))]
        if let since { baseQuery.append(("min_id", since)) }
        var url = NetworkCall.url(client.instance, path: path, query: baseQuery)
        for _ in 0..<max(1, maxPages) {
            let r = try await client.get(url)
            var ids: [String] = []
            var page: [Mastodon.Status] = []
            if isNotifications {
                let n = try NetworkCall.decode([Mastodon.Notification].self, from: r, label: client.label)
                ids = n.map(\.id)
                page = take(n, tally: tally).map(\.0)
            } else if isSearch {
                page = try NetworkCall.decode(Mastodon.SearchResults.self, from: r, label: client.label).statuses
                ids = page.map(\.id)
            } else {
                page = try NetworkCall.decode([Mastodon.Status].self, from: r, label: client.label)
                ids = page.map(\.id)
            }
            // A server filter's `hide` keeps the post out of the store (notifications count it in `take`).
            all += page.filter { MastodonSource.filterAction($0) != "hide" }
            if let top = ids.max(by: Mastodon.idLess), newest.map({ Mastodon.idLess($0, top) }) ?? true { newest = top }
            let wait = RateLimitInfo.parse(r.headers, now: client.now()).notBefore
            // First poll: the latest page only. Later polls: page forward until the gap is closed.
            guard since != nil, ids.count >= pageSize, let top = newest else { return (all, newest, wait) }
            if wait != nil { return (all, newest, wait) }
            if let prev = Mastodon.links(r.header("link"))["prev"], prev.host == client.instance.host {
                url = prev
            } else {
                url = NetworkCall.url(
                    client.instance, path: path, query: query + [("limit", String(pageSize)), ("min_id", top)])
            }
        }
        return (all, newest, nil)
    }

    func mention(_ status: Mastodon.Status, via: String) -> Mention {
        let s = status.reblog?.status ?? status
        var text = NetworkText.content(MastodonHTML.text(s.content))
        var extra: [String: JSONValue] = ["instance": .string(instance.host ?? ""), "via": .string(via)]
        // Direct visibility: a private message, answered privately and shown only to who may read it.
        if s.visibility == "direct" { extra["private"] = .bool(true) }
        if let w = MastodonSource.filterWarning(status) ?? MastodonSource.filterWarning(s) {
            extra["filter_warning"] = .string(w)
        }
        if let cw = s.spoilerText, !cw.isEmpty { text = "CW: " + NetworkText.content(cw) + "\n\n" + text }
        let host = instance.host ?? ""
        let acct = s.account.acct.contains("@") ? s.account.acct : s.account.acct + "@" + host
        let author = Author(
            handle: "@" + NetworkText.clean(acct, max: 200),
            name: s.account.displayName.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 },
            url: s.account.url.map { NetworkText.clean($0, max: 2000) }, followers: s.account.followersCount)
        // Identifiers reach the log and the screen too: no controls or escapes in them (found by fuzzing).
        return Mention(
            platform: "mastodon", id: NetworkText.identifier(s.uri), text: text, createdAt: s.createdAt,
            fetchedAt: client.now(),
            url: NetworkText.clean(s.url ?? s.uri, max: 2000), author: author,
            lang: s.language.map { NetworkText.clean($0, max: 20) },
            inReplyTo: s.inReplyToId.map(NetworkText.identifier), source: id,
            reply: ReplyRef(uri: NetworkText.identifier(s.id), visibility: NetworkText.identifier(s.visibility)),
            extra: extra)
    }
}

extension MastodonSource {
    /// Decodes one `GET /api/v1/notifications` page into mentions (for benchmarks and replaying saved pages).
    public func mentions(fromNotificationsPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        let page = try NetworkCall.decode([Mastodon.Notification].self, from: r, label: client.label)
        return take(page, tally: nil).map { mention($0.0, via: "notification") }
    }
}
