import Foundation
import SwitchboardCore

/// What a response said about rate limits, in either network's dialect:
/// Mastodon `X-RateLimit-Limit/Remaining/Reset` (reset as ISO 8601), Bluesky `ratelimit-limit/remaining/reset`
/// (reset as epoch seconds), and `Retry-After` (delta seconds or an HTTP date).
public struct RateLimitInfo: Sendable, Hashable {
    public var limit: Int?
    public var remaining: Int?
    public var reset: Date?
    public var retryAfter: Date?

    public init(limit: Int? = nil, remaining: Int? = nil, reset: Date? = nil, retryAfter: Date? = nil) {
        (self.limit, self.remaining, self.reset, self.retryAfter) = (limit, remaining, reset, retryAfter)
    }

    /// Reads the headers (names lower-cased, as `HTTPResponse` keeps them).
    public static func parse(_ headers: [String: String], now: Date = Date()) -> RateLimitInfo {
        func h(_ n: String) -> String? { headers[n]?.trimmingCharacters(in: .whitespaces) }
        var info = RateLimitInfo()
        info.limit = (h("x-ratelimit-limit") ?? h("ratelimit-limit")).flatMap { Int($0.prefix { $0.isNumber }) }
        info.remaining = (h("x-ratelimit-remaining") ?? h("ratelimit-remaining")).flatMap {
            Int($0.prefix { $0.isNumber })
        }
        if let r = h("x-ratelimit-reset") ?? h("ratelimit-reset") { info.reset = parseReset(r, now: now) }
        if let r = h("retry-after") { info.retryAfter = parseRetryAfter(r, now: now) }
        return info
    }

    /// The earliest time another request may be made, when the server said to wait: `Retry-After`, else the
    /// reset time once nothing remains. Nil when the server is happy.
    public var notBefore: Date? {
        if let r = retryAfter { return r }
        if let rem = remaining, rem <= 0 { return reset }
        return nil
    }

    /// When a 429 came: `Retry-After`, else the reset time, else `fallback` seconds from now.
    public func retryAt(now: Date, fallback: TimeInterval = 60) -> Date {
        if let r = retryAfter, r > now { return r }
        if let r = reset, r > now { return r }
        return now.addingTimeInterval(fallback)
    }

    /// A reset given as ISO 8601 (Mastodon), epoch seconds (Bluesky) or — per the IETF draft — delta seconds.
    static func parseReset(_ s: String, now: Date) -> Date? {
        if let d = Timestamp.parse(s) { return d }
        guard let v = Double(s), v.isFinite, v >= 0 else { return nil }
        // Anything before 2001 cannot be an epoch time: it is a number of seconds to wait.
        return v > 1_000_000_000 ? Date(timeIntervalSince1970: v) : now.addingTimeInterval(v)
    }

    /// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`.
    static func parseRetryAfter(_ s: String, now: Date) -> Date? {
        if let v = Double(s), v.isFinite, v >= 0 { return now.addingTimeInterval(v) }
        return parseHTTPDate(s)
    }

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), also without the weekday.
    static func parseHTTPDate(_ s: String) -> Date? {
        var parts = s.split(separator: " ").map(String.init)
        if let f = parts.first, f.hasSuffix(",") { parts.removeFirst() }
        guard parts.count >= 4, let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let mi = months.firstIndex(of: parts[1].lowercased().prefix(3).description) else { return nil }
        let hms = parts[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, mi + 1, day, hms[0], hms[1], hms[2])
        return Timestamp.parse(iso)
    }
}
