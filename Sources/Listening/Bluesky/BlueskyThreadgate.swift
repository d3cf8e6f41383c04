import Foundation
import SwitchboardCore

/// The thread gate of one of the account's posts (`app.bsky.feed.threadgate`, record key = the post's): who may
/// reply (`allow`) and which replies are hidden (`hiddenReplies`). Hiding replies
/// (`BlueskyModerator+HiddenReplies.swift`) reads the current record, changes only `hiddenReplies` and writes it back
/// (`putRecord` with `swapRecord`, read again when another writer came first), so it keeps a crisis's rules; the
/// crisis reply controls (`BlueskyPublisher+ReplyGates.swift`) keep the hidden replies in turn.
struct BlueskyThreadgate {
    static let collection = "app.bsky.feed.threadgate"
    /// The lexicon's limit on hidden replies per thread.
    static let maxHidden = 300

    let client: BlueskyClient
    /// The account's DID (the repository) and the root post's record key.
    let did: String, rkey: String

    var post: String { "at://\(did)/app.bsky.feed.post/\(rkey)" }

    /// The current record and its CID; nil when the post has no gate (`RecordNotFound`).
    func read() async throws -> (record: [String: Any], cid: String?)? {
        let r: HTTPResponse
        do {
            r = try await client.get(
                "com.atproto.repo.getRecord", [("repo", did), ("collection", Self.collection), ("rkey", rkey)])
        } catch SourceError.configuration(let why) where why.contains("RecordNotFound") {
            return nil
        }
        guard let obj = try? JSONSerialization.jsonObject(with: r.body) as? [String: Any],
            let value = obj["value"] as? [String: Any]
        else {
            throw SourceError.malformed(
                "\(client.label): getRecord sent no thread gate record", sample: NetworkCall.sample(r.body))
        }
        return (value, obj["cid"] as? String)
    }

    /// Reads the gate, lets `change` edit it (a new one when there is none: the post, `createdAt`, no `allow`, which
    /// means everyone may reply), and writes it back; `change` returns false to write nothing. Another writer in
    /// between (`InvalidSwap`) means reading again, up to three times.
    func update(now: Date, _ change: (inout [String: Any]) throws -> Bool) async throws {
        for attempt in 1...3 {
            let current = try await read()
            var record =
                current?.record ?? ["$type": Self.collection, "post": post, "createdAt": Timestamp.format(now)]
            guard try change(&record) else { return }
            do {
                try await put(record, swap: current?.cid)
                return
            } catch SourceError.configuration(let why) where why.contains("InvalidSwap") && attempt < 3 {
                continue
            }
        }
    }

    /// `putRecord` of the gate (`swapRecord`: only if it is still the record with that CID).
    func put(_ record: [String: Any], swap: String? = nil) async throws {
        var body: [String: Any] = ["repo": did, "collection": Self.collection, "rkey": rkey, "record": record]
        if let swap { body["swapRecord"] = swap }
        let json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        _ = try await client.post("com.atproto.repo.putRecord", json: json)
    }

    /// `deleteRecord` of the gate.
    func delete() async throws {
        let json = try JSONSerialization.data(
            withJSONObject: ["repo": did, "collection": Self.collection, "rkey": rkey], options: [.sortedKeys])
        _ = try await client.post("com.atproto.repo.deleteRecord", json: json)
    }
}
