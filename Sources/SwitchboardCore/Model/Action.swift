import Foundation

/// The one action vocabulary: every change anybody makes, from the CLI or the workbench,
/// is one of these, recorded with who and when in `log/actions-YYYY-MM.jsonl`.
public enum Action: Hashable, Sendable {
    case setStatus(mention: String, status: MentionStatus)
    /// Assign to a user; nil unassigns.
    case assign(mention: String, user: String?)
    /// Take a mention for oneself because one started replying (the composer's claim).
    case claim(mention: String)
    case tag(mention: String, tags: [String])
    case untag(mention: String, tags: [String])
    case note(mention: String, text: String)
    case reply(mention: String, reply: ReplyRecord)
    case handoff(mention: String, team: String, note: String?)
    /// A moderation action the network confirmed (hide, delete, approve…), with the reason given; `ban` when the
    /// author was banned too. Recorded after the network said yes.
    case moderate(mention: String, kind: ModerationKind, reason: String?, ban: Bool)
    /// A reply stored in the outbox before it is sent (see the README, "Sending: the outbox").
    case outboxQueued(OutboxDraft)
    /// A sender claimed the entry (`by`: `pid@host`) until `until`; a later sender may take it over after that.
    case outboxSending(id: String, mention: String, by: String, until: Date, attempt: Int)
    /// The reply went out (or was answered by hand: `reply.manual`); the mention is answered.
    case outboxSent(id: String, mention: String, reply: ReplyRecord, postID: String?)
    /// Sending failed: retried at `retryAt`, or never automatically when nil (rejected, needs login).
    case outboxFailed(id: String, mention: String, error: String, retryAt: Date?)
    /// Someone asked to send a failed entry again now.
    case outboxRetry(id: String, mention: String)
    /// Taken back before it was sent.
    case outboxCancelled(id: String, mention: String)
    /// The content queue (`queue_*`; see the README, "The content queue"). Not about a mention.
    case queue(QueueAction)
    /// Contacts (`contact_*`; see `ContactAction`). Not about a mention.
    case contact(ContactAction)
    /// After a hand-off: delivery bookkeeping and the answer from inside (`handoff_*`; see `HandoffAction`).
    case handoffFollowUp(HandoffAction)
    /// The crisis drawer (`crisis_*`; see the README, "The crisis drawer"). Not about a mention.
    case crisis(CrisisAction)
    /// A spike alert raised by the process that polls the sources (`spike_alert`). Not about a mention.
    case spikeAlert(SpikeAlertRecord)
    /// The brand's own post edited or deleted on its network (`post_edit`, `post_delete`; see `PostAction`).
    case post(PostAction)
    /// A record type this version does not know; kept and written back unchanged.
    case other(type: String, mention: String?, data: [String: JSONValue])

    public var mention: String? {
        switch self {
        case .setStatus(let m, _), .assign(let m, _), .claim(let m), .tag(let m, _), .untag(let m, _),
            .note(let m, _), .reply(let m, _), .handoff(let m, _, _), .moderate(let m, _, _, _):
            return m
        case .outboxQueued(let d): return d.mention
        case .outboxSending(_, let m, _, _, _), .outboxSent(_, let m, _, _), .outboxFailed(_, let m, _, _),
            .outboxRetry(_, let m), .outboxCancelled(_, let m):
            return m
        case .queue, .contact, .crisis, .spikeAlert: return nil
        case .handoffFollowUp(let h): return h.mention
        case .post(let p): return p.mention
        case .other(_, let m, _): return m
        }
    }

    public var typeName: String {
        switch self {
        case .setStatus: return "status"
        case .assign: return "assign"
        case .claim: return "claim"
        case .tag: return "tag"
        case .untag: return "untag"
        case .note: return "note"
        case .reply: return "reply"
        case .handoff: return "handoff"
        case .moderate: return "moderate"
        case .outboxQueued: return "outbox_queued"
        case .outboxSending: return "outbox_sending"
        case .outboxSent: return "outbox_sent"
        case .outboxFailed: return "outbox_failed"
        case .outboxRetry: return "outbox_retry"
        case .outboxCancelled: return "outbox_cancelled"
        case .queue(let q): return q.typeName
        case .contact(let c): return c.typeName
        case .handoffFollowUp(let h): return h.typeName
        case .crisis(let c): return c.typeName
        case .spikeAlert: return SpikeAlertRecord.typeName
        case .post(let p): return p.typeName
        case .other(let t, _, _): return t
        }
    }

