import Foundation
import SwitchboardCore

/// A Reddit source's OAuth2 access: the token in its `token_file` (`OAuthTokenStore`), renewed before it expires
/// (Reddit's tokens last an hour) by one process at a time — with the refresh token of an installed or web app
/// (`grant_type=refresh_token`), or the password grant of a script app (`password_file`) — both with HTTP Basic
/// client id and secret against the token endpoint (`https://www.reddit.com/api/v1/access_token`, or the `api`
/// base's when set).
public final class RedditAuth: @unchecked Sendable {
    public let tokens: OAuthTokenStore
    public let tokenURL: URL
    let clientID: String?, username: String?, label: String, http: HTTPClient
    let now: @Sendable () -> Date
    let secret: @Sendable () throws -> String
    let password: (@Sendable () throws -> String)?
    let passwordFile: URL?
    /// Renew this long before the token expires.
    public var margin: TimeInterval = 300

    init(
        config c: SourceConfig, dataDir: DataDirectory, http: HTTPClient, label: String,
        now: @escaping @Sendable () -> Date
    ) {
        let file = Secrets.path(c.tokenFile ?? "secrets/\(c.id).token", in: dataDir)
        tokens = OAuthTokenStore(file: file, what: "token of source \(c.id)")
        tokenURL = NetworkCall.url(c.apiBase ?? RedditAuth.wwwBase, path: "/api/v1/access_token")
        (clientID, username, self.label, self.http, self.now) = (c.clientID, c.username, label, http, now)
        let secretFile = c.secretFile
        secret = {
            guard let f = secretFile, !f.isEmpty else { return "" }
            return try Secrets.resolve(file: f, command: nil, dataDir: dataDir, what: "client secret of source \(c.id)")
        }
        passwordFile = c.passwordFile.map { Secrets.path($0, in: dataDir) }
        if let pf = c.passwordFile, !pf.isEmpty {
            let what = "password of source \(c.id)"
            password = { try Secrets.resolve(file: pf, command: nil, dataDir: dataDir, what: what) }
        } else {
            password = nil
        }
    }

    public static let wwwBase = URL(string: "https://www.reddit.com")!
    /// What to do when a login is refused: the source named by `label` ("reddit source ID") logs in again.
    public static func hint(_ label: String) -> String {
        let id = label.split(separator: " ").last.map(String.init) ?? "ID"
        return "log in again: `switchboard sources add --type reddit --id \(id) --relogin`"
    }

    /// An access token valid for at least `margin` more seconds. A script app without a token file yet logs in.
    public func accessToken() async throws -> String {
        if password != nil, !FileManager.default.fileExists(atPath: tokens.file.path) {
            let t = try await passwordGrant()
            try tokens.save(t)
            return t.accessToken
        }
        return try await tokens.valid(margin: margin, now: now()) { old in try await self.renew(old) }.accessToken
    }

    /// After a 401: renews the token when it can be renewed (a second process may have done so already).
    /// False when it cannot: the person must log in again.
    func renewAfterRefusal() async throws -> Bool {
        tokens.reset()
        let t = try tokens.current()
        guard t.refreshToken != nil || password != nil, t.expiresAt != nil else { return false }
        _ = try await tokens.valid(margin: .greatestFiniteMagnitude, now: now()) { old in try await self.renew(old) }
        return true
    }

    func renew(_ old: OAuthToken) async throws -> OAuthToken {
        if let r = old.refreshToken {
            var t = try await grant([("grant_type", "refresh_token"), ("refresh_token", r)])
            if t.refreshToken == nil { t.refreshToken = r }
            return t
        }
        if password != nil { return try await passwordGrant() }
        throw SourceError.needsLogin(
            "\(label): the Reddit token expired and cannot be renewed; \(RedditAuth.hint(label))")
    }

    /// The script app's login: `grant_type=password` with the account's name and password.
    public func passwordGrant() async throws -> OAuthToken {
        guard let password, let username, !username.isEmpty else {
            throw SourceError.configuration("\(label): a script app needs `username` and `password_file`")
        }
        return try await grant([("grant_type", "password"), ("username", username), ("password", try password())])
    }

