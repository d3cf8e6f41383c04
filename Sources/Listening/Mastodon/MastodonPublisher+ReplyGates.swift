import Foundation
import SwitchboardCore

/// Mastodon: who may quote a post (`PUT /api/v1/statuses/:id/interaction_policy` with `quote_approval_policy`,
/// Mastodon 4.5 and later): `nobody` while the crisis runs; the policy the post had before (read from the status's
/// `quote_approval`: `public`, `followers` or `nobody`) after, `public` when it could not be read. Mastodon has no way
/// to restrict replies; a server without quote policies (404, 422) is recorded as not supported.
extension MastodonPublisher: ReplyGating {
    public func restrict(postID: String, replies: String, quotes: Bool) async throws -> ReplyGateResult {
        let note = "Mastodon cannot restrict replies"
        if quotes { return ReplyGateResult(.unsupported, note) }
        let before = await quotePolicy(of: postID)
        let r = try await setQuotePolicy(postID, "nobody")
        guard r.outcome == .done else { return r }
        return ReplyGateResult(
            .done, note + "; quotes: nobody" + (before.map { " (was \($0))" } ?? ""),
            previous: before.map { .object(["quote_policy": .string($0)]) })
    }

    public func restore(postID: String, previous: JSONValue?) async throws -> ReplyGateResult {
        let policy = previous?["quote_policy"]?.stringValue ?? "public"
        var r = try await setQuotePolicy(postID, policy)
        if r.outcome == .done, policy != "public" { r.detail = "quotes: \(policy) as before" }
        return r
    }

    /// The status's quote policy as `quote_approval` says it (nil: not said, or the status could not be read).
    func quotePolicy(of id: String) async -> String? {
        let url = NetworkCall.url(client.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id))
        guard let r = try? await client.get(url),
            let status = try? JSONDecoder().decode(JSONValue.self, from: r.body),
            let approval = status["quote_approval"]?.objectValue
        else { return nil }
        let who = Set(
            ((approval["automatic"]?.arrayValue ?? []) + (approval["manual"]?.arrayValue ?? [])).compactMap(
                \.stringValue))
        if who.contains("public") { return "public" }
        if who.contains("followers") { return "followers" }
        return who.isEmpty ? "nobody" : nil
    }

    func setQuotePolicy(_ id: String, _ policy: String) async throws -> ReplyGateResult {
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
            return ReplyGateResult(.unsupported, "this server has no quote policies (Mastodon 4.5 or later has them)")
        }
        return ReplyGateResult(.done)
    }
}
