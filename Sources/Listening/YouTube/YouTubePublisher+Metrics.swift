import Foundation
import SwitchboardCore

/// YouTube: `GET videos?part=statistics&id=…` (up to 50 ids a call, 1 quota unit, charged to the account's quota
/// ledger) — `likeCount`, `commentCount` as replies, `viewCount`. The counts come as strings of digits.
extension YouTubePublisher: MetricsReader {
    struct Statistics: Decodable {
        struct Item: Decodable {
            var id: String
            var statistics: [String: String]?
        }
        var items: [Item]?
    }

    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for chunk in MetricsJSON.batches(postIDs, 50) {
            let page = try await client.get(
                Statistics.self, "videos", [("part", "statistics"), ("id", chunk.joined(separator: ","))], cost: 1)
            for v in page.items ?? [] where chunk.contains(v.id) {
                out[v.id] = MetricsJSON.counts(
                    v.statistics ?? [:], likes: "likeCount", reposts: nil, replies: "commentCount", quotes: nil,
                    views: "viewCount", id: v.id, now: client.now())
            }
        }
        return out
    }
}
