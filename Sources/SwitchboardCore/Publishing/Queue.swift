import Foundation

/// The content queue: every item folded from the actions log, and the suspend switch.
public struct Queue: Sendable {
    public private(set) var items: [String: QueueItem] = [:]
    public private(set) var order: [String] = []
    /// Non-nil while the kill switch is on.
    public private(set) var suspension: QueueSuspension?
    /// Every flip of the switch, oldest first (`queue_suspend_all` / `queue_resume_all` events).
    public private(set) var flips: [AuditEvent] = []

    public init() {}
    public init<S: Sequence>(events: S) where S.Element == AuditEvent { for e in events { apply(e) } }
    public init(store: Store) { self.init(events: store.events) }

    public var isSuspended: Bool { suspension != nil }
    public subscript(id: String) -> QueueItem? { items[id] }

    /// Every item (deleted ones too), in the order added.
    public var all: [QueueItem] { order.compactMap { items[$0] } }
    /// Items not deleted, by scheduled time (drafts last, in the order added).
    public var agenda: [QueueItem] {
        all.filter { !$0.deleted }.enumerated().sorted { a, b in
            switch (a.element.scheduledAt, b.element.scheduledAt) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// (item, account) pairs to publish at `now`. While suspended, only a crisis's holding statements.
    public func due(_ now: Date) -> [(item: QueueItem, account: String)] {
        agenda.filter { !isSuspended || $0.draft.crisis != nil }.flatMap { i in
            i.draft.accounts.filter { i.isDue($0, now: now) }.map { (i, $0) }
        }
    }

    /// Resolves an id or an unambiguous prefix (at least 4 characters).
    public func resolve(_ s: String) throws -> QueueItem {
        try IDPrefix.resolve(s, ids: order, lookup: { items[$0] }) { ambiguous in
            QueueError(ambiguous ? "queue id \(s) is ambiguous" : "no queue item \(s)")
        }
    }

    public mutating func apply(_ e: AuditEvent) {
        if let m = PostMetrics(event: e), var x = items[m.queue] {
            if (x.metrics[m.account]?.at ?? .distantPast) <= m.at { x.metrics[m.account] = m }
            x.metricsReadings[m.account, default: 0] += 1
            items[m.queue] = x
            return
        }
        guard case .queue(let q) = e.action else { return }
        let suspended = isSuspended
        switch q {
        case .add(let d):
            if items[d.id] == nil { order.append(d.id) }
            items[d.id] = QueueItem(
                draft: d, author: e.actor, addedAt: e.at, updatedAt: e.at,
                held: isSuspended && d.scheduledAt != nil && d.crisis == nil)
        case .edit(let id, let t, let v):
            update(id, e.at) { x in
                guard x.isEditable else { return }
                x.draft.text = t
                if let v { x.draft.variants = v }
            }
        case .schedule(let id, let at):
            update(id, e.at) { x in
                guard !x.deleted else { return }
                x.draft.scheduledAt = at
                x.held = suspended && at != nil && x.draft.crisis == nil
                // Scheduling again is the retry of a failed account.
                for (a, r) in x.results where r.state == .failed {
                    x.results[a]?.state = .pending
                    x.results[a]?.retryAt = nil
                }
            }
        case .delete(let id): update(id, e.at) { x in if x.isEditable { x.deleted = true } }
        case .restore(let id):
            update(id, e.at) { x in
                x.deleted = false
                x.held = suspended && x.draft.scheduledAt != nil && x.draft.crisis == nil
            }
        case .publishing(let id, let a, let by, let until, let n):
            update(id, e.at) { x in
                var r = x.result(a)
                guard r.state != .published else { return }
                (r.state, r.retryAt, r.by, r.until) = (.publishing, nil, by, until)
                r.attempts = max(r.attempts, n)
                r.at = e.at
                x.results[a] = r
            }
        case .published(let id, let a, let pid, let url):
            update(id, e.at) { x in
                var r = x.result(a)
                (r.state, r.postID, r.url, r.at, r.by, r.until) = (.published, pid, url, e.at, nil, nil)
                x.results[a] = r
            }
        case .failed(let id, let a, let msg, let retryAt):
            update(id, e.at) { x in
                var r = x.result(a)
                // A late failure report never undoes a post that went out.
                guard r.state != .published else { return }
                (r.state, r.error, r.retryAt, r.at, r.by, r.until) = (.failed, msg, retryAt, e.at, nil, nil)
                x.results[a] = r
            }
        case .suspendAll(let reason):
            suspension = QueueSuspension(reason: reason, by: e.actor, at: e.at)
            flips.append(e)
            for id in order {
                if var x = items[id], !x.deleted, x.draft.scheduledAt != nil, x.draft.crisis == nil,
                    x.state == .scheduled
                {
                    x.held = true
                    items[id] = x
                }
            }
        case .resumeAll(let policy):
            suspension = nil
            flips.append(e)
            for id in order {
                guard var x = items[id], x.held else { continue }
                if policy == .keepHolding, let at = x.draft.scheduledAt, at <= e.at { continue }
                x.held = false
                items[id] = x
            }
        }
    }

    private mutating func update(_ id: String, _ at: Date, _ f: (inout QueueItem) -> Void) {
        guard var x = items[id] else { return }
        f(&x)
        x.updatedAt = at
        items[id] = x
    }
}