    /// The outbox entry this action is about, if any.
    public var outboxID: String? {
        switch self {
        case .outboxQueued(let d): return d.id
        case .outboxSending(let id, _, _, _, _), .outboxSent(let id, _, _, _), .outboxFailed(let id, _, _, _),
            .outboxRetry(let id, _), .outboxCancelled(let id, _):
            return id
        default: return nil
        }
    }

    /// The spike alert this action is, if it is one: typed, or an untyped `spike_alert` record made in code.
    public var spikeAlert: SpikeAlertRecord? {
        switch self {
        case .spikeAlert(let s): return s
        case .other(SpikeAlertRecord.typeName, _, let d): return SpikeAlertRecord(data: d)
        default: return nil
        }
    }

    /// Outbox bookkeeping that does not change the mention itself (queued, sending, failed, retry, cancelled).
    public var isOutboxBookkeeping: Bool {
        switch self {
        case .outboxSending, .outboxFailed, .outboxRetry, .outboxCancelled, .outboxQueued: return true
        case .handoffFollowUp(let h): return h.isBookkeeping
        default: return false
        }
    }

    /// One line for humans: `status → open`, `tag +billing +urgent`.
    public var summary: String {
        switch self {
        case .setStatus(_, let s): return L10n.t("action.status", ["status": L10n.t("mention.status." + s.rawValue)])
        case .assign(_, let u): return u.map { L10n.t("action.assign", ["user": $0]) } ?? L10n.t("action.unassign")
        case .claim: return L10n.t("action.claim")
        case .tag(_, let t): return L10n.t("action.tag", ["tags": t.map { "+" + $0 }.joined(separator: " ")])
        case .untag(_, let t): return L10n.t("action.untag", ["tags": t.map { "-" + $0 }.joined(separator: " ")])
        case .note(_, let t): return L10n.t("action.note", ["text": t])
        case .reply(_, let r):
            return L10n.t(r.manual == true ? "action.replyByHand" : "action.reply", ["text": r.text])
        case .handoff(_, let team, let n):
            return L10n.t("action.handoff", ["team": team]) + (n.map { ": " + $0 } ?? "")
        case .moderate(_, let k, let r, let ban):
            return L10n.t("moderation.done." + k.rawValue) + (ban ? " (" + L10n.t("action.authorBanned") + ")" : "")
                + (r.map { ": " + $0 } ?? "")
        case .outboxQueued(let d):
            return L10n.t("log.replyQueued") + (d.manual ? " (" + L10n.t("log.toAnswerByHand") + ")" : "") + ": "
                + d.text
        case .outboxSending(_, _, let by, _, let n): return L10n.t("log.sending", ["n": n, "user": by])
        case .outboxSent(_, _, let r, _):
            return L10n.t("log.replySent") + (r.manual == true ? " (" + L10n.t("log.byHand") + ")" : "")
                + (r.url.map { ": " + $0 } ?? "")
        case .outboxFailed(_, _, let e, let at):
            return L10n.t("log.sendingFailed", ["error": e])
                + (at.map { " (" + L10n.t("log.retryAt", ["at": LocalFormat.moment($0)]) + ")" } ?? "")
        case .outboxRetry: return L10n.t("log.retryRequested")
        case .outboxCancelled: return L10n.t("log.takenBack")
        case .queue(let q): return q.summary
        case .contact(let c): return c.summary
        case .handoffFollowUp(let h): return h.summary
        case .crisis(let c): return c.summary
        case .spikeAlert(let s): return s.summary
        case .post(let p): return p.summary
        case .other(let t, _, let d):
            if let line = Action.otherLine(t, d) { return line }
            if let m = d["message"]?.stringValue { return t.replacingOccurrences(of: "_", with: " ") + ": " + m }
            return t + (d.isEmpty ? "" : " " + d.keys.sorted().joined(separator: ","))
        }
    }
}

/// One line of the actions log.
public struct AuditEvent: Codable, Hashable, Sendable, SchemaVersioned {
    public static let schemaVersion = 1
    public var schema: Int, id: String, at: Date, actor: String, action: Action
    /// The site that wrote it and its hybrid logical clock (`LogStamp`); nil in records written without a site.
    public var stamp: LogStamp?

    public init(
        id: String = AuditEvent.newID(), at: Date = Date(), actor: String, action: Action, stamp: LogStamp? = nil
    ) {
        (self.schema, self.id, self.at, self.actor, self.action) = (AuditEvent.schemaVersion, id, at, actor, action)
        self.stamp = stamp
    }

