import Foundation
import GRDB
import SwitchboardCore

/// The report from the hours' sums (`report_sum`): the hours that lie whole in one bucket of one period are added as
/// sums; the others — the periods' edges, a bucket's start inside an hour, open mentions partly overdue, the hours
/// that may hold the ten latest breaches (`ReportSums.rowsNeeded`) — are read as rows (`hourColumns`). The same
/// `Report.compute(columns:sums:)` adds both, so the same report as over the rows.
extension HistoryIndex {
    /// nil when an hour of [from, to) is missing, marked or without sums (the caller reads the rows).
    static func reportFromSums(
        _ db: Database, team: TeamConfig, since: Date, until: Date, now: Date, options: ReportOptions,
        events: [AuditEvent], stored: Report.Stored, vocabulary: Int, networkOf: (String) -> String?
    ) throws -> (report: Report, summed: Int, blocks: Int)? {
        let from = since.timeIntervalSince1970 - until.timeIntervalSince(since)
        let to = until.timeIntervalSince1970
        let bands = options.band != nil
        guard let range = hourRange(from: from, to: to), try db.tableExists("report_sum"),
            let stale = try staleHours(db, range, signature: ReportHours.signature(team: team, bands: bands)),
            stale.isEmpty
        else { return nil }
        var hours: [Int64] = [], sums: [ReportHourSums] = [], blobs: [(data: Data, accountsAt: Int)] = []
        hours.reserveCapacity(range.count)
        sums.reserveCapacity(range.count)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT hour, sums FROM report_sum WHERE hour BETWEEN ? AND ? ORDER BY hour",
            arguments: [range.lowerBound, range.upperBound])
        while let row = try rows.next() {
            let data = row[1] as Data? ?? Data()
            guard let (s, at) = data.withUnsafeBytes({ ReportHourSumsBuilder.decode($0) }) else { return nil }
            hours.append(row[0])
            sums.append(s)
            blobs.append((data, at))
        }
        // Every hour of the range kept (made with its rows).
        guard hours.count == range.count else { return nil }
        var need = try ReportSums.rowsNeeded(sums, team: team, since: since, until: until, now: now, options: options)
        // An hour that reaches outside [from, to) by `created` (the rows' filter) comes as rows too (the exact times
        // the check above reads may differ from `created` by a rounding).
        for (k, h) in hours.enumerated() where Double(h) * 3600 < from || Double(h + 1) * 3600 > to {
            need[k] = true
        }
        var summed = sums.indices.filter { !need[$0] }.map { sums[$0] }
        // The people of the hours added in the current period, summed by account: a block's tallies where all of
        // its hours lie in the current period (or are empty) — the accounts of those of its hours read as rows are
        // then left out of the rows (`noPeople`) —, each hour's elsewhere.
        let ids = Int(try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report_name") ?? 0) + 1
        var people: PeopleSums? = PeopleSums(ids: ids)
        let counted = sums.indices.map { !need[$0] && !sums[$0].isEmpty && sums[$0].minTime >= since }
        var blocks: [Int64: [Int64: Data]] = [:]
        if try db.tableExists("report_block") {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT hour, hours, people FROM report_block WHERE hour >= ? AND hour + hours - 1 <= ?",
                arguments: [range.lowerBound, range.upperBound])
            while let row = try rows.next() { blocks[row[1], default: [:]][row[0]] = row[2] }
        }
        var k = 0, used = 0
        var noPeople = Set<Int64>()
        while k < sums.count {
            let h = hours[k]
            let block = ReportBlocks.sizes.lazy.compactMap { size -> (Int, Data)? in
                guard h % size == 0, k + Int(size) <= sums.count, let data = blocks[size]?[h],
                    (k..<k + Int(size)).allSatisfy({
                        sums[$0].isEmpty || (sums[$0].minTime >= since && sums[$0].maxTime < until)
                    })
                else { return nil }
                return (Int(size), data)
            }.first
            if let (size, data) = block {
                guard
                    data.withUnsafeBytes({
                        people!.add($0, at: 0, groups: [1, 1], hidePrivate: options.hidePrivate)
                    })
                else { return nil }
                for j in k..<k + size where need[j] { noPeople.insert(hours[j]) }
                k += size
                used += 1
                continue
            }
            if counted[k] {
                let groups = sums[k].groups.map(\.count)
                guard
                    blobs[k].data.withUnsafeBytes({
                        people!.add($0, at: blobs[k].accountsAt, groups: groups, hidePrivate: options.hidePrivate)
                    })
                else { return nil }
            }
            k += 1
        }
        guard
            let (columns, accounts) = try hourColumns(
                db, from: from, to: to, team: team, vocabulary: vocabulary, bands: bands,
                only: hours.indices.filter { need[$0] }.map { hours[$0] }, noPeople: noPeople, sums: &summed,
                people: &people)
        else { return nil }
        let report = try Report.compute(
            columns: columns, events: events, team: team, since: since, until: until, now: now, options: options,
            stored: stored, networkOf: networkOf,
            sums: ReportSums(hours: summed, accounts: accounts) { rowid in
                try HistoryIndex.mentionByRowid(db, [rowid])(0)
            })
        return (report, summed.count, used)
    }
}
