import Foundation

/// The outbox: every entry folded from the actions log, in the order they were queued.
/// Fold once with `init(events:)`, then keep it current with `apply(_:)` for each new event.
public struct Outbox: Sendable {
    public private(set) var entries: [String: OutboxEntry] = [:]
    public private(set) var order: [String] = []

    public init() {}
    public init<S: Sequence>(events: S) where S.Element == AuditEvent { for e in events { apply(e) } }

    /// The outbox of a store as it is now.
    public init(store: Store) { self.init(events: store.events) }

    public subscript(id: String) -> OutboxEntry? { entries[id] }

    /// Every entry, oldest first.
    public var all: [OutboxEntry] { order.compactMap { entries[$0] } }
    /// Entries still to be sent or confirmed.
    public var pending: [OutboxEntry] { all.filter(\.isPending) }
    public func due(_ now: Date) -> [OutboxEntry] { all.filter { $0.isDue(now) && isReady($0) } }
    /// The newest entry for a mention (the workbench shows its state on the mention's row); of a thread, the first
    /// part not yet out (the one sending, failed or waiting), or its last part once all are out.
    public func latest(for mention: String) -> OutboxEntry? {
        guard let newest = order.reversed().lazy.compactMap({ entries[$0] }).first(where: { $0.mention == mention })
        else { return nil }
        guard let t = newest.draft.thread else { return newest }
        return parts(of: t.thread).first { $0.isPending } ?? newest
    }

    /// The parts of a thread reply, in order.
    public func parts(of thread: String) -> [OutboxEntry] {
        all.filter { $0.draft.thread?.thread == thread }.sorted { $0.draft.thread!.part < $1.draft.thread!.part }
    }

    /// False for a thread part whose part before it is not out yet (it waits: nothing is posted out of order).
    public func isReady(_ e: OutboxEntry) -> Bool {
        guard let after = e.draft.thread?.after else { return true }
        guard let prev = entries[after], case .sent = prev.state else { return false }
        return true
    }

    /// The entry as it is sent: a thread part after the first answers the part before it as that was posted.
    public func resolved(_ e: OutboxEntry) -> OutboxEntry {
        guard let after = e.draft.thread?.after, let ref = posted[after] else { return e }
        var e = e
        e.draft.inReplyTo = ref
        return e
    }

    /// Thread parts as posted (outbox id → what the next part answers).
    public private(set) var posted: [String: ReplyRef] = [:]

    /// Resolves an id or an unambiguous prefix (at least 4 characters).
    public func resolve(_ s: String) throws -> OutboxEntry {
        try IDPrefix.resolve(s, ids: order, lookup: { entries[$0] }) { ambiguous in
            SwitchboardError(L10n.t(ambiguous ? "outbox.error.ambiguous" : "outbox.error.noEntry", ["id": s]))
        }
    }

    public mutating func apply(_ e: AuditEvent) {
        switch e.action {
        case .outboxQueued(let d):
            if entries[d.id] == nil { order.append(d.id) }
            entries[d.id] = OutboxEntry(
                draft: d, state: .queued, author: e.actor, queuedAt: e.at, attempts: 0, lastError: nil, updatedAt: e.at)
        case .outboxSending(let id, _, let by, let until, let n):
            update(id, e.at) {
                $0.state = .sending(by: by, until: until)
                $0.attempts = max($0.attempts, n)
            }
        case .outboxSent(let id, _, let r, let pid):
            update(id, e.at) { $0.state = .sent(url: r.url, postID: pid, at: r.at) }
            if let d = entries[id]?.draft, d.thread != nil { posted[id] = Outbox.answerable(d, r, pid) }
        case .outboxFailed(let id, _, let msg, let at):
            update(id, e.at) { x in
                // A late failure report never undoes a send that already succeeded.
                if case .sent = x.state { return }
                x.state = .failed(message: msg, retryAt: at)
                x.lastError = msg
            }
        case .outboxRetry(let id, _):
            update(id, e.at) { x in
                guard case .failed = x.state else { return }
                x.state = .queued
                x.draft.sendAfter = e.at
            }
        case .outboxCancelled(let id, _):
            update(id, e.at) { x in if x.isCancellable { x.state = .cancelled } }
        default: break
        }
    }

    /// How the next part of a thread answers a posted part: Bluesky by AT-URI and CID under the thread's root,
    /// the other networks by the post's id.
    static func answerable(_ d: OutboxDraft, _ r: ReplyRecord, _ postID: String?) -> ReplyRef {
        let orig = d.inReplyTo
        if d.network == "bluesky" || d.network == "bsky" {
            return ReplyRef(
                uri: r.uri ?? r.url, cid: r.cid, rootURI: orig?.rootURI ?? orig?.uri,
                rootCID: orig?.rootCID ?? orig?.cid,
                visibility: orig?.visibility)
        }
        return ReplyRef(uri: postID ?? r.uri, visibility: orig?.visibility)
    }

    private mutating func update(_ id: String, _ at: Date, _ f: (inout OutboxEntry) -> Void) {
        guard var x = entries[id] else { return }
        f(&x)
        x.updatedAt = at
        entries[id] = x
    }
}
