import Foundation
import SwitchboardCore

/// Moderation of authors on Mastodon for the account of a source: mute, unmute, block, unblock
/// (`POST /api/v1/accounts/:id/mute|unmute|block|unblock`) and report (`POST /api/v1/reports` with the status and
/// the reason as its comment). The author's account id on the server comes from the status (`GET
/// /api/v1/statuses/:id`). Mastodon offers no API to hide or delete other people's posts.
public struct MastodonModerator: Moderator, NetworkConnector {
    public var platform: String { "mastodon" }
    public var supported: [ModerationKind] { [.mute, .unmute, .block, .unblock, .report] }
    let client: MastodonClient

    public init(_ setup: ConnectorSetup) throws {
        client = try MastodonSource(setup).client
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard let id = target.uri, !id.isEmpty else {
            throw PublishError.configuration("this post has no Mastodon status id to act on")
        }
        do {
            let r = try await client.get(
                NetworkCall.url(client.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id)))
            let author = try NetworkCall.decode(Mastodon.Status.self, from: r, label: client.label).account.id
            let path: String
            var body: [String: Any] = [:]
            switch kind {
            case .mute, .unmute, .block, .unblock:
                path = "/api/v1/accounts/\(NetworkCall.escape(author))/\(kind.rawValue)"
            case .report:
                path = "/api/v1/reports"
                body = ["account_id": author, "status_ids": [id], "comment": reason ?? "", "category": "other"]
            default:
                throw PublishError.configuration(
                    "Mastodon offers mute, unmute, block, unblock and report (not \(kind.rawValue))")
            }
            let json = try JSONSerialization.data(
                withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
            _ = try await client.send(
                HTTPRequest(
                    method: "POST", url: NetworkCall.url(client.instance, path: path),
                    headers: ["Content-Type": "application/json", "Accept": "application/json"], body: json,
                    timeout: client.timeout))
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }
}
