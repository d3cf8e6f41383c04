import Foundation
import GRDB
import HistoryIndex
import SwitchboardCore
import XCTest

/// `mention_count` (the first frame's counts) stays what the rows say through catch-ups and rebuilds, and `doctor`
/// says so when it does not (an index edited by hand): with the repair.
final class MentionCountTests: XCTestCase {
    func counts(_ dir: DataDirectory) throws -> [String] {
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        return try q.read { db in
            try Row.fetchAll(db, sql: "SELECT status, answered, n FROM mention_count WHERE n != 0 ORDER BY 1, 2")
                .map { "\($0["status"] as Int)/\($0["answered"] as Int)=\($0["n"] as Int)" }
        }
    }

    func testCountsFollowTheLogsAndDoctorSeesAHandEditedCount() throws {
        let dir = makeTempDir("sbcount")
        let store = try Store(dir: dir)
        try store.ingest((0..<30).map { indexMention("\($0)", text: "Größe \($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        XCTAssertEqual(try counts(dir), ["0/0=30"])
        // Another writer: statuses and a reply, caught up row by row.
        let keys = store.mentions.map(\.key)
        try store.record(
            [
                .setStatus(mention: keys[0], status: .open), .setStatus(mention: keys[1], status: .ignored),
                .reply(mention: keys[2], reply: ReplyRecord(text: "Danke", actor: "bob", at: Date())),
            ], actor: "bob")
        try store.ingest((30..<35).map { indexMention("\($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        let caughtUp = try counts(dir)
        XCTAssertEqual(caughtUp.reduce(0) { $0 + Int($1.split(separator: "=")[1])! }, 35)
        XCTAssertEqual(HistoryIndex.check(dir, store: try Store(dir: dir, mode: .readOnly)).map(\.description), [])

        // A rebuild counts the same.
        do { _ = try HistoryIndex(dir: dir).catchUp(rebuild: "a test") }
        XCTAssertEqual(try counts(dir), caughtUp)

        // Edited by hand: doctor names the counts and the repair.
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.write { try $0.execute(sql: "UPDATE mention_count SET n = n + 5 WHERE status = 0 AND answered = 0") }
        try q.close()
        let found = HistoryIndex.check(dir, store: try Store(dir: dir, mode: .readOnly)).map(\.description)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("counts kept in the index") == true, "\(found)")
        XCTAssertTrue(found.first?.contains("switchboard reindex") == true, "\(found)")
    }
}
