import Foundation
import SwitchboardCore

/// The notifications of one poll that were counted instead of stored (follows, likes, boosts, posts a server
/// filter hides), per day and kind: a source fills it while it reads and hands it on in `PollResult.counts`.
final class NotificationTally: @unchecked Sendable {
    private let lock = NSLock()
    private var days: [String: [String: Int]] = [:]

    func add(_ kind: String, at date: Date) {
        lock.withLock { days[NotificationCounts.day(date), default: [:]][kind, default: 0] += 1 }
    }

    /// Day → kind → count.
    var counts: [String: [String: Int]] { lock.withLock { days } }
}
