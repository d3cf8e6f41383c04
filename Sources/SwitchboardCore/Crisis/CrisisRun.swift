import Foundation

/// A crisis (or drill) run, folded from its `crisis_*` records.
public struct CrisisRun: Hashable, Sendable {
    public var id: String
    public var playbook: Playbook
    public var severity: String?
    public var drill: Bool
    public var note: String?
    public var startedAt: Date, startedBy: String, suspendedQueue: Bool
    public var endedAt: Date?
    public var endedBy: String?
    public var summary: String?
    public var steps: [CrisisStepRun]
    /// Every `crisis_*` record of this run, oldest first.
    public var events: [AuditEvent] = []

    public var isActive: Bool { endedAt == nil }
    /// The site where it was started (a team across servers): its notify commands run there alone.
    public var site: String? { events.first?.stamp?.site }
    public var name: String { playbook.name }

    init(start s: CrisisStart, event e: AuditEvent) {
        (id, playbook, severity, drill, note, startedAt) = (s.crisis, s.playbook, s.severity, s.drill, s.note, e.at)
        (startedBy, suspendedQueue) = (e.actor, s.suspendedQueue)
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
            throw CrisisError(
                hits.isEmpty
                    ? "no step \"\(s)\" in \(playbook.name) (steps: \(steps.map(\.step.id).joined(separator: ", ")))"
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
            steps[i].state = state
            steps[i].by = e.actor
            steps[i].at = e.at
            steps[i].reason = reason
        case .notified(_, let sid, let how, let status, let out):
            guard let i = steps.firstIndex(where: { $0.step.id == sid }) else { return }
            steps[i].notifications.append(.init(how: how, exitStatus: status, output: out, by: e.actor, at: e.at))
        case .severity(_, let l): severity = l
        case .end(_, let s):
            if endedAt == nil { (endedAt, endedBy, summary) = (e.at, e.actor, s) }
        }
    }
}
