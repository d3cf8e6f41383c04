import Foundation
import SwitchboardCore

/// Mentions from a Bluesky account: notifications with reason mention, reply or quote, and brand terms
/// (and hashtags) from `app.bsky.feed.searchPosts` sorted by latest. Both return newest first with a cursor
/// to older pages, so each feed keeps the newest `indexedAt` seen and pages back until it reaches it.
public struct BlueskySource: Source, NetworkConnector {
    public let id: String, service: URL
    let config: SourceConfig, client: BlueskyClient
    public var maxPages = 5, pageSize = 50

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        let s = config.service ?? "https://bsky.social"
        guard let url = URL(string: s.hasPrefix("http") ? s : "https://" + s), url.host != nil else {
            throw SourceError.configuration(
                "source \(config.id): `service` must be the PDS address, like https://bsky.social")
        }
        guard let handle = config.handle, !handle.isEmpty else {
            throw SourceError.configuration("source \(config.id): `handle` is missing (like acme.bsky.social)")
        }
        (self.id, self.service, self.config) = (config.id, url, config)
        if let problem = config.notificationKindsProblem() { throw SourceError.configuration(problem) }
        let h = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        self.client = BlueskyClient(
            service: config.apiBase ?? url, identifier: h, label: "bluesky source \(config.id)", http: http, now: now,
            password: TokenCache {
                try Secrets.resolve(
                    file: config.appPasswordFile, command: config.appPasswordCommand, dataDir: dataDir,
                    what: "app password of source \(config.id)")
            },
            sessionFile: BlueskySource.sessionFile(dataDir, id: config.id))
        self.client.timeout = timeout
    }

    /// `state/bluesky-<id>.session.json`.
    public static func sessionFile(_ dir: DataDirectory, id: String) -> URL {
        dir.stateDir.appendingPathComponent("bluesky-\(id).session.json")
    }

    var feeds: [(key: String, query: String?)] {
        var f: [(String, String?)] = []
        if config.notifications ?? true { f.append(("notifications", nil)) }
        if config.directMessages == true { f.append(("dms", nil)) }
        for t in config.hashtags ?? [] { let q = t.hasPrefix("#") ? t : "#" + t; f.append(("search:" + q, q)) }
        for q in config.search ?? [] { f.append(("search:" + q, q)) }
        return f
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        let tally = NotificationTally()
        var r = try await PollResult.gather(
            feeds, cursor: cursor, key: \.key,
            read: { feed, since in
                let (posts, newest) =
                    if let q = feed.query {
                        try await search(q, since: since)
                    } else if feed.key == "dms" {
                        try await directMessages(since: since)
                    } else {
                        try await notifications(since: since, tally: tally)
                    }
                return (posts, newest, nil)
            }, id: \.id
        ) { post, _ in post }
        r.counts = tally.counts
        return r
    }

    /// Pages back from the newest until an item not newer than `since` (the first poll reads one page).
    func notifications(since: String?, tally: NotificationTally? = nil) async throws -> ([Mention], String?) {
        try await pages(
            since: since, indexedAt: \.indexedAt,
            page: { (cursor: String?) in
                var q: [(String, String)] = [("limit", String(pageSize))] + requestedReasons.map { ("reasons", $0) }
                if let cursor { q.append(("cursor", cursor)) }
                let r = try await client.get("app.bsky.notification.listNotifications", q)
                let page = try NetworkCall.decode(Bluesky.NotificationsPage.self, from: r, label: client.label)
                return (page.notifications, page.cursor)
            }
        ) { n in
            guard take(n, tally: tally) else { return nil }
            return mention(
                uri: n.uri, cid: n.cid, author: n.author, record: n.record, indexedAt: n.indexedAt, via: n.reason)
        }
    }

    func search(_ query: String, since: String?) async throws -> ([Mention], String?) {
        try await pages(
            since: since, indexedAt: \.indexedAt,
            page: { (cursor: String?) in
                var q: [(String, String)] = [("q", query), ("sort", "latest"), ("limit", String(pageSize))]
                if let cursor { q.append(("cursor", cursor)) }
                let r = try await client.get("app.bsky.feed.searchPosts", q)
                let page = try NetworkCall.decode(Bluesky.SearchPage.self, from: r, label: client.label)
                return (page.posts, page.cursor)
            }
        ) { p in
            mention(uri: p.uri, cid: p.cid, author: p.author, record: p.record, indexedAt: p.indexedAt, via: "search")
        }
    }

    func mention(
        uri rawURI: String, cid rawCID: String, author: Bluesky.Profile, record: Bluesky.PostRecord, indexedAt: String,
        via: String
    ) -> Mention {
        let handle = NetworkText.clean(author.handle, max: 253)
        let created = record.createdAt.flatMap(Timestamp.parse) ?? Timestamp.parse(indexedAt) ?? client.now()
        // Identifiers reach the log and the screen too: no controls or escapes in them (found by fuzzing).
        let uri = NetworkText.identifier(rawURI)
        let cid = NetworkText.identifier(rawCID)
        let root = record.reply.map {
            Bluesky.StrongRef(uri: NetworkText.identifier($0.root.uri), cid: NetworkText.identifier($0.root.cid))
        }
        let parent = record.reply.map { NetworkText.identifier($0.parent.uri) }
        let name = author.displayName.map { NetworkText.clean($0, max: 100) }.flatMap { $0.isEmpty ? nil : $0 }
        return Mention(
            platform: "bluesky", id: uri,
            text: NetworkText.content(BlueskyFacets.render(record.text, facets: record.facets)),
            createdAt: created, fetchedAt: client.now(), url: Bluesky.webURL(handle: handle, atURI: uri),
            author: Author(handle: "@" + handle, name: name, url: "https://bsky.app/profile/" + handle),
            lang: record.langs?.first.map { NetworkText.clean($0, max: 20) }, inReplyTo: parent, threadRoot: root?.uri,
            source: id,
            reply: ReplyRef(uri: uri, cid: cid, rootURI: root?.uri ?? uri, rootCID: root?.cid ?? cid),
            extra: ["via": .string(via), "did": .string(NetworkText.identifier(author.did))])
    }
}

extension BlueskySource {
    /// Logs in (or reuses the stored session) and returns the account: for `sources add`.
    public func verifyLogin() async throws -> (did: String, handle: String) {
        let s = try await client.session()
        return (s.did, s.handle)
    }
}
