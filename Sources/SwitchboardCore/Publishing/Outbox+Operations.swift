import Foundation

extension Outbox {
    /// Stores a reply durably in the outbox (fsynced before it returns); nothing is sent yet.
    /// With `openedAt` (when the composer claimed the mention) it first checks, atomically with the write, that
    /// nobody else replied to or changed the mention since: otherwise it throws `CollisionError` and stores nothing.
    @discardableResult
    public static func queue(
        _ draft: OutboxDraft, store: Store, actor: String, openedAt: Date? = nil, now: Date = Date()
    ) throws -> OutboxEntry {
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw OutboxError(L10n.t("outbox.error.empty"))
        }
        try store.recordIf([.outboxQueued(draft)], actor: actor, now: now) { s in
            guard s.contains(key: draft.mention) else {
                throw OutboxError(L10n.t("msg.noMentionKey", ["key": draft.mention]))
            }
            if let since = openedAt { try Triage.checkUnchanged(store: s, key: draft.mention, since: since, me: actor) }
        }
        guard let e = Outbox(store: store)[draft.id] else {
            throw OutboxError("the outbox entry \(draft.id) was not stored")
        }
        return e
    }

    /// Stores a reply posted as a thread (`OutboxDraft.threadParts`): every part in one durable write, or none.
    @discardableResult
    public static func queue(
        parts: [OutboxDraft], store: Store, actor: String, openedAt: Date? = nil, now: Date = Date()
    ) throws -> [OutboxEntry] {
        guard let first = parts.first else { throw OutboxError(L10n.t("outbox.error.empty")) }
        guard parts.count > 1 else {
            return [try queue(first, store: store, actor: actor, openedAt: openedAt, now: now)]
        }
        for p in parts where p.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw OutboxError(L10n.t("outbox.error.emptyPart", ["part": p.thread?.label ?? ""]))
        }
        try store.recordIf(parts.map { .outboxQueued($0) }, actor: actor, now: now) { s in
            guard s.contains(key: first.mention) else {
                throw OutboxError(L10n.t("msg.noMentionKey", ["key": first.mention]))
            }
            if let since = openedAt { try Triage.checkUnchanged(store: s, key: first.mention, since: since, me: actor) }
        }
        let ob = Outbox(store: store)
        return try parts.map { p in
            guard let e = ob[p.id] else { throw OutboxError("the outbox entry \(p.id) was not stored") }
            return e
        }
    }

    /// Takes a reply back: only while it is queued (within the send delay) or after it failed. Of a thread, every
    /// part not yet out is taken back with it.
    public static func cancel(_ id: String, store: Store, actor: String, now: Date = Date()) throws {
        let ob = try Outbox.current(store)
        let e = try ob.resolve(id)
        if let t = e.draft.thread {
            let open = ob.parts(of: t.thread).filter(\.isCancellable)
            if open.contains(where: { $0.id == e.id }) {
                try store.recordIf(
                    open.map { .outboxCancelled(id: $0.id, mention: $0.mention) }, actor: actor, now: now
                ) { s in
                    let cur = Outbox(store: s)
                    guard open.allSatisfy({ cur[$0.id]?.isCancellable == true }) else {
                        throw OutboxError(L10n.t("outbox.error.threadSending", ["thread": t.thread]))
                    }
                }
                return
            }
        }
        try store.recordIf([.outboxCancelled(id: e.id, mention: e.mention)], actor: actor, now: now) { s in
            guard let cur = Outbox(store: s)[e.id], cur.isCancellable else {
                throw OutboxError(
                    L10n.t(
                        "outbox.error.tooLate",
                        ["id": e.id, "state": L10n.t("outbox.state." + (Outbox(store: s)[e.id]?.stateName ?? "gone"))]))
            }
        }
    }

    /// Asks for a failed entry to be sent again now (a sender picks it up: `OutboxSender.sendDue`).
    public static func retry(_ id: String, store: Store, actor: String, now: Date = Date()) throws {
        let e = try Outbox.current(store).resolve(id)
        try store.recordIf([.outboxRetry(id: e.id, mention: e.mention)], actor: actor, now: now) { s in
            guard let cur = Outbox(store: s)[e.id] else {
                throw OutboxError(L10n.t("outbox.error.noEntry", ["id": id]))
            }
            guard case .failed = cur.state else {
                throw OutboxError(
                    L10n.t("outbox.error.notFailed", ["id": e.id, "state": L10n.t("outbox.state." + cur.stateName)]))
            }
        }
    }

    /// Confirms that a reply to be given by hand (RSS, JSON Lines) was posted: the mention is answered,
    /// with `url` (default: the mention's own address) as where the answer is.
    public static func confirmManual(_ id: String, store: Store, actor: String, url: String? = nil, now: Date = Date())
        throws
    {
        let e = try Outbox.current(store).resolve(id)
        let where_ = url ?? store.mention(e.mention)?.url
        let reply = ReplyRecord(text: e.draft.text, actor: e.author, at: now, url: where_, manual: true)
        try store.recordIf(
            [.outboxSent(id: e.id, mention: e.mention, reply: reply, postID: nil)], actor: actor, now: now
        ) { s in
            guard let cur = Outbox(store: s)[e.id] else {
                throw OutboxError(L10n.t("outbox.error.noEntry", ["id": id]))
            }
            guard cur.isPending else {
                throw OutboxError(
                    L10n.t("outbox.error.state", ["id": e.id, "state": L10n.t("outbox.state." + cur.stateName)]))
            }
        }
    }

    /// Claims a due entry for sending by `holder` until `now + lease`, atomically across processes: of two
    /// senders, exactly one gets the entry; the other gets nil. Returns the entry as claimed.
    public static func claim(
        _ id: String, store: Store, holder: String, lease: TimeInterval, actor: String, now: Date = Date()
    ) throws -> OutboxEntry? {
        var claimed: OutboxEntry?
        var attempt = 1
        do {
            let ob = try Outbox.current(store)
            guard let known = ob[id], known.isDue(now), ob.isReady(known) else { return nil }
            attempt = known.attempts + 1
            try store.recordIf(
                [
                    .outboxSending(
                        id: id, mention: known.mention, by: holder, until: now.addingTimeInterval(lease),
                        attempt: attempt)
                ],
                actor: actor, now: now
            ) { s in
                let ob = Outbox(store: s)
                guard let cur = ob[id], cur.isDue(now), ob.isReady(cur), cur.attempts + 1 == attempt else {
                    throw NotDue()
                }
                claimed = ob.resolved(cur)
            }
        } catch is NotDue {
            return nil
        }
        guard var c = claimed else { return nil }
        c.state = .sending(by: holder, until: now.addingTimeInterval(lease))
        c.attempts = attempt
        return c
    }

    struct NotDue: Error {}

    /// The outbox after reading what other processes appended (without consuming the store's change report,
    /// so a workbench refreshing on its own thread still hears of everything).
    public static func current(_ store: Store) throws -> Outbox {
        var out = Outbox()
        try store.recordIf([], actor: "-") { s in out = Outbox(store: s) }
        return out
    }
}
