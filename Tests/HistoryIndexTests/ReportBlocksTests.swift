import Foundation
import GRDB
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// The people from blocks of hours (`report_block`: each account's tally over a UTC day and 8 days) and numbered
/// persons (`report_person`), against the folded store's report, byte for byte in every format (`assertSame`: the
/// periods that start and end inside an hour): one person written three ways on one network and once on another,
/// zones with 45- and 30-minute offsets and a DST change (each local midnight inside an hour read as rows), hidden
/// private messages; a caught-up batch that adds mentions by known and new authors and changes status, spam and
/// first responses in hours inside blocks; and the hours, sums and blocks `prepareReports` (`reindex`) makes, after
/// which a report writes nothing. (In `ReportSumsTests`, whose `assertSame` they use.)
extension ReportSumsTests {
    static let day = 86400.0

    /// A fan: one person on mastodon written three ways (`Fan@…`, `@fan@…`, `FAN@…`, the network as `Mastodon` or
    /// `mastodon`), another on bluesky; a positive mention a day of each, so they lead the advocates.
    static func fans(days: Int, first: Int = 0, prefix: String = "fan") -> [Mention] {
        var out: [Mention] = []
        let accounts = [
            ("mastodon", "Fan@Example.social"), ("Mastodon", "@fan@example.social"), ("mastodon", "FAN@example.social"),
            ("bluesky", "fan@example.social"),
        ]
        for d in first..<(first + days) {
            for (j, (platform, handle)) in accounts.enumerated() {
                out.append(
                    Mention(
                        platform: platform, id: "\(prefix)-\(d)-\(j)", text: "Acme Cloud ist super #release \(d)",
                        createdAt: now.addingTimeInterval(-Double(d) * day - Double(j) * 3600 - 1234.5),
                        author: Author(handle: handle, followers: j == 2 ? nil : 500 + d * 10 + j),
                        analysis: Analysis(lang: "de", sentiment: .positive, score: 0.9, intents: [])))
            }
        }
        return out
    }

    /// How many blocks the 30-day report adds (asserted to come from the sums).
    func blocksUsed(_ dir: DataDirectory, _ team: TeamConfig) throws -> Int {
        let index = try HistoryIndex(dir: dir)
        _ = try index.report(
            team: team, since: Self.now.addingTimeInterval(-30 * Self.day), until: Self.now, now: Self.now,
            options: ReportSumsTests.options(team, hidePrivate: false))
        XCTAssertTrue(index.lastReportFromSums)
        return index.lastReportPeopleBlocks
    }

    /// A history of `count` mentions (`ReportPartsTests.ingest`) and the fans' mentions over `fanDays` days, removed
    /// when the test ends; the store that wrote them.
    /// The report over the folded store (what the index's report must equal).
    func foldedReport(
        _ dir: DataDirectory, _ team: TeamConfig, since: Date, until: Date, options: ReportOptions
    ) throws -> Report {
        let reference = try Store(dir: dir, mode: .readOnly)
        return try Report.compute(
            mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
            since: since, until: until, now: Self.now, options: options)
    }

    func history(_ name: String, count: Int, seed: UInt64, fanDays: Int) throws -> (DataDirectory, Store) {
        let dir = makeTempDir(name)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        try ReportPartsTests.ingest(dir, count: count, seed: seed, from: 0)
        let store = try Store(dir: dir)
        try store.ingest(Self.fans(days: fanDays), now: Self.now)
        return (dir, store)
    }

