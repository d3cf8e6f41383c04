import Foundation
import SwitchboardCore

/// The Graph networks' counts of the account's own posts, one object at a time through the account's Graph client
/// (and its usage meter): Instagram media `like_count`, `comments_count`; a Facebook Page post's reactions,
/// comments and shares (`summary(total_count)`); Threads `GET /{id}/insights?metric=likes,replies,reposts,quotes,
/// views`.
extension GraphPublishing {
    func metrics(_ postIDs: [String], now: Date) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for id in postIDs {
            let path = "/" + NetworkCall.escape(id)
            switch network {
            case "instagram":
                let o = try await object(path, fields: "like_count,comments_count")
                out[id] = MetricsJSON.counts(
                    o, likes: "like_count", reposts: nil, replies: "comments_count", quotes: nil, views: nil, id: id,
                    now: now)
            case "facebook":
                let o = try await object(
                    path,
                    fields: "shares,reactions.limit(0).summary(total_count),comments.limit(0).summary(total_count)")
                func total(_ k: String) -> Any? {
                    ((o[k] as? [String: Any])?["summary"] as? [String: Any])?["total_count"]
                }
                let flat: [String: Any?] = [
                    "likes": total("reactions"), "replies": total("comments"),
                    "reposts": (o["shares"] as? [String: Any])?["count"],
                ]
                out[id] = MetricsJSON.counts(
                    flat.compactMapValues { $0 }, likes: "likes", reposts: "reposts", replies: "replies", quotes: nil,
                    views: nil, id: id, now: now)
            default:
                let r = try await send(
                    "GET", client.url(path + "/insights", query: [("metric", "likes,replies,reposts,quotes,views")]))
                var flat: [String: Any] = [:]
                for m in MetricsJSON.object(r)["data"] as? [[String: Any]] ?? [] {
                    guard let name = m["name"] as? String else { continue }
                    let v =
                        (m["values"] as? [[String: Any]])?.last?["value"]
                        ?? (m["total_value"] as? [String: Any])?["value"]
                    flat[name] = v
                }
                out[id] = MetricsJSON.counts(
                    flat, likes: "likes", reposts: "reposts", replies: "replies", quotes: "quotes", views: "views",
                    id: id, now: now)
            }
        }
        return out
    }
}

extension InstagramPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        try await graph.metrics(postIDs, now: Date())
    }
}

extension FacebookPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        try await graph.metrics(postIDs, now: Date())
    }
}

extension ThreadsPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        try await graph.metrics(postIDs, now: Date())
    }
}
