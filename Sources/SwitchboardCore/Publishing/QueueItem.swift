import Foundation

/// One item of the content queue and where it stands: the fold of its `queue_*` actions.
public struct QueueItem: Hashable, Sendable {
    public enum State: String, Codable, Hashable, Sendable {
        case draft, scheduled, publishing, published, failed, suspended, deleted
    }

    /// How the item stands on one target account.
    public struct AccountResult: Hashable, Sendable, Codable {
        public enum State: String, Codable, Hashable, Sendable { case pending, publishing, published, failed }
        public var state: State = .pending
        /// The claim's holder and lease (publishing).
        public var by: String?
        public var until: Date?
        public var attempts = 0
        public var postID: String?
        public var url: String?
        /// The network's message of the last failure (kept after a retry succeeds).
        public var error: String?
        /// When a transient failure is retried automatically (nil: only when asked).
        public var retryAt: Date?
        public var at: Date?
    }

    public var draft: QueueDraft, author: String, addedAt: Date, updatedAt: Date
    public var deleted = false
    /// Held by the suspend switch (or kept holding on resume).
    public var held = false
    public var results: [String: AccountResult] = [:]
    /// How the post did on each account: the latest `metrics` reading, and how many there were.
    public var metrics: [String: PostMetrics] = [:]
    public var metricsReadings: [String: Int] = [:]

    /// The latest engagement summed over the accounts (nil before the first reading).
    public var engagement: Int? { metrics.isEmpty ? nil : metrics.values.map(\.engagement).reduce(0, +) }

    public var id: String { draft.id }
    public var scheduledAt: Date? { draft.scheduledAt }

    public func result(_ account: String) -> AccountResult { results[account] ?? AccountResult() }

    public var state: State {
        if deleted { return .deleted }
        let rs = draft.accounts.map(result)
        if !rs.isEmpty, rs.allSatisfy({ $0.state == .published }) { return .published }
        if rs.contains(where: { $0.state == .publishing }) { return .publishing }
        if rs.contains(where: { $0.state == .failed }) { return .failed }
        if held { return .suspended }
        return draft.scheduledAt == nil ? .draft : .scheduled
    }

    /// True when a publisher should post it to `account` at `now`: scheduled, not held, its time has come, and
    /// that account has nothing yet, or a claim whose lease ran out (a crashed publisher).
    public func isDue(_ account: String, now: Date) -> Bool {
        guard !deleted, !held, let at = draft.scheduledAt, at <= now, draft.accounts.contains(account) else {
            return false
        }
        let r = result(account)
        switch r.state {
        case .pending: return true
        case .publishing: return (r.until ?? .distantPast) <= now
        case .failed: return r.retryAt.map { $0 <= now } ?? false
        case .published: return false
        }
    }

    /// Can still be changed (edited, rescheduled, deleted): nothing in flight or out yet.
    public var isEditable: Bool {
        !deleted && !draft.accounts.contains { [.publishing, .published].contains(result($0).state) }
    }
}
