import Foundation
import GRDB
import SwitchboardCore
import XCTest

@testable import HistoryIndex

#if canImport(Glibc)
    import Glibc
#endif

/// With `HistoryIndex.freshBuilds` (the default since session 13) a rebuild is written into a fresh file (`history.build.sqlite`, no
/// journal) and copied into the index in one transaction: the rebuilt index holds what a caught-up one holds, a reader keeps the old index until the copy
/// commits and then sees the new one without reopening, a build that fails (or is killed) before the copy leaves the
/// old index whole, and what a killed build left is removed.
final class FreshBuildTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    override func setUp() {
        super.setUp()
        HistoryIndex.freshBuilds = true
    }

    override func tearDown() {
        HistoryIndex.beforeCopy = nil
        HistoryIndex.freshBuilds = true
        super.tearDown()
    }

    /// A history caught up in rounds: mentions in German and English, an action before its mention, analyses, tags,
    /// assignments, statuses and a line that does not read.
    func makeHistory(_ dir: DataDirectory, rounds: Int = 4) throws -> HistoryIndex {
        let store = try Store(dir: dir)
        var index = try HistoryIndex(dir: dir)
        try store.record([.tag(mention: indexMention("early").key, tags: ["vorab"])], actor: "bo")
        for r in 0..<rounds {
            let ms = (0..<60).map { i -> Mention in
                let n = r * 60 + i
                let text = n % 3 == 0 ? "Störung in der Hauptstraße \(n)" : "Upload broken again \(n), sync kaputt"
                return indexMention(
                    "\(n)", text: text, at: Double(n), platform: n % 4 == 0 ? "bluesky" : "mastodon",
                    handle: "user\(n % 7)@example.social")
            }
            try store.ingest(ms)
            try store.record(
                [
                    .tag(mention: ms[1].key, tags: ["billing"]), .assign(mention: ms[2].key, user: "anna"),
                    .setStatus(mention: ms[3].key, status: .answered),
                ], actor: "bo")
            try store.recordAnalysis([
                AnalysisRecord(
                    key: ms[5].key,
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.6, intents: [.question]))
            ])
            if r == 1 { try store.ingest([indexMention("early", text: "Endlich da", at: 5000)]) }
            index = try HistoryIndex(dir: dir)
            XCTAssertNil(index.lastCatchUp.rebuiltBecause)
        }
        // A line that does not read (the store appends whole lines; a hand edit).
        let log = logFiles(dir, .mentions)[0]
        let fh = try FileHandle(forWritingTo: log)
        try fh.seekToEnd()
        try fh.write(contentsOf: Data("{\"not\": \"a mention\"}\n".utf8))
        try fh.close()
        try index.catchUp()
        return index
    }

    func testARebuiltIndexHoldsWhatACaughtUpOneHolds() throws {
        let dir = makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let index = try makeHistory(dir)
        let caughtUp = try contents(dir)
        let caughtUpAnswers = try answers(index)
        XCTAssertEqual(try index.mentionCount(), 241)
        XCTAssertEqual(try index.warnings().count, 1)

        let result = try index.catchUp(rebuild: "asked to")
        XCTAssertEqual(result.rebuiltBecause, "asked to")
        XCTAssertEqual(result.mentions, 241)
        assertSame(try contents(dir), caughtUp)
        XCTAssertEqual(try answers(index), caughtUpAnswers)
        // Still an index in WAL mode, whole, with a full-text index that matches its table; no build file left.
        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        try q.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
        }
        try q.write { db in try db.execute(sql: "INSERT INTO mention_fts(mention_fts) VALUES ('integrity-check')") }
        try q.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))

        // The same rebuild in place (as before the fresh file) gives the same index.
        HistoryIndex.freshBuilds = false
        try index.catchUp(rebuild: "in place")
        assertSame(try contents(dir), caughtUp)

        // And it goes on catching up from where the rebuild read.
        HistoryIndex.freshBuilds = true
        try Store(dir: dir).ingest([indexMention("new", text: "Neue Störung", at: 9000)])
        let again = try HistoryIndex(dir: dir)
        XCTAssertNil(again.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(again.lastCatchUp.mentions, 1)
        XCTAssertEqual(try again.keys(matching: try Query.parse("neue stoerung"), environment: env), [
            indexMention("new").key
        ])
    }

    func testAReaderKeepsTheOldIndexUntilTheCopyAndThenSeesTheNewOne() throws {
        let dir = makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir.root) }
        _ = try makeHistory(dir, rounds: 2)
        let reader = try HistoryIndex(dir: dir)
        XCTAssertEqual(try reader.mentionCount(), 121)
        // Another process appends a mention; a rebuild reads it. Before the copy the reader sees the old index.
        try Store(dir: dir).ingest([indexMention("late", text: "Späte Meldung", at: 7000)])
        var seenDuringBuild: Int?
        HistoryIndex.beforeCopy = { seenDuringBuild = try reader.mentionCount() }
        let rebuilder = try HistoryIndex(dir: dir, catchUp: false)
        try rebuilder.catchUp(rebuild: "asked to")
        XCTAssertEqual(seenDuringBuild, 121)
        // After it, the same open reader (no reopening) finds the new mention through the full-text index.
        XCTAssertEqual(try reader.mentionCount(), 122)
        XCTAssertEqual(try reader.keys(matching: try Query.parse("spaete"), environment: env), [
            indexMention("late").key
        ])
        XCTAssertEqual(try reader.catchUp().bytes, 0)
    }

    func testABuildThatFailsBeforeTheCopyLeavesTheOldIndexWhole() throws {
        let dir = makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let index = try makeHistory(dir, rounds: 2)
        let before = try contents(dir)
        struct Stop: Error {}
        HistoryIndex.beforeCopy = {
            // The whole fresh file is there (the process could be killed now)…
            XCTAssertGreaterThan(FileIO.size(HistoryIndex.buildFile(dir)), 0)
            throw Stop()
        }
        XCTAssertThrowsError(try index.catchUp(rebuild: "asked to")) { XCTAssertTrue($0 is Stop) }
        HistoryIndex.beforeCopy = nil
        // …and the index is the old one, whole, still answering; the build file is gone.
        assertSame(try contents(dir), before)
        XCTAssertEqual(try index.mentionCount(), 121)
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))

        // A build file a killed process left (half written) is removed by the next catch-up and never read.
        try Data(repeating: 0x53, count: 40_000).write(to: HistoryIndex.buildFile(dir))
        try Store(dir: dir).ingest([indexMention("after", text: "Danach", at: 8000)])
        let next = try HistoryIndex(dir: dir)
        XCTAssertNil(next.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(try next.mentionCount(), 122)
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))
        // Also when there is nothing to catch up (no write lock otherwise)…
        try Data(repeating: 0x53, count: 40_000).write(to: HistoryIndex.buildFile(dir))
        XCTAssertEqual(try next.catchUp().bytes, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))
        // …but not while another process holds the lock (its rebuild is writing that file).
        try Data(repeating: 0x53, count: 40_000).write(to: HistoryIndex.buildFile(dir))
        try FileIO.withLock(HistoryIndex.folder(dir).appendingPathComponent("history.lock")) {
            XCTAssertEqual(try next.catchUp().bytes, 0)
            XCTAssertTrue(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))
        }
    }
}
