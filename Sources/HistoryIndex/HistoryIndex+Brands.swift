import Foundation
import GRDB
import SwitchboardCore

/// The brands overview through each brand's index: new and overdue mentions counted in SQL (overdue: the open,
/// unanswered candidates checked against the SLA in code), the queue and a running crisis folded from only the
/// `queue_*` and `crisis_*` lines of the actions logs, found through the index (`agenda`). No brand's mentions are
/// decoded, whatever their number.
extension HistoryIndex {
    /// One row of the overview for `brand` at `now`. The index is a cache in the brand's `index/` folder: it is
    /// brought up to date (or made) there; when that is not possible (a directory this user may only read), the row
    /// is read by folding the brand's store instead (`BrandSummary.read`).
    public static func brandSummary(_ brand: BrandList.Brand, dir: DataDirectory, now: Date) -> BrandSummary {
        var s = BrandSummary(name: brand.name, dir: dir.displayPath)
        guard dir.exists else { return BrandSummary.read(brand, dir: dir, now: now) }
        let team: TeamConfig
        do { team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile) } catch {
            return BrandSummary.read(brand, dir: dir, now: now)
        }
        do {
            let index = try HistoryIndex(dir: dir)
            try index.count(into: &s, team: team, now: now)
        } catch {
            return BrandSummary.read(brand, dir: dir, now: now)
        }
        return s
    }

    func count(into s: inout BrandSummary, team: TeamConfig, now: Date) throws {
        let sla = try? SLA(team: team)
        var env = QueryEnvironment(me: "", now: now, own: sla?.own ?? OwnAccounts())
        if let sla { env.overdue = { m, st, t in sla.isOverdue(m, state: st, now: t) } }
        s.new = try count(try Query.parse("status:new -is:own"), environment: env)
        s.overdue = sla == nil ? 0 : try count(try Query.parse("is:open is:overdue"), environment: env)
        let events = try agendaEvents()
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = sla?.timeZone ?? TimeZone(identifier: "UTC")!
        s.dueToday =
            Queue(events: events).agenda.filter { i in
                guard let at = i.scheduledAt, cal.isDate(at, inSameDayAs: now) else { return false }
                return [.scheduled, .suspended, .failed, .publishing].contains(i.state)
            }.count
        if let run = CrisisLog(events: events).active {
            s.crisis = run.playbook.name + (run.severity.map { " (\($0))" } ?? "")
        }
    }

    /// The queue's and the crisis's actions (`queue_*`, `crisis_*`) in the order of the actions logs, read by the
    /// offsets the catch-up recorded (`agenda`): a brand's 100,000 status changes are neither decoded nor scanned.
    func agendaEvents() throws -> [AuditEvent] { try events(at: "agenda") }

    /// The actions whose places the catch-up recorded in `table` (`agenda`, `report_event`), in the logs' order.
    func events(at table: String) throws -> [AuditEvent] {
        let rows = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT logfile.name AS name, \(table).off AS off, \(table).len AS len FROM \(table) "
                    + "JOIN logfile ON logfile.id = \(table).file")
        }
        // The logs' order, by their names under log/ (as the index names them).
        let root = dir.logDir.standardizedFileURL.path + "/"
        let order = Dictionary(
            logFiles(.actions).enumerated().map { (i, url) in
                let p = url.standardizedFileURL.path
                return (p.hasPrefix(root) ? String(p.dropFirst(root.count)) : url.lastPathComponent, i)
            }, uniquingKeysWith: { a, _ in a })
        var byFile: [String: [(off: Int, len: Int)]] = [:]
        for r in rows {
            let name: String = r["name"]
            byFile[name, default: []].append((r["off"], r["len"]))
        }
        var chunk: [UInt8] = []
        for name in byFile.keys.sorted(by: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }) {
            let file = dir.logDir.appendingPathComponent(name)
            for (off, len) in byFile[name]!.sorted(by: { $0.off < $1.off }) where len > 0 {
                chunk += try FileIO.readBytes(file, from: off, count: len)
                chunk.append(10)
            }
        }
        return HistoryIndex.decodeEvents(chunk)
    }
}