    /// The installed/web app's first token: the code from the redirect.
    public func exchange(code: String, redirectURI: String) async throws -> OAuthToken {
        try await grant([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI)])
    }

    /// One request to the token endpoint with HTTP Basic client id and secret.
    func grant(_ fields: [(String, String)]) async throws -> OAuthToken {
        guard let clientID, !clientID.isEmpty else {
            throw SourceError.configuration(
                "\(label): `client_id` is missing (the app's id from reddit.com/prefs/apps)")
        }
        let basic = Data((clientID + ":" + (try secret())).utf8).base64EncodedString()
        let req = HTTPRequest(
            method: "POST", url: tokenURL,
            headers: [
                "Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json", "User-Agent": RedditClient.userAgent(username),
            ],
            body: Data(RedditClient.form(fields).utf8))
        let r = try await NetworkCall.send(http, req, label: label)
        let reply = try? NetworkCall.decode(Reddit.TokenReply.self, from: r, label: label)
        if r.status == 401 || r.status == 403 {
            throw SourceError.needsLogin(
                "\(label): Reddit refused the app's client id or secret (HTTP \(r.status)); check client_id and "
                    + "secret_file, or \(RedditAuth.hint(label))")
        }
        if let e = reply?.error {
            throw SourceError.needsLogin(
                "\(label): Reddit refused the login (\(NetworkText.clean(e, max: 60))): the "
                    + (fields.first?.1 == "password"
                        ? "password or user name is wrong" : "grant expired or was revoked")
                    + "; \(RedditAuth.hint(label))")
        }
        try RedditClient.check(r, label: label, now: now())
        guard let reply, let access = reply.accessToken, !access.isEmpty else {
            _ = try NetworkCall.decode([String: String].self, from: r, label: label)
            throw SourceError.malformed("\(label): the token endpoint sent no access token", sample: "")
        }
        return OAuthToken(
            accessToken: access, refreshToken: reply.refreshToken,
            expiresAt: now().addingTimeInterval(reply.expiresIn ?? 3600), scope: reply.scope,
            extra: username.map { ["username": $0] })
    }

    /// The scopes `sources add` asks for: reading (identity, read, history, privatemessages for the inbox),
    /// answering (submit), moderating (modposts).
    public static let scopes = "identity read history submit privatemessages modposts"

    /// The page where the person approves the app (`duration=permanent`: a refresh token comes with the code).
    public static func authorizeURL(base: URL? = nil, clientID: String, state: String, redirectURI: String) -> URL {
        NetworkCall.url(
            base ?? wwwBase, path: "/api/v1/authorize",
            query: [
                ("client_id", clientID), ("response_type", "code"), ("state", state), ("redirect_uri", redirectURI),
                ("duration", "permanent"), ("scope", scopes),
            ])
    }

    /// The code in what the person pasted: the redirect URL (`…?state=S&code=C`) or the code itself. Throws the
    /// refusal Reddit put in the URL (`error=access_denied`), or a state that is not `state` (when given).
    public static func code(fromPasted pasted: String, state: String?) throws -> String {
        let p = pasted.trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.contains("="),
            let q = URLComponents(string: p)?.queryItems ?? URLComponents(string: "?" + p)?.queryItems
        else {
            guard !p.isEmpty, p.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw SourceError.configuration("that is neither the redirect address nor a code")
            }
            return p
        }
        func item(_ n: String) -> String? { q.first { $0.name == n }?.value }
        if let e = item("error") {
            throw SourceError.configuration("Reddit did not authorise the app: \(NetworkText.clean(e, max: 60))")
        }
        if let state, let got = item("state"), got != state {
            throw SourceError.configuration("the redirect belongs to another authorisation (its state differs)")
        }
        guard var c = item("code"), !c.isEmpty else {
            throw SourceError.configuration("the address holds no `code`")
        }
        if c.hasSuffix("#_") { c.removeLast(2) }
        return c
    }
}
