import Foundation
import SwitchboardCore

/// Google OAuth for a YouTube source, as `switchboard sources add youtube` runs it.
///
/// - The device flow (`POST /device/code`, then polling `/token`) needs no browser on this machine, but Google allows
///   it only a short list of scopes: for YouTube `youtube` and `youtube.readonly`, NOT `youtube.force-ssl`, which
///   `comments.insert`, `comments.setModerationStatus` and `comments.delete` require. So it is offered for sources
///   that only listen.
/// - The installed-app flow (authorisation code with PKCE and a loopback redirect to 127.0.0.1) covers
///   `youtube.force-ssl`. When the browser runs elsewhere, the person pastes the address the browser ended on (or
///   just its `code`).
///
/// Every endpoint is overridable (`oauthBase` for the token and device endpoints, `authorizeURL`), for tests.
public struct YouTubeOAuth: Sendable {
    public let clientID: String
    public let clientSecret: String?
    public let http: HTTPClient
    public var tokenURL: URL
    public var deviceURL: URL
    public var authorizeURL: URL
    public var timeout: TimeInterval = 30

    public static let readScope = "https://www.googleapis.com/auth/youtube.readonly"
    public static let writeScope = "https://www.googleapis.com/auth/youtube.force-ssl"

    /// `oauthBase` replaces `https://oauth2.googleapis.com` (token and device endpoints) and the authorisation page.
    public init(clientID: String, clientSecret: String?, http: HTTPClient, oauthBase: URL? = nil) {
        (self.clientID, self.clientSecret, self.http) = (clientID, clientSecret, http)
        let base = oauthBase ?? URL(string: "https://oauth2.googleapis.com")!
        tokenURL = NetworkCall.url(base, path: "/token")
        deviceURL = NetworkCall.url(base, path: "/device/code")
        authorizeURL =
            oauthBase.map { NetworkCall.url($0, path: "/auth") }
            ?? URL(string: "https://accounts.google.com/o/oauth2/v2/auth")!
    }

    /// Google's token endpoint answer.
    public struct TokenResponse: Decodable, Sendable {
        public var accessToken: String
        public var refreshToken: String?
        public var expiresIn: Double?
        public var scope: String?
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", refreshToken = "refresh_token", expiresIn = "expires_in", scope
        }

