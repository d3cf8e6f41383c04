import Foundation
import GRDB
import HistoryIndex
import SwitchboardCore
import XCTest

/// What makes the slow queries fast: `from:` is a range of the folded handle that `mention_by_handle` answers (with its tail),
/// `age:` bounds the creation time the `mention_created` index orders by, and a rebuild (which builds the secondary
/// and the full-text indexes once at the end) leaves them all in place and consistent.
final class QueryPlanTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    func makeIndex() throws -> (DataDirectory, HistoryIndex) {
        let dir = makeTempDir("sbplan")
        let store = try Store(dir: dir)
        let handles = ["user1", "user12", "user2", "Üser1", "user1\u{7F}", "@user13@x.example", "zoë", ""]
        try store.ingest(
            (0..<400).map {
                indexMention(
                    "\($0)", text: $0 % 3 == 0 ? "Upload klappt nicht, Größe \($0)" : "Sync kaputt \($0)",
                    at: Double($0 * 60), handle: handles[$0 % handles.count])
            })
        return (dir, try HistoryIndex(dir: dir))
    }

    func keys(_ index: HistoryIndex, _ q: String) throws -> Set<String> {
        Set(try index.keys(matching: try Query.parse(q), environment: env))
    }

    func testFromIsAnsweredByTheHandleIndexWithTheMatchersAnswers() throws {
        let (dir, index) = try makeIndex()
        let plan = try index.queryPlan(try Query.parse("from:user12"), environment: env).joined(separator: " | ")
        XCTAssertTrue(plan.contains("mention_by_handle"), plan)
        let reference = try Store(dir: dir, mode: .readOnly)
        for q in ["from:user1", "from:@user1", "from:user12 upload", "from:üser", "from:USER1", "from:zoe", "from:u"] {
            let matcher = QueryMatcher(try Query.parse(q), environment: env)
            let expected = Set(matcher.filter(reference.mentions, states: [:]).map { reference.mentions[$0].key })
            XCTAssertEqual(try keys(index, q), expected, q)
            XCTAssertFalse(expected.isEmpty, q)
        }
    }

    /// `mention_status` holds the statuses other than `new` only (a new mention never goes into it): a status a
    /// team set is answered through it, `status:new` and `is:open` (new among others) walk the rows; every answer
    /// is the matcher's, before and after a catch-up of new mentions and a status set back to `new`.
    func testAStatusOtherThanNewUsesThePartialStatusIndexAndNewMentionsStayOutOfIt() throws {
        let (dir, index) = try makeIndex()
        let store = try Store(dir: dir)
        let all = store.mentions
        let statuses: [MentionStatus] = [.escalated, .answered, .open, .waiting, .spam]
        _ = try store.record(
            (0..<40).map { Action.setStatus(mention: all[$0 * 7].key, status: statuses[$0 % statuses.count]) },
            actor: "lea")
        try index.catchUp()
        let plan = try index.queryPlan(try Query.parse("status:escalated"), environment: env).joined(separator: "\n")
        XCTAssertTrue(plan.contains("mention_status"), plan)
        func entries() throws -> Int {
            try DatabaseQueue(path: HistoryIndex.file(dir).path).read { db in
                // The index's own entries (its leaves' cells), not a count through it.
                try Int.fetchOne(
                    db, sql: "SELECT sum(ncell) FROM dbstat WHERE name = 'mention_status' AND pagetype = 'leaf'")!
            }
        }
        XCTAssertEqual(try entries(), 40)
        func same(_ note: String) throws {
            let reference = try Store(dir: dir, mode: .readOnly)
            for q in ["status:escalated", "status:new", "is:open", "-status:answered", "status:open upload", "status:new OR status:spam"] {
                let matcher = QueryMatcher(try Query.parse(q), environment: env)
                let expected = Set(
                    matcher.filter(reference.mentions, states: reference.states()).map { reference.mentions[$0].key })
                XCTAssertEqual(try keys(index, q), expected, "\(note): \(q)")
                XCTAssertFalse(expected.isEmpty, "\(note): \(q)")
            }
        }
        try same("after the triage")
        // New mentions (all `new`) and one status set back to `new`: the index holds 39 entries, the answers agree.
        try store.ingest((0..<30).map { indexMention("late\($0)", text: "Upload spät \($0)", at: Double(30_000 + $0)) })
        _ = try store.record([Action.setStatus(mention: all[0].key, status: .new)], actor: "lea")
        try index.catchUp()
        XCTAssertEqual(try entries(), 39)
        try same("after a catch-up")
    }

    func testAgeUsesTheCreationIndexAndARebuildKeepsEveryIndex() throws {
        let (dir, index) = try makeIndex()
        let plan = try index.queryPlan(try Query.parse("age:<1d"), environment: env).joined(separator: "\n")
        XCTAssertTrue(plan.contains("mention_created"), plan)
        XCTAssertFalse(plan.contains("SCAN mention\n") || plan.hasSuffix("SCAN mention"), plan)
        let before = try keys(index, "upload größe")
        XCTAssertEqual(before.count, 134)
        try index.catchUp(rebuild: "a test")
        XCTAssertEqual(try keys(index, "upload groesse"), before)
        XCTAssertEqual(try keys(index, "from:user12").count, 50)
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        let names = try q.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'mention_%'")
        }
        XCTAssertEqual(
            Set(names),
            [
                "mention_key", "mention_created", "mention_status", "mention_root",
                "mention_reply",
            ])
        try q.write { db in
            try db.execute(sql: "INSERT INTO mention_fts(mention_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}
