import Foundation
import SwitchboardCore

/// Editing and deleting the brand's own posts beyond Mastodon and Bluesky, each through its network's own API:
/// Reddit edits with `POST /api/editusertext` (`thing_id`, `text`), YouTube with `PUT /comments?part=snippet`
/// (the comment's id and `snippet.textOriginal`), Facebook with `POST /{comment-or-post}` (`message`). Deleting goes
/// through the network's moderator (`ModerationKind.delete`: X `DELETE /2/tweets/:id`, Reddit `/api/del`, YouTube
/// `DELETE /comments`, Graph `DELETE /{id}`), so there is one delete request per network.
extension OwnPosts {
    /// Networks whose API edits a post or comment of the account.
    static let editable: Set<String> = ["mastodon", "reddit", "youtube", "facebook"]

    /// Edits the post on Reddit, YouTube or Facebook.
    static func editElsewhere(_ t: Target, to text: String, setup: ConnectorSetup) async throws {
        switch t.network {
        case "reddit":
            guard t.postID.hasPrefix("t1_") || t.postID.hasPrefix("t3_") else {
                throw PublishError.configuration(L10n.t("post.no.id", ["network": name(t.network)]))
            }
            let client = try RedditPublisher(setup).client
            do {
                let r = try await client.send(
                    "POST", "/api/editusertext", query: [],
                    form: [("thing_id", t.postID), ("text", text), ("api_type", "json")])
                let reply = try NetworkCall.decode(Reddit.JSONReply.self, from: r, label: client.label)
                if let e = reply.errors.first {
                    throw RedditPublisher.error(
                        code: e.code, message: e.message, now: client.now(), label: client.label)
                }
            } catch let e as SourceError { throw PublishError(e) }
        case "youtube":
            let (config, dataDir, http, timeout, now) = setup.parts
            let client = try YouTubeClient(
                config: config, dataDir: dataDir, http: http, label: "youtube edit \(config.id)", timeout: timeout,
                now: now)
            let body = try JSONSerialization.data(
                withJSONObject: ["id": t.postID, "snippet": ["textOriginal": text]], options: [.sortedKeys])
            do {
                _ = try await client.call(
                    "PUT", "/comments", [("part", "snippet")], body: body, cost: YouTubeQuotaLedger.Cost.write,
                    write: true)
            } catch let e as YouTubeError {
                throw e.publishError
            } catch let e as SourceError { throw PublishError(e) }
        case "facebook":
            guard !t.postID.isEmpty, !t.postID.contains("/") else {
                throw PublishError.configuration(L10n.t("post.no.id", ["network": name(t.network)]))
            }
            try await GraphModerator(setup).graph.update("/\(t.postID)", form: [("message", text)])
        default:
            throw PublishError.configuration(L10n.t("post.edit.no.api", ["network": name(t.network)]))
        }
    }

    /// Deletes the post through the network's moderator (its `delete`), or says the network's API can't.
    static func deleteElsewhere(_ t: Target, store: Store, setup: ConnectorSetup) async throws {
        guard let mod = try Listener.moderator(for: setup.config, dataDir: store.dir, http: setup.http),
            mod.supported.contains(.delete)
        else { throw PublishError.configuration(L10n.t("post.delete.no.api", ["network": name(t.network)])) }
        let m = store.mention(t.key)
        do {
            try await mod.moderate(m?.reply ?? ReplyRef(uri: t.postID), .delete, reason: nil, ban: false)
        } catch let e as SourceError { throw PublishError(e) }
    }
}
