import Foundation
import GRDB
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// The report from the rows kept per hour (`report_hour`) against the report over the folded store, byte for byte in
/// every format: time zones with a DST change in the period (Santiago skips its midnight) and a 45-minute offset
/// (Kathmandu), mentions on and a millisecond before local midnight; then a caught-up batch that changes what hours
/// already made hold — mentions marked spam and taken out of spam, answered, re-analysed, a new mention in an old
/// hour, a new own account in the team file — and the hours are made again where they changed.
final class ReportHoursTests: XCTestCase {
    static let now = ReportOutputThroughIndexTests.now
    static let zones = ["America/Santiago", "Asia/Kathmandu", "Europe/Berlin"]

    func report(_ dir: DataDirectory, _ team: TeamConfig, from: Double, to: Double) throws -> (
        got: Report, expected: Report, fromHours: Bool
    ) {
        let index = try HistoryIndex(dir: dir)
        let since = Self.now.addingTimeInterval(-from * 86400)
        let until = Self.now.addingTimeInterval(-to * 86400)
        let reference = try Store(dir: dir, mode: .readOnly)
        let expected = try Report.compute(
            mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
            since: since, until: until, now: Self.now, options: .insight(team: team))
        let got = try index.report(team: team, since: since, until: until, now: Self.now, options: .insight(team: team))
        return (got, expected, index.lastReportFromHours)
    }

