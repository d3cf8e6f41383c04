import Foundation
import GRDB
import SwitchboardCore
import XCTest

@testable import HistoryIndex

/// A bulk load (a rebuild, a large catch-up) goes without the key index: the rows get their ids in log order, a key
/// finds its row in memory (`BulkKeys`), and the unique key index is sorted once at the end. What it builds is what
/// the row-by-row catch-up builds through the key index: the first record of a key wins across log files, an action
/// that names a key before its mention makes a row the mention fills, changed and undone actions fold the same way,
/// analyses reach the mention they name only.
final class BulkRebuildTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    /// Two months of mentions (so two mentions logs) and a line of the first repeated in the second, caught up row by
    /// row after each step.
    func makeHistory(_ dir: DataDirectory) throws -> HistoryIndex {
        let store = try Store(dir: dir)
        let november = Date(timeIntervalSince1970: 1_794_000_000)  // 2026-11
        let december = Date(timeIntervalSince1970: 1_796_500_000)  // 2026-12
        // An empty index first, so every catch-up below is row by row (a new index loads in bulk).
        var index = try HistoryIndex(dir: dir)
        // Every month's logs before the index first reads them (the rows name their log by the order it found them).
        // Named before its mention is stored; and one that is never stored.
        try store.record([.tag(mention: indexMention("n7").key, tags: ["vorab"])], actor: "bo", now: november)
        try store.record([.assign(mention: "never-stored", user: "anna")], actor: "bo", now: november)
        try store.record([.tag(mention: indexMention("n0").key, tags: ["first"])], actor: "bo", now: december)
        try store.ingest(
            (0..<30).map { indexMention("n\($0)", text: "Upload broken again \($0), sync kaputt", at: Double($0)) },
            now: november)
        try store.ingest([indexMention("d0", text: "Störung in der Hauptstraße 0", at: 1000)], now: december)
        try store.recordAnalysis(
            [
                AnalysisRecord(
                    key: indexMention("d0").key,
                    analysis: Analysis(lang: "de", sentiment: .neutral, score: 0, intents: [.help]))
            ], now: december)
        try store.recordAnalysis(
            [
                AnalysisRecord(
                    key: indexMention("n3").key,
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.6, intents: [.question])),
                AnalysisRecord(
                    key: "never-stored", analysis: Analysis(lang: "en", sentiment: .positive, score: 0.5, intents: [])),
            ], now: november)
        try index.catchUp()
        XCTAssertNil(index.lastCatchUp.rebuiltBecause)
        try store.ingest(
            (1..<30).map { indexMention("d\($0)", text: "Störung in der Hauptstraße \($0)", at: Double(1000 + $0)) },
            now: december)
        // Changed, then changed again or undone.
        try store.record(
            [
                .setStatus(mention: indexMention("n1").key, status: .answered),
                .tag(mention: indexMention("d2").key, tags: ["billing", "urgent"]),
                .assign(mention: indexMention("n7").key, user: "anna"),
            ], actor: "bo", now: december)
        try store.record(
            [
                .setStatus(mention: indexMention("n1").key, status: .open),
                .untag(mention: indexMention("d2").key, tags: ["urgent"]),
                .note(mention: indexMention("d2").key, text: "Called back"),
            ], actor: "cy", now: december.addingTimeInterval(60))
        index = try HistoryIndex(dir: dir)
        // The first mentions log's line for n5 again at the end of the second, with another text (a merge of two
        // sites' logs can do this): the first record wins.
        let (first, second) = (logFiles(dir, .mentions)[0], logFiles(dir, .mentions)[1])
        let line = try String(contentsOf: first, encoding: .utf8).split(separator: "\n")
            .first { $0.contains("\"n5\"") }!
        let fh = try FileHandle(forWritingTo: second)
        try fh.seekToEnd()
        try fh.write(contentsOf: Data((line.replacingOccurrences(of: "sync kaputt", with: "zweite Fassung") + "\n").utf8))
        try fh.close()
        try store.recordAnalysis(
            [
                AnalysisRecord(
                    key: indexMention("n5").key,
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.9, intents: [.complaint]))
            ], now: december)
        try index.catchUp()
        XCTAssertNil(index.lastCatchUp.rebuiltBecause)
        return index
    }

    func testARebuildWithoutTheKeyIndexHoldsWhatTheRowByRowCatchUpHolds() throws {
        let dir = makeTempDir("sbbulk")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let index = try makeHistory(dir)
        XCTAssertEqual(logFiles(dir, .mentions).count, 2)
        let caughtUp = try contents(dir)
        let caughtUpAnswers = try answers(index, env: env)
        XCTAssertEqual(try index.mentionCount(), 60)

        let result = try index.catchUp(rebuild: "asked to")
        XCTAssertEqual(result.rebuiltBecause, "asked to")
        XCTAssertEqual(result.mentions, 60, "the repeated line is not a mention of its own")
        assertSame(caughtUp, try contents(dir))
        XCTAssertEqual(caughtUpAnswers, try answers(index, env: env))

        let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
        defer { try? q.close() }
        try q.read { db in
            // The first record of n5 won, and its analysis reached it.
            let n5 = try XCTUnwrap(
                Row.fetchOne(db, sql: "SELECT hay, sentiment, present FROM mention WHERE key = ?", arguments: [indexMention("n5").key]))
            XCTAssertTrue((n5["hay"] as String).contains("sync kaputt"))
            XCTAssertFalse((n5["hay"] as String).contains("zweite"))
            XCTAssertEqual(n5["present"] as Int, 1)
            // The key named first by an action is a present mention with the tag and the later assignment.
            let n7 = try XCTUnwrap(
                Row.fetchOne(db, sql: "SELECT present, tags, assignee FROM mention WHERE key = ?", arguments: [indexMention("n7").key]))
            XCTAssertEqual(n7["present"] as Int, 1)
            XCTAssertEqual(n7["tags"] as String?, "\u{1F}vorab\u{1F}")
            XCTAssertEqual(n7["assignee"] as String?, "anna")
            // The key never stored has a row that is not a mention, without the analysis.
            let never = try XCTUnwrap(
                Row.fetchOne(db, sql: "SELECT present, analysis FROM mention WHERE key = 'never-stored'"))
            XCTAssertEqual(never["present"] as Int, 0)
            XCTAssertNil(never["analysis"] as Data?)
            // Row ids in log order, each key once, the unique key index back.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(DISTINCT key) = count(*) FROM mention"), 1)
            XCTAssertEqual(
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'mention_key'"),
                "CREATE UNIQUE INDEX mention_key ON mention(key)")
            let order = try String.fetchAll(db, sql: "SELECT key FROM mention WHERE present = 1 ORDER BY rowid")
            XCTAssertEqual(order.first, indexMention("n0").key)
            XCTAssertEqual(order.last, indexMention("d29").key)
        }

        // A row-by-row catch-up after the rebuild goes through the key index again: a repeated key stays one row.
        let store = try Store(dir: dir)
        try store.ingest([indexMention("d40", text: "neu")], now: Date(timeIntervalSince1970: 1_796_600_000))
        try store.record([.tag(mention: indexMention("n5").key, tags: ["later"])], actor: "bo")
        let after = try index.catchUp()
        XCTAssertNil(after.rebuiltBecause)
        XCTAssertEqual(after.mentions, 1)
        XCTAssertEqual(try index.mentionCount(), 61)
        XCTAssertEqual(try index.keys(matching: try Query.parse("tag:later"), environment: env), [indexMention("n5").key])
    }
}
