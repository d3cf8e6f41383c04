import Foundation
import GRDB
import HistoryIndex
import SwitchboardCore
import XCTest

/// The index's write-ahead log outlives the process that wrote it: a command that opens the index alone, catches up
/// and closes leaves the log as it is (no checkpoint, no `fsync` at close), and whoever opens it next — another
/// command, a plain SQLite reader, `doctor` — reads what is only in the log.
final class WriteAheadLogTests: XCTestCase {
    func testClosingLeavesTheWriteAheadLogAndTheNextReaderSeesWhatIsInIt() throws {
        let dir = makeTempDir("sbwal")
        let store = try Store(dir: dir)
        try store.ingest((0..<20).map { indexMention("\($0)", text: "Größe \($0)", at: Double($0)) })
        let db = HistoryIndex.file(dir).path
        let wal = URL(fileURLWithPath: db + "-wal")
        do { _ = try HistoryIndex(dir: dir) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: wal.path), "the write-ahead log was removed at close")
        // A checkpoint moves everything into the database: the log is cut back to nothing and stays.
        do { try HistoryIndex(dir: dir).checkpoint() }
        XCTAssertEqual(FileIO.size(wal), 0)
        let databaseBefore = try FileManager.default.attributesOfItem(atPath: db)

        // Another process stores 100 mentions (German text), the next command catches up and closes.
        try Store(dir: dir).ingest(
            (20..<120).map { indexMention("\($0)", text: "Straßenbahn fährt \($0)", at: Double($0)) })
        do {
            let index = try HistoryIndex(dir: dir)
            XCTAssertEqual(index.lastCatchUp.mentions, 100)
        }
        // The catch-up's pages are in the log; the database file was not written at close (no checkpoint).
        XCTAssertGreaterThan(FileIO.size(wal), 0)
        let databaseAfter = try FileManager.default.attributesOfItem(atPath: db)
        XCTAssertEqual(databaseAfter[.size] as? Int, databaseBefore[.size] as? Int)
        XCTAssertEqual(databaseAfter[.modificationDate] as? Date, databaseBefore[.modificationDate] as? Date)

        // A plain reader (another program) sees the 120 mentions, the next open has nothing to do and finds them.
        let plain = try DatabaseQueue(path: db)
        XCTAssertEqual(try plain.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM mention") }, 120)
        try plain.close()
        let next = try HistoryIndex(dir: dir)
        XCTAssertNil(next.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(next.lastCatchUp.mentions, 0)
        let found = try next.keys(
            matching: try Query.parse("strassenbahn"), environment: QueryEnvironment(me: "", now: Date()))
        XCTAssertEqual(found.count, 100)

        // doctor compares the index (its log included) with the logs: no problems.
        let findings = HistoryIndex.check(dir, store: try Store(dir: dir, mode: .readOnly))
        XCTAssertEqual(findings.map(\.description), [])
    }

    func testTheLogDoesNotGrowWithoutBound() throws {
        let dir = makeTempDir("sbwal")
        let store = try Store(dir: dir)
        try store.ingest((0..<10).map { indexMention("\($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        // Forty commands, each catching up 100 new mentions alone (a new process knows nothing of what the last one
        // checkpointed): the log is emptied whenever a catch-up leaves it over 4 MB, so it never holds much more.
        let wal = URL(fileURLWithPath: HistoryIndex.file(dir).path + "-wal")
        var largest = 0
        var emptied = 0
        for round in 0..<40 {
            try store.ingest(
                (0..<100).map { indexMention("r\(round)-\($0)", text: "Runde \(round) Nummer \($0)", at: 1000) })
            do { _ = try HistoryIndex(dir: dir) }
            largest = max(largest, FileIO.size(wal))
            if FileIO.size(wal) == 0 { emptied += 1 }
        }
        XCTAssertLessThanOrEqual(largest, 4 << 20)
        XCTAssertGreaterThan(emptied, 0)
        XCTAssertEqual(try HistoryIndex(dir: dir).mentionCount(), 4010)
    }
}
