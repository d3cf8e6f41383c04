import Foundation

/// One row of the brands overview: what waits in a brand's data directory at `now`.
public struct BrandSummary: Sendable, Equatable {
    public var name: String, dir: String
    /// Mentions with status `new`; open ones past their first-response target; queue items still to go out today
    /// (the team's time zone); the running crisis (playbook, severity), if any.
    public var new = 0, overdue = 0, dueToday = 0
    public var crisis: String?
    /// Why the directory could not be read (no team.json, a broken file); the counts are then zero.
    public var problem: String?

    public init(name: String, dir: String) { (self.name, self.dir) = (name, dir) }

    /// Reads the brand's data directory (read-only: nothing is written into another brand's directory).
    public static func read(_ brand: BrandList.Brand, dir: DataDirectory, now: Date) -> BrandSummary {
        var s = BrandSummary(name: brand.name, dir: dir.displayPath)
        guard dir.exists else { s.problem = L10n.t("brands.noTeam"); return s }
        do {
            let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
            let store = try Store(dir: dir, mode: .readOnly)
            s.count(store: store, team: team, now: now)
        } catch {
            s.problem = ImportFormat.clean("\(error)", newlines: false)
        }
        return s
    }

    mutating func count(store: Store, team: TeamConfig, now: Date) {
        let sla = try? SLA(team: team)
        let states = store.states()
        for m in store.mentions {
            let st = states[m.key] ?? MentionState()
            // The brand's own posts are not work (as in the workbench's counts).
            if st.status == .new && !(sla?.own.contains(m) ?? false) { new += 1 }
            if let sla, sla.isOverdue(m, state: st, now: now) { overdue += 1 }
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = sla?.timeZone ?? TimeZone(identifier: "UTC")!
        let queue = Queue(store: store)
        dueToday =
            queue.agenda.filter { i in
                guard let at = i.scheduledAt, cal.isDate(at, inSameDayAs: now) else { return false }
                return [.scheduled, .suspended, .failed, .publishing].contains(i.state)
            }.count
        if let run = CrisisLog(store: store).active {
            crisis = run.playbook.name + (run.severity.map { " (\($0))" } ?? "")
        }
    }
}

extension BrandSummary {
    /// One row per brand in `brands`' order, read side by side on every core (each brand has its own directory and
    /// index, so the reads share nothing): what `B`, `switchboard brands` and the bench show.
    public static func rows(
        _ brands: [BrandList.Brand], _ read: @Sendable (BrandList.Brand) -> BrandSummary
    ) -> [BrandSummary] {
        final class Slots: @unchecked Sendable {
            let lock = NSLock()
            var rows: [BrandSummary?]
            init(_ n: Int) { rows = Array(repeating: nil, count: n) }
        }
        let slots = Slots(brands.count)
        DispatchQueue.concurrentPerform(iterations: brands.count) { i in
            let row = read(brands[i])
            slots.lock.withLock { slots.rows[i] = row }
        }
        return slots.rows.map { $0! }
    }
}