        /// The token file's form, keeping the refresh token (Google sends it only once) and where to renew.
        func token(keeping old: OAuthToken?, now: Date, tokenURL: URL? = nil, clientID: String? = nil) -> OAuthToken {
            var extra = old?.extra ?? [:]
            if let u = tokenURL { extra["token_uri"] = u.absoluteString }
            if let c = clientID { extra["client_id"] = c }
            return OAuthToken(
                accessToken: accessToken, refreshToken: refreshToken ?? old?.refreshToken,
                expiresAt: expiresIn.map { now.addingTimeInterval($0) }, scope: scope ?? old?.scope,
                extra: extra.isEmpty ? nil : extra)
        }
    }

    /// `POST /device/code`'s answer: what the person types where.
    public struct DeviceCode: Decodable, Sendable {
        public var deviceCode: String
        public var userCode: String
        public var verificationURL: String
        public var expiresIn: Double?
        public var interval: Double?
        enum CodingKeys: String, CodingKey {
            case deviceCode = "device_code", userCode = "user_code", verificationURL = "verification_url"
            case expiresIn = "expires_in", interval
        }
    }

    // MARK: Device flow (reading only)

    public func requestDeviceCode(scope: String = YouTubeOAuth.readScope) async throws -> DeviceCode {
        let r = try await YouTubeOAuth.postForm(
            deviceURL, [("client_id", clientID), ("scope", scope)], http: http, label: "Google login", timeout: timeout)
        try check(r)
        return try NetworkCall.decode(DeviceCode.self, from: r, label: "Google login")
    }

    /// Polls `/token` until the person approved (or refused, or the code expired). `sleep` is injectable for tests.
    public func waitForDevice(
        _ code: DeviceCode, now: @Sendable () -> Date = { Date() },
        sleep: @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }
    ) async throws -> OAuthToken {
        var interval = max(1, code.interval ?? 5)
        let deadline = now().addingTimeInterval(code.expiresIn ?? 1800)
        while now() < deadline {
            try await sleep(interval)
            var form = [
                ("client_id", clientID), ("device_code", code.deviceCode),
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ]
            if let s = clientSecret { form.append(("client_secret", s)) }
            let r = try await YouTubeOAuth.postForm(tokenURL, form, http: http, label: "Google login", timeout: timeout)
            if (200..<300).contains(r.status) { return try token(r, now: now()) }
            switch NetworkCall.errorMessage(r.body).map({ String($0.prefix { $0 != ":" }) }) {
            case "authorization_pending": continue
            case "slow_down": interval += 5
            case "access_denied": throw SourceError.needsLogin("Google login: access was refused")
            case "expired_token": throw SourceError.needsLogin("Google login: the code expired; start again")
            default: try check(r)
            }
        }
        throw SourceError.needsLogin("Google login: the code expired before it was approved; start again")
    }

    // MARK: Installed-app flow (replies and moderation)

    /// A PKCE verifier (43–128 characters of the unreserved set).
    public static func newVerifier() -> String {
        let chars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return String((0..<64).map { _ in chars[Int.random(in: 0..<chars.count)] })
    }

    /// The page the person opens to approve: offline access (a refresh token), consent asked again so Google sends
    /// the refresh token, PKCE with the S256 method (the verifier stays here; Google sees only its SHA-256).
    public func authorizationURL(redirect: String, verifier: String, scope: String = YouTubeOAuth.writeScope) -> URL {
        var u = URLComponents(url: authorizeURL, resolvingAgainstBaseURL: false)!
        u.queryItems = [
            URLQueryItem(name: "client_id", value: clientID), URLQueryItem(name: "redirect_uri", value: redirect),
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "scope", value: scope),
            URLQueryItem(name: "access_type", value: "offline"), URLQueryItem(name: "prompt", value: "consent"),
            URLQueryItem(name: "code_challenge", value: SHA256.pkceChallenge(verifier)),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        return u.url ?? authorizeURL
    }

    /// The code in what the person pasted: the whole address the browser ended on (`…?code=…&scope=…`), or the code.
    public static func code(fromPasted s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return nil }
        if t.contains("code="), let q = URLComponents(string: t.contains("?") ? t : "x:/?" + t) {
            return q.queryItems?.first { $0.name == "code" }?.value
        }
        return t.contains(where: \.isWhitespace) ? nil : t
    }

    /// Exchanges an authorisation code for tokens (`grant_type=authorization_code`).
    public func exchange(code: String, redirect: String, verifier: String, now: Date = Date()) async throws
        -> OAuthToken
    {
        var form = [
            ("client_id", clientID), ("code", code), ("code_verifier", verifier), ("grant_type", "authorization_code"),
            ("redirect_uri", redirect),
        ]
        if let s = clientSecret { form.append(("client_secret", s)) }
        let r = try await YouTubeOAuth.postForm(tokenURL, form, http: http, label: "Google login", timeout: timeout)
        try check(r)
        return try token(r, now: now)
    }

    func token(_ r: HTTPResponse, now: Date) throws -> OAuthToken {
        try NetworkCall.decode(TokenResponse.self, from: r, label: "Google login")
            .token(keeping: nil, now: now, tokenURL: tokenURL, clientID: clientID)
    }

    func check(_ r: HTTPResponse) throws {
        guard !(200..<300).contains(r.status) else { return }
        if r.status == 400 || r.status == 401 || r.status == 403 {
            throw SourceError.needsLogin(
                "Google login refused: \(NetworkCall.errorMessage(r.body) ?? "HTTP \(r.status)")")
        }
        try NetworkCall.check(r, label: "Google login", loginHint: "", now: Date())
    }

    /// `application/x-www-form-urlencoded` POST.
    static func postForm(_ url: URL, _ form: [(String, String)], http: HTTPClient, label: String, timeout: TimeInterval)
        async throws -> HTTPResponse
    {
        let body = form.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        let req = HTTPRequest(
            method: "POST", url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(body.utf8), timeout: timeout)
        return try await NetworkCall.send(http, req, label: label)
    }
}
