import Foundation
import SwitchboardCore

/// Bluesky: a thread gate (`app.bsky.feed.threadgate`, who may reply: nobody, people mentioned, people the account
/// follows) and a post gate (`app.bsky.feed.postgate` with `disableRule`: no quotes), both with the post's record key,
/// written with `com.atproto.repo.putRecord`; lifted with `deleteRecord`. A gate the post had before is replaced, except
/// for the replies it hides (`hiddenReplies`, see `BlueskyThreadgate`): they stay hidden during and after the crisis.
extension BlueskyPublisher: ReplyGating {
    static let threadgate = "app.bsky.feed.threadgate", postgate = "app.bsky.feed.postgate"

    public func restrict(postID: String, replies: String, quotes: Bool) async throws -> (
        ReplyGateRecord.Outcome, String?
    ) {
        let (did, rkey, uri) = try await ids(postID)
        let now = Timestamp.format(client.now())
        let allow: [[String: String]] =
            switch replies {
            case "mentioned": [["$type": Self.threadgate + "#mentionRule"]]
            case "following": [["$type": Self.threadgate + "#followingRule"]]
            default: []
            }
        // The gate's `allow` is replaced; the replies hidden in the thread (`hiddenReplies`) stay hidden.
        try await BlueskyThreadgate(client: client, did: did, rkey: rkey).update(now: client.now()) { gate in
            let hidden = gate["hiddenReplies"]
            gate = ["$type": Self.threadgate, "post": uri, "allow": allow, "createdAt": now]
            if let hidden { gate["hiddenReplies"] = hidden }
            return true
        }
        if !quotes {
            try await put(
                did, Self.postgate, rkey,
                [
                    "$type": Self.postgate, "post": uri, "createdAt": now,
                    "embeddingRules": [["$type": Self.postgate + "#disableRule"]],
                ])
        }
        return (.done, nil)
    }

    public func restore(postID: String) async throws -> (ReplyGateRecord.Outcome, String?) {
        let (did, rkey, _) = try await ids(postID)
        // Everyone may reply again (a gate without `allow`); a gate that only held the rules goes, one that hides
        // replies stays with them.
        let gate = BlueskyThreadgate(client: client, did: did, rkey: rkey)
        var lifted = false
        try await gate.update(now: client.now()) { record in
            guard let hidden = record["hiddenReplies"] as? [Any], !hidden.isEmpty else { return false }
            record["allow"] = nil
            lifted = true
            return true
        }
        if !lifted { try await gate.delete() }
        let body = try JSONSerialization.data(
            withJSONObject: ["repo": did, "collection": Self.postgate, "rkey": rkey], options: [.sortedKeys])
        _ = try await client.post("com.atproto.repo.deleteRecord", json: body)
        return (.done, nil)
    }

    /// The account's DID, the post's record key and its AT-URI, from a record key or an AT-URI.
    func ids(_ postID: String) async throws -> (String, String, String) {
        let did = try await client.session().did
        if postID.hasPrefix("at://") {
            let parts = postID.dropFirst(5).split(separator: "/").map(String.init)
            guard parts.count == 3 else { throw PublishError.configuration("not a post's AT-URI: \(postID)") }
            return (parts[0], parts[2], postID)
        }
        return (did, postID, "at://\(did)/app.bsky.feed.post/\(postID)")
    }

    func put(_ did: String, _ collection: String, _ rkey: String, _ record: [String: Any]) async throws {
        let body = try JSONSerialization.data(
            withJSONObject: ["repo": did, "collection": collection, "rkey": rkey, "record": record],
            options: [.sortedKeys, .withoutEscapingSlashes])
        _ = try await client.post("com.atproto.repo.putRecord", json: body)
    }
}
