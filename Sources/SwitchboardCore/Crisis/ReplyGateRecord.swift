import Foundation

/// One change to who may reply to or quote one of the brand's posts, made by a crisis's `reply_controls` step and
/// undone when the crisis ends. Recorded as a `reply_gate` action:
/// `{"type":"reply_gate","data":{"crisis":…,"account":…,"network":"bluesky","post_id":…,"change":"restrict",…}}`.
public struct ReplyGateRecord: Hashable, Sendable {
    public static let typeName = "reply_gate"
    /// Who may still reply while the crisis runs.
    public static let replyRules = ["nobody", "mentioned", "following"]

    public enum Change: String, Sendable { case restrict, restore }
    /// `done`: the network took it; `unsupported`: its API (or this server) has no such control for this post;
    /// `not_offered`: the network's API has no reply or comment limit at all; `failed`: it said no (retried at the
    /// next pass).
    public enum Outcome: String, Sendable {
        case done, unsupported, failed
        case notOffered = "not_offered"
    }

    public var crisis: String, account: String, network: String, postID: String
    public var change: Change
    /// The reply rule set (restrict), and whether quotes stay allowed.
    public var replies: String?
    public var quotes: Bool?
    public var outcome: Outcome
    /// What the network said (for `unsupported` and `failed`), or what was changed.
    public var detail: String?
    /// What the post had before a restrict (the network's own gate records or policy), put back by the restore.
    public var previous: JSONValue?
    public var at: Date

    public init(
        crisis: String, account: String, network: String, postID: String, change: Change, replies: String? = nil,
        quotes: Bool? = nil, outcome: Outcome, detail: String? = nil, previous: JSONValue? = nil, at: Date
    ) {
        (self.crisis, self.account, self.network, self.postID, self.change) = (crisis, account, network, postID, change)
        (self.replies, self.quotes, self.outcome, self.detail, self.at) = (replies, quotes, outcome, detail, at)
        self.previous = previous
    }

    public init?(event e: AuditEvent) {
        guard case .other(Self.typeName, _, let d) = e.action, let c = d["crisis"]?.stringValue,
            let a = d["account"]?.stringValue, let n = d["network"]?.stringValue, let p = d["post_id"]?.stringValue,
            let ch = d["change"]?.stringValue.flatMap(Change.init(rawValue:)),
            let o = d["outcome"]?.stringValue.flatMap(Outcome.init(rawValue:))
        else { return nil }
        var q: Bool?
        if case .bool(let b)? = d["quotes"] { q = b }
        self.init(
            crisis: c, account: a, network: n, postID: p, change: ch, replies: d["replies"]?.stringValue, quotes: q,
            outcome: o, detail: d["detail"]?.stringValue, previous: d["previous"], at: e.at)
    }

    public var action: Action {
        var d: [String: JSONValue] = [
            "crisis": .string(crisis), "account": .string(account), "network": .string(network),
            "post_id": .string(postID), "change": .string(change.rawValue), "outcome": .string(outcome.rawValue),
        ]
        if let replies { d["replies"] = .string(replies) }
        if let quotes { d["quotes"] = .bool(quotes) }
        if let detail { d["detail"] = .string(detail) }
        if let previous { d["previous"] = previous }
        // The log's one-line summary (`reply gate: …`).
        d["message"] = .string(line)
        return .other(type: Self.typeName, mention: nil, data: d)
    }

    /// `bluesky bsky 3kpost: replies mentioned, no quotes` / `… restored` / `… not supported: …` / `… not offered: …`,
    /// with what the network said or what was changed.
    public var line: String {
        var s = "\(network) \(account) \(postID): "
        switch (change, outcome) {
        case (.restrict, .done):
            // No quotes setting (X, Threads: the network has none): not mentioned.
            let r = replies ?? L10n.t("log.gate.asBefore")
            if let q = quotes {
                s += L10n.t(
                    "log.gate.restricted",
                    ["replies": r, "quotes": L10n.t(q ? "log.gate.quotesAllowed" : "log.gate.noQuotes")])
            } else {
                s += L10n.t("log.gate.repliesOnly", ["replies": r])
            }
        case (.restore, .done): s += L10n.t("log.gate.restored")
        case (_, .unsupported): s += L10n.t("log.gate.unsupported")
        case (_, .notOffered): s += L10n.t("log.gate.notOffered")
        case (_, .failed): s += L10n.t(change == .restrict ? "log.gate.restrictFailed" : "log.gate.restoreFailed")
        }
        return s + (detail.map { ": " + $0 } ?? "")
    }
}

/// Where every gated post stands, folded from the `reply_gate` records: the posts a crisis restricted (and the
/// network took) and has not restored yet.
public struct ReplyGates: Sendable {
    public struct Key: Hashable, Sendable {
        public var account: String, postID: String
        public init(account: String, postID: String) { (self.account, self.postID) = (account, postID) }
    }

    /// Restricted and not restored: by post, the record that restricted it.
    public private(set) var open: [Key: ReplyGateRecord] = [:]
    /// Every post a crisis tried to restrict (done or unsupported), so a pass does not try again.
    public private(set) var handled: [String: Set<Key>] = [:]
    public private(set) var records: [ReplyGateRecord] = []

    public init<S: Sequence>(events: S) where S.Element == AuditEvent {
        for e in events { if let r = ReplyGateRecord(event: e) { apply(r) } }
    }

    mutating func apply(_ r: ReplyGateRecord) {
        records.append(r)
        let k = Key(account: r.account, postID: r.postID)
        switch (r.change, r.outcome) {
        case (.restrict, .done):
            open[k] = r
            handled[r.crisis, default: []].insert(k)
        case (.restrict, .unsupported), (.restrict, .notOffered): handled[r.crisis, default: []].insert(k)
        case (.restore, .done), (.restore, .unsupported), (.restore, .notOffered): open[k] = nil
        case (_, .failed): break
        }
    }

    /// The records of one crisis, oldest first (the incident report lists them).
    public func of(_ crisis: String) -> [ReplyGateRecord] { records.filter { $0.crisis == crisis } }
}
