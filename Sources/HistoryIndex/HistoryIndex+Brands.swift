import Foundation
import SwitchboardCore

/// The brands overview through each brand's index: new and overdue mentions counted in SQL (overdue: the open,
/// unanswered candidates checked against the SLA in code), the queue and a running crisis folded from only the
/// `queue_*` and `crisis_*` lines of the actions log. No brand's mentions are decoded, whatever their number.
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
        let events = try events(keep: { line in
            HistoryIndex.contains(line, HistoryIndex.queueTag) || HistoryIndex.contains(line, HistoryIndex.crisisTag)
        })
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

    static let queueTag = Array("\"queue_".utf8), crisisTag = Array("\"crisis_".utf8)

    static func contains(_ line: ArraySlice<UInt8>, _ tag: [UInt8]) -> Bool {
        guard line.count >= tag.count, let first = tag.first else { return false }
        var i = line.startIndex
        let end = line.endIndex - tag.count
        while i <= end {
            if line[i] == first, line[i..<(i + tag.count)].elementsEqual(tag) { return true }
            i += 1
        }
        return false
    }
}
