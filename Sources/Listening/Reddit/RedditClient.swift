import Foundation
import SwitchboardCore

/// Authorised requests to Reddit's OAuth API (`https://oauth.reddit.com`, or the source's `api`) for one source:
/// a descriptive User-Agent as Reddit's rules ask, `raw_json=1` (text without HTML entities), the token renewed
/// before it expires and once more after a 401, and every error mapped onto `SourceError` by class.
struct RedditClient: Sendable {
    let base: URL, label: String, http: HTTPClient
    let auth: RedditAuth
    let now: @Sendable () -> Date
    var timeout: TimeInterval = 30
    /// Requests kept in reserve: with fewer left in the rate-limit window a poll stops until the window resets.
    var reserve = 10

    static let apiBase = URL(string: "https://oauth.reddit.com")!
    static let version = "0.1"

    /// `<platform>:<app id>:<version> (by /u/<username>)`, as Reddit's API rules ask.
    static func userAgent(_ username: String?) -> String {
        #if os(macOS)
            let platform = "macos"
        #else
            let platform = "linux"
        #endif
        let who = username.map { NetworkText.clean($0, max: 40) }.flatMap { $0.isEmpty ? nil : $0 } ?? "switchboard"
        return "\(platform):switchboard:\(version) (by /u/\(who))"
    }

    func get(_ path: String, _ query: [(String, String)] = []) async throws -> HTTPResponse {
        try await send("GET", path, query: query, form: nil)
    }

    func post(_ path: String, form fields: [(String, String)]) async throws -> HTTPResponse {
        try await send("POST", path, query: [], form: fields)
    }

    /// Sends one request; a 401 renews the token (when it can be renewed) and tries once more. A status in `raw` is
    /// returned to the caller (moderation names the subreddit on a 403, the thread view says a thread is gone on a
    /// 404), any other that is not 2xx thrown.
    func send(
        _ method: String, _ path: String, query: [(String, String)], form: [(String, String)]?, raw: Set<Int> = []
    ) async throws -> HTTPResponse {
        let url = NetworkCall.url(base, path: path, query: query + [("raw_json", "1")])
        var r = try await once(method, url, form: form)
        if r.status == 401, try await auth.renewAfterRefusal() { r = try await once(method, url, form: form) }
        if raw.contains(r.status) { return r }
        try RedditClient.check(r, label: label, now: now())
        return r
    }

    private func once(_ method: String, _ url: URL, form: [(String, String)]?) async throws -> HTTPResponse {
        var headers = ["Accept": "application/json", "User-Agent": RedditClient.userAgent(auth.username)]
        headers["Authorization"] = "bearer " + (try await auth.accessToken())
        if form != nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }
        let req = HTTPRequest(
            method: method, url: url, headers: headers, body: form.map { Data(RedditClient.form($0).utf8) },
            timeout: timeout)
        return try await NetworkCall.send(http, req, label: label)
    }

    /// The time to wait until when the rate-limit window is (nearly) used up: `X-Ratelimit-Remaining` (a float) at
    /// or below the reserve means waiting for `X-Ratelimit-Reset` (seconds).
    func slowDown(_ r: HTTPResponse) -> Date? {
        let info = RateLimitInfo.parse(r.headers, now: now())
        if let at = info.retryAfter { return at }
        guard let rem = r.header("x-ratelimit-remaining").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
            rem <= Double(reserve)
        else { return nil }
        return info.reset ?? now().addingTimeInterval(60)
    }

    /// `a=1&b=2`, percent-encoded (space as %20, `+` and `&` encoded).
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
    }

    /// Maps a non-2xx response onto `SourceError` by class: 401 (token refused) and 403 `insufficient_scope` need a
    /// login; other 403/404 are the configuration's (a private, banned or unknown subreddit); 429 is a rate limit
    /// until `X-Ratelimit-Reset`; 5xx (and Reddit's HTML "down" pages) are transient.
    static func check(_ r: HTTPResponse, label: String, now: Date) throws {
        guard !(200..<300).contains(r.status) else { return }
        let why = (NetworkCall.errorMessage(r.body) ?? redditMessage(r.body)).map { ": \($0)" } ?? ""
        let html = NetworkCall.looksLikeHTML(r.body) ? ", an HTML error page" : ""
        switch r.status {
        case 401:
            throw SourceError.needsLogin(
                "\(label): Reddit refused the token (HTTP 401\(why)); it expired or was revoked: \(RedditAuth.hint(label))"
            )
        case 403 where (r.header("www-authenticate") ?? "").contains("insufficient_scope"):
            throw SourceError.needsLogin(
                "\(label): the token lacks a scope this needs (HTTP 403 insufficient_scope); \(RedditAuth.hint(label)) and "
                    + "grant identity, read, history, submit, privatemessages, modposts")
        case 403:
            throw SourceError.configuration(
                "\(label): Reddit refused access (HTTP 403\(why)): the subreddit may be private or quarantined, or the "
                    + "account banned there")
        case 404:
            throw SourceError.configuration("\(label): not found (HTTP 404): check the subreddit names")
        case 429:
            let info = RateLimitInfo.parse(r.headers, now: now)
            throw SourceError.rateLimited(
                retryAt: info.retryAt(now: now), detail: "\(label): HTTP 429, too many requests\(why)")
        case 500...599 where !html.isEmpty:
            throw SourceError.transient("\(label): Reddit is down or overloaded (HTTP \(r.status)\(html))")
        case 408, 500...599:
            throw SourceError.transient("\(label): HTTP \(r.status)\(why)")
        default:
            throw SourceError.configuration("\(label): HTTP \(r.status)\(why)\(html)")
        }
    }

    /// Reddit's own error bodies: `{"message": "Forbidden", "error": 403}`, `{"reason": "…", "explanation": "…"}`.
    static func redditMessage(_ d: Data) -> String? {
        guard let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any] else { return nil }
        let s = [o["reason"], o["explanation"] ?? o["message"]].compactMap { $0 as? String }.joined(separator: ": ")
        return s.isEmpty ? nil : NetworkText.clean(s, max: 200)
    }
}
