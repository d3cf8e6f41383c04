import Foundation
import SwitchboardCore

/// Mentions from an X account (API v2): the mentions timeline (`/2/users/:id/mentions`) and recent search
/// (`/2/tweets/search/recent`), each from the newest id seen (`since_id`), paging with `pagination_token`; authors and
/// referenced posts come from `includes`. X charges per post read: every post in `data` is counted in the source's
/// read ledger, a request asks for no more than the month's `monthly_read_budget` has left, polling slows once the
/// reads run ahead of the month, and a spent budget stops the source until the month turns.
public struct XSource: Source, NetworkConnector {
    public let id: String
    let config: SourceConfig, client: XClient
    public let ledger: XReadLedger
    public var maxPages = 5, pageSize = 100

    public init(_ setup: ConnectorSetup) throws {
        let (config, dataDir, http, timeout, now) = setup.parts
        guard let uid = config.userID, !uid.isEmpty, uid.allSatisfy(\.isNumber) else {
            throw SourceError.configuration(
                "source \(config.id): `user_id` must be the account's numeric X id (`switchboard sources add --type x` "
                    + "finds it)")
        }
        if let b = config.monthlyReadBudget, b < 0 {
            throw SourceError.configuration("source \(config.id): `monthly_read_budget` must be 0 or more")
        }
        var client = try XClient(config: config, dataDir: dataDir, http: http, now: now)
        client.timeout = timeout
        (self.id, self.config, self.client) = (config.id, config, client)
        self.ledger = XReadLedger(dataDir: dataDir, sourceID: config.id)
    }

    struct Feed {
        var key: String, query: String?
        /// The account's direct messages (`GET /2/dm_events`), with `direct_messages: true`.
        var direct = false
        /// The smallest `max_results` the endpoint accepts.
        var minimum: Int { query == nil ? 5 : 10 }
    }

    var feeds: [Feed] {
        var f: [Feed] = []
        if config.mentions ?? true { f.append(Feed(key: "mentions", query: nil)) }
        for q in (config.search ?? []) + (config.keywords ?? []) where !q.isEmpty {
            f.append(Feed(key: "search:" + q, query: q))
        }
        if config.directMessages == true { f.append(Feed(key: "dms", query: nil, direct: true)) }
        return f
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        let now = client.now()
        if let b = config.monthlyReadBudget, ledger.used(now: now) >= b { throw spent(b, now: now) }
        var result = try await PollResult.gather(
            feeds, cursor: cursor, key: \.key, read: { feed, since in try await read(feed, since: since) },
            id: \.id
        ) { m, _ in m }
        if let b = config.monthlyReadBudget {
            let budget = XReadBudget(budget: b, used: ledger.used(now: client.now()), now: client.now())
            if let slow = budget.slowedNextPoll(interval: config.intervalSeconds) {
                result.notBefore = max(result.notBefore ?? slow, slow)
            }
        }
        return result
    }

    /// The error of a spent budget: wait for the next month.
    func spent(_ budget: Int, now: Date) -> SourceError {
        let turn = XReadLedger.monthEnd(now)
        return .rateLimited(
            retryAt: turn,
            detail: "\(client.label): the monthly read budget is spent (\(XSource.grouped(ledger.used(now: now)))"
                + " of \(XSource.grouped(budget)) posts read in \(XReadLedger.month(now))); polling resumes "
                + "\(Timestamp.format(turn))")
    }

