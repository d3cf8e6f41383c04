import Foundation
import GRDB
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// The report from the hours' sums (`report_sum`: whole hours added as counts, the edges and the threshold hours read
/// as rows) against the report over the folded store, byte for byte in every format: periods that start and end
/// inside an hour, zones with 30- and 45-minute offsets and a DST change (Kolkata, Kathmandu, Santiago), business
/// hours and SLA bands, private messages hidden or not; then a caught-up batch that changes status, spam and first
/// responses of mentions in hours already summed.
final class ReportSumsTests: XCTestCase {
    static let now = ReportOutputThroughIndexTests.now
    static let zones = ["Asia/Kolkata", "Asia/Kathmandu", "America/Santiago"]
    /// Days back from `now`: since, until (fractions start and end inside an hour).
    static let periods: [(Double, Double)] = [(30, 0), (7, 0), (1, 0), (30, 5), (29.71, 0.37), (44.5, 2.2)]

    static func options(_ team: TeamConfig, hidePrivate: Bool) -> ReportOptions {
        var o = ReportOptions.insight(team: team)
        o.hidePrivate = hidePrivate
        return o
    }

    /// The index's report (asserted to add hours as sums) and the folded store's, in all four formats.
    @discardableResult
    func assertSame(
        _ dir: DataDirectory, _ team: TeamConfig, hidePrivate: Bool = false, file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> [String] {
        let reference = try Store(dir: dir, mode: .readOnly)
        let states = reference.states()
        var texts: [String] = []
        for (from, to) in Self.periods {
            let since = Self.now.addingTimeInterval(-from * 86400)
            let until = Self.now.addingTimeInterval(-to * 86400)
            let options = Self.options(team, hidePrivate: hidePrivate)
            let expected = try Report.compute(
                mentions: reference.mentions, states: states, events: reference.events, team: team, since: since,
                until: until, now: Self.now, options: options)
            let index = try HistoryIndex(dir: dir)
            let got = try index.report(team: team, since: since, until: until, now: Self.now, options: options)
            let what = "\(team.timezone ?? "-"), \(from)–\(to) days, hidePrivate \(hidePrivate)"
            XCTAssertTrue(index.lastReportFromSums, "from the sums: \(what)", file: file, line: line)
            if from - to >= 7 {
                // Most hours added as sums: the rows read are the edges and a few hours around the SLA's threshold.
                let hours = (from - to) * 48
                XCTAssertGreaterThan(Double(index.lastReportSummedHours), hours * 0.7, what, file: file, line: line)
            }
            try assertSameFormats(got, expected, what, file: file, line: line)
            // The same as the rows kept per hour.
            index.reportFromSums = false
            let rows = try index.report(team: team, since: since, until: until, now: Self.now, options: options)
            XCTAssertFalse(index.lastReportFromSums, file: file, line: line)
            XCTAssertTrue(index.lastReportFromHours, file: file, line: line)
            try assertSameFormats(got, rows, what + " (rows per hour)", file: file, line: line)
            texts.append(got.text())
        }
        return texts
    }

    func testTheSumsAnswerAsTheFoldedStore() throws {
        let dir = makeTempDir("sbreportsums")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: 1500, seed: 71, from: 0)
        let store = try Store(dir: dir)
        for (z, zone) in Self.zones.enumerated() {
            try store.ingest(ReportColumnsTests.midnights(zone: zone, first: 40_000 + z * 200), now: Self.now)
        }
        for zone in Self.zones {
            for bands in [false, true] {
                let team = try ReportColumnsTests.team(zone: zone, bands: bands)
                try assertSame(dir, team)
            }
        }
        let team = try ReportColumnsTests.team(zone: "Asia/Kolkata", bands: true)
        try assertSame(dir, team, hidePrivate: true)
        // Every hour kept has its sums.
        let (hours, sums) = try database(dir).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_hour") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_sum") ?? -1
            )
        }
        XCTAssertGreaterThanOrEqual(hours, 60 * 24)
        XCTAssertEqual(hours, sums)
    }

    func testACaughtUpBatchChangesSummedHours() throws {
        let dir = makeTempDir("sbreportsumsbatch")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: 1200, seed: 72, from: 0)
        let team = try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: true)
        let before = try assertSame(dir, team)

        // Another writer: status, spam and first responses of mentions in hours the reports above summed.
        let writer = try Store(dir: dir)
        let inPeriod = writer.mentions.filter {
            $0.createdAt > Self.now.addingTimeInterval(-25 * 86400)
                && $0.createdAt < Self.now.addingTimeInterval(-86400)
        }
        XCTAssertGreaterThan(inPeriod.count, 200)
        let states = writer.states()
        let at = Self.now.addingTimeInterval(-900)
        var actions: [Action] = []
        var spam = 0, unspam = 0, answered = 0, closed = 0
        for (i, m) in inPeriod.enumerated() where i % 5 == 0 {
            if states[m.key]?.status == .spam {
                actions.append(.setStatus(mention: m.key, status: .open))
                unspam += 1
            } else if i % 3 == 0 {
                actions.append(.setStatus(mention: m.key, status: .spam))
                spam += 1
            } else if i % 3 == 1 {
                actions.append(.reply(mention: m.key, reply: ReplyRecord(text: "Erledigt", actor: "bo", at: at)))
                answered += 1
            } else {
                actions.append(.setStatus(mention: m.key, status: .ignored))
                closed += 1
            }
        }
        XCTAssertGreaterThan(spam, 5)
        XCTAssertGreaterThan(answered, 5)
        XCTAssertGreaterThan(closed, 5)
        try writer.record(actions, actor: "bo", now: at)
        // The catch-up marks the hours; the next report makes their rows and sums again.
        _ = try HistoryIndex(dir: dir)
        let marked = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty") ?? 0
        }
        XCTAssertGreaterThan(marked, 10)
        let after = try assertSame(dir, team)
        XCTAssertNotEqual(after[0], before[0], "the batch changes the 30 days")
        let left = try database(dir).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty") ?? -1 }
        XCTAssertEqual(left, 0)
    }

    func testSumsOfAnOlderIndexAreMadeWhereMissing() throws {
        // An index whose hours were kept before the sums (no `report_sum`, layout 1): the next report forgets
        // them, makes rows and sums, and answers from the sums.
        let dir = makeTempDir("sbreportsumsold")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: 400, seed: 73, from: 0)
        let team = try ReportColumnsTests.team(zone: "Europe/Berlin", bands: false)
        try assertSame(dir, team)
        let path = dir.root.appendingPathComponent("index/history.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TABLE report_sum")
            try db.execute(sql: "UPDATE meta SET v = '1' || substr(v, 2) WHERE k = 'report_hours'")
        }
        try assertSame(dir, team)
        let sums = try database(dir).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM report_sum") ?? 0 }
        XCTAssertGreaterThan(sums, 0)
    }

    func database(_ dir: DataDirectory) throws -> DatabaseQueue {
        var c = Configuration()
        c.readonly = true
        return try DatabaseQueue(
            path: dir.root.appendingPathComponent("index/history.sqlite").path, configuration: c)
    }
}