    func testThePeopleFromBlocksAsTheFoldedStore() throws {
        let (dir, _) = try history("sbreportblocks", count: 1500, seed: 74, fanDays: 40)
        for zone in ["Asia/Kathmandu", "Asia/Kolkata", "America/Santiago", "Etc/UTC"] {
            let team = try ReportColumnsTests.team(zone: zone, bands: zone != "Etc/UTC")
            let texts = try assertSame(dir, team)
            XCTAssertTrue(texts[0].contains("@Fan@Example.social"), texts[0])
            // 30 days: two or three blocks of 8 days, and days around them.
            XCTAssertGreaterThanOrEqual(try blocksUsed(dir, team), 6, zone)
        }
        let team = try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: true)
        try assertSame(dir, team, hidePrivate: true)
        // Two people for the fan's four accounts (three on mastodon, one on bluesky), each numbered once.
        let (people, accounts) = try database(dir).read { db in
            (
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM report_person WHERE CAST(key AS TEXT) LIKE '%:fan@example.social'"
                ) ?? 0,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM report_account a JOIN report_person p ON p.id = a.person
                        WHERE CAST(p.key AS TEXT) LIKE '%:fan@example.social'
                        """) ?? 0
            )
        }
        XCTAssertEqual(people, 2)
        XCTAssertEqual(accounts, 4)
    }

    func testACaughtUpBatchChangesBlocks() throws {
        let (dir, writer) = try history("sbreportblocksbatch", count: 1200, seed: 75, fanDays: 30)
        let team = try ReportColumnsTests.team(zone: "Asia/Kathmandu", bands: true)
        let before = try assertSame(dir, team)
        let blocks = try database(dir).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_block") ?? 0
        }
        XCTAssertGreaterThan(blocks, 20)

        // Another writer, in hours inside blocks: the fan's mastodon mentions made spam (and one answered), a new
        // author who outdoes the fan (a known one's handle in another case on a network written another way), and
        // known authors' new mentions.
        let fanMentions = writer.mentions.filter { $0.id.hasPrefix("fan-") && $0.platform.lowercased() == "mastodon" }
        let at = Self.now.addingTimeInterval(-900)
        var actions: [Action] = fanMentions.prefix(60).map { .setStatus(mention: $0.key, status: .spam) }
        actions.append(
            .reply(
                mention: fanMentions[70].key, reply: ReplyRecord(text: "Danke!", actor: "bo", at: at)))
        try writer.record(actions, actor: "bo", now: at)
        var added = Self.fans(days: 25, first: 2, prefix: "neu").map { m -> Mention in
            var m = m
            m.author = Author(handle: "Neu@Example.social", followers: 90_000)
            return m
        }
        let known = writer.mentions.first { $0.author?.handle.hasPrefix("User") == true }!
        for d in 3..<20 {
            added.append(
                Mention(
                    platform: known.platform.uppercased(), id: "known-\(d)", text: "Acme Cloud, na ja #preise",
                    createdAt: Self.now.addingTimeInterval(-Double(d) * Self.day - 777),
                    author: Author(handle: known.author!.handle.lowercased(), followers: 3),
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.6, intents: [.question])))
        }
        try writer.ingest(added, now: at)
        _ = try HistoryIndex(dir: dir)
        let after = try assertSame(dir, team)
        XCTAssertNotEqual(after[0], before[0], "the batch changes the 30 days")
        XCTAssertTrue(after[0].contains("@Neu@Example.social"), after[0])
        XCTAssertGreaterThanOrEqual(try blocksUsed(dir, team), 6)
    }

    func testPrepareReportsMakesEveryHourSoAReportWritesNothing() throws {
        let (dir, _) = try history("sbreportblocksprepare", count: 900, seed: 76, fanDays: 50)
        let team = try ReportColumnsTests.team(zone: "Europe/Berlin", bands: true)
        let options = ReportSumsTests.options(team, hidePrivate: false)
        let index = try HistoryIndex(dir: dir)
        XCTAssertTrue(try index.prepareReports(team: team, options: options))
        let db = try database(dir)
        let (hours, sumCount, dirty, blocks, span) = try db.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_hour") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_sum") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_dirty") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM report_block") ?? 0,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT CAST(max(created) / 3600 AS INTEGER) - CAST(min(created) / 3600 AS INTEGER) + 1
                        FROM mention WHERE present = 1
                        """) ?? 0
            )
        }
        XCTAssertEqual(hours, span)
        XCTAssertEqual(sumCount, span)
        XCTAssertEqual(dirty, 0)
        XCTAssertGreaterThan(blocks, 40)
        // A report inside the history (both periods) commits nothing: the data version a connection sees changes
        // when another one commits.
        let since = Self.now.addingTimeInterval(-24.5 * Self.day), until = Self.now.addingTimeInterval(-2.3 * Self.day)
        let queue = try DatabaseQueue(path: dir.root.appendingPathComponent("index/history.sqlite").path)
        let version = { try queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? -1 } }
        let v0 = try version()
        let got = try index.report(team: team, since: since, until: until, now: Self.now, options: options)
        XCTAssertTrue(index.lastReportFromSums)
        XCTAssertGreaterThan(index.lastReportPeopleBlocks, 0)
        XCTAssertEqual(try version(), v0, "the report wrote")
        let expected = try foldedReport(dir, team, since: since, until: until, options: options)
        try assertSameFormats(got, expected, "after prepareReports")
        // Again: nothing to make.
        XCTAssertTrue(try index.prepareReports(team: team, options: options))
        XCTAssertEqual(try version(), v0, "nothing made twice")
    }

    /// A rebuild told the report's options (`rebuildReports`, as `reindex` does) makes the hours, sums, names,
    /// people and blocks in its own file, on a thread beside its full-text pass: the same rows as `prepareReports`
    /// makes after a rebuild without them, no hours' file left, and `prepareReports` then writes nothing; the
    /// report reads them and equals the folded store's, the full-text index still answers.
    func testARebuildMakesTheReportsHoursBesideItsFullTextPass() throws {
        let (dir, _) = try history("sbreportblocksrebuild", count: 900, seed: 77, fanDays: 50)
        let team = try ReportColumnsTests.team(zone: "Europe/Berlin", bands: true)
        let options = ReportSumsTests.options(team, hidePrivate: false)
        // The team file `reindex` reads (the rebuild keeps its share-of-voice terms).
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let tables = [
            "SELECT hour, hex(rows) FROM report_hour ORDER BY hour", "SELECT hour, hex(sums) FROM report_sum ORDER BY hour",
            "SELECT id, kind, hex(name) FROM report_name ORDER BY id", "SELECT hour FROM report_dirty",
            "SELECT id, hex(key) FROM report_person ORDER BY id", "SELECT id, person FROM report_account ORDER BY id",
            "SELECT hour, hours, hex(people) FROM report_block ORDER BY hour, hours",
            "SELECT k, v FROM meta WHERE k IN ('report_hours', 'report_people') ORDER BY k",
        ]
        func reportTables() throws -> [String] {
            try database(dir).read { db in
                try tables.flatMap { sql in try Row.fetchAll(db, sql: sql).map { "\(sql.prefix(30)) \($0)" } }
            }
        }
        // The reference: a rebuild without them, then `prepareReports` (as `reindex` did before).
        let plain = try HistoryIndex(dir: dir, catchUp: false)
        try plain.catchUp(rebuild: "asked to")
        XCTAssertEqual(try database(dir).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM report_hour") }, 0)
        XCTAssertTrue(try plain.prepareReports(team: team, options: options))
        let expectedTables = try reportTables()
        let env = QueryEnvironment(me: "", now: Self.now)
        let plainSuper = try plain.keys(matching: try Query.parse("super"), environment: env)
        XCTAssertEqual(plainSuper.count, 200)
        XCTAssertGreaterThan(expectedTables.filter { $0.hasPrefix("SELECT hour, hours") }.count, 40)

        let index = try HistoryIndex(dir: dir, catchUp: false)
        index.rebuildReports = (team, options)
        XCTAssertEqual(try index.catchUp(rebuild: "asked to").rebuiltBecause, "asked to")
        assertSame(try reportTables(), expectedTables)
        let queue = try assertHoursMade(index, dir, team, options, "after a rebuild with the hours")
        try queue.write { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            try db.execute(sql: "INSERT INTO mention_fts(mention_fts) VALUES ('integrity-check')")
        }
        try queue.close()
        XCTAssertEqual(try index.keys(matching: try Query.parse("super"), environment: env), plainSuper)
    }

    /// `ingest` of a large file into an index that has read nothing follows its appends in a fresh file, and with
    /// `rebuildReports` (as `ingest` sets it) makes the report's hours there too: the first report after a large
    /// import writes nothing and equals the folded store's.
    func testAFirstImportMakesTheReportsHoursBesideItsFullTextPass() throws {
        let (dir, _) = try history("sbreportblocksimport", count: 900, seed: 78, fanDays: 50)
        let team = try ReportColumnsTests.team(zone: "Europe/Berlin", bands: true)
        let options = ReportSumsTests.options(team, hidePrivate: false)
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let index = try HistoryIndex(dir: dir, catchUp: false)
        index.rebuildReports = (team, options)
        let feed = AppendFeed(expectedBytes: 1 << 30)
        feed.finish()
        XCTAssertGreaterThan(try index.catchUp(following: feed).mentions, 0)
        XCTAssertGreaterThan(
            try database(dir).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM report_hour") } ?? 0, 40 * 24)
        try assertHoursMade(index, dir, team, options, "after a first import").close()
    }

    /// After a build that made the report's hours in its fresh file: no build or hours' file is left,
    /// `prepareReports` finds nothing to make, and a report reads the hours' sums without writing and equals the
    /// folded store's. Returns a plain connection to the index (close it).
    func assertHoursMade(
        _ index: HistoryIndex, _ dir: DataDirectory, _ team: TeamConfig, _ options: ReportOptions, _ what: String
    ) throws -> DatabaseQueue {
        for name in ["history.build-hours.sqlite", "history.build.sqlite"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.root.path + "/index/" + name), name)
        }
        let queue = try DatabaseQueue(path: dir.root.appendingPathComponent("index/history.sqlite").path)
        let version = { try queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? -1 } }
        let v0 = try version()
        XCTAssertTrue(try index.prepareReports(team: team, options: options))
        XCTAssertEqual(try version(), v0, "prepareReports wrote: \(what)")
        let since = Self.now.addingTimeInterval(-24.5 * Self.day), until = Self.now.addingTimeInterval(-2.3 * Self.day)
        let got = try index.report(team: team, since: since, until: until, now: Self.now, options: options)
        XCTAssertTrue(index.lastReportFromSums)
        XCTAssertEqual(try version(), v0, "the report wrote: \(what)")
        try assertSameFormats(got, try foldedReport(dir, team, since: since, until: until, options: options), what)
        return queue
    }
}
