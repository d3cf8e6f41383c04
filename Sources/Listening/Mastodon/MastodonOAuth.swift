import Foundation
import SwitchboardCore

/// The out-of-band OAuth flow for `switchboard sources add`: register an app, send the person to the
/// authorisation page, exchange the code they paste for a token.
public struct MastodonOAuth: Sendable {
    public static let redirectURI = "urn:ietf:wg:oauth:2.0:oob"
    public static let scopes = "read write"
    public let instance: URL
    let http: HTTPClient

    public init(instance: URL, http: HTTPClient) { (self.instance, self.http) = (instance, http) }

    func form(_ path: String, _ fields: [(String, String)]) async throws -> HTTPResponse {
        let body = fields.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        let req = HTTPRequest(
            method: "POST", url: NetworkCall.url(instance, path: path),
            headers: [
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                "User-Agent": MastodonClient.userAgent,
            ],
            body: Data(body.utf8))
        let r = try await NetworkCall.send(http, req, label: "mastodon \(instance.host ?? "")")
        try NetworkCall.check(
            r, label: "mastodon \(instance.host ?? "")", loginHint: "the code may have expired: start again")
        return r
    }

    /// `POST /api/v1/apps`.
    public func registerApp(name: String = "Switchboard", website: String? = nil) async throws -> Mastodon.Application {
        var f = [("client_name", name), ("redirect_uris", MastodonOAuth.redirectURI), ("scopes", MastodonOAuth.scopes)]
        if let website { f.append(("website", website)) }
        return try NetworkCall.decode(
            Mastodon.Application.self, from: try await form("/api/v1/apps", f), label: "mastodon app registration")
    }

    /// The page where the person approves the app and is shown a code.
    public func authorizeURL(clientID: String) -> URL {
        NetworkCall.url(
            instance, path: "/oauth/authorize",
            query: [
                ("client_id", clientID), ("scope", MastodonOAuth.scopes),
                ("redirect_uri", MastodonOAuth.redirectURI), ("response_type", "code"),
            ])
    }

    /// `POST /oauth/token` with the pasted code.
    public func exchange(code: String, app: Mastodon.Application) async throws -> String {
        let r = try await form(
            "/oauth/token",
            [
                ("grant_type", "authorization_code"), ("code", code), ("client_id", app.clientId),
                ("client_secret", app.clientSecret), ("redirect_uri", MastodonOAuth.redirectURI),
                ("scope", MastodonOAuth.scopes),
            ])
        return try NetworkCall.decode(Mastodon.Token.self, from: r, label: "mastodon token exchange").accessToken
    }

    /// `GET /api/v1/accounts/verify_credentials`: the account a token belongs to.
    public func verify(token: String) async throws -> Mastodon.Account {
        let c = MastodonClient(
            instance: instance, label: "mastodon \(instance.host ?? "")", http: http, now: { Date() },
            token: TokenCache { token })
        let r = try await c.get(NetworkCall.url(instance, path: "/api/v1/accounts/verify_credentials"))
        return try NetworkCall.decode(Mastodon.Account.self, from: r, label: c.label)
    }
}
