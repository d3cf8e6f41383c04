import Foundation
import SwitchboardCore

/// Bluesky: `app.bsky.feed.getPosts` (up to 25 AT-URIs a call) — `likeCount`, `repostCount`, `replyCount`,
/// `quoteCount`. No views. A queue item records the record key; the AT-URI is the account's DID and that key.
extension BlueskyPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        let did = try await client.session().did
        func uri(_ id: String) -> String { id.hasPrefix("at://") ? id : "at://\(did)/app.bsky.feed.post/\(id)" }
        var out: [String: PostMetrics] = [:]
        for chunk in MetricsJSON.batches(postIDs, 25) {
            let byURI = Dictionary(chunk.map { (uri($0), $0) }, uniquingKeysWith: { a, _ in a })
            let r = try await client.get("app.bsky.feed.getPosts", chunk.map { ("uris", uri($0)) })
            for p in MetricsJSON.object(r)["posts"] as? [[String: Any]] ?? [] {
                guard let u = p["uri"] as? String, let id = byURI[u] else { continue }
                out[id] = MetricsJSON.counts(
                    p, likes: "likeCount", reposts: "repostCount", replies: "replyCount", quotes: "quoteCount",
                    views: nil, id: id, now: client.now())
            }
        }
        return out
    }
}
