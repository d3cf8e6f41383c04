import Foundation

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
            guard let r = runs.last else { throw CrisisError(L10n.t("err.crisis.noneYet")) }
            return r
        }
        if let r = self[s] { return r }
        let hits = runs.filter { $0.id.hasPrefix(s) }
        guard hits.count == 1 else {
            throw CrisisError(
                hits.isEmpty
                    ? "no crisis run \"\(s)\" (switchboard crisis list shows them)" : "crisis id \"\(s)\" is ambiguous")
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
