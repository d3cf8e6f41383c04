import Foundation
import SwitchboardCore

/// Mastodon: who may quote a post (`PUT /api/v1/statuses/:id/interaction_policy` with `quote_approval_policy`,
/// Mastodon 4.5 and later): `nobody` while the crisis runs, `public` after. Mastodon has no way to restrict replies;
/// a server without quote policies (404, 422) is recorded as not supported.
extension MastodonPublisher: ReplyGating {
    public func restrict(postID: String, replies: String, quotes: Bool) async throws -> (
        ReplyGateRecord.Outcome, String?
    ) {
        let note = "Mastodon cannot restrict replies"
        if quotes { return (.unsupported, note) }
        let (o, why) = try await quotePolicy(postID, "nobody")
        return (o, o == .done ? note + "; quotes: nobody" : why)
    }

    public func restore(postID: String) async throws -> (ReplyGateRecord.Outcome, String?) {
        try await quotePolicy(postID, "public")
    }

    func quotePolicy(_ id: String, _ policy: String) async throws -> (ReplyGateRecord.Outcome, String?) {
        let body = try JSONSerialization.data(
            withJSONObject: ["quote_approval_policy": policy], options: [.sortedKeys])
        let url = NetworkCall.url(
            client.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id) + "/interaction_policy")
        do {
            _ = try await client.send(
                HTTPRequest(
                    method: "PUT", url: url,
                    headers: ["Content-Type": "application/json", "Accept": "application/json"], body: body,
                    timeout: client.timeout))
        } catch SourceError.configuration(let m) where m.contains("HTTP 404") || m.contains("HTTP 422") {
            return (.unsupported, "this server has no quote policies (Mastodon 4.5 or later has them)")
        }
        return (.done, nil)
    }
}
