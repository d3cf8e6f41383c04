import Foundation
import SwitchboardCore

/// Reddit: `GET /api/info?id=t3_…,t1_…` (up to 100 fullnames a call) — `score` as likes (up minus down votes) and
/// `num_comments` as replies (a comment's own replies are not counted by the API). No reposts, quotes or views.
extension RedditPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for chunk in MetricsJSON.batches(postIDs, 100) {
            let names = Dictionary(
                chunk.map { ($0.contains("_") ? $0 : "t3_" + $0, $0) }, uniquingKeysWith: { a, _ in a })
            let r = try await client.get(
                "/api/info", [("id", names.keys.sorted().joined(separator: ",")), ("raw_json", "1")])
            let listing = MetricsJSON.object(r)["data"] as? [String: Any] ?? [:]
            for child in listing["children"] as? [[String: Any]] ?? [] {
                guard let d = child["data"] as? [String: Any], let name = d["name"] as? String, let id = names[name]
                else { continue }
                out[id] = MetricsJSON.counts(
                    d, likes: "score", reposts: nil, replies: "num_comments", quotes: nil, views: nil, id: id,
                    now: client.now())
            }
        }
        return out
    }
}
