import Foundation
import SwitchboardCore

/// YouTube: `GET videos?part=statistics&id=…` (up to 50 ids a call, 1 quota unit, charged to the account's quota
/// ledger) — `likeCount`, `commentCount` as replies, `viewCount`. The counts come as strings of digits; one the
/// answer leaves out (likes hidden, comments off) stays out, never 0. A spent quota (`quotaExceeded`, until midnight
/// Pacific) or a rate limit (429, `rateLimitExceeded`) throws `SourceError.rateLimited` with its time; an answer
/// that is not the documented JSON throws `SourceError.malformed`.
extension YouTubePublisher: MetricsReader {
    struct Statistics: Decodable {
        struct Item: Decodable {
            var id: String
            var statistics: [String: JSONValue]?
        }
        var items: [Item]?
    }

    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for chunk in MetricsJSON.batches(postIDs, 50) {
            let page: Statistics
            do {
                page = try await client.get(
                    Statistics.self, "/videos", [("part", "statistics"), ("id", chunk.joined(separator: ","))], cost: 1)
            } catch let e as YouTubeError { throw e.sourceError }
            for v in page.items ?? [] where chunk.contains(v.id) {
                let stats = (v.statistics ?? [:]).compactMapValues { j -> Any? in
                    if case .string(let s) = j { return s }
                    return j.intValue.map { String($0) }
                }
                out[v.id] = MetricsJSON.counts(
                    stats, likes: "likeCount", reposts: nil, replies: "commentCount", quotes: nil,
                    views: "viewCount", id: v.id, now: client.now())
            }
        }
        return out
    }
}
