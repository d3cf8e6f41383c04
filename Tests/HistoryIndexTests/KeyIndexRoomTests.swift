import Foundation
import GRDB
import SwitchboardCore
import XCTest

@testable import HistoryIndex

/// A bulk load sorts the key index at its end, and SQLite fills every leaf of an index it sorts to the last byte:
/// the rebuild leaves room in them (`HistoryIndex.loosenKeyIndex`), so the keys of the next catch-ups (hashes, so
/// they fall anywhere) go into leaves that have room instead of splitting one each. The spacers it adds are gone
/// afterwards and the index answers as before.
final class KeyIndexRoomTests: XCTestCase {
    func leaves(_ dir: DataDirectory) throws -> (count: Int, full: Int, rows: Int, lastRow: Int, odd: Int) {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        return try q.read { db in
            let r = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*), sum(unused < 19) FROM dbstat WHERE name = 'mention_key' AND pagetype = 'leaf'
                    """)!
            return (
                r[0], r[1] ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM mention")!,
                try Int.fetchOne(db, sql: "SELECT max(rowid) FROM mention")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE instr(key, char(1)) > 0")!
            )
        }
    }

    func testARebuildLeavesRoomInTheKeyIndexAndNoSpacerBehind() throws {
        let dir = makeTempDir("sbkeyroom")
        let store = try Store(dir: dir)
        let n = 30_000
        try store.ingest((0..<n).map { indexMention("m\($0)", text: "Sync \($0)", at: Double($0)) })
        // An action that names a key before its mention (a row that is not present) is kept as it was.
        try store.record([.tag(mention: indexMention("later").key, tags: ["vorab"])], actor: "bo")
        let index = try HistoryIndex(dir: dir)
        try index.catchUp(rebuild: "a test")
        let after = try leaves(dir)
        XCTAssertEqual(after.rows, n + 1, "the spacers are deleted again")
        XCTAssertEqual(after.lastRow, n + 1, "the next row id follows the real rows")
        XCTAssertEqual(after.odd, 0)
        XCTAssertGreaterThan(after.count, 100)
        // SQLite's own sort leaves (nearly) every leaf full; here (nearly) none is.
        XCTAssertLessThan(after.full * 10, after.count, "\(after.full) of \(after.count) leaves full")
        XCTAssertEqual(try index.mentionCount(), n)
        XCTAssertNotNil(try index.mention(indexMention("m12345").key))
        XCTAssertNil(try index.mention(indexMention("m12345").key + "\u{1}"))
        // The next catch-up's new keys and the named one: found by key, one row each.
        try store.ingest([indexMention("later", text: "Endlich da")] + (0..<50).map { indexMention("new\($0)") })
        try index.catchUp()
        XCTAssertEqual(try index.mentionCount(), n + 51)
        XCTAssertEqual(try index.mention(indexMention("later").key)?.state.tags, ["vorab"])
        XCTAssertEqual(try leaves(dir).rows, n + 51)
    }
}