    func assertSame(_ dir: DataDirectory, _ team: TeamConfig, file: StaticString = #filePath, line: UInt = #line)
        throws -> [String]
    {
        var texts: [String] = []
        for (from, to) in [(30.0, 0.0), (7, 0), (1, 0), (30, 5)] {
            let (got, expected, hours) = try report(dir, team, from: from, to: to)
            let what = "\(team.timezone ?? "-"), \(from)–\(to) days"
            XCTAssertTrue(hours, "from the hours: \(what)", file: file, line: line)
            try assertSameFormats(got, expected, what, file: file, line: line)
            texts.append(got.text())
        }
        return texts
    }

    func database(_ dir: DataDirectory) throws -> DatabaseQueue {
        var c = Configuration()
        c.readonly = true
        return try DatabaseQueue(
            path: dir.root.appendingPathComponent("index/history.sqlite").path, configuration: c)
    }

    func testTheHoursFollowLaterActionsAndAnswerAsTheFoldedStore() throws {
        let dir = makeTempDir("sbreporthours")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: 1200, seed: 61, from: 0)
        let store = try Store(dir: dir)
        for (z, zone) in Self.zones.enumerated() {
            try store.ingest(ReportColumnsTests.midnights(zone: zone, first: 20_000 + z * 200), now: Self.now)
        }
        var before: [String: [String]] = [:]
        for zone in Self.zones {
            let team = try ReportColumnsTests.team(zone: zone, bands: zone == "Europe/Berlin")
            before[zone] = try assertSame(dir, team)
        }
        // Every hour of the longest periods is kept, none marked.
        let made = try database(dir).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_hour") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty WHERE hour >= ?",
                    arguments: [ReportHoursTests.hour(Self.now.addingTimeInterval(-60 * 86400))]) ?? -1
            )
        }
        XCTAssertGreaterThanOrEqual(made.0, 60 * 24)
        XCTAssertEqual(made.1, 0)

        // Another writer: later actions on mentions in hours already kept, a new mention in an old hour.
        let writer = try Store(dir: dir)
        let inPeriod = writer.mentions.filter {
            $0.createdAt > Self.now.addingTimeInterval(-20 * 86400) && $0.createdAt < Self.now.addingTimeInterval(-86400)
        }
        XCTAssertGreaterThan(inPeriod.count, 200)
        let states = writer.states()
        let at = Self.now.addingTimeInterval(-600)
        var actions: [Action] = []
        var spam = 0, unspam = 0, answered = 0
        for (i, m) in inPeriod.enumerated() where i % 7 == 0 {
            if states[m.key]?.status == .spam {
                actions.append(.setStatus(mention: m.key, status: .open))
                unspam += 1
            } else if i % 2 == 0 {
                actions.append(.setStatus(mention: m.key, status: .spam))
                spam += 1
            } else {
                actions.append(.reply(mention: m.key, reply: ReplyRecord(text: "Erledigt", actor: "bo", at: at)))
                answered += 1
            }
        }
        XCTAssertGreaterThan(spam, 5)
        XCTAssertGreaterThan(unspam, 0)
        XCTAssertGreaterThan(answered, 5)
        try writer.record(actions, actor: "bo", now: at)
        try writer.recordAnalysis(
            inPeriod.enumerated().filter { $0.offset % 11 == 3 }.map {
                AnalysisRecord(
                    key: $0.element.key,
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.9, intents: [.question]))
            }, now: at)
        // On a local midnight of Kathmandu 10 days ago: an hour kept for each report above.
        let late = ReportColumnsTests.midnights(zone: "Asia/Kathmandu", first: 30_000)[20]
        let newcomer = Mention(
            platform: late.platform, id: "spät-1", text: "Nachzügler: Acme Cloud ist schnell geworden #mitternacht",
            createdAt: late.createdAt, author: late.author, analysis: late.analysis)
        XCTAssertEqual(try writer.ingest([newcomer], now: at).added.count, 1)

        // The catch-up marks the hours it changed; the next report makes them again.
        _ = try HistoryIndex(dir: dir)
        let marked = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty") ?? 0
        }
        XCTAssertGreaterThan(marked, 10)
        for zone in Self.zones {
            let team = try ReportColumnsTests.team(zone: zone, bands: zone == "Europe/Berlin")
            let after = try assertSame(dir, team)
            XCTAssertNotEqual(after[0], before[zone]![0], "the batch changes the 30 days: \(zone)")
        }
        let left = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty WHERE hour >= ?",
                arguments: [ReportHoursTests.hour(Self.now.addingTimeInterval(-60 * 86400))]) ?? -1
        }
        XCTAssertEqual(left, 0)

        // A small catch-up (one hour marked: its names looked up one by one): a known author and a new one.
        // An author the hours name already: a counted mention of theirs (not spam, not own, untouched by the batch).
        let known = try XCTUnwrap(
            inPeriod.enumerated().first { i, m in
                i % 7 != 0 && states[m.key]?.status != .spam && m.author != nil
                    && !(m.author?.handle.lowercased().hasPrefix("acme") ?? true)
            }?.element)
        let two = [
            Mention(
                platform: known.platform, id: "klein-1", text: "Acme Cloud wieder da? #status", createdAt: known.createdAt,
                author: known.author, analysis: known.analysis),
            Mention(
                platform: "Threads", id: "klein-2", text: "Erstes Mal hier: Acme Cloud #neu",
                createdAt: known.createdAt.addingTimeInterval(1),
                author: Author(handle: "Neuling@Threads.net", followers: 12),
                analysis: Analysis(lang: "de", sentiment: .positive, score: 0.8, intents: [])),
        ]
        XCTAssertEqual(try writer.ingest(two, now: at).added.count, 2)
        _ = try HistoryIndex(dir: dir)
        let one = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty") ?? 0
        }
        XCTAssertEqual(one, 1)
        let (names, networkKnown) = try database(dir).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_name") ?? 0,
                try Bool.fetchOne(
                    db, sql: "SELECT count(*) > 0 FROM report_name WHERE kind = 0 AND name = ?",
                    arguments: [Data("Threads".utf8)]) ?? false
            )
        }
        _ = try assertSame(dir, try ReportColumnsTests.team(zone: "Europe/Berlin", bands: true))
        let namesAfter = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_name") ?? 0
        }
        let added = try database(dir).read { db in
            try Row.fetchAll(db, sql: "SELECT kind, name FROM report_name ORDER BY id DESC LIMIT 3").map {
                "\($0[0] as Int):" + String(decoding: $0[1] as Data, as: UTF8.self)
            }
        }
        // The new author (and its network, unless another report named it), the known one found, not added again.
        XCTAssertEqual(namesAfter, names + (networkKnown ? 1 : 2), "\(added)")
        XCTAssertTrue(added.first?.hasPrefix("1:Neuling@Threads.net") == true, "\(added)")

        // A new own account in the team file: the brand's own posts are left out, so every hour is made again.
        var team = try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: true)
        let someone = inPeriod.compactMap { $0.author?.handle }.first { !$0.lowercased().hasPrefix("acme") }!
        team.brand.terms.append(someone)
        let own = try assertSame(dir, team)
        let plain = try assertSame(dir, try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: true))
        XCTAssertNotEqual(own[0], plain[0])
    }

    func testTheHoursAndTheRowsSayTheSame() throws {
        let dir = makeTempDir("sbreporthoursro")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: 300, seed: 62, from: 0)
        let team = try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: false)
        let index = try HistoryIndex(dir: dir)
        index.reportFromHours = false
        let since = Self.now.addingTimeInterval(-30 * 86400)
        let rows = try index.report(team: team, since: since, until: Self.now, now: Self.now, options: .insight(team: team))
        XCTAssertFalse(index.lastReportFromHours)
        XCTAssertTrue(index.lastReportFromColumns)
        index.reportFromHours = true
        let hours = try index.report(team: team, since: since, until: Self.now, now: Self.now, options: .insight(team: team))
        XCTAssertTrue(index.lastReportFromHours)
        XCTAssertEqual(hours.text(), rows.text())
        XCTAssertEqual(String(decoding: try hours.json(), as: UTF8.self), String(decoding: try rows.json(), as: UTF8.self))
    }

    static func hour(_ d: Date) -> Int64 { Int64((d.timeIntervalSince1970 / 3600).rounded(.towardZero)) }
}
