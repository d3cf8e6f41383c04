import Foundation
import SwitchboardCore

/// The HTTP side of one X account: the base URL (`api` or `https://api.x.com`), the OAuth 2.0 user token from the
/// source's `token_file` (renewed with its refresh token through `OAuthTokenStore`, one process at a time, since X
/// rotates refresh tokens), and the mapping of X's answers onto `SourceError` classes with clear messages.
struct XClient: Sendable {
    let base: URL, label: String, sourceID: String
    let http: HTTPClient
    let tokens: OAuthTokenStore
    let clientID: String?
    let now: @Sendable () -> Date
    var timeout: TimeInterval = 30
    static let userAgent = "Switchboard/1.0 (social media workbench)"

    init(config: SourceConfig, dataDir: DataDirectory, http: HTTPClient, now: @escaping @Sendable () -> Date) throws {
        if let api = config.api, !api.trimmingCharacters(in: .whitespaces).isEmpty, config.apiBase == nil {
            throw SourceError.configuration(
                "source \(config.id): `api` must be an http(s) address like https://api.x.com (got \"\(api)\")")
        }
        guard let file = config.tokenFile, !file.isEmpty else {
            throw SourceError.configuration(
                "source \(config.id): `token_file` is missing (run `switchboard sources add --type x` to log in)")
        }
        (self.base, self.sourceID, self.http, self.now) = (config.apiBase ?? X.defaultBase, config.id, http, now)
        self.label = "x source \(config.id)"
        self.tokens = OAuthTokenStore(file: Secrets.path(file, in: dataDir), what: "X token of source \(config.id)")
        self.clientID = config.clientID
    }

    var loginHint: String { "log in again with `switchboard sources add --type x --id \(sourceID)`" }

    /// A valid access token, renewed first when it expires within five minutes.
    func accessToken() async throws -> String {
        let (http, base, clientID, label, hint, timeout) = (http, base, clientID, label, loginHint, timeout)
        let at = now()
        let t = try await tokens.valid(margin: 300, now: at) { old in
            try await XOAuth.refresh(
                old, clientID: clientID, base: base, http: http, label: label, loginHint: hint, timeout: timeout,
                now: at)
        }
        return t.accessToken
    }

    /// Sends an authorised request to `path` on the API base.
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], json: Any? = nil,
        body: Data? = nil, contentType: String? = nil
    ) async throws -> HTTPResponse {
        var headers = ["Accept": "application/json", "User-Agent": XClient.userAgent]
        var payload = body
        if let json {
            payload = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])
            headers["Content-Type"] = "application/json"
        }
        if let contentType { headers["Content-Type"] = contentType }
        headers["Authorization"] = "Bearer " + (try await accessToken())
        let req = HTTPRequest(
            method: method, url: NetworkCall.url(base, path: path, query: query), headers: headers, body: payload,
            timeout: timeout)
        let r = try await NetworkCall.send(http, req, label: label)
        if r.status == 401 { tokens.reset() }
        return r
    }

    /// Throws the `SourceError` an X error response means, by class: an expired or revoked token (401), a missing
    /// scope or a forbidden app (403), the monthly usage cap (429 `UsageCapExceeded`), the rate limit (429, until
    /// `x-rate-limit-reset`), a server error (5xx), anything else as a configuration problem.
    func check(_ r: HTTPResponse) throws {
        guard !(200..<300).contains(r.status) else { return }
        let problem = X.Problem.parse(r.body)
        let why = problem.map { ": \($0.summary)" } ?? ""
        let type = problem?.type ?? ""
        switch r.status {
        case 401:
            throw SourceError.needsLogin(
                "\(label): X refused the token (HTTP 401\(why)): it expired or was revoked; \(loginHint)")
        case 403 where type.hasSuffix("client-forbidden"):
            throw SourceError.configuration(
                "\(label): X does not let this app use the endpoint (HTTP 403\(why)); attach the app to a Project "
                    + "with the access level it needs in the X developer portal")
        case 403:
            throw SourceError.needsLogin(
                "\(label): X refused access (HTTP 403\(why)); the token may lack a scope (Switchboard needs "
                    + "\(XOAuth.scopes.joined(separator: " "))); \(loginHint)")
        case 429 where XClient.isUsageCap(problem, r.body):
            let turn = XReadLedger.monthEnd(now())
            throw SourceError.rateLimited(
                retryAt: turn,
                detail: "\(label): X says the app's usage cap is exhausted (HTTP 429\(why)); reading resumes when the "
                    + "month turns (\(Timestamp.format(turn))) or the plan is raised")
        case 429:
            let info = XClient.rateLimit(r.headers, now: now())
            throw SourceError.rateLimited(
                retryAt: info.retryAt(now: now(), fallback: 15 * 60), detail: "\(label): X rate limit (HTTP 429\(why))")
        case 408, 500...599:
            throw SourceError.transient("\(label): X server error (HTTP \(r.status)\(why))")
        default:
            throw SourceError.configuration("\(label): HTTP \(r.status)\(why)")
        }
    }

    static func isUsageCap(_ p: X.Problem?, _ body: Data) -> Bool {
        if let p, p.title == "UsageCapExceeded" || (p.type ?? "").hasSuffix("usage-capped") { return true }
        return String(decoding: body.prefix(2000), as: UTF8.self).contains("UsageCapExceeded")
    }

    /// X's `x-rate-limit-limit/remaining/reset` (reset in epoch seconds), plus `Retry-After`.
    static func rateLimit(_ headers: [String: String], now: Date) -> RateLimitInfo {
        var h = headers
        for n in ["limit", "remaining", "reset"] where h["x-ratelimit-\(n)"] == nil {
            if let v = headers["x-rate-limit-\(n)"] { h["x-ratelimit-\(n)"] = v }
        }
        return RateLimitInfo.parse(h, now: now)
    }

    /// GET + check + decode.
    func get<T: Decodable>(_ type: T.Type, _ path: String, _ query: [(String, String)]) async throws -> (
        T, HTTPResponse
    ) {
        let r = try await send("GET", path, query: query)
        try check(r)
        return (try NetworkCall.decode(type, from: r, label: label), r)
    }
}