    /// One feed from `since` (the newest id seen): the first poll reads one page, later polls page until X has
    /// nothing newer, at most `maxPages` pages, never asking for more posts than the budget has left.
    func read(_ feed: Feed, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?) {
        if feed.direct { return try await directMessages(since: since) }
        var out: [Mention] = []
        var newest = since
        var token: String?
        var wait: Date?
        for _ in 0..<max(1, maxPages) {
            var n = min(pageSize, 100)
            if let b = config.monthlyReadBudget {
                let budget = XReadBudget(budget: b, used: ledger.used(now: client.now()), now: client.now())
                if budget.remaining < feed.minimum {
                    // Spent: what was read is kept, and the next poll stops with the message.
                    if out.isEmpty && token == nil { throw spent(b, now: client.now()) }
                    break
                }
                n = min(n, budget.remaining)
                // Ahead of the month: one page per poll, of what the pro-rata budget still allows (at least the
                // minimum); the next poll comes when the month has caught up.
                if budget.isNear {
                    if token != nil { break }
                    n = min(n, max(feed.minimum, Int(budget.proRata) - budget.used))
                }
            }
            n = max(n, feed.minimum)
            let (page, r) = try await fetch(feed, since: since, token: token, max: n)
            try ledger.add(page.data.count, now: client.now())
            out += mentions(from: page, via: feed.query == nil ? "mention" : "search")
            if let top = page.meta?.newestID ?? page.data.map(\.id).max(by: XSource.olderID) {
                if newest == nil || XSource.olderID(newest!, top) { newest = top }
            }
            let info = XClient.rateLimit(r.headers, now: client.now())
            if let nb = info.notBefore { wait = nb; break }
            guard since != nil, let next = page.meta?.nextToken, !next.isEmpty, next != token, !page.data.isEmpty
            else { break }
            token = next
        }
        return (out, newest, wait)
    }

    func fetch(_ feed: Feed, since: String?, token: String?, max: Int) async throws -> (X.Page, HTTPResponse) {
        var q: [(String, String)] = []
        if let query = feed.query { q.append(("query", query)) }
        q += [
            ("max_results", String(max)), ("tweet.fields", X.tweetFields), ("expansions", X.expansions),
            ("user.fields", X.userFields),
        ]
        if let since { q.append(("since_id", since)) }
        if let token { q.append((feed.query == nil ? "pagination_token" : "next_token", token)) }
        let path = feed.query == nil ? "/2/users/\(config.userID ?? "")/mentions" : "/2/tweets/search/recent"
        let (page, r) = try await client.get(X.Page.self, path, q)
        if page.data.isEmpty, page.meta == nil, let p = page.errors.first {
            throw SourceError.configuration("\(client.label): X answered with an error only: \(p.summary)")
        }
        return (page, r)
    }

    /// True when snowflake id `a` is older than `b` (longer is newer; same length compares as text).
    static func olderID(_ a: String, _ b: String) -> Bool { a.count != b.count ? a.count < b.count : a < b }

    /// `7,420`.
    public static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && ch != "-" { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}

extension XSource {
    /// Checks the token and returns the account it belongs to (`GET /2/users/me`): for `sources add`.
    public func verify() async throws -> (id: String, username: String) {
        try await XSource.me(client)
    }

    static func me(_ client: XClient) async throws -> (id: String, username: String) {
        struct Me: Decodable { var data: X.User }
        let (me, _) = try await client.get(Me.self, "/2/users/me", [("user.fields", "username,name")])
        return (me.data.id, NetworkText.clean(me.data.username ?? "", max: 50))
    }
}

extension XSource {
    /// The account a source's token belongs to (`GET /2/users/me`), before the source has its `user_id`: for
    /// `sources add`, which stores the id it finds.
    public static func account(config: SourceConfig, dataDir: DataDirectory, http: HTTPClient) async throws -> (
        id: String, username: String
    ) {
        try await me(XClient(config: config, dataDir: dataDir, http: http, now: { Date() }))
    }
}

extension XSource {
    /// What `sources list` says about the X sources' reads this month: `xacme: reads 7,420/10,000 this month`.
    public static func usageLines(_ sources: [SourceConfig], dataDir: DataDirectory, now: Date) -> [String] {
        sources.filter { $0.type.lowercased() == "x" }.map { c in
            let used = XReadLedger(dataDir: dataDir, sourceID: c.id).used(now: now)
            guard let b = c.monthlyReadBudget else {
                return L10n.t("x.reads.noBudget", ["id": c.id, "used": grouped(used)])
            }
            let spent =
                used >= b
                ? "; " + L10n.t("x.reads.spent", ["at": LocalFormat.moment(XReadLedger.monthEnd(now))]) : ""
            return L10n.t("x.reads.budget", ["id": c.id, "used": grouped(used), "budget": grouped(b)]) + spent
        }
    }
}
