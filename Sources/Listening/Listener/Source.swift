import Foundation
import SwitchboardCore

/// What one poll of a source brought: new mentions and the cursor to save once they are stored.
public struct PollResult: Sendable {
    public var mentions: [Mention]
    /// Opaque per-source cursor (JSON-encodable values); saved only after `mentions` are durably stored.
    public var cursor: [String: String]
    /// Earliest time the source wants to be polled again (rate limits, Retry-After), if any.
    public var notBefore: Date?
    /// How much of the network's rate limits the poll saw used (`app 28%, pages 80%`), for `sources list`.
    public var usage: String? = nil
    /// Notifications counted, not stored (day → kind → count: follows, likes, boosts, filtered), saved with the
    /// cursor into `state/notification-counts.json`.
    public var counts: [String: [String: Int]] = [:]
    public init(mentions: [Mention], cursor: [String: String], notBefore: Date? = nil) {
        (self.mentions, self.cursor, self.notBefore) = (mentions, cursor, notBefore)
    }
}

/// Why a poll failed, in a form the listener can act on.
public enum SourceError: Error, Sendable, CustomStringConvertible {
    /// 401/invalid session: the source needs a new login; other sources keep running.
    case needsLogin(String)
    /// 429 or exhausted rate limit: try again at `retryAt`.
    case rateLimited(retryAt: Date, detail: String)
    /// 5xx, timeouts, connection errors: back off and retry.
    case transient(String)
    /// A body that is not what the API documents; `sample` is a short, sanitised excerpt.
    case malformed(String, sample: String)
    /// Configuration problems (missing token file, bad URL).
    case configuration(String)

    public var description: String {
        switch self {
        case .needsLogin(let s): return "needs login: \(s)"
        case .rateLimited(let d, let s): return "rate limited until \(Timestamp.format(d)): \(s)"
        case .transient(let s): return s
        case .malformed(let s, let sample): return "\(s) (body starts: \(sample))"
        case .configuration(let s): return s
        }
    }
}

/// A place mentions come from. `poll` is given the cursor saved after the last successful poll.
public protocol Source: Sendable {
    var id: String { get }
    func poll(cursor: [String: String]) async throws -> PollResult
}
