import Foundation
import GRDB
import HistoryIndex
import SwitchboardCore
import XCTest

/// A catch-up leaves its new mentions out of the full-text index (the tail after meta `fts_upto`) until the tail is
/// `fullTextTail` rows long; searches find them all the same, with the folded store's answers, and once the tail is
/// added the full-text index holds exactly the rows it should (FTS5's integrity check against the table).
final class FullTextTailTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    func upTo(_ dir: DataDirectory) throws -> (upTo: Int64, last: Int64) {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        return try q.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'fts_upto'") ?? -1,
                try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM mention") ?? -1
            )
        }
    }

    /// The index's answers for `queries` equal the folded store's (`QueryMatcher`), newest first.
    func assertSameAnswers(_ dir: DataDirectory, _ index: HistoryIndex, _ queries: [String], _ note: String) throws {
        let store = try Store(dir: dir, mode: .readOnly)
        for text in queries {
            let q = try Query.parse(text)
            let matcher = QueryMatcher(q, environment: env)
            let expected = Set(matcher.filter(store.mentions, states: store.states()).map { store.mentions[$0].key })
            XCTAssertEqual(Set(try index.keys(matching: q, environment: env)), expected, "\(note): \(text)")
            let page = try index.search(q, environment: env, limit: 7)
            XCTAssertEqual(page.mentions.count, min(7, expected.count), "\(note): \(text) (a page)")
            XCTAssertEqual(try index.count(q, environment: env), expected.count, "\(note): \(text) (count)")
        }
    }

    func testNewMentionsWaitInTheTailAreFoundAndJoinTheFullTextIndexInOneGo() throws {
        let dir = makeTempDir("sbtail")
        let store = try Store(dir: dir)
        try store.ingest(
            (0..<200).map { indexMention("\($0)", text: "Sync kaputt seit Montag \($0)", at: Double($0 * 60)) })
        do { _ = try HistoryIndex(dir: dir) }
        let built = try upTo(dir)
        XCTAssertEqual(built.upTo, built.last, "a build indexes every row")

        // Another process stores 30 mentions with a new word; the next open catches up and leaves them in the tail.
        try Store(dir: dir).ingest(
            (200..<230).map { indexMention("\($0)", text: "Zugverspätung in Köln \($0)", at: Double($0 * 60)) })
        let queries = [
            "zugverspätung", "zugverspaetung köln", "-zugverspätung", "sync OR zugverspätung", "\"in köln 21\"",
            "kaputt", "ko",
        ]
        do {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 50
            try index.catchUp()
            XCTAssertEqual(index.lastCatchUp.mentions, 30)
            let tail = try upTo(dir)
            XCTAssertEqual(tail.upTo, built.upTo, "the new rows wait in the tail")
            XCTAssertEqual(tail.last, built.last + 30)
            try assertSameAnswers(dir, index, queries, "30 in the tail")
            XCTAssertEqual(try index.keys(matching: try Query.parse("zugverspätung"), environment: env).count, 30)
        }

        // 30 more: the tail reaches 50, it is added after the catch-up (closing waits for it).
        try Store(dir: dir).ingest(
            (230..<260).map { indexMention("\($0)", text: "Zugverspätung in Bonn \($0)", at: Double($0 * 60)) })
        do {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 50
            try index.catchUp()
            XCTAssertEqual(index.lastCatchUp.mentions, 30)
        }
        let flushed = try upTo(dir)
        XCTAssertEqual(flushed.upTo, flushed.last, "the tail was added to the full-text index")
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.write { db in
            // Every present row's text is in the full-text index, and nothing else (FTS5 compares with the table).
            try db.execute(sql: "INSERT INTO mention_fts(mention_fts, rank) VALUES ('integrity-check', 1)")
            XCTAssertEqual(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH 'ver' AND instr(hay, 'bonn')"),
                30)
        }
        try q.close()
        try assertSameAnswers(dir, try HistoryIndex(dir: dir), queries + ["bonn"], "after the tail was added")
    }

    func testAMentionNamedByAnActionFirstIsFoundWhenItsRecordComesAfterTheTailWasAdded() throws {
        let dir = makeTempDir("sbtail")
        let store = try Store(dir: dir)
        try store.ingest((0..<20).map { indexMention("\($0)", text: "Preise zu hoch \($0)", at: Double($0 * 60)) })
        do { _ = try HistoryIndex(dir: dir) }
        // An action names a mention whose record another site has not sent yet: its row is made, not present.
        let late = indexMention("late", text: "Rückmeldung fehlt noch", at: 9_000)
        try store.record([.tag(mention: late.key, tags: ["Billing"])], actor: "bo")
        try store.ingest((20..<30).map { indexMention("\($0)", text: "Preise \($0)", at: Double($0 * 60)) })
        do {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 5
            try index.catchUp()
        }
        let flushed = try upTo(dir)
        XCTAssertEqual(flushed.upTo, flushed.last)
        // Its record comes: the row (older than the tail) goes into the full-text index at once.
        try Store(dir: dir).ingest([late])
        let index = try HistoryIndex(dir: dir, catchUp: false)
        index.fullTextTail = 5
        try index.catchUp()
        XCTAssertEqual(try upTo(dir).upTo, flushed.upTo, "no new row: the tail is empty")
        try assertSameAnswers(dir, index, ["rückmeldung", "rueckmeldung tag:billing", "preise", "-preise"], "late")
        XCTAssertEqual(
            try index.keys(matching: try Query.parse("rückmeldung fehlt"), environment: env), [late.key])
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.write { db in
            try db.execute(sql: "INSERT INTO mention_fts(mention_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// The handles wait in the same tail (`mention_by_handle` holds the rows up to `fts_upto`): `from:`, an
    /// author's mentions for the contacts pane and the late mention named by an action first are all found, with
    /// the folded store's answers, before and after the tail goes in; then the table holds exactly each present
    /// row's folded handle.
    func testHandlesWaitInTheTailAndAreFoundBeforeAndAfterItGoesIn() throws {
        let dir = makeTempDir("sbtail")
        let store = try Store(dir: dir)
        try store.ingest(
            (0..<40).map {
                indexMention("\($0)", text: "Preise \($0)", at: Double($0 * 60), handle: "anna\($0 % 4)@example.social")
            })
        do { _ = try HistoryIndex(dir: dir) }
        let late = indexMention("late", text: "Rückmeldung fehlt", at: 9_000, handle: "Jürgen@example.social")
        try store.record([.tag(mention: late.key, tags: ["Billing"])], actor: "bo")
        // New authors and known ones, an umlaut among them, in the tail.
        try Store(dir: dir).ingest(
            (40..<60).map {
                indexMention(
                    "\($0)", text: "Upload \($0)", at: Double($0 * 60),
                    handle: $0 % 2 == 0 ? "zoë@example.social" : "anna1@example.social")
            })
        let queries = ["from:anna1", "from:anna", "from:zoe", "from:zoë upload", "from:jurgen", "-from:anna"]
        func authors(_ index: HistoryIndex, _ identity: String) throws -> Int {
            try index.mentions(ofIdentities: [identity]).count
        }
        do {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 100
            try index.catchUp()
            XCTAssertLessThan(try upTo(dir).upTo, try upTo(dir).last, "the new rows wait in the tail")
            try assertSameAnswers(dir, index, queries, "20 in the tail")
            XCTAssertEqual(try authors(index, "mastodon:zoë@example.social"), 10)
            XCTAssertEqual(try authors(index, "mastodon:anna1@example.social"), 20)
        }
        // The late mention's record (its row older than the tail) and enough to add the tail.
        try Store(dir: dir).ingest(
            [late] + (60..<70).map { indexMention("\($0)", text: "Sync \($0)", at: Double($0 * 60), handle: "bo@x.example") })
        do {
            let index = try HistoryIndex(dir: dir, catchUp: false)
            index.fullTextTail = 20
            try index.catchUp()
        }
        let index = try HistoryIndex(dir: dir)
        let added = try upTo(dir)
        XCTAssertEqual(added.upTo, added.last, "the tail was added")
        try assertSameAnswers(dir, index, queries + ["from:bo"], "after the tail was added")
        XCTAssertEqual(try authors(index, "mastodon:jürgen@example.social"), 1)
        XCTAssertEqual(try authors(index, "mastodon:zoë@example.social"), 10)
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        try q.read { db in
            let table = try Row.fetchAll(db, sql: "SELECT handle, id FROM mention_by_handle ORDER BY 1, 2")
            let rows = try Row.fetchAll(
                db, sql: "SELECT handle, rowid FROM mention WHERE present = 1 ORDER BY 1, 2")
            XCTAssertEqual(table.count, 71)
            XCTAssertEqual(table.map { [$0[0] as Data, Data("\($0[1] as Int64)".utf8)] },
                rows.map { [$0[0] as Data, Data("\($0[1] as Int64)".utf8)] })
        }
    }

    func testAnIndexFromBeforeTheTailStartsItAtItsLastRow() throws {
        let dir = makeTempDir("sbtail")
        try Store(dir: dir).ingest((0..<10).map { indexMention("\($0)", text: "Upload \($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        try damage(dir, "DELETE FROM meta WHERE k = 'fts_upto'")
        let before = try upTo(dir)
        XCTAssertEqual(before.upTo, -1)
        try Store(dir: dir).ingest((10..<15).map { indexMention("\($0)", text: "Upload \($0)", at: Double($0)) })
        let index = try HistoryIndex(dir: dir)
        XCTAssertNil(index.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(try upTo(dir).upTo, before.last, "the five new rows are the tail")
        XCTAssertEqual(try index.keys(matching: try Query.parse("upload"), environment: env).count, 15)
    }

    func testARebuildEmptiesTheTail() throws {
        let dir = makeTempDir("sbtail")
        try Store(dir: dir).ingest((0..<10).map { indexMention("\($0)", text: "Upload \($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        try Store(dir: dir).ingest((10..<20).map { indexMention("\($0)", text: "Upload \($0)", at: Double($0)) })
        let index = try HistoryIndex(dir: dir)
        let tail = try upTo(dir)
        XCTAssertEqual(tail.last - tail.upTo, 10)
        try index.catchUp(rebuild: "a test")
        let rebuilt = try upTo(dir)
        XCTAssertEqual(rebuilt.upTo, rebuilt.last)
        XCTAssertEqual(try index.keys(matching: try Query.parse("upload"), environment: env).count, 20)
    }
}
