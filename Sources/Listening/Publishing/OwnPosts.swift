import Foundation
import SwitchboardCore

/// Editing and deleting the brand's own posts on their network (`switchboard post edit|delete`): Mastodon edit
/// (`PUT /api/v1/statuses/:id` with `status`) and delete (`DELETE /api/v1/statuses/:id`), Bluesky delete
/// (`com.atproto.repo.deleteRecord` of the post's record key); the other networks in `OwnPosts+Networks.swift`. Recorded as `PostAction` once the network said yes;
/// every version stays in the log.
public enum OwnPosts {
    /// A post of the brand that can be taken back: the mention it is stored as, its network and id there, its text.
    public struct Target: Sendable, Equatable {
        public var key: String, network: String, postID: String, text: String, account: String
    }

    /// The post mention `key` stands for, with its latest text (after earlier edits); throws when it is not the
    /// brand's own (`OwnAccounts`) or is deleted already.
    public static func target(store: Store, key: String, own: OwnAccounts) throws -> Target {
        guard let m = store.mention(key) else {
            throw PublishError.configuration(L10n.t("post.no.mention", ["key": key]))
        }
        guard let handle = m.author?.handle, own.contains(handle: handle) else {
            throw PublishError.configuration(L10n.t("post.not.own", ["key": key]))
        }
        let st = store.state(key)
        if st.moderated == .delete { throw PublishError.configuration(L10n.t("post.deleted.already", ["key": key])) }
        let net = m.platform.lowercased() == "bsky" ? "bluesky" : m.platform.lowercased()
        // An item of a feed (RSS, Atom, JSON Lines) lives on no network this tool can act on.
        guard Listener.networkKinds(net) != nil else {
            throw PublishError.configuration(L10n.t("post.not.network", ["key": key, "network": name(net)]))
        }
        let id = m.reply?.uri ?? m.id
        return Target(
            key: key, network: net, postID: id, text: st.postEdits?[id] ?? m.text, account: m.author?.handle ?? "")
    }

    /// Edits the post on its network and records `post_edit` with the old and the new text.
    @discardableResult
    public static func edit(
        _ t: Target, to text: String, store: Store, team: TeamConfig, http: HTTPClient, actor: String
    ) async throws -> AuditEvent {
        switch t.network {
        case "mastodon":
            let c = try MastodonSource(setup(t, team: team, store: store, http: http)).client
            let body = try JSONSerialization.data(withJSONObject: ["status": text], options: [.sortedKeys])
            try await send(c, "PUT", t.postID, body: body)
        default:
            // A network whose API has no edit is said before any source is looked for.
            guard editable.contains(t.network) else {
                throw PublishError.configuration(L10n.t("post.edit.no.api", ["network": name(t.network)]))
            }
            try await editElsewhere(t, to: text, setup: setup(t, team: team, store: store, http: http))
        }
        return try store.record(
            [.post(.edit(mention: t.key, network: t.network, postID: t.postID, old: t.text, new: text))], actor: actor)[
                0]
    }

    /// Deletes the post on its network and records `post_delete` with the text it had.
    @discardableResult
    public static func delete(
        _ t: Target, store: Store, team: TeamConfig, http: HTTPClient, actor: String
    ) async throws -> AuditEvent {
        switch t.network {
        case "mastodon":
            let c = try MastodonSource(setup(t, team: team, store: store, http: http)).client
            try await send(c, "DELETE", t.postID, body: nil)
        case "bluesky":
            let parts = t.postID.dropFirst(5).split(separator: "/").map(String.init)
            guard t.postID.hasPrefix("at://"), parts.count == 3 else {
                throw PublishError.configuration(L10n.t("post.no.id", ["network": name(t.network)]))
            }
            let body = try JSONSerialization.data(
                withJSONObject: ["repo": parts[0], "collection": parts[1], "rkey": parts[2]], options: [.sortedKeys])
            let c = try BlueskySource(setup(t, team: team, store: store, http: http)).client
            do { _ = try await c.post("com.atproto.repo.deleteRecord", json: body) } catch let e as SourceError {
                throw PublishError(e)
            }
        default: try await deleteElsewhere(t, store: store, setup: setup(t, team: team, store: store, http: http))
        }
        return try store.record(
            [.post(.delete(mention: t.key, network: t.network, postID: t.postID, text: t.text))], actor: actor)[0]
    }

    static func send(_ c: MastodonClient, _ method: String, _ id: String, body: Data?) async throws {
        do {
            _ = try await c.send(
                HTTPRequest(
                    method: method,
                    url: NetworkCall.url(c.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id)),
                    headers: ["Content-Type": "application/json", "Accept": "application/json"], body: body,
                    timeout: c.timeout))
        } catch let e as SourceError { throw PublishError(e) }
    }

    static func setup(_ t: Target, team: TeamConfig, store: Store, http: HTTPClient) throws -> ConnectorSetup {
        guard let src = team.answeringSource(network: t.network, origin: store.mention(t.key)?.source) else {
            throw PublishError.configuration(L10n.t("post.no.source", ["network": name(t.network)]))
        }
        return ConnectorSetup(config: src, dataDir: store.dir, http: http)
    }

    static func name(_ n: String) -> String { Moderation.networkName(n) }
}
