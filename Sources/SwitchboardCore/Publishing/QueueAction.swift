import Foundation

/// The content queue's actions (`queue_*` in the actions log, flat like every other action).
public enum QueueAction: Hashable, Sendable {
    case add(QueueDraft)
    /// New text (and variants, when given) for an item not yet publishing.
    case edit(id: String, text: String, variants: [String: String]?)
    /// Schedule at a time, or back to draft (nil). Also the retry of a failed item.
    case schedule(id: String, at: Date?)
    case delete(id: String)
    /// Undoes a delete.
    case restore(id: String)
    /// A publisher (`by`: `pid@host`) claimed the item for one account until `until`.
    case publishing(id: String, account: String, by: String, until: Date, attempt: Int)
    case published(id: String, account: String, postID: String?, url: String?)
    /// Failed on one account: retried automatically at `retryAt` (a transient failure), or only when asked (nil).
    case failed(id: String, account: String, error: String, retryAt: Date?)
    /// The kill switch: every scheduled item is held.
    case suspendAll(reason: String)
    case resumeAll(policy: ResumePolicy)

    public var typeName: String {
        switch self {
        case .add: return "queue_add"
        case .edit: return "queue_edit"
        case .schedule: return "queue_schedule"
        case .delete: return "queue_delete"
        case .restore: return "queue_restore"
        case .publishing: return "queue_publishing"
        case .published: return "queue_published"
        case .failed: return "queue_failed"
        case .suspendAll: return "queue_suspend_all"
        case .resumeAll: return "queue_resume_all"
        }
    }

    public static let typeNames: Set<String> = [
        "queue_add", "queue_edit", "queue_schedule", "queue_delete", "queue_restore",
        "queue_publishing", "queue_published", "queue_failed", "queue_suspend_all", "queue_resume_all",
    ]

    /// The queue item this is about (nil for the switch).
    public var itemID: String? {
        switch self {
        case .add(let d): return d.id
        case .edit(let id, _, _), .schedule(let id, _), .delete(let id), .restore(let id),
            .publishing(let id, _, _, _, _),
            .published(let id, _, _, _), .failed(let id, _, _, _):
            return id
        case .suspendAll, .resumeAll: return nil
        }
    }

    public var summary: String {
        switch self {
        case .add(let d): return L10n.t("summary.queueAdd") + ": " + d.text
        case .edit(_, let t, _): return L10n.t("summary.queueEdit") + ": " + t
        case .schedule(_, let at):
            return at.map { L10n.t("summary.queueSchedule", ["time": Timestamp.format($0)]) }
                ?? L10n.t("summary.queueUnschedule")
        case .delete: return L10n.t("summary.queueDelete")
        case .restore: return L10n.t("summary.queueRestore")
        case .publishing(_, let a, let by, _, let n):
            return L10n.t("summary.publishing", ["account": a, "attempt": n, "by": by])
        case .published(_, let a, _, let url):
            return L10n.t("summary.published", ["account": a]) + (url.map { ": " + $0 } ?? "")
        case .failed(_, let a, let e, let at):
            return L10n.t("summary.publishFailed", ["account": a, "error": e])
                + (at.map { " (" + L10n.t("summary.retryAt", ["time": Timestamp.format($0)]) + ")" } ?? "")
        case .suspendAll(let r): return L10n.t("summary.queueSuspendAll") + ": " + r
        case .resumeAll(let p): return L10n.t("summary.queueResumeAll", ["policy": p.rawValue])
        }
    }

    enum Keys: String, CodingKey {
        case queue, text, variants, account, by, until, attempt, url, error, reason, policy
        case scheduledAt = "scheduled_at", postID = "post_id", retryAt = "retry_at"
    }

    init(type: String, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        func id() throws -> String { try c.decode(String.self, forKey: .queue) }
        switch type {
        case "queue_add": self = .add(try QueueDraft(from: decoder))
        case "queue_edit":
            self = .edit(
                id: try id(), text: try c.decode(String.self, forKey: .text),
                variants: try c.decodeIfPresent([String: String].self, forKey: .variants))
        case "queue_schedule":
            self = .schedule(id: try id(), at: try c.decodeIfPresent(Date.self, forKey: .scheduledAt))
        case "queue_delete": self = .delete(id: try id())
        case "queue_restore": self = .restore(id: try id())
        case "queue_publishing":
            self = .publishing(
                id: try id(), account: try c.decode(String.self, forKey: .account),
                by: try c.decode(String.self, forKey: .by),
                until: try c.decode(Date.self, forKey: .until),
                attempt: try c.decodeIfPresent(Int.self, forKey: .attempt) ?? 1)
        case "queue_published":
            self = .published(
                id: try id(), account: try c.decode(String.self, forKey: .account),
                postID: try c.decodeIfPresent(String.self, forKey: .postID),
                url: try c.decodeIfPresent(String.self, forKey: .url))
        case "queue_failed":
            self = .failed(
                id: try id(), account: try c.decode(String.self, forKey: .account),
                error: try c.decode(String.self, forKey: .error),
                retryAt: try c.decodeIfPresent(Date.self, forKey: .retryAt))
        case "queue_suspend_all": self = .suspendAll(reason: try c.decode(String.self, forKey: .reason))
        case "queue_resume_all": self = .resumeAll(policy: try c.decode(ResumePolicy.self, forKey: .policy))
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath, debugDescription: "unknown queue action \(type)"))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .add(let d): try d.encode(to: encoder)
        case .edit(let id, let t, let v):
            try c.encode(id, forKey: .queue)
            try c.encode(t, forKey: .text)
            try c.encodeIfPresent(v, forKey: .variants)
        case .schedule(let id, let at):
            try c.encode(id, forKey: .queue)
            try c.encodeIfPresent(at, forKey: .scheduledAt)
        case .delete(let id), .restore(let id): try c.encode(id, forKey: .queue)
        case .publishing(let id, let a, let by, let until, let n):
            try c.encode(id, forKey: .queue); try c.encode(a, forKey: .account); try c.encode(by, forKey: .by)
            try c.encode(until, forKey: .until); try c.encode(n, forKey: .attempt)
        case .published(let id, let a, let pid, let url):
            try c.encode(id, forKey: .queue); try c.encode(a, forKey: .account)
            try c.encodeIfPresent(pid, forKey: .postID); try c.encodeIfPresent(url, forKey: .url)
        case .failed(let id, let a, let e, let at):
            try c.encode(id, forKey: .queue); try c.encode(a, forKey: .account); try c.encode(e, forKey: .error)
            try c.encodeIfPresent(at, forKey: .retryAt)
        case .suspendAll(let r): try c.encode(r, forKey: .reason)
        case .resumeAll(let p): try c.encode(p, forKey: .policy)
        }
    }
}
