import Foundation

/// What follows a hand-off (`Action.handoff`) to an internal team: the delivery of a routing rule's payload, and the
/// answer from inside (`handoff_*` in the actions log, flat like every other action).
public enum HandoffAction: Hashable, Sendable {
    /// The internal team's answer, to be offered in the composer (`MentionState.handoffReplies`).
    /// A mention waiting for that team goes back to `open`: someone has to answer outside now.
    case reply(mention: String, team: String, text: String)
    /// A routing rule's payload reached its command (exit status 0) or directory (`target`).
    case delivered(mention: String, rule: String, team: String, target: String)
    /// Delivery failed (`attempt` 1, 2, …); retried by `switchboard handoff retry` and by the listener.
    case failed(mention: String, rule: String, team: String, error: String, attempt: Int)
    /// A process took the delivery over for another attempt (written under the lock: one process per attempt).
    case retry(mention: String, rule: String, team: String, attempt: Int)

    public var typeName: String {
        switch self {
        case .reply: return "handoff_reply"
        case .delivered: return "handoff_delivered"
        case .failed: return "handoff_failed"
        case .retry: return "handoff_retry"
        }
    }

    public static let typeNames: Set<String> = [
        "handoff_reply", "handoff_delivered", "handoff_failed", "handoff_retry",
    ]

    public var mention: String {
        switch self {
        case .reply(let m, _, _), .delivered(let m, _, _, _), .failed(let m, _, _, _, _), .retry(let m, _, _, _):
            return m
        }
    }

    public var team: String {
        switch self {
        case .reply(_, let t, _), .delivered(_, _, let t, _), .failed(_, _, let t, _, _), .retry(_, _, let t, _):
            return t
        }
    }

    /// Delivery bookkeeping does not change the mention (no collision for someone writing a reply).
    public var isBookkeeping: Bool {
        if case .reply = self { return false }
        return true
    }

    public var summary: String {
        switch self {
        case .reply(_, let t, let text): return L10n.t("log.handoff.answer", ["team": t]) + text
        case .delivered(_, let r, let t, let target):
            return L10n.t("log.handoff.delivered", ["team": t, "rule": r]) + target
        case .failed(_, let r, let t, let e, let n):
            return L10n.t("log.handoff.failed", ["team": t, "rule": r, "n": n]) + e
        case .retry(_, let r, let t, let n): return L10n.t("log.handoff.retried", ["team": t, "rule": r, "n": n])
        }
    }

    enum Keys: String, CodingKey { case mention, team, text, rule, target, error, attempt }

    init(type: String, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let m = try c.decode(String.self, forKey: .mention)
        let team = try c.decode(String.self, forKey: .team)
        func rule() throws -> String { try c.decode(String.self, forKey: .rule) }
        switch type {
        case "handoff_reply": self = .reply(mention: m, team: team, text: try c.decode(String.self, forKey: .text))
        case "handoff_delivered":
            self = .delivered(
                mention: m, rule: try rule(), team: team, target: try c.decode(String.self, forKey: .target))
        case "handoff_failed":
            self = .failed(
                mention: m, rule: try rule(), team: team, error: try c.decode(String.self, forKey: .error),
                attempt: try c.decodeIfPresent(Int.self, forKey: .attempt) ?? 1)
        case "handoff_retry":
            self = .retry(
                mention: m, rule: try rule(), team: team,
                attempt: try c.decodeIfPresent(Int.self, forKey: .attempt) ?? 2)
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: c.codingPath, debugDescription: "unknown hand-off action \(type)"))
        }
    }

    /// Encodes the fields besides `mention` (the audit event writes that).
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(team, forKey: .team)
        switch self {
        case .reply(_, _, let text): try c.encode(text, forKey: .text)
        case .delivered(_, let r, _, let target):
            try c.encode(r, forKey: .rule)
            try c.encode(target, forKey: .target)
        case .failed(_, let r, _, let e, let n):
            try c.encode(r, forKey: .rule)
            try c.encode(e, forKey: .error)
            try c.encode(n, forKey: .attempt)
        case .retry(_, let r, _, let n):
            try c.encode(r, forKey: .rule)
            try c.encode(n, forKey: .attempt)
        }
    }

    /// The fold step for `MentionState` (bookkeeping never gets here).
    func apply(to st: inout MentionState, actor: String, at: Date) {
        guard case .reply(_, let team, let text) = self else { return }
        st.handoffReplies.append(HandoffReply(team: team, text: text, actor: actor, at: at))
        if st.status == .waiting { st.status = .open }
    }
}
