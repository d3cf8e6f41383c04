import Foundation

/// One checklist step of a run: the playbook's step, when it is due, and where it stands.
public struct CrisisStepRun: Hashable, Sendable {
    public var step: Playbook.Step
    public var dueAt: Date
    public var state: CrisisStepState = .open
    /// Who changed it last, when, and why (the reason of a skip or block).
    public var by: String?
    public var at: Date?
    public var reason: String?
    /// Notifications carried out for a notify step, oldest first.
    public var notifications: [Notification] = []

    public struct Notification: Hashable, Sendable {
        public var how: String
        public var exitStatus: Int?
        public var output: String?
        public var by: String
        public var at: Date
    }

    /// Open or blocked past its due time.
    public func isOverdue(_ now: Date) -> Bool { (state == .open || state == .blocked) && now > dueAt }
    public var isFinished: Bool { state == .done || state == .skipped }
}

/// A crisis (or drill) run, folded from its `crisis_*` records.
public struct CrisisRun: Hashable, Sendable {
    public var id: String
    public var playbook: Playbook
    public var severity: String?
    public var drill: Bool
    public var note: String?
    public var startedAt: Date
    public var startedBy: String
    public var suspendedQueue: Bool
    public var endedAt: Date?
    public var endedBy: String?
    public var summary: String?
    public var steps: [CrisisStepRun]
    /// Every `crisis_*` record of this run, oldest first.
    public var events: [AuditEvent] = []

    public var isActive: Bool { endedAt == nil }
    public var name: String { playbook.name }

    init(start s: CrisisStart, event e: AuditEvent) {
        id = s.crisis; playbook = s.playbook; severity = s.severity; drill = s.drill; note = s.note
        startedAt = e.at; startedBy = e.actor; suspendedQueue = s.suspendedQueue
        steps = s.playbook.steps.map { st in
            CrisisStepRun(step: st, dueAt: e.at.addingTimeInterval(SourceConfig.parseDuration(st.due) ?? 0))
        }
        events = [e]
    }

    public func step(_ id: String) -> CrisisStepRun? { steps.first { $0.step.id == id } }
    public func overdue(_ now: Date) -> [CrisisStepRun] { steps.filter { $0.isOverdue(now) } }
    /// (finished, all) steps.
    public var progress: (done: Int, total: Int) { (steps.filter(\.isFinished).count, steps.count) }

    /// Resolves a step by id, 1-based number, or unambiguous id prefix.
    public func resolveStep(_ s: String) throws -> CrisisStepRun {
        if let x = step(s) { return x }
        if let n = Int(s), n >= 1, n <= steps.count { return steps[n - 1] }
        let hits = steps.filter { $0.step.id.hasPrefix(s) }
        guard hits.count == 1 else {
            throw CrisisError(hits.isEmpty ? "no step \"\(s)\" in \(playbook.name) (steps: \(steps.map(\.step.id).joined(separator: ", ")))"
                                           : "step \"\(s)\" is ambiguous: \(hits.map(\.step.id).joined(separator: ", "))")
        }
        return hits[0]
    }

    mutating func apply(_ a: CrisisAction, _ e: AuditEvent) {
        events.append(e)
        switch a {
        case .start: break
        case .step(_, let sid, let state, let reason):
            guard let i = steps.firstIndex(where: { $0.step.id == sid }) else { return }
            steps[i].state = state; steps[i].by = e.actor; steps[i].at = e.at; steps[i].reason = reason
        case .notified(_, let sid, let how, let status, let out):
            guard let i = steps.firstIndex(where: { $0.step.id == sid }) else { return }
            steps[i].notifications.append(.init(how: how, exitStatus: status, output: out, by: e.actor, at: e.at))
        case .severity(_, let l): severity = l
        case .end(_, let s):
            if endedAt == nil { endedAt = e.at; endedBy = e.actor; summary = s }
        }
    }
}

public struct CrisisError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ m: String) { message = m }
    public var description: String { message }
}

/// Every crisis and drill run of a data directory, folded from the actions log. One real crisis at a time per
/// data directory (one brand), and one drill at a time.
public struct CrisisLog: Sendable {
    public private(set) var runs: [CrisisRun] = []
    private var index: [String: Int] = [:]

    public init() {}
    public init<S: Sequence>(events: S) where S.Element == AuditEvent { for e in events { apply(e) } }
    public init(store: Store) { self.init(events: store.events) }

    /// The real crisis now on, if any.
    public var active: CrisisRun? { runs.last { $0.isActive && !$0.drill } }
    /// The drill now running, if any.
    public var activeDrill: CrisisRun? { runs.last { $0.isActive && $0.drill } }
    /// The run the workbench shows: the real crisis, else the drill.
    public var current: CrisisRun? { active ?? activeDrill }

    public subscript(id: String) -> CrisisRun? { index[id].map { runs[$0] } }

    /// Resolves a run id or an unambiguous prefix; `last` (or nothing) means the newest run.
    public func resolve(_ s: String?) throws -> CrisisRun {
        guard let s, !s.isEmpty, s != "last" else {
            guard let r = runs.last else { throw CrisisError("no crisis has been run yet") }
            return r
        }
        if let r = self[s] { return r }
        let hits = runs.filter { $0.id.hasPrefix(s) }
        guard hits.count == 1 else {
            throw CrisisError(hits.isEmpty ? "no crisis run \"\(s)\" (switchboard crisis list shows them)" : "crisis id \"\(s)\" is ambiguous")
        }
        return hits[0]
    }

    public mutating func apply(_ e: AuditEvent) {
        guard case .crisis(let a) = e.action else { return }
        if case .start(let s) = a {
            guard index[s.crisis] == nil else { return }
            index[s.crisis] = runs.count
            runs.append(CrisisRun(start: s, event: e))
            return
        }
        guard let i = index[a.crisisID] else { return }
        runs[i].apply(a, e)
    }
}
