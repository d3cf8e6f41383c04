import Foundation

extension Queue {
    /// The queue after reading what other processes appended.
    public static func current(_ store: Store) throws -> Queue {
        var out = Queue()
        try store.recordIf([], actor: "-") { s in out = Queue(store: s) }
        return out
    }

    /// Adds an item (a draft when `scheduledAt` is nil). Accounts must be sources in `team`.
    @discardableResult
    public static func add(_ d: QueueDraft, team: TeamConfig, store: Store, actor: String, now: Date = Date()) throws
        -> QueueItem
    {
        guard !d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw QueueError(L10n.t("err.queue.empty"))
        }
        guard !d.accounts.isEmpty else {
            throw QueueError(L10n.t("err.queue.noAccount"))
        }
        for a in d.accounts where !team.sources.contains(where: { $0.id == a }) {
            throw QueueError(
                L10n.t("err.queue.noSource", ["id": a, "ids": team.sources.map(\.id).joined(separator: ", ")]))
        }
        // Links get the team's UTM presets per network (team.json "utm").
        let networks = d.accounts.compactMap { a in team.sources.first { $0.id == a }?.type.lowercased() }
        let d = UTMPresets(team).map { $0.apply(to: d, networks: networks) } ?? d
        try store.recordIf([.queue(.add(d))], actor: actor, now: now) { s in
            if Queue(store: s)[d.id] != nil { throw QueueError("queue item \(d.id) exists already") }
        }
        guard let i = Queue(store: store)[d.id] else { throw QueueError("queue item \(d.id) was not stored") }
        return i
    }

    /// Records `action` for item `id` if `allowed` holds for the item as it is under the lock.
    static func change(
        _ id: String, store: Store, actor: String, now: Date, _ make: (QueueItem) -> [Action],
        allowed: (QueueItem) -> String?
    ) throws {
        let known = try Queue.current(store).resolve(id)
        try store.recordIf(make(known), actor: actor, now: now) { s in
            guard let cur = Queue(store: s)[known.id] else { throw QueueError(L10n.t("err.queue.noItem", ["id": id])) }
            if let why = allowed(cur) {
                throw QueueError(
                    L10n.t(
                        "err.queue.itemIs",
                        ["id": known.id, "state": L10n.t("queue.state." + cur.state.rawValue), "why": why]))
            }
        }
    }

    public static func edit(
        _ id: String, text: String, variants: [String: String]? = nil, store: Store, actor: String, now: Date = Date()
    ) throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw QueueError(L10n.t("err.queue.empty"))
        }
        try change(
            id, store: store, actor: actor, now: now, { [.queue(.edit(id: $0.id, text: text, variants: variants))] }
        ) {
            $0.isEditable ? nil : "it can no longer be edited"
        }
    }

    /// Schedules at `at` (nil: back to draft). On a failed item this is the retry of the failed accounts.
    public static func schedule(_ id: String, at: Date?, store: Store, actor: String, now: Date = Date()) throws {
        try change(id, store: store, actor: actor, now: now, { [.queue(.schedule(id: $0.id, at: at))] }) {
            $0.isEditable || $0.state == .failed ? nil : "it can no longer be rescheduled"
        }
    }

    /// Retries a failed item now (every account that failed; the ones published stay published).
    public static func retry(_ id: String, store: Store, actor: String, now: Date = Date()) throws {
        try change(id, store: store, actor: actor, now: now, { [.queue(.schedule(id: $0.id, at: now))] }) {
            $0.state == .failed ? nil : "only a failed item can be retried"
        }
    }

    public static func delete(_ id: String, store: Store, actor: String, now: Date = Date()) throws {
        try change(id, store: store, actor: actor, now: now, { [.queue(.delete(id: $0.id))] }) {
            $0.isEditable ? nil : "it is published or being published"
        }
    }

    /// Undoes `delete`.
    public static func restore(_ id: String, store: Store, actor: String, now: Date = Date()) throws {
        try change(id, store: store, actor: actor, now: now, { [.queue(.restore(id: $0.id))] }) {
            $0.deleted ? nil : "it is not deleted"
        }
    }

    /// Roles that may flip the suspend switch.
    public static let switchRoles: Set<String> = ["lead", "manager"]

    /// Checks that `actor` is a team member whose role may flip the switch.
    public static func checkMayFlip(_ actor: String, team: TeamConfig) throws {
        guard let m = team.member(actor) else {
            throw QueueError(
                "\(actor) is not in the team (team.json): only a lead or manager may suspend or resume the queue")
        }
        guard switchRoles.contains(m.role.lowercased()) else {
            throw QueueError(L10n.t("err.queue.role", ["user": actor, "role": m.role]))
        }
    }

    /// The kill switch: holds every scheduled item, in every process, from the moment it is written.
    public static func suspendAll(reason: String, team: TeamConfig, store: Store, actor: String, now: Date = Date())
        throws
    {
        try checkMayFlip(actor, team: team)
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !r.isEmpty else { throw QueueError(L10n.t("err.queue.reason")) }
        try store.recordIf([.queue(.suspendAll(reason: r))], actor: actor, now: now) { s in
            if let cur = Queue(store: s).suspension {
                throw QueueError(L10n.t("err.queue.already", ["user": cur.by, "reason": cur.reason]))
            }
        }
    }

    /// Turns the switch off. Held items whose time has passed are posted now, moved to their next free slot (in the same
    /// write, so no publisher sees them due in between), or kept holding, as `policy` says. Returns the items moved.
    @discardableResult
    public static func resumeAll(
        policy: ResumePolicy, team: TeamConfig, store: Store, actor: String, now: Date = Date()
    ) throws -> [(id: String, at: Date)] {
        try checkMayFlip(actor, team: team)
        var moved: [(id: String, at: Date)] = []
        let schedule = PostingSchedule(team: team)
        let known = try Queue.current(store)
        guard known.isSuspended else { throw QueueError("the queue is not suspended") }
        var actions: [Action] = [.queue(.resumeAll(policy: policy))]
        if policy == .nextSlot {
            var q = known
            q.apply(AuditEvent(at: now, actor: actor, action: .queue(.resumeAll(policy: .keepHolding))))
            for i in known.agenda where i.held {
                guard let at = i.scheduledAt, at <= now, let account = i.draft.accounts.first else { continue }
                let slot = try q.nextFreeSlot(
                    after: now, accounts: i.draft.accounts, schedule: schedule, ignoring: i.id)
                _ = account
                let e = AuditEvent(at: now, actor: actor, action: .queue(.schedule(id: i.id, at: slot)))
                q.apply(e)
                actions.append(e.action)
                moved.append((i.id, slot))
            }
        }
        try store.recordIf(actions, actor: actor, now: now) { s in
            guard Queue(store: s).isSuspended else { throw QueueError("the queue is not suspended") }
        }
        return moved
    }

    public enum ClaimResult: Sendable {
        case claimed(QueueItem, attempt: Int)
        /// The switch is on (or the item is held): nothing may be posted.
        case suspended(String)
        case notDue
    }

    /// Claims `account` of item `id` for `holder` until `now + lease`, atomically across processes: the last check of the
    /// suspend switch before the network call. Of two publishers, exactly one gets `.claimed`.
    public static func claim(
        _ id: String, account: String, store: Store, holder: String, lease: TimeInterval, actor: String,
        now: Date = Date()
    ) throws -> ClaimResult {
        let known = try Queue.current(store)
        guard let item = known[id] else { return .notDue }
        let attempt = item.result(account).attempts + 1
        var result = ClaimResult.notDue
        do {
            try store.recordIf(
                [
                    .queue(
                        .publishing(
                            id: id, account: account, by: holder, until: now.addingTimeInterval(lease), attempt: attempt
                        ))
                ],
                actor: actor, now: now
            ) { s in
                let q = Queue(store: s)
                guard let cur = q[id] else { throw Skip() }
                if let sus = q.suspension, cur.draft.crisis == nil {
                    result = .suspended("the queue is suspended by \(sus.by): \(sus.reason)")
                    throw Skip()
                }
                if cur.held { result = .suspended("held"); throw Skip() }
                guard cur.isDue(account, now: now), cur.result(account).attempts + 1 == attempt else { throw Skip() }
                result = .claimed(cur, attempt: attempt)
            }
        } catch is Skip {}
        return result
    }

    struct Skip: Error {}
}

