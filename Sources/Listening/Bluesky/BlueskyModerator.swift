import Foundation
import SwitchboardCore

/// Moderation of authors on Bluesky for the account of a source: mute and unmute (`app.bsky.graph.muteActor`,
/// `unmuteActor`), block and unblock (an `app.bsky.graph.block` record with a record key made from the author's
/// DID, so Switchboard can delete the block it made) and report (`com.atproto.moderation.createReport` on the
/// post, with the reason). The author is the DID in the post's AT-URI. Hide and unhide a reply in a thread that starts
/// with the account's own post: its thread gate's `hiddenReplies` (BlueskyModerator+HiddenReplies.swift).
public struct BlueskyModerator: Moderator, NetworkConnector {
    public var platform: String { "bluesky" }
    public var supported: [ModerationKind] { [.hide, .unhide, .mute, .unmute, .block, .unblock, .report] }
    let client: BlueskyClient
    let now: @Sendable () -> Date

    public init(_ setup: ConnectorSetup) throws {
        client = try BlueskySource(setup).client
        now = setup.now
    }

    /// The record key of the block of `did` that Switchboard makes (and deletes on unblock).
    static func blockKey(_ did: String) -> String {
        "sb" + SHA256.hash(Array(did.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard let uri = target.uri, uri.hasPrefix("at://"),
            let did = uri.dropFirst(5).split(separator: "/").first.map(String.init), did.hasPrefix("did:")
        else { throw PublishError.configuration("this post has no Bluesky AT-URI to act on") }
        let nsid: String
        var body: [String: Any]
        switch kind {
        case .hide, .unhide:
            do { return try await hideReply(target, uri: uri, hide: kind == .hide) } catch let e as SourceError {
                throw PublishError(e)
            }
        case .mute: (nsid, body) = ("app.bsky.graph.muteActor", ["actor": did])
        case .unmute: (nsid, body) = ("app.bsky.graph.unmuteActor", ["actor": did])
        case .block, .unblock:
            let me = try await session().did
            let key = BlueskyModerator.blockKey(did)
            body = ["repo": me, "collection": "app.bsky.graph.block", "rkey": key]
            if kind == .block {
                nsid = "com.atproto.repo.createRecord"
                body["record"] = [
                    "$type": "app.bsky.graph.block", "subject": did, "createdAt": Timestamp.format(now()),
                ]
            } else {
                nsid = "com.atproto.repo.deleteRecord"
            }
        case .report:
            guard let cid = target.cid else {
                throw PublishError.configuration("this post has no Bluesky CID to report")
            }
            nsid = "com.atproto.moderation.createReport"
            body = [
                "reasonType": "com.atproto.moderation.defs#reasonOther", "reason": reason ?? "",
                "subject": ["$type": "com.atproto.repo.strongRef", "uri": uri, "cid": cid],
            ]
        default:
            throw PublishError.configuration(
                "Bluesky offers hide, unhide, mute, unmute, block, unblock and report (not \(kind.rawValue))")
        }
        let json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        do {
            _ = try await client.post(nsid, json: json)
        } catch SourceError.configuration(let why) where kind == .block && why.lowercased().contains("already exist") {
            return  // blocked before (a retry): done
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }

    func session() async throws -> BlueskyStoredSession {
        do { return try await client.session() } catch let e as SourceError { throw PublishError(e) }
    }
}
