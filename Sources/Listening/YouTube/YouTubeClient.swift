import Foundation
import SwitchboardCore

/// Authorised calls to the YouTube Data API v3 for one source: each call is charged to the quota ledger first,
/// sent with a token renewed when due (`OAuthTokenStore.valid`, one process at a time), tried once more after a
/// 401 with a renewed token, and a refusal is classified (`YouTubeError`).
struct YouTubeClient: Sendable {
    let api: URL, label: String, http: HTTPClient
    let now: @Sendable () -> Date
    let tokens: OAuthTokenStore
    let ledger: YouTubeQuotaLedger
    /// The OAuth client that renews the token: `client_id` (config, else the token file's) and its secret.
    let clientID: String?
    let clientSecret: @Sendable () throws -> String?
    var timeout: TimeInterval = 30

    static let defaultAPI = URL(string: "https://www.googleapis.com/youtube/v3")!
    static let defaultTokenURL = URL(string: "https://oauth2.googleapis.com/token")!

    init(
        config: SourceConfig, dataDir: DataDirectory, http: HTTPClient, label: String, timeout: TimeInterval,
        now: @escaping @Sendable () -> Date
    ) throws {
        guard let tf = config.tokenFile, !tf.isEmpty else {
            throw SourceError.configuration(
                "source \(config.id): `token_file` is missing (run `switchboard sources add youtube`)")
        }
        if config.api != nil && config.apiBase == nil {
            throw SourceError.configuration("source \(config.id): `api` must be an http(s) address")
        }
        (self.api, self.label, self.http, self.now) = (config.apiBase ?? YouTubeClient.defaultAPI, label, http, now)
        self.timeout = timeout
        tokens = OAuthTokenStore(file: dataDir.secretPath(tf), what: "token of source \(config.id)")
        ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dataDir, id: config.id), budget: config.dailyQuota)
        clientID = config.clientID
        let secretFile = config.secretFile
        clientSecret = {
            guard let f = secretFile, !f.isEmpty else { return nil }
            return try Secrets.resolve(file: f, command: nil, dataDir: dataDir, what: "client secret of \(config.id)")
        }
    }

    /// GET `path` with `query`, charged `cost` units; decodes `T`.
    func get<T: Decodable>(_ type: T.Type, _ path: String, _ query: [(String, String)], cost: Int) async throws -> T {
        let r = try await call("GET", path, query, cost: cost)
        return try NetworkCall.decode(type, from: r, label: label)
    }

    /// Sends one call. Throws `YouTubeError` for a refusal, `SourceError` for quota, transport and login problems.
    func call(
        _ method: String, _ path: String, _ query: [(String, String)], body: Data? = nil, cost: Int,
        write: Bool = false
    ) async throws -> HTTPResponse {
        var renewed = false
        while true {
            try ledger.charge(cost, write: write, now: now(), label: label)
            let token = try await validToken(force: renewed)
            var headers = ["Accept": "application/json", "Authorization": "Bearer " + token.accessToken]
            headers["User-Agent"] = YouTubeClient.userAgent
            if body != nil { headers["Content-Type"] = "application/json; charset=utf-8" }
            let req = HTTPRequest(
                method: method, url: NetworkCall.url(api, path: path, query: query), headers: headers, body: body,
                timeout: timeout)
            let r = try await NetworkCall.send(http, req, label: label)
            if (200..<300).contains(r.status) { return r }
            if r.status == 401 {
                tokens.reset()
                if !renewed, token.refreshToken != nil {
                    renewed = true
                    continue
                }
            }
            let e = YouTubeError.classify(r, label: label, now: now())
            if e.kind == .quotaExhausted { ledger.markExhausted(now: now()) }
            throw e
        }
    }

    /// A token valid for five more minutes; with `force`, one renewed now (the server refused the current one).
    func validToken(force: Bool) async throws -> OAuthToken {
        var t = now()
        if force {
            let current = try tokens.current()
            // A token without an expiry is renewed by treating it as expired now.
            if current.expiresAt == nil {
                var c = current
                c.expiresAt = t
                try tokens.save(c)
            }
            t = max(t, (try tokens.current()).expiresAt ?? t)
        }
        do {
            return try await tokens.valid(now: t) { old in try await refresh(old) }
        } catch let e as YouTubeError { throw e.sourceError }
    }

    /// `POST token_uri` with `grant_type=refresh_token`: a new access token (Google keeps the refresh token).
    func refresh(_ old: OAuthToken) async throws -> OAuthToken {
        guard let rt = old.refreshToken, !rt.isEmpty else {
            throw SourceError.needsLogin(
                "\(label): the access token expired and the token file holds no refresh token; run "
                    + "`switchboard sources add youtube` again")
        }
        let tokenURL = old.extra?["token_uri"].flatMap(URL.init(string:)) ?? YouTubeClient.defaultTokenURL
        var form = [("grant_type", "refresh_token"), ("refresh_token", rt)]
        if let id = clientID ?? old.extra?["client_id"] { form.append(("client_id", id)) }
        if let s = try clientSecret() ?? old.extra?["client_secret"] { form.append(("client_secret", s)) }
        let r = try await YouTubeOAuth.postForm(tokenURL, form, http: http, label: label, timeout: timeout)
        guard (200..<300).contains(r.status) else {
            if r.status == 400 || r.status == 401 {
                throw SourceError.needsLogin(
                    "\(label): Google refused to renew the login (\(NetworkCall.errorMessage(r.body) ?? "HTTP \(r.status)")); "
                        + "run `switchboard sources add youtube` again")
            }
            try NetworkCall.check(r, label: label + " (renewing the login)", loginHint: "", now: now())
            throw SourceError.transient("\(label): renewing the login: HTTP \(r.status)")
        }
        let g = try NetworkCall.decode(YouTubeOAuth.TokenResponse.self, from: r, label: label + " (renewing the login)")
        return g.token(keeping: old, now: now())
    }

    static let userAgent = "Switchboard/0.1 (social listening; +https://github.com/switchboard)"
}
