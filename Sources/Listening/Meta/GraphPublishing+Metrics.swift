import Foundation
import SwitchboardCore

/// The Graph networks' counts of the account's own posts, one object at a time through the account's Graph client
/// (and its usage meter): Instagram media `like_count`, `comments_count`; a Facebook Page post's reactions,
/// comments and shares (`summary(total_count)`); Threads `GET /{id}/insights?metric=likes,replies,reposts,quotes,
/// views`. A count the answer does not hold is left out (never 0); a Graph rate limit (codes 4, 17, 32, 613, HTTP
/// 429) throws `PublishError.rateLimited` with the time the usage headers give; a post that is gone is left out; an answer that is not a JSON
/// object throws a transient error naming the post and the start of the body.
extension GraphPublishing {
    func metrics(_ postIDs: [String], now: Date) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for id in postIDs {
            let path = "/" + NetworkCall.escape(id)
            switch network {
            case "instagram":
                guard
                    let o = try await countsObject(
                        id, client.url(path, query: [("fields", "like_count,comments_count")]))
                else { continue }
                out[id] = MetricsJSON.counts(
                    o, likes: "like_count", reposts: nil, replies: "comments_count", quotes: nil, views: nil, id: id,
                    now: now)
            case "facebook":
                let fields = "shares,reactions.limit(0).summary(total_count),comments.limit(0).summary(total_count)"
                guard let o = try await countsObject(id, client.url(path, query: [("fields", fields)])) else {
                    continue
                }
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
                guard
                    let o = try await countsObject(
                        id, client.url(path + "/insights", query: [("metric", "likes,replies,reposts,quotes,views")]))
                else { continue }
                var flat: [String: Any] = [:]
                for m in o["data"] as? [[String: Any]] ?? [] {
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

    /// The JSON object Meta answered for post `id` (nil when the post is gone: code 100/33, 803, HTTP 404); a body
    /// that is not one (an HTML page, cut short) is an error.
    private func countsObject(_ id: String, _ url: URL) async throws -> [String: Any]? {
        let r: HTTPResponse
        do {
            switch try await client.send("GET", url) {
            case .success(let ok): r = ok
            case .failure(let e) where e.kind == .deleted: return nil
            case .failure(let e): throw e.publishError
            }
        } catch let e as SourceError { throw PublishError(e) }
        guard let o = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] else {
            let kind = NetworkCall.looksLikeHTML(r.body) ? "an HTML page" : "a body that is not a JSON object"
            throw PublishError.transient(
                "\(client.label): Meta answered the counts of post \(NetworkText.clean(id, max: 80)) with \(kind) "
                    + "(body starts: \(NetworkCall.sample(r.body)))")
        }
        return o
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
