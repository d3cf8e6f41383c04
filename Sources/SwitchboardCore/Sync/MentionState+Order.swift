import Foundation

/// The fold of stamped actions (records written by a data directory with a site): the same result whatever order
/// the records arrive in. Status, assignee, hand-off team and tags: the later action by clock wins (the earlier one
/// stays in the history); claims: the earliest wins; notes, replies and moderation: all kept, in time order.
extension MentionState {
    mutating func applyStamped(_ e: AuditEvent, _ s: LogStamp) {
        var f = sync ?? SyncFold()
        if sync == nil { f.base = status }
        defer {
            // An explicit change wins by clock; a claim later than it opens a mention that is still new.
            let hard = f.status ?? f.base
            let opened = f.lastClaim.map { c in f.stamps["status"].map { c > $0 } ?? true } ?? false
            status = hard == .new && opened ? .open : hard
            sync = f
        }
        func setStatus(_ x: MentionStatus) { if f.take("status", s) { f.status = x } }
        switch e.action {
        case .setStatus(_, let x): setStatus(x)
        case .assign(_, let u):
            if f.assign.map({ $0.stamp < s }) ?? true { f.assign = SyncFold.Owner(user: u, stamp: s) }
            settleAssignee(f)
        case .claim:
            let me = SyncFold.Owner(user: e.actor, stamp: s)
            if let c = f.claim, c.stamp < s {
                if !f.lostClaims.contains(me) { f.lostClaims.append(me); f.lostClaims.sort { $0.stamp < $1.stamp } }
            } else {
                if let c = f.claim { f.lostClaims.append(c); f.lostClaims.sort { $0.stamp < $1.stamp } }
                f.claim = me
            }
            settleAssignee(f)
            f.lastClaim = max(f.lastClaim ?? s, s)
        case .tag(_, let t):
            for x in t where f.take("tag:" + x, s) {
                tags.removeAll { $0 == x }
                let at = tags.firstIndex { (f.stamps["tag:" + $0] ?? s) > s } ?? tags.count
                tags.insert(x, at: at)
            }
        case .untag(_, let t): for x in t where f.take("tag:" + x, s) { tags.removeAll { $0 == x } }
        case .note(_, let t): insertNote(Note(actor: e.actor, at: e.at, text: t))
        case .reply(_, let r), .outboxSent(_, _, let r, _):
            let at = replies.firstIndex { ($0.at, $0.actor, $0.text) > (r.at, r.actor, r.text) } ?? replies.count
            replies.insert(r, at: at)
            firstResponseAt = min(firstResponseAt ?? r.at, r.at)
            setStatus(.answered)
        case .handoff(_, let team, let n):
            if f.take("handoff", s) { handoffTeam = team }
            setStatus(.waiting)
            if let n { insertNote(Note(actor: e.actor, at: e.at, text: "hand-off to \(team): \(n)")) }
        case .moderate(_, let k, let r, let ban):
            let m = ModerationRecord(kind: k, actor: e.actor, at: e.at, reason: r, ban: ban)
            let at = moderation.firstIndex { ($0.at, $0.actor, $0.kind.rawValue) > (m.at, m.actor, m.kind.rawValue) }
            moderation.insert(m, at: at ?? moderation.count)
        case .handoffFollowUp(let h): h.apply(to: &self, actor: e.actor, at: e.at)
        case .post(let p): p.apply(to: &self, actor: e.actor, at: e.at)
        case .outboxQueued, .outboxSending, .outboxFailed, .outboxRetry, .outboxCancelled: return
        case .queue, .contact, .crisis, .spikeAlert, .other: break
        }
        if f.take("last", s) { (lastChangedAt, lastChangedBy) = (e.at, e.actor) }
    }

    /// The assignee: the later (by clock) of the latest assignment and the winning claim.
    private mutating func settleAssignee(_ f: SyncFold) {
        switch (f.assign, f.claim) {
        case (let a?, let c?): assignee = a.stamp > c.stamp ? a.user : c.user
        case (let a?, nil): assignee = a.user
        case (nil, let c?): assignee = c.user
        case (nil, nil): break
        }
    }

    private mutating func insertNote(_ n: Note) {
        let at = notes.firstIndex { ($0.at, $0.actor, $0.text) > (n.at, n.actor, n.text) } ?? notes.count
        notes.insert(n, at: at)
    }

    /// When `user` claimed this mention after an earlier claim from another site won (nil: no lost claim).
    public func lostClaim(of user: String) -> LogStamp? {
        guard let f = sync, f.claim?.user != user else { return nil }
        return f.lostClaims.first { $0.user == user }?.stamp
    }
}
