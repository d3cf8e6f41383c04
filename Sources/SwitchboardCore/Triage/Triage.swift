import Foundation

/// Why the composer could not claim a mention.
public enum ClaimError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Someone else is on it (assigned or claimed), since `since`: confirm to take over (`force`).
    case heldBy(user: String, since: Date?)
    case noSuchMention(String)
    /// The log could not be read or written.
    case store(String)

    public var description: String {
        switch self {
        case .heldBy(let u, let since):
            return L10n.t("triage.heldBy", ["user": u])
                + (since.map { " " + L10n.t("triage.since", ["at": LocalFormat.moment($0)]) } ?? "")
                + " (" + L10n.t("triage.takeOver") + ")"
        case .noSuchMention(let k): return L10n.t("msg.noMentionKey", ["key": k])
        case .store(let s): return s
        }
    }
}

/// Sending stopped because the mention changed under the composer: `events` are what others did since.
public struct CollisionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var mention: String
    public var events: [AuditEvent]
    public var description: String {
        "the mention changed since you opened it: "
            + events.map { "\($0.actor) \($0.action.summary)" }.joined(separator: "; ")
    }
    /// One line per change (`anna · 10:02:13 · status → answered`) for the workbench.
    public var lines: [String] { events.map { "\($0.actor) · \(Timestamp.format($0.at)) · \($0.action.summary)" } }
    /// The same with the times in `tz` (`anna · 2026-11-27 11:02 · status → answered`).
    public func lines(in tz: TimeZone) -> [String] {
        events.map { "\($0.actor) · \(Timestamp.local($0.at, tz)) · \($0.action.summary)" }
    }
}

/// Claim and collision: opening the composer claims a mention (visible to everyone through the log);
/// sending checks that nobody else replied to or changed it since.
public enum Triage {
    public struct Claim: Sendable, Equatable {
        /// The time to pass to `checkUnchanged` / `Outbox.queue(openedAt:)` at send time.
        public var openedAt: Date
        /// Who held it before a forced take-over (nil when it was free or mine).
        public var tookOverFrom: String?
    }

    /// Claims mention `key` for `me` (an `Action.claim`): free or already mine → claimed; held by someone else
    /// → `.heldBy(user, since)` unless `force` (take over). Atomic with respect to other processes.
    @discardableResult
    public static func claim(store: Store, key: String, me: String, force: Bool = false, now: Date = Date())
        throws(ClaimError) -> Claim
    {
        var previous: String?
        do {
            // Already mine (and not new): nothing to record, so opening the composer again adds no log line.
            var mine = false
            try store.recordIf([], actor: me, now: now) { s in
                let st = s.state(key)
                mine = s.contains(key: key) && st.assignee == me && st.status != .new
            }
            if mine { return Claim(openedAt: now, tookOverFrom: nil) }
            // Between sites the earliest claim wins; a deliberate take-over is an assignment, so that it wins there too.
            let takeOver: [Action] = force && store.site != nil ? [.assign(mention: key, user: me)] : []
            try store.recordIf([.claim(mention: key)] + takeOver, actor: me, now: now) { s in
                guard s.contains(key: key) else { throw ClaimError.noSuchMention(key) }
                let st = s.state(key)
                if let holder = st.assignee, holder != me {
                    if !force {
                        throw ClaimError.heldBy(user: holder, since: heldSince(store: s, key: key, user: holder))
                    }
                    previous = holder
                }
            }
        } catch let e as ClaimError {
            throw e
        } catch {
            throw .store(String(describing: error))
        }
        return Claim(openedAt: now, tookOverFrom: previous)
    }

    /// When `user` took mention `key` (their latest claim or assignment).
    public static func heldSince(store: Store, key: String, user: String) -> Date? {
        store.events(of: key).last { e in
            switch e.action {
            case .claim(let m): return m == key && e.actor == user
            case .assign(let m, let u): return m == key && u == user
            default: return false
            }
        }?.at
    }

    /// What others did to mention `key` after `since`: everything but my own actions and outbox bookkeeping
    /// (a reply queued by someone else counts: they are answering).
    public static func changes(store: Store, key: String, since: Date, me: String) -> [AuditEvent] {
        store.events(of: key).filter { e in
            guard e.actor != me, e.at > since else { return false }
            if case .outboxQueued = e.action { return true }
            return !e.action.isOutboxBookkeeping
        }
    }

    /// Throws `CollisionError` when someone else replied to or changed mention `key` since `since`. Call it inside
    /// `Store.recordIf` (as `Outbox.queue(openedAt:)` does) so the check and the write are one atomic step.
    public static func checkUnchanged(store: Store, key: String, since: Date, me: String) throws(CollisionError) {
        let c = changes(store: store, key: key, since: since, me: me)
        if !c.isEmpty { throw CollisionError(mention: key, events: c) }
    }

    /// Records `actions` for each of `keys` (bulk triage over marked mentions) in one durable write.
    @discardableResult
    public static func bulk(
        store: Store, keys: [String], actor: String, now: Date = Date(), _ make: (String) -> [Action]
    ) throws -> [AuditEvent] {
        try store.record(keys.flatMap(make), actor: actor, now: now)
    }
}

extension Triage {
    /// What a reply should start with so its author is notified: on Mastodon `@user@server ` (a reply without the
    /// mention threads but notifies nobody); elsewhere nothing (Bluesky notifies the parent's author itself).
    public static func replyPrefix(for m: Mention) -> String {
        guard m.platform.lowercased() == "mastodon", let h = m.author?.handle, !h.isEmpty else { return "" }
        return (h.hasPrefix("@") ? h : "@" + h) + " "
    }

    /// `text` with the reply prefix in front unless it already mentions the author.
    public static func addressed(_ text: String, to m: Mention) -> String {
        let p = replyPrefix(for: m)
        guard !p.isEmpty else { return text }
        if text.lowercased().contains(p.trimmingCharacters(in: .whitespaces).lowercased()) { return text }
        return p + text
    }
}
