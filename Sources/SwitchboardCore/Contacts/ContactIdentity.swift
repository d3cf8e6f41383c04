import Foundation

/// One account of a person on one network: platform + handle (feeds: platform + site + author name).
/// Built from the mentions that account wrote.
public struct ContactIdentity: Hashable, Sendable {
    /// `mastodon:anna@social.example`, `bluesky:anna.bsky.social`, `rss:reviewroost.com/marc t.` (lower-case).
    public var key: String
    public var platform: String
    /// The handle as last seen (original case).
    public var handle: String
    public var name: String?
    public var url: String?
    /// Followers as last reported (the reach).
    public var followers: Int?
    public var firstSeen: Date
    public var lastSeen: Date
    /// Keys of this account's mentions, in the order they were stored (none in an index's tally, `PersonTally`).
    public var mentions: [String]
    /// How many mentions were counted (`mentions.count` in a fold).
    public var mentionCount = 0
    public var positive = 0, neutral = 0, negative = 0
    /// Sum and count of sentiment scores (-1…+1) of the analysed mentions.
    public var scoreSum: Double = 0
    public var scored = 0
    /// Evidence for suggested roles, counted while folding.
    public var employeeReviews = 0, formerEmployeeReviews = 0, newsItems = 0, customerReviews = 0, praise = 0
    var competitor: String?

    /// The identity key of a mention's author, or nil when it has no author.
    public static func key(of m: Mention) -> String? {
        guard let a = m.author else { return nil }
        return key(platform: m.platform, handle: a.handle, url: a.url ?? m.url)
    }

    /// Networks with global handles (Mastodon `user@server`, Bluesky domains) use the handle alone; for feeds and
    /// other sources, where an author is just a name on a site, the site's host is part of the identity.
    public static func key(platform: String, handle: String, url: String?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(platform.utf8.count + handle.utf8.count + 24)
        guard appendLower(platform, to: &out) else { return slowKey(platform: platform, handle: handle, url: url) }
        let social = out == mastodon || out == bluesky
        out.append(58)  // ":"
        if !social, let url, appendHost(url, to: &out) { out.append(47) }  // "/"
        // The handle: trimmed, without leading "@", lower-case.
        var h = Substring(handle).utf8[...]
        while let f = h.first, f == 32 || f == 9 { h = h.dropFirst() }
        while let l = h.last, l == 32 || l == 9 { h = h.dropLast() }
        while h.first == 64 { h = h.dropFirst() }
        for b in h {
            if b >= 0x80 { return slowKey(platform: platform, handle: handle, url: url) }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let mastodon = Array("mastodon".utf8), bluesky = Array("bluesky".utf8)

    /// Appends ASCII `s` lower-cased; false when it is not ASCII.
    private static func appendLower(_ s: String, to out: inout [UInt8]) -> Bool {
        for b in s.utf8 {
            if b >= 0x80 { return false }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return true
    }

    /// Appends the lower-case host of `url` without `www.` (false, appending nothing, when there is none).
    private static func appendHost(_ url: String, to out: inout [UInt8]) -> Bool {
        let start = out.count
        var u = Substring(url).utf8[...]
        // Skip "scheme://".
        guard let colon = u.firstIndex(of: 58) else { return false }
        u = u[u.index(after: colon)...]
        guard u.starts(with: [47, 47]) else { return false }
        u = u.dropFirst(2)
        var host = u.prefix { $0 != 47 && $0 != 63 && $0 != 35 }
        if let at = host.lastIndex(of: 64) { host = host[host.index(after: at)...] }
        if let p = host.lastIndex(of: 58) { host = host[..<p] }
        if host.count >= 4, host.prefix(4).map({ $0 | 0x20 }) == [119, 119, 119, 46] { host = host.dropFirst(4) }
        for b in host { out.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return out.count > start
    }

    /// The same key for non-ASCII input, with Foundation's lower-casing.
    private static func slowKey(platform: String, handle: String, url: String?) -> String {
        let p = platform.lowercased()
        var h = handle.trimmingCharacters(in: .whitespaces).lowercased()
        while h.hasPrefix("@") { h.removeFirst() }
        if p == "mastodon" || p == "bluesky" { return p + ":" + h }
        if let host = url.flatMap(host(of:)), !host.isEmpty { return p + ":" + host + "/" + h }
        return p + ":" + h
    }

    /// The host of an URL without `www.`, lower-case (`https://www.reviewroost.com/x` → `reviewroost.com`).
    static func host(of url: String) -> String? {
        var out: [UInt8] = []
        return appendHost(url, to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// `@anna@social.example` for Mastodon, `@anna.bsky.social` for Bluesky, else the name as written.
    public var displayHandle: String {
        platform == "mastodon" || platform == "bluesky"
            ? "@" + (handle.hasPrefix("@") ? String(handle.dropFirst()) : handle) : handle
    }

    public var averageScore: Double? { scored > 0 ? scoreSum / Double(scored) : nil }
}
