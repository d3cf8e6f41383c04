import Foundation

/// One entry of `team.json`'s `sources`: the documented source contract. Type-specific fields are optional.
public struct SourceConfig: Codable, Hashable, Sendable {
    public var id: String
    /// `mastodon`, `bluesky`, `instagram`, `facebook`, `threads`, `youtube`, `reddit`, `x`, `rss`, `jsonl` or
    /// `replay`.
    public var type: String
    public var enabled: Bool?
    /// `60s`, `15m`, `1h`.
    public var interval: String?
    /// A base URL that replaces the network's default (a corporate proxy, a test server), for every network source.
    public var api: String?
    // Mastodon
    public var instance: String?
    public var tokenFile: String?
    public var tokenCommand: String?
    public var notifications: Bool?
    /// Which notification kinds become mentions (`NotificationKind` names; default mention, reply, quote).
    public var notificationKinds: [String]?
    public var hashtags: [String]?
    public var search: [String]?
    public var streaming: Bool?
    // Bluesky
    public var service: String?
    public var handle: String?
    public var appPasswordFile: String?
    public var appPasswordCommand: String?
    /// Bluesky, X, Facebook, Instagram: read the account's private messages too (Bluesky's chat service, X's
    /// `dm_events`, the Page's or account's conversations); off by default.
    public var directMessages: Bool?
    // The closed networks: account ids (Instagram `account_id`, Facebook `page_id`, Threads and X `user_id`,
    // YouTube `channel_id`, Reddit `username`), what to listen to, and the OAuth app (`client_id`, `secret_file`).
    public var accountID: String?
    public var pageID: String?
    public var userID: String?
    public var channelID: String?
    public var username: String?
    public var clientID: String?
    public var secretFile: String?
    public var comments: Bool?
    public var mentions: Bool?
    public var tagged: Bool?
    public var visitorPosts: Bool?
    public var replies: Bool?
    public var keywords: [String]?
    public var inbox: Bool?
    public var subreddits: [String]?
    public var modqueue: Bool?
    /// YouTube: quota units this source may spend a day (the API allows 10,000 per project).
    public var dailyQuota: Int?
    /// X: posts this source may read a month (X charges per read).
    public var monthlyReadBudget: Int?
    // RSS / JSON Lines / replay
    public var url: String?
    public var path: String?
    /// Free-form label shown in the feed (`news`, `forum`, `reviews`).
    public var kind: String?
    /// Instagram/Threads/Facebook publishing: the public address where the files of queued media are served
    /// (`https://cdn.example/media`): Meta fetches images from a URL, it takes no upload.
    public var mediaBaseURL: String?
    /// Reddit script apps: the file holding the account's password (the password grant; never stored elsewhere).
    public var passwordFile: String?
    /// A team across servers: the one site that polls this source, sends its outbox and publishes its queue.
    public var home: String?

    public init(id: String, type: String) { (self.id, self.type) = (id, type) }

    public var isEnabled: Bool { enabled ?? true }

    /// Whether the data directory of `site` is this source's home: it polls it and posts through it. Without a
    /// site (one server) or without a `home`, every data directory is.
    public func isHome(_ site: String?) -> Bool { site == nil || home == nil || home == site }

    /// The polling interval in seconds (default 60 s; at least 5 s).
    public var intervalSeconds: Double { max(5, SourceConfig.parseDuration(interval ?? "60s") ?? 60) }

    /// `api` as a URL when set and valid: `http(s)://host[:port][/path]`, without a trailing slash.
    public var apiBase: URL? {
        guard var s = api?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        while s.hasSuffix("/") { s.removeLast() }
        guard let u = URL(string: s), let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https",
            u.host != nil
        else { return nil }
        return u
    }

    /// `90`, `90s`, `15m`, `2h`, `1d` → seconds.
    public static func parseDuration(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = t.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let mult = units[last] ?? 1
        let num = units[last] == nil ? Substring(t) : Substring(t).dropLast()
        // Up to a hundred years: a hand-edited "1e300s" is no duration, not a trap in a later conversion to Int.
        guard let v = Double(num), v >= 0, v * mult <= 3_155_760_000 else { return nil }
        return v * mult
    }

    enum CodingKeys: String, CodingKey {
        case id, type, enabled, interval, api, instance, notifications, hashtags, search, streaming, service, handle
        case url, path, kind, username, comments, mentions, tagged, replies, keywords, inbox, subreddits, modqueue
        case tokenFile = "token_file", tokenCommand = "token_command", appPasswordFile = "app_password_file"
        case appPasswordCommand = "app_password_command", accountID = "account_id", pageID = "page_id"
        case userID = "user_id", channelID = "channel_id", clientID = "client_id", secretFile = "secret_file"
        case visitorPosts = "visitor_posts", dailyQuota = "daily_quota", monthlyReadBudget = "monthly_read_budget"
        case mediaBaseURL = "media_base_url"
        case passwordFile = "password_file"
        case home
        case notificationKinds = "notification_kinds", directMessages = "direct_messages"
    }
}
