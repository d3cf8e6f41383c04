import Foundation
import SwitchboardCore

/// X's OAuth 2.0 Authorization Code flow with PKCE (S256): the address to open, the exchange of the code the
/// redirect brings back (a loopback redirect on 127.0.0.1 or a pasted code), and the renewal with the refresh
/// token `offline.access` grants. X rotates refresh tokens: the one used is refused afterwards, so the renewed token
/// is saved at once (`OAuthTokenStore.valid` renews under a lock, one process at a time).
public enum XOAuth {
    /// What Switchboard asks for: read posts and users, post, keep access (refresh token), upload media.
    public static let scopes = ["tweet.read", "tweet.write", "users.read", "offline.access", "media.write"]
    public static let authorizeURL = URL(string: "https://x.com/i/oauth2/authorize")!

    /// A PKCE verifier (43 characters of the unreserved set) and its S256 challenge.
    public struct PKCE: Sendable {
        public var verifier: String, challenge: String, state: String
        public init(verifier: String? = nil, state: String? = nil) {
            let v = verifier ?? XOAuth.randomToken(32)
            (self.verifier, self.state) = (v, state ?? XOAuth.randomToken(16))
            challenge = SHA256.pkceChallenge(v)
        }
    }

    /// The address a person opens to authorise the app; `directMessages` asks for `dm.read dm.write` too.
    public static func authorizeURL(
        clientID: String, redirectURI: String, pkce: PKCE, base: URL = authorizeURL, directMessages: Bool = false
    ) -> URL {
        let q: [(String, String)] = [
            ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI),
            ("scope", (scopes + (directMessages ? X.dmScopes : [])).joined(separator: " ")), ("state", pkce.state),
            ("code_challenge", pkce.challenge),
            ("code_challenge_method", "S256"),
        ]
        var s = base.absoluteString
        s += "?" + q.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        return URL(string: s)!
    }

    /// Reads the code from what a person pasted: the code itself, or the whole redirect address
    /// (`…/callback?state=…&code=…`). Throws when the state does not match (a redirect meant for another login).
    public static func code(fromPasted s: String, state: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.contains("code="), let comps = URLComponents(string: t.contains("?") ? t : "?" + t) else { return t }
        let items = comps.queryItems ?? []
        if let e = items.first(where: { $0.name == "error" })?.value {
            throw SourceError.needsLogin("X refused the authorisation: \(NetworkText.clean(e, max: 100))")
        }
        if let st = items.first(where: { $0.name == "state" })?.value, st != state {
            throw SourceError.configuration("the pasted address belongs to another login (its state does not match)")
        }
        guard let code = items.first(where: { $0.name == "code" })?.value, !code.isEmpty else { return t }
        return code
    }

    /// Exchanges an authorisation code for a token (`POST /2/oauth2/token`, public client: `client_id` in the body).
    public static func exchange(
        code: String, verifier: String, clientID: String, redirectURI: String, base: URL = X.defaultBase,
        http: HTTPClient, now: Date = Date()
    ) async throws -> OAuthToken {
        try await token(
            [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
                ("code_verifier", verifier), ("client_id", clientID),
            ], base: base, http: http, label: "X login", loginHint: "start the login again", timeout: 30, now: now)
    }

    /// Renews `old` with its refresh token; needs login when there is none or X refuses it.
    static func refresh(
        _ old: OAuthToken, clientID: String?, base: URL, http: HTTPClient, label: String, loginHint: String,
        timeout: TimeInterval, now: Date
    ) async throws -> OAuthToken {
        guard let rt = old.refreshToken, !rt.isEmpty else {
            throw SourceError.needsLogin("\(label): the X token expired and there is no refresh token; \(loginHint)")
        }
        guard let clientID, !clientID.isEmpty else {
            throw SourceError.needsLogin(
                "\(label): the X token expired and `client_id` is not set, so it cannot be renewed; \(loginHint)")
        }
        var t = try await token(
            [("grant_type", "refresh_token"), ("refresh_token", rt), ("client_id", clientID)], base: base, http: http,
            label: label, loginHint: loginHint, timeout: timeout, now: now)
        if t.refreshToken == nil { t.refreshToken = rt }
        return t
    }

    struct TokenResponse: Decodable {
        var accessToken: String
        var refreshToken: String?, scope: String?
        var expiresIn: Double?
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", refreshToken = "refresh_token", scope, expiresIn = "expires_in"
        }
    }

    static func token(
        _ form: [(String, String)], base: URL, http: HTTPClient, label: String, loginHint: String,
        timeout: TimeInterval, now: Date
    ) async throws -> OAuthToken {
        let body = form.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        let req = HTTPRequest(
            method: "POST", url: NetworkCall.url(base, path: "/2/oauth2/token"),
            headers: [
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                "User-Agent": XClient.userAgent,
            ], body: Data(body.utf8), timeout: timeout)
        let r = try await NetworkCall.send(http, req, label: label)
        if [400, 401, 403].contains(r.status) {
            let why = NetworkCall.errorMessage(r.body).map { ": \($0)" } ?? ""
            throw SourceError.needsLogin("\(label): X refused the token request (HTTP \(r.status)\(why)); \(loginHint)")
        }
        try NetworkCall.check(r, label: label, loginHint: loginHint, now: now)
        let t = try NetworkCall.decode(TokenResponse.self, from: r, label: label)
        return OAuthToken(
            accessToken: t.accessToken, refreshToken: t.refreshToken,
            expiresAt: t.expiresIn.map { now.addingTimeInterval($0) }, scope: t.scope)
    }

    static func randomToken(_ bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        return SHA256.base64URL((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &g) })
    }
}
