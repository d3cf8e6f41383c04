import Foundation
import SwitchboardCore

/// Posts statuses and replies through `POST /api/v1/statuses`, with an `Idempotency-Key` header so a retry
/// of the same draft is answered with the status already created instead of a second one.
public struct MastodonPublisher: Publisher, NetworkConnector {
    public var platform: String { "mastodon" }
    let client: MastodonClient
    /// Mastodon's default status length; servers may allow more, so this only warns via `check`.
    public static let defaultLimit = 500

    public init(_ setup: ConnectorSetup) throws {
        let (config, _, http, timeout, now) = setup.parts
        let c = try MastodonSource(setup).client
        var client = MastodonClient(
            instance: c.instance, label: "mastodon account \(config.id)", http: http, now: now, token: c.token)
        client.timeout = timeout
        self.client = client
    }

    public init(instance: URL, token: String, http: HTTPClient, label: String = "mastodon") {
        client = MastodonClient(
            instance: instance, label: label, http: http, now: { Date() }, token: TokenCache { token })
    }

    /// The JSON body sent for `draft` (exposed for tests and the outbox's "what will be sent").
    public static func body(for draft: OutgoingPost) -> [String: String] {
        var b = ["status": draft.text]
        if let r = draft.inReplyTo?.uri { b["in_reply_to_id"] = r }
        if let v = draft.visibility ?? draft.inReplyTo?.visibility { b["visibility"] = v }
        // A reply to a private message is never public, whatever the draft asked for.
        if draft.inReplyTo?.visibility == "direct" { b["visibility"] = "direct" }
        if let l = draft.language, !l.isEmpty { b["language"] = l }
        return b
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PublishError.rejected("the post is empty")
        }
        let body = try JSONSerialization.data(
            withJSONObject: MastodonPublisher.body(for: draft), options: [.sortedKeys, .withoutEscapingSlashes])
        let req = HTTPRequest(
            method: "POST", url: NetworkCall.url(client.instance, path: "/api/v1/statuses"),
            headers: [
                "Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": idempotencyKey,
            ],
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
