import Foundation

extension Queue {
    /// The first slot after `after` in the schedule of `accounts[0]` that no other live item (not deleted) targeting
    /// any
    /// of `accounts` holds. Skips full days; throws when the account has no schedule or six weeks are full.
    public func nextFreeSlot(after: Date, accounts: [String], schedule: PostingSchedule, ignoring: String? = nil) throws
        -> Date
    {
        guard let first = accounts.first else { throw QueueError(L10n.t("err.queue.noTarget")) }
        guard schedule.hasSchedule(first) else { throw QueueError(L10n.t("err.queue.noSchedule", ["account": first])) }
        let taken = Set(
            all.filter {
                !$0.deleted && $0.id != ignoring && $0.state != .draft
                    && !Set($0.draft.accounts).isDisjoint(with: accounts)
            }
            .compactMap { $0.scheduledAt.map { Int($0.timeIntervalSince1970 / 60) } })
        let free = schedule.slots(after: after, account: first).filter {
            !taken.contains(Int($0.timeIntervalSince1970 / 60))
        }
        guard let slot = free.first else { throw QueueError(L10n.t("err.queue.noSlot", ["account": first])) }
        guard schedule.preferBestSlots else { return slot }
        return bestSlot(free, accounts: accounts, schedule: schedule) ?? slot
    }

    /// The free slot of the week from the first free one whose weekday and hour did best for `accounts` (average
    /// engagement, at least `minPostsPerSlot` posts with counts); the earliest of equals; nil when none has enough.
    func bestSlot(_ free: [Date], accounts: [String], schedule: PostingSchedule) -> Date? {
        guard let first = free.first else { return nil }
        let groups = PostPerformance.posts(self, team: nil, since: nil, until: nil)
            .filter { accounts.contains($0.account) }
        let bySlot = Dictionary(grouping: groups) { PostPerformance.slotName($0.at, timeZone: schedule.timeZone) }
            .filter { $0.value.count >= schedule.minPostsPerSlot }
            .mapValues { Double($0.map(\.engagement).reduce(0, +)) / Double($0.count) }
        var best: (Date, Double)?
        for d in free where d < first.addingTimeInterval(7 * 86400) {
            guard let avg = bySlot[PostPerformance.slotName(d, timeZone: schedule.timeZone)] else { continue }
            if best == nil || avg > best!.1 { best = (d, avg) }
        }
        return best?.0
    }

    public func nextFreeSlot(after: Date, account: String, schedule: PostingSchedule) throws -> Date {
        try nextFreeSlot(after: after, accounts: [account], schedule: schedule)
    }
}
