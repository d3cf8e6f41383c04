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
        // checkpointed): the log is started again from its beginning (its header's checkpoint sequence number goes
        // up) whenever a catch-up leaves it over 4 MB, so it never holds much more; it is never cut to nothing.
        let wal = URL(fileURLWithPath: HistoryIndex.file(dir).path + "-wal")
        var largest = 0
        var restarted = 0
        var sequence = try Self.checkpointSequence(wal)
        for round in 0..<40 {
            try store.ingest(
                (0..<100).map { indexMention("r\(round)-\($0)", text: "Runde \(round) Nummer \($0)", at: 1000) })
            do { _ = try HistoryIndex(dir: dir) }
            largest = max(largest, FileIO.size(wal))
            XCTAssertGreaterThan(FileIO.size(wal), 0, "round \(round)")
            let now = try Self.checkpointSequence(wal)
            if now != sequence { restarted += 1 }
            sequence = now
        }
        XCTAssertLessThanOrEqual(largest, 4 << 20)
        XCTAssertGreaterThan(restarted, 0)
        XCTAssertEqual(try HistoryIndex(dir: dir).mentionCount(), 4010)
    }

    /// The checkpoint sequence number in a write-ahead log's header (bytes 12–15, big-endian).
    static func checkpointSequence(_ wal: URL) throws -> UInt32 {
        try FileIO.readBytes(wal, from: 12, count: 4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// After a catch-up that checkpointed, the next command that opens the index and finds nothing new writes
    /// nothing: the log was started again, not emptied (an empty log makes every opener write a transaction of its
    /// own, two `fsync`s), and the new log's first frame is already written.
    func testOpeningAfterACheckpointWritesNothing() throws {
        let dir = makeTempDir("sbwal")
        let store = try Store(dir: dir)
        try store.ingest((0..<10).map { indexMention("\($0)", at: Double($0)) })
        do { _ = try HistoryIndex(dir: dir) }
        let wal = URL(fileURLWithPath: HistoryIndex.file(dir).path + "-wal")
        var checkpointed = 0
        for round in 0..<40 where checkpointed < 3 {
            let sequence = try Self.checkpointSequence(wal)
            try store.ingest(
                (0..<100).map { indexMention("c\(round)-\($0)", text: "Größe \(round) Nummer \($0)", at: 2000) })
            do { _ = try HistoryIndex(dir: dir) }
            guard try Self.checkpointSequence(wal) != sequence else { continue }
            checkpointed += 1
            let before = try FileIO.readBytes(wal, from: 0, count: FileIO.size(wal))
            let next = try HistoryIndex(dir: dir)
            XCTAssertEqual(next.lastCatchUp.mentions, 0)
            XCTAssertEqual(try next.mentionCount(), 10 + (round + 1) * 100)
            XCTAssertEqual(try FileIO.readBytes(wal, from: 0, count: FileIO.size(wal)), before, "round \(round)")
        }
        XCTAssertGreaterThan(checkpointed, 0)
    }
}
