import Foundation

/// Applies the routing rules to mentions: records the hand-off first (`Action.handoff`, status waiting with the
/// team named; once per mention and rule, checked and written under the log's lock so two listeners or ingest
/// processes never both do it), then delivers (command or file) and records `handoff_delivered` or `handoff_failed`.
/// A failed delivery is retried (`retry`), never dropped; a delivery whose process died is taken over after `lease`.
public final class Router: @unchecked Sendable {
    public let store: Store, rules: [RoutingRule], actor: String
    /// How long a command may run.
    public var timeout: TimeInterval = 30
    /// How long a started delivery without an outcome counts as in progress (then another process takes it over).
    public var lease: TimeInterval = 600
    private let team: TeamConfig
    private let lock = NSLock()
    private var routed = Set<String>()
    private var scanned = 0

    /// Throws when the team config's routing rules have problems (each named).
    public init(store: Store, team: TeamConfig, actor: String = "switchboard") throws(RoutingConfigError) {
        (self.store, self.team, self.actor) = (store, team, actor)
        rules = try team.routingRules()
    }

    /// The hand-off note that marks a rule's hand-off in the log (`routing rule: billing complaints`).
    public static func note(rule: String) -> String { "routing rule: " + rule }
    /// The rule named by a hand-off note, or nil for a manual hand-off.
    public static func rule(ofNote note: String?) -> String? {
        guard let n = note, n.hasPrefix("routing rule: ") else { return nil }
        return String(n.dropFirst("routing rule: ".count))
    }

    /// Which rules match which mentions (every matching rule fires), without writing anything (`routing test`).
    public func plan(_ mentions: [Mention], now: Date = Date()) -> [(mention: Mention, rule: RoutingRule)] {
        guard !rules.isEmpty, !mentions.isEmpty else { return [] }
        var env = QueryEnvironment(
            me: actor, now: now, defaultSLAMinutes: team.sla.firstResponseMinutes, own: OwnAccounts(team: team))
        if rules.contains(where: \.usesRoles) {
            env.role = Contacts(mentions: store.mentions, events: store.events, team: team).roleHook()
        }
        let states = store.states()
        let matchers = rules.map { QueryMatcher($0.query, environment: env) }
        let empty = MentionState()
        var out: [(Mention, RoutingRule)] = []
        for m in mentions {
            let st = states[m.key] ?? empty
            for (i, r) in rules.enumerated() where matchers[i].matches(m, st) { out.append((m, r)) }
        }
        return out
    }

    /// Records the hand-offs of newly stored mentions: only those this process wins come back (deliver them).
    public func record(_ mentions: [Mention], now: Date = Date()) -> (won: [RoutedHandoff], outcomes: [RoutingOutcome])
    {
        var won: [RoutedHandoff] = []
        var outcomes: [RoutingOutcome] = []
        for (m, rule) in plan(mentions, now: now) {
            do {
                try store.recordIf(
                    [.handoff(mention: m.key, team: rule.team, note: Router.note(rule: rule.name))], actor: actor,
                    now: now
                ) { s in
                    if self.isRouted(m.key, rule.name, in: s) { throw AlreadyRouted() }
                }
                won.append(RoutedHandoff(mention: m, rule: rule, at: now, attempt: 1))
            } catch is AlreadyRouted {
                outcomes.append(
                    RoutingOutcome(mention: m.key, rule: rule.name, team: rule.team, result: .alreadyRouted))
            } catch {
                outcomes.append(
                    RoutingOutcome(
                        mention: m.key, rule: rule.name, team: rule.team,
                        result: .failed("cannot record the hand-off: \(error)")))
            }
        }
        return (won, outcomes)
    }

    /// Delivers one recorded hand-off and records the outcome.
    public func deliver(_ h: RoutedHandoff) -> RoutingOutcome {
        let key = h.mention.key
        let payload = HandoffPayload(
            mention: store.mention(key) ?? h.mention, state: store.state(key), rule: h.rule.name, team: h.rule.team,
            at: h.at)
        let outcome: RoutingOutcome.Result
        let action: HandoffAction
        do {
            let target = try HandoffDelivery.deliver(
                try payload.encoded(), key: key, rule: h.rule, dataDir: store.dir, timeout: timeout)
            outcome = .delivered(target: target)
            action = .delivered(mention: key, rule: h.rule.name, team: h.rule.team, target: target)
        } catch {
            let why = (error as? SwitchboardError)?.message ?? "\(error)"
            outcome = .failed(why)
            action = .failed(mention: key, rule: h.rule.name, team: h.rule.team, error: why, attempt: h.attempt)
        }
        _ = try? store.record([.handoffFollowUp(action)], actor: actor)
        return RoutingOutcome(mention: key, rule: h.rule.name, team: h.rule.team, result: outcome)
    }

    /// Record, then deliver: the whole routing of newly stored mentions, in this thread.
    public func route(_ mentions: [Mention], now: Date = Date()) -> [RoutingOutcome] {
        let (won, outcomes) = record(mentions, now: now)
        return outcomes + won.map(deliver)
    }

    struct AlreadyRouted: Error {}
    struct TakenOver: Error {}

    /// Whether mention `key` was handed off by rule `rule` (reads only the events added since the last look).
    private func isRouted(_ key: String, _ rule: String, in s: Store) -> Bool {
        lock.withLock {
            let events = s.events
            if events.count < scanned { routed = []; scanned = 0 }
            for e in events[scanned...] {
                if case .handoff(let m, _, let note) = e.action, let r = Router.rule(ofNote: note) {
                    routed.insert(m + "\u{1F}" + r)
                }
            }
            scanned = events.count
            return routed.contains(key + "\u{1F}" + rule)
        }
    }
}
