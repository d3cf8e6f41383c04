import Foundation

/// When the listener reads a published post's counts again: every `dense` (an hour) for the first `denseFor`
/// (48 hours), then every `sparse` (a day) until `until` (30 days) after it went out; never after that.
public struct MetricsCadence: Hashable, Sendable {
    public var dense: TimeInterval = 3600
    public var denseFor: TimeInterval = 48 * 3600
    public var sparse: TimeInterval = 86400
    public var until: TimeInterval = 30 * 86400

    public init() {}

    /// The wait after a reading taken `age` seconds after the post went out.
    public func interval(age: TimeInterval) -> TimeInterval { age < denseFor ? dense : sparse }

    /// True when a post published at `publishedAt`, last read at `lastAt` (nil: never), should be read at `now`.
    /// The first reading comes one dense interval after the post went out; one last reading is taken when the 30
    /// days are over (however late the listener runs), then none.
    public func isDue(publishedAt: Date, lastAt: Date?, now: Date) -> Bool {
        let age = now.timeIntervalSince(publishedAt)
        guard age >= dense else { return false }
        guard let last = lastAt else { return true }
        let lastAge = last.timeIntervalSince(publishedAt)
        if lastAge >= until { return false }
        if age >= until { return true }
        return now.timeIntervalSince(last) >= interval(age: lastAge) - 60
    }

    /// Every (item, account) of `queue` whose counts should be read at `now`: published with a post id.
    public func due(_ queue: Queue, now: Date) -> [(item: QueueItem, account: String, postID: String)] {
        queue.all.filter { !$0.deleted }.flatMap { item in
            item.draft.accounts.compactMap { a -> (QueueItem, String, String)? in
                let r = item.result(a)
                guard r.state == .published, let id = r.postID, let at = r.at,
                    isDue(publishedAt: at, lastAt: item.metrics[a]?.at, now: now)
                else { return nil }
                return (item, a, id)
            }
        }
    }
}
