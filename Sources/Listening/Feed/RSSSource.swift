import Foundation
import SwitchboardCore

/// An RSS/Atom feed as a source of mentions: Google Alerts' RSS delivery, Reddit `search.rss`, Mastodon
/// `tags/<tag>.rss`, Bluesky profile RSS, review portals, news.
///
/// Config: `{"id": "alerts", "type": "rss", "url": "https://…" | "file:///…" | "feeds/x.xml", "interval": "15m", "kind": "news"}`
/// (a relative path is read from the data directory).
///
/// Cursor: `etag` and `last_modified` (sent back as `If-None-Match` / `If-Modified-Since`; a 304 brings
/// nothing) and `seen`, the short keys of the last 500 entries, so only new entries become mentions.
public struct RSSSource: Source {
    public static let userAgent = "Switchboard/0.1 (+https://github.com/switchboard-app/switchboard; feed reader)"
    public static let accept =
        "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
        + "text/xml;q=0.8, */*;q=0.5"
    /// How many entry keys the cursor remembers.
    public static let seenLimit = 500

    public let id: String
    public let config: SourceConfig
    let http: HTTPClient
    let dataDir: URL
    let now: @Sendable () -> Date

    public init(config: SourceConfig, http: HTTPClient, dataDir: URL, now: @escaping @Sendable () -> Date = { Date() })
    {
        (self.id, self.config, self.http, self.dataDir, self.now) = (config.id, config, http, dataDir, now)
    }

    public init(config: SourceConfig, http: HTTPClient, dataDir: DataDirectory) {
        self.init(config: config, http: http, dataDir: dataDir.root)
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        guard let raw = config.url?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            throw SourceError.configuration("source \(id): an rss source needs a \"url\"")
        }
        var next = cursor
        let feed: Feed
        let feedURL: URL
        if raw.hasPrefix("http://") || raw.hasPrefix("https://") {
            guard let url = URL(string: raw) else { throw SourceError.configuration("source \(id): not a valid URL") }
            feedURL = url
            var headers = ["User-Agent": RSSSource.userAgent, "Accept": RSSSource.accept]
            if let e = cursor["etag"] { headers["If-None-Match"] = e }
            if let m = cursor["last_modified"] { headers["If-Modified-Since"] = m }
            let r = try await http.send(HTTPRequest(url: url, headers: headers, timeout: 30))
            if r.status == 304 { return PollResult(mentions: [], cursor: cursor) }
            try RSSSource.check(r, now: now())
            do {
                feed = try FeedParser.parse(
                    r.body, url: url, contentType: r.header("content-type"),
                    contentLocation: r.header("content-location"))
            } catch {
                throw SourceError.malformed(
                    "\(url.host ?? "feed") did not send an RSS/Atom feed", sample: FeedError.sample(r.body))
            }
            next["etag"] = r.header("etag")
            next["last_modified"] = r.header("last-modified")
        } else {
            feedURL =
                raw.hasPrefix("file://")
                ? URL(string: raw) ?? URL(fileURLWithPath: raw)
                : raw.hasPrefix("/") ? URL(fileURLWithPath: raw) : dataDir.appendingPathComponent(raw)
            guard let data = FileManager.default.contents(atPath: feedURL.path) else {
                throw SourceError.configuration("source \(id): cannot read \(feedURL.path)")
            }
            do { feed = try FeedParser.parse(data, url: feedURL) } catch {
                throw SourceError.malformed(
                    "\(feedURL.lastPathComponent) is not an RSS/Atom feed", sample: FeedError.sample(data))
            }
        }
        let seen = Set((cursor["seen"] ?? "").split(separator: " ").map(String.init))
        var fresh: [Mention] = []
        var keys: [String] = []
        let fetched = now()
        for entry in feed.entries {
            let m = mention(entry, feed: feed, feedURL: feedURL, fetchedAt: fetched)
            keys.append(m.key)
            if !seen.contains(m.key) { fresh.append(m) }
        }
        // Newest keys first, then the older remembered ones, bounded.
        var remembered = keys
        var inList = Set(keys)
        for k in (cursor["seen"] ?? "").split(separator: " ").map(String.init) where !inList.contains(k) {
            remembered.append(k)
            inList.insert(k)
        }
        next["seen"] = remembered.prefix(RSSSource.seenLimit).joined(separator: " ")
        fresh.sort { $0.createdAt < $1.createdAt }
        return PollResult(mentions: fresh, cursor: next)
    }

    /// HTTP statuses as `SourceError`s the listener acts on.
    static func check(_ r: HTTPResponse, now: Date) throws {
        switch r.status {
        case 200..<300: return
        case 401: throw SourceError.needsLogin("the feed server answered 401 Unauthorized")
        case 403: throw SourceError.transient("the feed server answered 403 Forbidden (blocked or private feed)")
        case 404, 410: throw SourceError.configuration("feed not found (HTTP \(r.status)): check the url")
        case 429:
            throw SourceError.rateLimited(
                retryAt: retryAt(r, now: now) ?? now.addingTimeInterval(900), detail: "HTTP 429 Too Many Requests")
        case 503 where r.header("retry-after") != nil:
            throw SourceError.rateLimited(
                retryAt: retryAt(r, now: now) ?? now.addingTimeInterval(900), detail: "HTTP 503 with Retry-After")
        case 500..<600: throw SourceError.transient("the feed server answered HTTP \(r.status)")
        default: throw SourceError.transient("unexpected HTTP \(r.status)")
        }
    }

    /// `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset` / `ratelimit-reset` (seconds or epoch).
    static func retryAt(_ r: HTTPResponse, now: Date) -> Date? {
        if let v = r.header("retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let s = Double(v) { return now.addingTimeInterval(max(0, s)) }
            if let d = FeedDate.parse(v) { return d }
        }
        for name in ["x-ratelimit-reset", "ratelimit-reset"] {
            if let v = r.header(name), let s = Double(v.trimmingCharacters(in: .whitespaces)) {
                return s > 1_000_000_000 ? Date(timeIntervalSince1970: s) : now.addingTimeInterval(s)
            }
        }
        return nil
    }
}
