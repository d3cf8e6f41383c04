import Foundation
import SwitchboardCore

/// Authorised requests to one Mastodon instance, with errors mapped onto `SourceError`.
struct MastodonClient: Sendable {
    let instance: URL, label: String, http: HTTPClient
    let now: @Sendable () -> Date
    let token: TokenCache
    var timeout: TimeInterval = 30

    var loginHint: String { "check the token (token_file/token_command) or run `switchboard sources add` again" }

    func get(_ url: URL) async throws -> HTTPResponse {
        try await send(HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"], timeout: timeout))
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var req = request
        req.headers["Authorization"] = "Bearer " + (try token.get())
        req.headers["User-Agent"] = MastodonClient.userAgent
        let r = try await NetworkCall.send(http, req, label: label)
        if r.status == 401 { token.reset() }
        try NetworkCall.check(r, label: label, loginHint: loginHint, now: now())
        return r
    }

    static let userAgent = "Switchboard/0.1 (social listening; +https://github.com/switchboard)"
}
