import Foundation
import SwitchboardCore

/// A publisher that can read back how the brand's own posts did (likes, reposts, replies, quotes, views), through
/// the same client — and so the same rate limiter, quota ledger or usage meter — as its posts. Each network's
/// conformance is in `…Publisher+Metrics.swift`.
public protocol MetricsReader: Sendable {
    /// The counts of `postIDs` (as `queue_published` recorded them) by post id; a post the network no longer
    /// shows is left out. Throws `SourceError.rateLimited` when the network says to wait.
    func metrics(_ postIDs: [String]) async throws -> [String: PostMetrics]
}

enum MetricsJSON {
    /// `ids` in batches of at most `size` (the most one call of the network takes).
    static func batches(_ ids: [String], _ size: Int) -> [[String]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min(ids.count, $0 + size)]) }
    }

    /// The JSON object of a response body (empty when it is not one).
    static func object(_ r: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    /// A count given as a number or, as YouTube does, a string of digits; anything else (negative, huge) is nil.
    static func count(_ v: Any?) -> Int? {
        let d: Double?
        switch v {
        case let n as NSNumber: d = n.doubleValue
        case let s as String: d = Double(s)
        default: d = nil
        }
        guard let d, d.isFinite, d >= 0, d < 1e15 else { return nil }
        return Int(d)
    }

    /// Counts with the network's field names mapped onto ours.
    static func counts(
        _ o: [String: Any], likes: String?, reposts: String?, replies: String?, quotes: String?, views: String?,
        id: String, now: Date
    ) -> PostMetrics {
        func c(_ k: String?) -> Int? { k.flatMap { count(o[$0]) } }
        return PostMetrics(
            queue: "", account: "", postID: id, likes: c(likes), reposts: c(reposts), replies: c(replies),
            quotes: c(quotes), views: c(views), at: now)
    }
}
