import Foundation

/// Mention volume and sentiment in one 15-minute slot of a crisis.
public struct CrisisBucket: Codable, Hashable, Sendable {
    public var start: Date, total: Int, negative: Int, positive: Int
    public var negativeShare: Double { total == 0 ? 0 : Double(negative) / Double(total) }
    public init(start: Date, total: Int, negative: Int, positive: Int) {
        (self.start, self.total, self.negative, self.positive) = (start, total, negative, positive)
    }
}

/// The incident report of a crisis run: what happened, when, who did what, and how the public reacted.
public struct CrisisReport: Codable, Sendable {
    public struct Step: Codable, Sendable, Hashable {
        public var number: Int, id: String, title: String, owner: String, kind: String, due: Date, state: String
        public var by: String?
        public var at: Date?
        public var reason: String?
        /// Minutes past due when finished late (or still open past due at the end).
        public var lateMinutes: Int?
        enum CodingKeys: String, CodingKey {
            case number, id, title, owner, kind, due, state, by, at, reason
            case lateMinutes = "late_minutes"
        }
    }
    public struct Entry: Codable, Sendable, Hashable {
        public var at: Date, actor: String, type: String
        public var mention: String?
        public var text: String
    }
    public struct Post: Codable, Sendable, Hashable {
        public var at: Date, actor: String, kind: String
        public var text: String?
        public var url: String?
    }
    public struct Responses: Codable, Sendable, Hashable {
        public var mentions: Int, answered: Int
        public var medianMinutes: Double?
        public var p90Minutes: Double?
        enum CodingKeys: String, CodingKey {
            case mentions, answered, medianMinutes = "median_minutes", p90Minutes = "p90_minutes"
        }
    }

    public var schema = 1
    public var id: String, playbook: String, name: String, drill: Bool
    public var severity: String?
    public var startedAt: Date
    public var startedBy: String
    public var endedAt: Date?
    public var endedBy: String?
    public var summary: String?
    public var queueSuspended: Bool, steps: [Step], timeline: [Entry], buckets: [CrisisBucket], posts: [Post]
    public var responses: Responses
    /// Who could reply and quote: each change a `reply_controls` step made and its restoring (`ReplyGateRecord.line`),
    /// also after the crisis ended.
    public var replyGates: [String]?

    enum CodingKeys: String, CodingKey {
        case schema = "v", id, playbook, name, drill, severity, summary, steps, timeline, buckets, posts, responses
        case replyGates = "reply_gates"
        case startedAt = "started_at", startedBy = "started_by", endedAt = "ended_at", endedBy = "ended_by"
        case queueSuspended = "queue_suspended"
    }

    /// Builds the report of `run` from the store's mentions and actions. A run still going is reported up to `now`.
    public init(run: CrisisRun, store: Store, now: Date = Date()) {
        self.init(run: run, mentions: store.mentions, states: store.states(), events: store.events, now: now)
    }

