import Foundation

extension Report {
    /// A crisis run starting or ending, as the report reads it from the actions log.
    struct CrisisMark {
        enum Kind { case start, end }
        var kind: Kind
        /// The run's id (`crisis`), when the record has one: an end closes the run with the same id.
        var id: String?
        var name: String?
        var severity: String?
        var drill = false
        var summary: String?
    }

    /// The one place that knows how crisis runs are recorded: `crisis_start` / `crisis_end` actions. Until Core
    /// has a typed crisis action they arrive as `.other` events whose `data` holds `crisis` (the run id),
    /// `playbook` or `name`, `severity`, `drill` and `summary`; swap this function when the typed action lands.
    static func crisisMark(_ e: AuditEvent) -> CrisisMark? {
        guard case .other(let type, _, let data) = e.action else { return nil }
        let kind: CrisisMark.Kind
        switch type {
        case "crisis_start": kind = .start
        case "crisis_end": kind = .end
        default: return nil
        }
        let name = data["playbook"]?.stringValue ?? data["name"]?.stringValue ?? data["plan"]?["name"]?.stringValue ?? data["reason"]?.stringValue
        return CrisisMark(kind: kind, id: data["crisis"]?.stringValue, name: name, severity: data["severity"]?.stringValue,
                          drill: data["drill"]?.boolValue ?? false, summary: data["summary"]?.stringValue)
    }

    /// Pairs starts with ends (by run id, else the latest open run) and keeps the runs that overlap [since, until).
    static func crisisRuns(_ marks: [(AuditEvent, CrisisMark)], since: Date, until: Date) -> [CrisisRun] {
        var runs: [CrisisRun] = []
        var open: [Int] = []
        for (e, m) in marks.sorted(by: { $0.0.at < $1.0.at }) {
            switch m.kind {
            case .start:
                open.append(runs.count)
                runs.append(CrisisRun(id: m.id, name: clean(m.name ?? "crisis"), severity: m.severity.map(clean), drill: m.drill,
                                      startedAt: e.at, startedBy: clean(e.actor), endedAt: nil, endedBy: nil, summary: nil))
            case .end:
                let pick = m.id.flatMap { id in open.lastIndex { runs[$0].id == id } } ?? (open.isEmpty ? nil : open.count - 1)
                guard let p = pick else { continue }
                let i = open.remove(at: p)
                runs[i].endedAt = e.at
                runs[i].endedBy = clean(e.actor)
                runs[i].summary = m.summary.flatMap { $0.isEmpty ? nil : clean($0) }
            }
        }
        return runs.filter { $0.startedAt < until && ($0.endedAt ?? .distantFuture) >= since }
    }
}