    public static func newID() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16).description
    }

    enum Keys: String, CodingKey {
        case v, id, at, actor, type, mention, status, user, tags, text, reply, team, note, data, outbox, by, until
        case kind, reason, ban
        case attempt, error, postID = "post_id", retryAt = "retry_at"
        case hlc, site
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        schema = try c.schemaVersion(.v, supported: AuditEvent.schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        at = try c.decode(Date.self, forKey: .at)
        actor = try c.decode(String.self, forKey: .actor)
        if let h = try c.decodeIfPresent(Int64.self, forKey: .hlc),
            let s = try c.decodeIfPresent(String.self, forKey: .site)
        {
            stamp = LogStamp(hlc: h, site: s)
        }
        let type = try c.decode(String.self, forKey: .type)
        let m = try c.decodeIfPresent(String.self, forKey: .mention)
        func data() throws -> [String: JSONValue] {
            try c.decodeIfPresent([String: JSONValue].self, forKey: .data) ?? [:]
        }
        func need() throws -> String {
            guard let m else {
                throw DecodingError.keyNotFound(
                    Keys.mention, .init(codingPath: c.codingPath, debugDescription: "\(type) needs a mention"))
            }
            return m
        }
        switch type {
        case "status":
            action = .setStatus(mention: try need(), status: try c.decode(MentionStatus.self, forKey: .status))
        case "assign": action = .assign(mention: try need(), user: try c.decodeIfPresent(String.self, forKey: .user))
        case "claim": action = .claim(mention: try need())
        case "tag": action = .tag(mention: try need(), tags: try c.decode([String].self, forKey: .tags))
        case "untag": action = .untag(mention: try need(), tags: try c.decode([String].self, forKey: .tags))
        case "note": action = .note(mention: try need(), text: try c.decode(String.self, forKey: .text))
        case "reply": action = .reply(mention: try need(), reply: try c.decode(ReplyRecord.self, forKey: .reply))
        case "handoff":
            action = .handoff(
                mention: try need(), team: try c.decode(String.self, forKey: .team),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case "moderate":
            // A kind from a newer version is kept as it is rather than lost.
            if let k = try? c.decode(ModerationKind.self, forKey: .kind) {
                action = .moderate(
                    mention: try need(), kind: k, reason: try c.decodeIfPresent(String.self, forKey: .reason),
                    ban: try c.decodeIfPresent(Bool.self, forKey: .ban) ?? false)
            } else {
                action = .other(type: type, mention: m, data: try data())
            }
        case "outbox_queued": action = .outboxQueued(try OutboxDraft(from: decoder))
        case "outbox_sending":
            action = .outboxSending(
                id: try c.decode(String.self, forKey: .outbox), mention: try need(),
                by: try c.decode(String.self, forKey: .by),
                until: try c.decode(Date.self, forKey: .until),
                attempt: try c.decodeIfPresent(Int.self, forKey: .attempt) ?? 1)
        case "outbox_sent":
            action = .outboxSent(
                id: try c.decode(String.self, forKey: .outbox), mention: try need(),
                reply: try c.decode(ReplyRecord.self, forKey: .reply),
                postID: try c.decodeIfPresent(String.self, forKey: .postID))
        case "outbox_failed":
            action = .outboxFailed(
                id: try c.decode(String.self, forKey: .outbox), mention: try need(),
                error: try c.decode(String.self, forKey: .error),
                retryAt: try c.decodeIfPresent(Date.self, forKey: .retryAt))
        case "outbox_retry": action = .outboxRetry(id: try c.decode(String.self, forKey: .outbox), mention: try need())
        case "outbox_cancelled":
            action = .outboxCancelled(id: try c.decode(String.self, forKey: .outbox), mention: try need())
        case _ where QueueAction.typeNames.contains(type): action = .queue(try QueueAction(type: type, from: decoder))
        case _ where ContactAction.typeNames.contains(type):
            action = .contact(try ContactAction(type: type, from: decoder))
        case _ where HandoffAction.typeNames.contains(type):
            action = .handoffFollowUp(try HandoffAction(type: type, from: decoder))
        case _ where CrisisAction.typeNames.contains(type):
            // A crisis record this version cannot read (hand-written, older) is kept as it is rather than lost.
            if let a = try? CrisisAction(type: type, from: decoder) {
                action = .crisis(a)
            } else {
                action = .other(type: type, mention: m, data: try data())
            }
        case SpikeAlertRecord.typeName: action = .spikeAlert(SpikeAlertRecord(data: try data()))
        case _ where PostAction.typeNames.contains(type): action = .post(try PostAction(type: type, from: decoder))
        default: action = .other(type: type, mention: m, data: try data())
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(schema, forKey: .v); try c.encode(id, forKey: .id); try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor); try c.encode(action.typeName, forKey: .type)
        try c.encodeIfPresent(action.mention, forKey: .mention)
        if let stamp { try c.encode(stamp.hlc, forKey: .hlc); try c.encode(stamp.site, forKey: .site) }
        switch action {
        case .setStatus(_, let s): try c.encode(s, forKey: .status)
        case .assign(_, let u): try c.encodeIfPresent(u, forKey: .user)
        case .claim: break
        case .tag(_, let t), .untag(_, let t): try c.encode(t, forKey: .tags)
        case .note(_, let t): try c.encode(t, forKey: .text)
        case .reply(_, let r): try c.encode(r, forKey: .reply)
        case .handoff(_, let team, let n):
            try c.encode(team, forKey: .team)
            try c.encodeIfPresent(n, forKey: .note)
        case .moderate(_, let k, let r, let ban):
            try c.encode(k, forKey: .kind)
            try c.encodeIfPresent(r, forKey: .reason)
            if ban { try c.encode(true, forKey: .ban) }
        case .outboxQueued(let d): try d.encode(to: encoder)
        case .outboxSending(let id, _, let by, let until, let n):
            try c.encode(id, forKey: .outbox); try c.encode(by, forKey: .by); try c.encode(until, forKey: .until)
            try c.encode(n, forKey: .attempt)
        case .outboxSent(let id, _, let r, let pid):
            try c.encode(id, forKey: .outbox)
            try c.encode(r, forKey: .reply)
            try c.encodeIfPresent(pid, forKey: .postID)
        case .outboxFailed(let id, _, let e, let at):
            try c.encode(id, forKey: .outbox)
            try c.encode(e, forKey: .error)
            try c.encodeIfPresent(at, forKey: .retryAt)
        case .outboxRetry(let id, _), .outboxCancelled(let id, _): try c.encode(id, forKey: .outbox)
        case .queue(let q): try q.encode(to: encoder)
        case .contact(let a): try a.encode(to: encoder)
        case .handoffFollowUp(let h): try h.encode(to: encoder)
        case .crisis(let a): try a.encode(to: encoder)
        case .post(let p): try p.encode(to: encoder)
        case .spikeAlert(let s):
            let d = s.data
            if !d.isEmpty { try c.encode(d, forKey: .data) }
        case .other(_, _, let d): if !d.isEmpty { try c.encode(d, forKey: .data) }
        }
    }
}

extension MentionState {
    /// Applies one event: the fold step that turns the actions log into the current state.
    public mutating func apply(_ e: AuditEvent) {
        // Outbox bookkeeping is not a change of the mention (the outbox fold reads it).
        if e.action.isOutboxBookkeeping { return }
        if let s = e.stamp { return applyStamped(e, s) }
        switch e.action {
        case .setStatus(_, let s): status = s
        case .assign(_, let u): assignee = u
        case .claim:
            assignee = e.actor
            if status == .new { status = .open }
        case .tag(_, let t): for x in t where !tags.contains(x) { tags.append(x) }
        case .untag(_, let t): tags.removeAll { t.contains($0) }
        case .note(_, let t): notes.append(Note(actor: e.actor, at: e.at, text: t))
        case .reply(_, let r):
            replies.append(r)
            if firstResponseAt == nil { firstResponseAt = r.at }
            status = .answered
        case .handoff(_, let team, let n):
            handoffTeam = team
            status = .waiting
            if let n { notes.append(Note(actor: e.actor, at: e.at, text: "hand-off to \(team): \(n)")) }
        case .moderate(_, let k, let r, let ban):
            moderation.append(ModerationRecord(kind: k, actor: e.actor, at: e.at, reason: r, ban: ban))
        case .outboxSent(_, _, let r, _):
            replies.append(r)
            if firstResponseAt == nil { firstResponseAt = r.at }
            status = .answered
        case .outboxQueued, .outboxSending, .outboxFailed, .outboxRetry, .outboxCancelled: break
        case .handoffFollowUp(let h): h.apply(to: &self, actor: e.actor, at: e.at)
        case .post(let p): p.apply(to: &self, actor: e.actor, at: e.at)
        case .queue, .contact, .crisis, .spikeAlert, .other: break
        }
        lastChangedAt = e.at
        lastChangedBy = e.actor
    }
}
