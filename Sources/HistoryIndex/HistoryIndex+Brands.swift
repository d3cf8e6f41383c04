import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

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
        let events = try tagged([HistoryIndex.queueTag, HistoryIndex.crisisTag])
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

    static let queueTag = Array("\"type\":\"queue_".utf8), crisisTag = Array("\"type\":\"crisis_".utf8)

    /// The first place of `tag` in `b` at `from` or later: `memchr` for its first byte, then `memcmp`.
    static func find(_ tag: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress, let first = tag.first else { return nil }
        var i = from
        while i + tag.count <= b.count {
            guard let p = memchr(base + i, Int32(first), b.count - i - tag.count + 1) else { return nil }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if tag.withUnsafeBufferPointer({ memcmp(base + at, $0.baseAddress!, tag.count) }) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// The actions whose line holds one of `tags`, found with `memchr` over each log's bytes: only those lines are
    /// decoded (a brand's 100,000 status changes cost a scan, not a decode).
    func tagged(_ tags: [[UInt8]]) throws -> [AuditEvent] {
        var out: [AuditEvent] = []
        for file in logFiles(.actions) {
            let size = FileIO.size(file)
            guard size > 0 else { continue }
            let bytes = try FileIO.readBytes(file, from: 0, count: size)
            var lines: [Int: ArraySlice<UInt8>] = [:]
            bytes.withUnsafeBufferPointer { b in
                guard b.baseAddress != nil else { return }
                for tag in tags {
                    var from = 0
                    while from < b.count,
                        let at = HistoryIndex.find(tag, in: b, from: from)
                    {
                        var start = at
                        while start > 0, b[start - 1] != 10 { start -= 1 }
                        var end = at
                        while end < b.count, b[end] != 10 { end += 1 }
                        if lines[start] == nil { lines[start] = bytes[start...min(end, b.count - 1)] }
                        from = end + 1
                    }
                }
            }
            // In the log's order (the folds depend on it); each line ends with its newline (or the file's end).
            var chunk: [UInt8] = []
            for start in lines.keys.sorted() {
                chunk += lines[start]!
                if chunk.last != 10 { chunk.append(10) }
            }
            out += HistoryIndex.decodeEvents(chunk)
        }
        return out
    }
}
