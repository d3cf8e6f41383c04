import Foundation
import SwitchboardCore

/// Posts statuses and replies through `POST /api/v1/statuses`, with an `Idempotency-Key` header so a retry
/// of the same draft is answered with the status already created instead of a second one.
public struct MastodonPublisher: Publisher {
    public var platform: String { "mastodon" }
    let client: MastodonClient
    /// Mastodon's default status length; servers may allow more, so this only warns via `check`.
    public static let defaultLimit = 500

    public init(config: SourceConfig, dataDir: DataDirectory, http: HTTPClient, timeout: TimeInterval = 30,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        let c = try MastodonSource(config: config, dataDir: dataDir, http: http, timeout: timeout, now: now).client
        var client = MastodonClient(instance: c.instance, label: "mastodon account \(config.id)", http: http, now: now, token: c.token)
        client.timeout = timeout
        self.client = client
    }

    public init(instance: URL, token: String, http: HTTPClient, label: String = "mastodon") {
        client = MastodonClient(instance: instance, label: label, http: http, now: { Date() }, token: TokenCache { token })
    }

    /// The JSON body sent for `draft` (exposed for tests and the outbox's "what will be sent").
    public static func body(for draft: OutgoingPost) -> [String: String] {
        var b = ["status": draft.text]
        if let r = draft.inReplyTo?.uri { b["in_reply_to_id"] = r }
        if let v = draft.visibility ?? draft.inReplyTo?.visibility { b["visibility"] = v }
        if let l = draft.language, !l.isEmpty { b["language"] = l }
        return b
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PublishError.rejected("the post is empty") }
        let body = try JSONSerialization.data(withJSONObject: MastodonPublisher.body(for: draft), options: [.sortedKeys, .withoutEscapingSlashes])
        let req = HTTPRequest(method: "POST", url: NetworkCall.url(client.instance, path: "/api/v1/statuses"),
                              headers: ["Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": idempotencyKey],
                              body: body, timeout: client.timeout)
        let r: HTTPResponse
        do {
            var authed = req
            authed.headers["Authorization"] = "Bearer " + (try client.token.get())
            authed.headers["User-Agent"] = MastodonClient.userAgent
            r = try await NetworkCall.send(client.http, authed, label: client.label)
        } catch let e as SourceError { throw PublishError(e) }
        if r.status == 422 || r.status == 400 || r.status == 404 || r.status == 403 {
            // Validation failed (too long, blank), the replied-to status is gone or may not be answered:
            // retrying cannot help.
            throw PublishError.rejected(NetworkCall.errorMessage(r.body) ?? "HTTP \(r.status)")
        }
        if r.status == 401 { client.token.reset() }
        do {
            try NetworkCall.check(r, label: client.label, loginHint: client.loginHint, now: client.now())
            let s = try NetworkCall.decode(Mastodon.Status.self, from: r, label: client.label)
            return PostedRef(id: s.id, uri: s.uri, url: s.url)
        } catch let e as SourceError { throw PublishError(e) }
    }
}

/// The out-of-band OAuth flow for `switchboard sources add`: register an app, send the person to the
/// authorisation page, exchange the code they paste for a token.
public struct MastodonOAuth: Sendable {
    public static let redirectURI = "urn:ietf:wg:oauth:2.0:oob"
    public static let scopes = "read write"
    public let instance: URL
    let http: HTTPClient

    public init(instance: URL, http: HTTPClient) { self.instance = instance; self.http = http }

    func form(_ path: String, _ fields: [(String, String)]) async throws -> HTTPResponse {
        let body = fields.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        let req = HTTPRequest(method: "POST", url: NetworkCall.url(instance, path: path),
                              headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "User-Agent": MastodonClient.userAgent],
                              body: Data(body.utf8))
        let r = try await NetworkCall.send(http, req, label: "mastodon \(instance.host ?? "")")
        try NetworkCall.check(r, label: "mastodon \(instance.host ?? "")", loginHint: "the code may have expired: start again")
        return r
    }

    /// `POST /api/v1/apps`.
    public func registerApp(name: String = "Switchboard", website: String? = nil) async throws -> Mastodon.Application {
        var f = [("client_name", name), ("redirect_uris", MastodonOAuth.redirectURI), ("scopes", MastodonOAuth.scopes)]
        if let website { f.append(("website", website)) }
        return try NetworkCall.decode(Mastodon.Application.self, from: try await form("/api/v1/apps", f), label: "mastodon app registration")
    }

    /// The page where the person approves the app and is shown a code.
    public func authorizeURL(clientID: String) -> URL {
        NetworkCall.url(instance, path: "/oauth/authorize", query: [("client_id", clientID), ("scope", MastodonOAuth.scopes),
                                                                    ("redirect_uri", MastodonOAuth.redirectURI), ("response_type", "code")])
    }

    /// `POST /oauth/token` with the pasted code.
    public func exchange(code: String, app: Mastodon.Application) async throws -> String {
        let r = try await form("/oauth/token", [("grant_type", "authorization_code"), ("code", code), ("client_id", app.clientId),
                                                ("client_secret", app.clientSecret), ("redirect_uri", MastodonOAuth.redirectURI), ("scope", MastodonOAuth.scopes)])
        return try NetworkCall.decode(Mastodon.Token.self, from: r, label: "mastodon token exchange").accessToken
    }

    /// `GET /api/v1/accounts/verify_credentials`: the account a token belongs to.
    public func verify(token: String) async throws -> Mastodon.Account {
        let c = MastodonClient(instance: instance, label: "mastodon \(instance.host ?? "")", http: http, now: { Date() }, token: TokenCache { token })
        let r = try await c.get(NetworkCall.url(instance, path: "/api/v1/accounts/verify_credentials"))
        return try NetworkCall.decode(Mastodon.Account.self, from: r, label: c.label)
    }
}
