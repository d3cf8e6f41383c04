import Foundation
import SwitchboardCore

/// X: `GET /2/tweets?ids=…&tweet.fields=public_metrics` (up to 100 ids a call) — `like_count`, `retweet_count`,
/// `reply_count`, `quote_count`, `impression_count`. Each post read is counted in the account's read ledger, as polling's are.
extension XPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for chunk in MetricsJSON.batches(postIDs, 100) {
            let r = try await client.send(
                "GET", "/2/tweets", query: [("ids", chunk.joined(separator: ",")), ("tweet.fields", "public_metrics")])
            try client.check(r)
            let data = MetricsJSON.object(r)["data"] as? [[String: Any]] ?? []
            try ledger.add(data.count, now: client.now())
            for t in data {
                guard let id = t["id"] as? String, chunk.contains(id) else { continue }
                out[id] = MetricsJSON.counts(
                    t["public_metrics"] as? [String: Any] ?? [:], likes: "like_count", reposts: "retweet_count",
                    replies: "reply_count", quotes: "quote_count", views: "impression_count", id: id,
                    now: client.now())
            }
        }
        return out
    }
}
