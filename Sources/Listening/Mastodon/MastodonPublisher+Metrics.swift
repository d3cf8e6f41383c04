import Foundation
import SwitchboardCore

/// Mastodon: `GET /api/v1/statuses/:id` — `favourites_count`, `reblogs_count`, `replies_count`, and
/// `quotes_count` on servers with quote posts (4.5+). No views.
extension MastodonPublisher: MetricsReader {
    public func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics] {
        var out: [String: PostMetrics] = [:]
        for id in postIDs {
            let url = NetworkCall.url(client.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id))
            let r: HTTPResponse
            do { r = try await client.get(url) } catch SourceError.configuration(let m) where m.contains("HTTP 404") {
                continue
            }
            out[id] = MetricsJSON.counts(
                MetricsJSON.object(r), likes: "favourites_count", reposts: "reblogs_count", replies: "replies_count",
                quotes: "quotes_count", views: nil, id: id, now: client.now())
        }
        return out
    }
}
