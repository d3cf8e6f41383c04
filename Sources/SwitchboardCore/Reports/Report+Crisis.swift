import Foundation

extension Report {
    /// The crisis and drill runs that overlap [since, until), oldest first, from Core's `CrisisLog` (the fold of
    /// the `crisis_*` actions the report's pass over the actions feeds it).
    static func crises(_ log: CrisisLog, since: Date, until: Date) -> [Crisis] {
        log.runs.filter { $0.startedAt < until && ($0.endedAt ?? .distantFuture) >= since }
            .sorted { $0.startedAt < $1.startedAt }
            .map { r in
                Crisis(
                    id: clean(r.id), name: clean(r.name), severity: r.severity.map(clean), drill: r.drill,
                    startedAt: r.startedAt, startedBy: clean(r.startedBy), endedAt: r.endedAt,
                    endedBy: r.endedBy.map(clean),
                    summary: r.summary.flatMap { $0.isEmpty ? nil : clean($0) }, stepsDone: r.progress.done,
                    steps: r.progress.total)
            }
    }
}