extension Queue {
    /// A copy of an item as a new draft (same text, accounts, media, link, attribution, tags), for reuse or a variant.
    @discardableResult
    public static func duplicate(_ id: String, team: TeamConfig, store: Store, actor: String, now: Date = Date()) throws
        -> QueueItem
    {
        let src = try Queue.current(store).resolve(id)
        var d = src.draft
        d = QueueDraft(
            text: d.text, variants: d.variants, accounts: d.accounts, media: d.media, link: d.link, via: d.via,
            tags: d.tags,
            campaign: d.campaign, scheduledAt: nil, createdAt: now)
        return try add(d, team: team, store: store, actor: actor, now: now)
    }

    /// Reorders two scheduled items by swapping their times, in one write.
    public static func swap(_ a: String, _ b: String, store: Store, actor: String, now: Date = Date()) throws {
        let q = try Queue.current(store)
        let x = try q.resolve(a)
        let y = try q.resolve(b)
        guard let tx = x.scheduledAt, let ty = y.scheduledAt else {
            throw QueueError(L10n.t("err.queue.swap"))
        }
        try store.recordIf(
            [.queue(.schedule(id: x.id, at: ty)), .queue(.schedule(id: y.id, at: tx))], actor: actor, now: now
        ) { s in
            let cur = Queue(store: s)
            for i in [x.id, y.id] {
                guard let c = cur[i], c.isEditable, c.scheduledAt != nil else {
                    throw QueueError("queue item \(i) is \(cur[i]?.state.rawValue ?? "gone"): it cannot be moved")
                }
            }
        }
    }
}
