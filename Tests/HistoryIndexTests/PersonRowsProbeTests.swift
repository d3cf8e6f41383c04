import Foundation
import GRDB
import XCTest

@testable import HistoryIndex
@testable import SwitchboardCore

/// Issue 18, schema 10: a `person` row's id is a hash of its identity key, and a key whose id is taken by another
/// key's row gets the next free one (`PersonRows.find`). Rows already sitting where an author's probe starts (as a
/// hash collision would put them) are stepped over, never overwritten, and the author's tally is still found, counted
/// on and corrected by a re-analysis; identities keep the order of their first mentions.
final class PersonRowsProbeTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func mention(_ id: String, handle: String, at: Double, sentiment: Sentiment) -> Mention {
        Mention(
            platform: "mastodon", id: id, text: "Acme \(id)", createdAt: Self.now.addingTimeInterval(at),
            author: Author(handle: handle, name: handle, followers: 10),
            analysis: Analysis(lang: "de", sentiment: sentiment, score: 0.5, intents: []))
    }

    /// Writes a row of another identity at `id`, as a colliding key's would stand there.
    func squat(_ dir: DataDirectory, id: Int64, key: String) throws {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.write { db in
            try db.execute(
                sql: """
                    INSERT INTO person(\(PersonRows.columns))
                    VALUES (?, 0, ?, 'x', 'squatter', NULL, 'squatter', NULL, NULL, 7, 0, 0, 99, 1, 2, 3, 0, 0, 0, 0, 0,
                        0)
                    """, arguments: [id, key])
        }
    }

    func row(_ dir: DataDirectory, id: Int64) throws -> (key: String, n: Int)? {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        return try q.read { db in
            try Row.fetchOne(db, sql: "SELECT key, n FROM person WHERE id = ?", arguments: [id]).map {
                ($0["key"], $0["n"])
            }
        }
    }

    func testAnAuthorWhoseIdsAreTakenGetsTheNextFreeOneAndIsFoundThere() throws {
        let dir = makeTempDir("sbprobe")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let store = try Store(dir: dir)
        try store.ingest([mention("1", handle: "first@social.example", at: 0, sentiment: .positive)], now: Self.now)
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(try index.personCount(), 1)

        // Zed's first two ids hold other identities' rows; Zed is met for the first time in the catch-up.
        let zed = "mastodon:zed@social.example"
        let home = PersonRows.home(zed)
        try squat(dir, id: home, key: "x:squatter-one")
        try squat(dir, id: (home + 1) & PersonRows.idMask, key: "x:squatter-two")
        let zeds = [
            mention("2", handle: "zed@social.example", at: 10, sentiment: .negative),
            mention("3", handle: "Zed@social.example", at: 20, sentiment: .negative),
        ]
        try store.ingest(zeds, now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        let third = (home + 2) & PersonRows.idMask
        // The catch-up left Zed's mentions in the person tail: no row yet, the tallies count them already.
        XCTAssertNil(try row(dir, id: third))
        XCTAssertEqual(try index.personTallies(ofIdentities: [zed]).map(\.identity.mentionCount), [2])
        try index.flushTails()

        XCTAssertEqual(try row(dir, id: home)?.key, "x:squatter-one")
        XCTAssertEqual(try row(dir, id: home)?.n, 99)
        XCTAssertEqual(try row(dir, id: (home + 1) & PersonRows.idMask)?.key, "x:squatter-two")
        XCTAssertEqual(try row(dir, id: third)?.key, zed)
        XCTAssertEqual(try row(dir, id: third)?.n, 2)
        var tallies = try index.personTallies(ofIdentities: [zed])
        XCTAssertEqual(tallies.map(\.identity.mentionCount), [2])
        XCTAssertEqual(tallies.map(\.identity.negative), [2])

        // Counted on in a later catch-up, and a re-analysis corrects the same row (found through `mention.person`).
        try store.ingest([mention("4", handle: "zed@social.example", at: 30, sentiment: .neutral)], now: Self.now)
        try store.recordAnalysis(
            [
                AnalysisRecord(
                    key: zeds[0].key, analysis: Analysis(lang: "de", sentiment: .positive, score: 1, intents: []))
            ], now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        for flushed in [false, true] {
            if flushed { try index.flushTails() }
            tallies = try index.personTallies(ofIdentities: [zed])
            XCTAssertEqual(tallies.map(\.identity.mentionCount), [3])
            XCTAssertEqual(
                tallies.map { [$0.identity.positive, $0.identity.neutral, $0.identity.negative] }, [[1, 1, 1]])
            XCTAssertEqual(try row(dir, id: home)?.n, 99)
            XCTAssertEqual(try row(dir, id: third)?.n, flushed ? 3 : 2)
        }

        // Several identities come back in the order of their first mentions, whatever their ids.
        let order = try index.personTallies(ofIdentities: [zed, "mastodon:first@social.example"])
        XCTAssertEqual(order.map(\.identity.key), ["mastodon:first@social.example", zed])
        // The squatters are not in the logs: a rebuild leaves only the logs' identities.
        XCTAssertEqual(try index.catchUp(rebuild: "asked to").rebuiltBecause, "asked to")
        XCTAssertEqual(try index.personCount(), 2)
        XCTAssertEqual(try row(dir, id: home)?.key, zed)
        XCTAssertEqual(try index.personTallies(ofIdentities: [zed]).map(\.identity.mentionCount), [3])
    }

    /// A tail record that is not there any more when the tail goes in (its log edited in place, unseen by the
    /// catch-up's samples): a warning, that mention left uncounted, and the rest of the tail — full text, handles,
    /// the other authors — goes in all the same (it stayed out for good before, as the flush failed every time).
    func testATailRecordGoneFromItsLogIsWarnedAboutAndTheTailStillGoesIn() throws {
        let dir = makeTempDir("sbprobe3")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let store = try Store(dir: dir)
        try store.ingest([mention("1", handle: "first@social.example", at: 0, sentiment: .positive)], now: Self.now)
        let index = try HistoryIndex(dir: dir)
        try store.ingest(
            [
                mention("2", handle: "gone@social.example", at: 10, sentiment: .negative),
                mention("3", handle: "kept@social.example", at: 20, sentiment: .negative),
            ], now: Self.now)
        XCTAssertNil(try index.catchUp().rebuiltBecause)
        // Mention 2's key in its record changed in place (same length).
        let file = dir.logFiles(.mentions)[0]
        var text = try String(contentsOf: file, encoding: .utf8)
        let key = mention("2", handle: "", at: 0, sentiment: .neutral).key
        text = text.replacingOccurrences(of: "\"key\":\"\(key)\"", with: "\"key\":\"\(String(key.reversed()))\"")
        try text.write(to: file, atomically: false, encoding: .utf8)

        XCTAssertEqual(try index.flushTails(), 2)
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.read { db in
            XCTAssertEqual(
                try Int64.fetchOne(db, sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'fts_upto'"),
                try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM mention"), "the tail went in")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM person"), 2)
        }
        XCTAssertEqual(try index.personTallies(ofIdentities: ["mastodon:kept@social.example"]).map(\.identity.negative), [1])
        let warned = try index.warnings()
        XCTAssertTrue(warned.contains { $0.contains("run: switchboard reindex") && $0.contains("byte ") }, "\(warned)")
    }

    /// Within one block, an id given to a new identity (no row yet) is passed over as a stored row is.
    func testAProbeStepsOverIdsGivenOutAndNotWrittenYet() throws {
        let dir = makeTempDir("sbprobe2")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        try Store(dir: dir).ingest(
            [mention("1", handle: "a@social.example", at: 0, sentiment: .neutral)], now: Self.now)
        _ = try HistoryIndex(dir: dir)
        let key = "mastodon:b@social.example"
        let home = PersonRows.home(key)
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.read { db in
            XCTAssertEqual(try PersonRows.find(key, db, table: true).id, home)
            XCTAssertNil(try PersonRows.find(key, db, table: true).tally)
            let taken: Set<Int64> = [home, (home + 1) & PersonRows.idMask]
            XCTAssertEqual(
                try PersonRows.find(key, db, table: true) { taken.contains($0) }.id, (home + 2) & PersonRows.idMask)
            XCTAssertEqual(
                try PersonRows.find(key, db, table: false) { taken.contains($0) }.id, (home + 2) & PersonRows.idMask)
            let a = try PersonRows.find("mastodon:a@social.example", db, table: true)
            XCTAssertEqual(a.tally?.identity.mentionCount, 1)
            XCTAssertEqual(a.id, PersonRows.home("mastodon:a@social.example"))
        }
        // The hash is the same in every process (not Swift's seeded `Hasher`): fixed values, 47 bits.
        XCTAssertEqual(PersonRows.home("mastodon:a@social.example"), 1_062_668_418_571)
        XCTAssertEqual(PersonRows.home(""), 24_093_318_834_331)
    }
}
