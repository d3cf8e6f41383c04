import Foundation
import SwitchboardCore

/// Bluesky: a thread gate (`app.bsky.feed.threadgate`, who may reply: nobody, people mentioned, people the account
/// follows) and a post gate (`app.bsky.feed.postgate` with `disableRule`: no quotes), both with the post's record key,
/// written with `com.atproto.repo.putRecord`. The gates the post had before are read first (`getRecord`) and kept
/// as `previous`; the crisis's end puts them back (or deletes a gate the post did not have). A thread gate's
/// `hiddenReplies` and a post gate's `detachedEmbeddingUris` are the account's own moderation: both directions keep
/// whatever they hold at that moment.
extension BlueskyPublisher: ReplyGating {
    static let threadgate = "app.bsky.feed.threadgate", postgate = "app.bsky.feed.postgate"
    /// What each gate keeps untouched by a crisis: hidden replies, detached quotes.
    static let kept = [threadgate: "hiddenReplies", postgate: "detachedEmbeddingUris"]

    public func restrict(postID: String, replies: String, quotes: Bool) async throws -> ReplyGateResult {
        let (did, rkey, uri) = try await ids(postID)
        let now = JSONValue.string(Timestamp.format(client.now()))
        let allow: [JSONValue] =
            switch replies {
            case "mentioned": [.object(["$type": .string(Self.threadgate + "#mentionRule")])]
            case "following": [.object(["$type": .string(Self.threadgate + "#followingRule")])]
            default: []
            }
        var previous: [String: JSONValue] = [:]
        let oldGate = try await record(did, Self.threadgate, rkey)
        previous["threadgate"] = oldGate ?? .null
        try await put(
            did, Self.threadgate, rkey,
            keeping(
                ["$type": .string(Self.threadgate), "post": .string(uri), "allow": .array(allow), "createdAt": now],
                from: oldGate, Self.threadgate))
        if !quotes {
            let oldQuote = try await record(did, Self.postgate, rkey)
            previous["postgate"] = oldQuote ?? .null
            try await put(
                did, Self.postgate, rkey,
                keeping(
                    [
                        "$type": .string(Self.postgate), "post": .string(uri), "createdAt": now,
                        "embeddingRules": .array([.object(["$type": .string(Self.postgate + "#disableRule")])]),
                    ], from: oldQuote, Self.postgate))
        }
        let had = [oldGate.map { _ in "a thread gate" }, previous["postgate"]?.objectValue.map { _ in "a quote gate" }]
            .compactMap { $0 }
        return ReplyGateResult(
            .done, had.isEmpty ? nil : "had " + had.joined(separator: " and ") + " before",
            previous: .object(previous))
    }

    /// Puts back the gates `previous` holds (a gate it says the post did not have is deleted, unless it holds hidden
    /// replies or detached quotes by now); a gate `previous` does not name was not touched. Without `previous` (a
    /// record from before it was kept) both gates are lifted.
    public func restore(postID: String, previous: JSONValue?) async throws -> ReplyGateResult {
        let (did, rkey, uri) = try await ids(postID)
        let was = previous?.objectValue ?? ["threadgate": .null, "postgate": .null]
        for (name, collection) in [("threadgate", Self.threadgate), ("postgate", Self.postgate)] {
            guard let before = was[name] else { continue }
            let current = try await record(did, collection, rkey)
            let kept = Self.kept[collection]!
            if var old = before.objectValue {
                old[kept] = current?[kept]
                try await put(did, collection, rkey, old)
            } else if let k = current?[kept], !(k.arrayValue ?? []).isEmpty {
                // No gate before, but hidden replies (or detached quotes) since: a gate that allows everything.
                try await put(
                    did, collection, rkey,
                    [
                        "$type": .string(collection), "post": .string(uri),
                        "createdAt": .string(Timestamp.format(client.now())), kept: k,
                    ])
            } else {
                let body = try JSONSerialization.data(
                    withJSONObject: ["repo": did, "collection": collection, "rkey": rkey], options: [.sortedKeys])
                _ = try await client.post("com.atproto.repo.deleteRecord", json: body)
            }
        }
        return ReplyGateResult(.done)
    }

    /// `new` with the field the crisis must not touch copied from `old`.
    func keeping(_ new: [String: JSONValue], from old: JSONValue?, _ collection: String) -> [String: JSONValue] {
        var r = new
        let k = Self.kept[collection]!
        if let v = old?[k] { r[k] = v }
        return r
    }

    /// The record `collection`/`rkey` of `did` as stored (nil when there is none).
    func record(_ did: String, _ collection: String, _ rkey: String) async throws -> JSONValue? {
        let r: HTTPResponse
        do {
            r = try await client.get(
                "com.atproto.repo.getRecord", [("repo", did), ("collection", collection), ("rkey", rkey)])
        } catch SourceError.configuration(let m) where m.contains("RecordNotFound") || m.contains("HTTP 404") {
            return nil
        }
        let v = try NetworkCall.decode(JSONValue.self, from: r, label: client.label)
        return v["value"].flatMap { $0.objectValue == nil ? nil : $0 }
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

    func put(_ did: String, _ collection: String, _ rkey: String, _ record: [String: JSONValue]) async throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try enc.encode(
            JSONValue.object([
                "repo": .string(did), "collection": .string(collection), "rkey": .string(rkey),
                "record": .object(record),
            ]))
        _ = try await client.post("com.atproto.repo.putRecord", json: body)
    }
}
