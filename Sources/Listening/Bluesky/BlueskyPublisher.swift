import Foundation
import SwitchboardCore

/// Posts replies and new posts with `com.atproto.repo.createRecord`: an `app.bsky.feed.post` with
/// `reply.root`/`reply.parent`, facets for mentions, links and hashtags (UTF-8 byte offsets), and a record key
/// derived from the draft and its idempotency key, so a retried draft can never become a second post.
public struct BlueskyPublisher: Publisher, NetworkConnector {
    public var platform: String { "bluesky" }
    let client: BlueskyClient
    /// The network's limit on post text, in graphemes.
    public static let maxGraphemes = 300

    public init(_ setup: ConnectorSetup) throws {
        client = try BlueskySource(setup).client
    }

    /// The `app.bsky.feed.post` record for `draft` with resolved facets.
    public static func record(for draft: OutgoingPost, facets: [Bluesky.Facet]) throws -> [String: Any] {
        var rec: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": draft.text, "createdAt": Timestamp.format(draft.createdAt),
        ]
        if let l = draft.language, !l.isEmpty { rec["langs"] = [l] }
        if let r = draft.inReplyTo {
            guard let uri = r.uri, let cid = r.cid else {
                throw PublishError.configuration(
                    "the post being answered has no AT-URI and CID: it cannot be replied to on Bluesky")
            }
            rec["reply"] = [
                "root": ["uri": r.rootURI ?? uri, "cid": r.rootCID ?? cid], "parent": ["uri": uri, "cid": cid],
            ]
        }
        if !facets.isEmpty {
            let data = try JSONEncoder().encode(facets)
            rec["facets"] = try JSONSerialization.jsonObject(with: data)
        }
        return rec
    }

    public func post(_ draft: OutgoingPost, idempotencyKey: String) async throws -> PostedRef {
        // A reply to a direct message goes back into its conversation, never into a public post.
        if draft.inReplyTo?.visibility == "direct" { return try await sendMessage(draft) }
        let length = draft.text.count
        guard length > 0 else { throw PublishError.rejected("the post is empty") }
        guard length <= BlueskyPublisher.maxGraphemes else {
            throw PublishError.rejected("\(length) characters: Bluesky allows \(BlueskyPublisher.maxGraphemes)")
        }
        do {
            let session = try await client.session()
            let record = try BlueskyPublisher.record(for: draft, facets: try await resolveFacets(draft.text))
            return try await createRecord(record, session: session, draft: draft, idempotencyKey: idempotencyKey)
        } catch let e as SourceError {
            throw PublishError(e)
        }
    }

    /// `com.atproto.repo.createRecord` with the record key derived from the idempotency key: a retry of a post that
    /// was created before gets "already exists" (400 InvalidRequest), which counts as sent.
    func createRecord(
        _ record: [String: Any], session: BlueskyStoredSession, draft: OutgoingPost, idempotencyKey: String
    )
        async throws -> PostedRef
    {
        let rkey = BlueskyFacets.tid(date: draft.createdAt, key: idempotencyKey)
        let body: [String: Any] = [
            "repo": session.did, "collection": "app.bsky.feed.post", "rkey": rkey, "record": record,
        ]
        let json = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        let r: HTTPResponse
        do {
            r = try await client.post("com.atproto.repo.createRecord", json: json)
        } catch SourceError.configuration(let why) {
            let uri = "at://\(session.did)/app.bsky.feed.post/\(rkey)"
            if why.lowercased().contains("already exist") {
                return PostedRef(id: rkey, uri: uri, url: Bluesky.webURL(handle: session.handle, atURI: uri))
            }
            throw PublishError.rejected(why)
        }
        let out = try NetworkCall.decode(Bluesky.CreatedRecord.self, from: r, label: client.label)
        return PostedRef(
            id: Bluesky.recordKey(out.uri) ?? rkey, uri: out.uri,
            url: Bluesky.webURL(handle: session.handle, atURI: out.uri), cid: out.cid)
    }

    /// Detected facets with handles resolved to DIDs (`com.atproto.identity.resolveHandle`); a handle that does
    /// not resolve stays plain text.
    func resolveFacets(_ text: String) async throws -> [Bluesky.Facet] {
        var out: [Bluesky.Facet] = []
        var dids: [String: String?] = [:]
        for c in BlueskyFacets.detect(text) {
            switch c.kind {
            case .link(let u):
                out.append(Bluesky.Facet(byteStart: c.byteStart, byteEnd: c.byteEnd, features: [.link(uri: u)]))
            case .tag(let t): out.append(Bluesky.Facet(byteStart: c.byteStart, byteEnd: c.byteEnd, features: [.tag(t)]))
            case .mention(let h):
                if dids[h] == nil { dids[h] = try await resolve(handle: h) }
                if let did = dids[h] ?? nil {
                    out.append(
                        Bluesky.Facet(byteStart: c.byteStart, byteEnd: c.byteEnd, features: [.mention(did: did)]))
                }
            }
        }
        return out
    }

    func resolve(handle: String) async throws -> String? {
        do {
            let r = try await client.get("com.atproto.identity.resolveHandle", [("handle", handle)])
            let obj = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any]
            return (obj?["did"] as? String).flatMap { $0.hasPrefix("did:") ? $0 : nil }
        } catch SourceError.configuration {
            return nil  // 400 "Unable to resolve handle"
        }
    }
}
