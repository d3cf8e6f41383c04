import Foundation
import SwitchboardCore

/// Getting and keeping a Graph token: Facebook Login for Devices (a code the person enters on another device),
/// the exchange of a short-lived token for a long-lived one (`fb_exchange_token`, `ig_exchange_token`,
/// `th_exchange_token`) and the renewal of long-lived Instagram Login and Threads tokens (`ig_refresh_token`,
/// `th_refresh_token`). Tokens and secrets travel only in requests, never in a message.
public struct GraphOAuth: Sendable {
    public let host: Graph.Host, base: URL, label: String
    let http: HTTPClient
    public var timeout: TimeInterval = 30
    public var now: @Sendable () -> Date = { Date() }

    public init(host: Graph.Host, base: URL, http: HTTPClient, label: String, timeout: TimeInterval = 30) {
        (self.host, self.base, self.http, self.label, self.timeout) = (host, base, http, label, timeout)
    }

    /// The answer of a token endpoint: `{"access_token", "token_type", "expires_in"}` (Threads adds `user_id`).
    struct TokenAnswer: Decodable {
        var accessToken: String?
        var expiresIn: Double?
        var userID: String?
        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in", userID = "user_id"
        }
        init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            accessToken = c.graphString(.accessToken)
            expiresIn = (try? c.decodeIfPresent(Double.self, forKey: .expiresIn)) ?? nil
            userID = c.graphString(.userID)
        }
    }

    /// Exchanges a short-lived token for a long-lived one (about 60 days) with the app's id and secret.
    public func exchange(shortLived: String, clientID: String?, secret: String) async throws -> OAuthToken {
        let u: URL
        switch host {
        case .facebook:
            guard let id = clientID, !id.isEmpty else {
                throw SourceError.configuration("\(label): the exchange needs the app id (client_id)")
            }
            u = NetworkCall.url(
                base, path: "/\(Graph.version)/oauth/access_token",
                query: [
                    ("grant_type", "fb_exchange_token"), ("client_id", id), ("client_secret", secret),
                    ("fb_exchange_token", shortLived),
                ])
        case .instagram, .threads:
            let grant = host == .threads ? "th_exchange_token" : "ig_exchange_token"
            u = NetworkCall.url(
                base, path: "/access_token",
                query: [("grant_type", grant), ("client_secret", secret), ("access_token", shortLived)])
        }
        return try await token(HTTPRequest(method: "GET", url: u, timeout: timeout), kind: "exchange")
    }

    /// Renews a long-lived Instagram Login or Threads token (which must be at least a day old); Facebook Page tokens
    /// do not expire and cannot be renewed this way.
    public func refresh(_ old: OAuthToken) async throws -> OAuthToken {
        guard host != .facebook else {
            throw SourceError.needsLogin("\(label): Facebook tokens cannot be renewed; run `switchboard sources add`")
        }
        let grant = host == .threads ? "th_refresh_token" : "ig_refresh_token"
        let u = NetworkCall.url(
            base, path: "/refresh_access_token", query: [("grant_type", grant), ("access_token", old.accessToken)])
        var t = try await token(HTTPRequest(method: "GET", url: u, timeout: timeout), kind: "renewal")
        t.extra = old.extra
        return t
    }

    /// The Page's own token (`GET /{page}?fields=access_token`), which does not expire when the user token it came
    /// from is long-lived; the user token itself when Meta gives none (it is a Page token already).
    public func pageToken(_ user: OAuthToken, page: String) async throws -> OAuthToken {
        let u = NetworkCall.url(
            base, path: "/\(Graph.version)/\(page)",
            query: [("fields", "access_token,name"), ("access_token", user.accessToken)])
        let r = try await NetworkCall.send(http, HTTPRequest(url: u, timeout: timeout), label: label)
        if let e = GraphError.parse(r, label: label, now: now()) { throw e.sourceError }
        guard let a = try? NetworkCall.decode(TokenAnswer.self, from: r, label: label), let t = a.accessToken,
            !t.isEmpty
        else { return user }
        return OAuthToken(accessToken: t, extra: ["kind": "page"])
    }

    func token(_ req: HTTPRequest, kind: String) async throws -> OAuthToken {
        let r = try await NetworkCall.send(http, req, label: label)
        if let e = GraphError.parse(r, label: label, now: now()) { throw e.sourceError }
        let a = try NetworkCall.decode(TokenAnswer.self, from: r, label: label)
        guard let at = a.accessToken, !at.isEmpty else {
            throw SourceError.malformed("\(label): the token \(kind) answered without a token", sample: "")
        }
        var extra: [String: String] = [:]
        if host == .instagram { extra["login"] = "instagram" }
        if let uid = a.userID { extra["user_id"] = NetworkText.identifier(uid) }
        return OAuthToken(
            accessToken: at, expiresAt: a.expiresIn.flatMap { $0 > 0 ? now().addingTimeInterval($0) : nil },
            extra: extra.isEmpty ? nil : extra)
    }

    // MARK: Facebook Login for Devices

    /// What the person is shown: "open `verificationURI` and enter `userCode`".
    public struct DeviceCode: Sendable, Decodable {
        public var code: String
        public var userCode: String
        public var verificationURI: String
        public var expiresIn: Double
        public var interval: Double
        enum CodingKeys: String, CodingKey {
            case code, userCode = "user_code", verificationURI = "verification_uri", expiresIn = "expires_in"
            case interval
        }
        public init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            code = c.graphString(.code) ?? ""
            userCode = NetworkText.clean(c.graphString(.userCode) ?? "", max: 40)
            verificationURI = NetworkText.clean(
                c.graphString(.verificationURI) ?? "https://www.facebook.com/device", max: 200)
            expiresIn = (try? c.decodeIfPresent(Double.self, forKey: .expiresIn)) ?? nil ?? 420
            interval = (try? c.decodeIfPresent(Double.self, forKey: .interval)) ?? nil ?? 5
        }
    }

    /// Starts a device login (`POST /device/login`) with the app token `APP_ID|CLIENT_TOKEN`.
    public func startDeviceLogin(appToken: String, scope: [String]) async throws -> DeviceCode {
        let r = try await form(
            "/\(Graph.version)/device/login", [("access_token", appToken), ("scope", scope.joined(separator: ","))])
        let c = try NetworkCall.decode(DeviceCode.self, from: r, label: label)
        guard !c.code.isEmpty, !c.userCode.isEmpty else {
            throw SourceError.malformed("\(label): the device login answered without a code", sample: "")
        }
        return c
    }

    public enum DeviceStatus: Sendable { case pending, slowDown, expired, token(OAuthToken) }

    /// Asks once whether the person entered the code (`POST /device/login_status`).
    public func deviceStatus(appToken: String, code: String) async throws -> DeviceStatus {
        let u = NetworkCall.url(base, path: "/\(Graph.version)/device/login_status")
        let r = try await NetworkCall.send(
            http, formRequest(u, [("access_token", appToken), ("code", code)]), label: label)
        if let e = GraphError.parse(r, label: label, now: now()) {
            switch e.subcode {
            case 1_349_174: return .pending
            case 1_349_172: return .slowDown
            case 1_349_152: return .expired
            default: throw e.sourceError
            }
        }
        let a = try NetworkCall.decode(TokenAnswer.self, from: r, label: label)
        guard let at = a.accessToken, !at.isEmpty else { return .pending }
        return .token(
            OAuthToken(accessToken: at, expiresAt: a.expiresIn.flatMap { $0 > 0 ? now().addingTimeInterval($0) : nil }))
    }

    func form(_ path: String, _ items: [(String, String)]) async throws -> HTTPResponse {
        let r = try await NetworkCall.send(http, formRequest(NetworkCall.url(base, path: path), items), label: label)
        if let e = GraphError.parse(r, label: label, now: now()) { throw e.sourceError }
        return r
    }

    func formRequest(_ u: URL, _ items: [(String, String)]) -> HTTPRequest {
        let body = items.map { NetworkCall.escape($0.0) + "=" + NetworkCall.escape($0.1) }.joined(separator: "&")
        return HTTPRequest(
            method: "POST", url: u, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(body.utf8), timeout: timeout)
    }
}
