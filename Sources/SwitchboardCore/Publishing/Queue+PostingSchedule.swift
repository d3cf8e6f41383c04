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
        guard
            let slot = schedule.slots(after: after, account: first).first(where: {
                !taken.contains(Int($0.timeIntervalSince1970 / 60))
            })
        else { throw QueueError(L10n.t("err.queue.noSlot", ["account": first])) }
        return slot
    }

    public func nextFreeSlot(after: Date, account: String, schedule: PostingSchedule) throws -> Date {
        try nextFreeSlot(after: after, accounts: [account], schedule: schedule)
    }
}