    public init(
        run: CrisisRun, mentions: [Mention], states: [String: MentionState], events: [AuditEvent], now: Date = Date()
    ) {
        let end = run.endedAt ?? now
        // Every string from people's files or the network is cleaned once here, so no format can carry controls,
        // escape sequences or bidi overrides into a file, a log or a terminal.
        func c(_ s: String) -> String { ImportFormat.clean(s, newlines: false) }
        func c(_ s: String?) -> String? { s.map { ImportFormat.clean($0, newlines: false) } }
        id = c(run.id)
        playbook = c(run.playbook.id)
        name = c(run.name)
        drill = run.drill
        severity = c(run.severity)
        startedAt = run.startedAt
        startedBy = c(run.startedBy)
        endedAt = run.endedAt
        endedBy = c(run.endedBy)
        summary = c(run.summary)
        queueSuspended = run.suspendedQueue
        steps = run.steps.enumerated().map { i, s in
            let finishedAt = s.isFinished ? (s.at ?? end) : end
            let late =
                finishedAt > s.dueAt && (s.state != .skipped)
                ? Int((finishedAt.timeIntervalSince(s.dueAt) / 60).rounded(.up)) : nil
            return Step(
                number: i + 1, id: c(s.step.id), title: c(s.step.title), owner: c(s.step.owner),
                kind: s.step.kind.rawValue, due: s.dueAt,
                state: s.state.rawValue, by: c(s.by), at: s.at, reason: c(s.reason), lateMinutes: late)
        }
        let window = run.startedAt...end
        var timeline: [Entry] = []
        var posts: [Post] = []
        for e in events where window.contains(e.at) {
            switch e.action {
            case .crisis(let a) where a.crisisID != run.id: continue
            case .outboxSending, .outboxFailed, .outboxRetry, .queue(.publishing): continue
            case .queue(.published(_, let account, _, let url)):
                posts.append(Post(at: e.at, actor: c(e.actor), kind: c("queue → \(account)"), text: nil, url: c(url)))
            case .outboxSent(_, _, let r, _):
                posts.append(Post(at: e.at, actor: c(e.actor), kind: "reply", text: c(r.text) as String, url: c(r.url)))
            case .reply(_, let r):
                posts.append(Post(at: e.at, actor: c(e.actor), kind: "reply", text: c(r.text) as String, url: c(r.url)))
            default: break
            }
            timeline.append(
                Entry(
                    at: e.at, actor: c(e.actor), type: c(e.action.typeName), mention: c(e.action.mention),
                    text: c(e.action.summary)))
        }
        // In time order (a write may carry an earlier time than the one before it: a clock step, a late sender).
        self.timeline = timeline.enumerated().sorted {
            $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset
        }.map(\.element)
        self.posts = posts.sorted { $0.at < $1.at }
        buckets = CrisisReport.buckets(mentions, from: run.startedAt.addingTimeInterval(-3600), to: end)
        var times: [Double] = []
        var count = 0
        for m in mentions where window.contains(m.createdAt) {
            count += 1
            if let f = states[m.key]?.firstResponseAt { times.append(max(0, f.timeIntervalSince(m.createdAt)) / 60) }
        }
        times.sort()
        func pct(_ p: Double) -> Double? {
            guard !times.isEmpty else { return nil }
            let i = min(times.count - 1, Int((p * Double(times.count)).rounded(.up)) - 1)
            return (times[max(0, i)] * 10).rounded() / 10
        }
        responses = Responses(mentions: count, answered: times.count, medianMinutes: pct(0.5), p90Minutes: pct(0.9))
        let gates = ReplyGates(events: events).of(run.id).map { Timestamp.format($0.at) + "  " + c($0.line) }
        replyGates = gates.isEmpty ? nil : gates
    }

    /// Mentions per 15 minutes (by when they were written) from `from` to `to`, slots aligned to the quarter hour.
    public static func buckets(_ mentions: [Mention], from: Date, to: Date) -> [CrisisBucket] {
        let q = 900.0
        let first = (from.timeIntervalSince1970 / q).rounded(.down) * q
        let n = max(1, Int(((to.timeIntervalSince1970 - first) / q).rounded(.down)) + 1)
        // At most 14 days of slots (from a slot after the one 14 days back: that one would make 1,345 again).
        guard n <= 4 * 24 * 14 else {
            return buckets(mentions, from: to.addingTimeInterval(-14 * 86400 + q), to: to)
        }
        var out = (0..<n).map {
            CrisisBucket(start: Date(timeIntervalSince1970: first + Double($0) * q), total: 0, negative: 0, positive: 0)
        }
        for m in mentions {
            let t = m.createdAt.timeIntervalSince1970
            guard t >= first, m.createdAt <= to else { continue }
            let i = Int((t - first) / q)
            guard i < n else { continue }
            out[i].total += 1
            switch m.analysis?.sentiment {
            case .negative?: out[i].negative += 1
            case .positive?: out[i].positive += 1
            default: break
            }
        }
        return out
    }
}
