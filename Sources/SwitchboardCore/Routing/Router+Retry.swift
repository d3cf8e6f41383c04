import Foundation

extension Router {
    /// Every rule hand-off's delivery state, keyed by mention key and rule name.
    public static func deliveries(_ events: [AuditEvent]) -> [String: HandoffDeliveryState] {
        var out: [String: HandoffDeliveryState] = [:]
        for e in events { apply(e, to: &out) }
        return out
    }

    static func deliveryKey(_ mention: String, _ rule: String) -> String { mention + "\u{1F}" + rule }

    static func apply(_ e: AuditEvent, to out: inout [String: HandoffDeliveryState]) {
        switch e.action {
        case .handoff(let m, let team, let note):
            guard let r = Router.rule(ofNote: note) else { return }
            out[deliveryKey(m, r)] = HandoffDeliveryState(
                mention: m, rule: r, team: team, routedAt: e.at, status: .pending, attempts: 1, lastAt: e.at,
                site: e.stamp?.site)
        case .handoffFollowUp(let h):
            switch h {
            case .delivered(let m, let r, _, let target):
                out[deliveryKey(m, r)]?.status = .delivered
                out[deliveryKey(m, r)]?.target = target
                out[deliveryKey(m, r)]?.error = nil
                out[deliveryKey(m, r)]?.lastAt = e.at
            case .failed(let m, let r, _, let error, let n):
                out[deliveryKey(m, r)]?.status = .failed
                out[deliveryKey(m, r)]?.error = error
                out[deliveryKey(m, r)]?.attempts = n
                out[deliveryKey(m, r)]?.lastAt = e.at
            case .retry(let m, let r, _, let n):
                out[deliveryKey(m, r)]?.status = .pending
                out[deliveryKey(m, r)]?.attempts = n
                out[deliveryKey(m, r)]?.lastAt = e.at
            case .reply: break
            }
        default: break
        }
    }

    /// The wait before retrying a failed delivery automatically: 1 minute, doubling per attempt, at most an hour.
    public static func retryDelay(attempts: Int) -> TimeInterval {
        min(3600, 60 * pow(2, Double(max(0, attempts - 1))))
    }

    /// Deliveries to retry now: failed ones (with `onlyDue`, once their retry delay passed) and started ones whose
    /// lease ran out (the process delivering them died). Optionally only those of `mention`. In a team across
    /// servers only those this site recorded: another site's hand-off is delivered by that site alone.
    public func retryable(mention: String? = nil, onlyDue: Bool, now: Date = Date()) -> [HandoffDeliveryState] {
        Router.deliveries(store.events).values.filter { d in
            if let mention, d.mention != mention { return false }
            if let by = d.site, let here = store.site, by != here { return false }
            switch d.status {
            case .delivered: return false
            case .failed: return !onlyDue || d.lastAt.addingTimeInterval(Router.retryDelay(attempts: d.attempts)) <= now
            case .pending: return d.lastAt.addingTimeInterval(lease) <= now
            }
        }.sorted { ($0.routedAt, $0.mention, $0.rule) < ($1.routedAt, $1.mention, $1.rule) }
    }

    /// Retries deliveries (see `retryable`): each is claimed with a `handoff_retry` under the log's lock (one process
    /// per attempt), delivered with the same payload, and its outcome recorded.
    public func retry(mention: String? = nil, onlyDue: Bool, now: Date = Date()) -> [RoutingOutcome] {
        var out: [RoutingOutcome] = []
        for d in retryable(mention: mention, onlyDue: onlyDue, now: now) {
            guard let rule = rules.first(where: { $0.name == d.rule }) else {
                out.append(
                    RoutingOutcome(
                        mention: d.mention, rule: d.rule, team: d.team,
                        result: .failed("rule \"\(d.rule)\" is no longer in team.json: hand it off by hand")))
                continue
            }
            guard let m = store.mention(d.mention) else { continue }
            let attempt = d.attempts + 1
            do {
                try store.recordIf(
                    [.handoffFollowUp(.retry(mention: d.mention, rule: d.rule, team: d.team, attempt: attempt))],
                    actor: actor, now: now
                ) { s in
                    var current: [String: HandoffDeliveryState] = [:]
                    for e in s.events where e.action.mention == d.mention { Router.apply(e, to: &current) }
                    let c = current[Router.deliveryKey(d.mention, d.rule)]
                    if c?.status != d.status || c?.attempts != d.attempts || c?.lastAt != d.lastAt { throw TakenOver() }
                }
            } catch {
                continue
            }
            out.append(deliver(RoutedHandoff(mention: m, rule: rule, at: d.routedAt, attempt: attempt)))
        }
        return out
    }
}
