import Foundation
import GRDB
import SwitchboardCore
import XCTest

@testable import HistoryIndex

/// `ingest` lets the index follow its appends (`HistoryIndex.catchUp(following:)`, on another thread, one
/// transaction) instead of reading them after the last one: the index that followed holds exactly what a catch-up
/// after the same appends holds — rows, states, report parts, offsets, warnings, counts and search answers — in bulk
/// (an import large against the index) and row by row, with another writer's actions between the batches.
final class FollowingCatchUpTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_790_050_000)

    /// What happens before the ingest: a few mentions, an action, an analysis, an index caught up with them.
    func prepare(_ dir: DataDirectory) throws -> (Store, HistoryIndex) {
        let store = try Store(dir: dir)
        try store.record([.tag(mention: indexMention("b3-7").key, tags: ["vorab"])], actor: "bo", now: start)
        try store.ingest(
            (0..<20).map { indexMention("old\($0)", text: "Upload broken again \($0), sync kaputt", at: Double($0)) },
            now: start)
        try store.recordAnalysis(
            [
                AnalysisRecord(
                    key: indexMention("old3").key,
                    analysis: Analysis(lang: "de", sentiment: .negative, score: -0.6, intents: [.question]))
            ], now: start)
        return (store, try HistoryIndex(dir: dir))
    }

    /// The ingest: batches of mentions, another writer's actions between them (on mentions of earlier batches and on
    /// one not stored yet), and a line that does not read.
    func ingest(_ store: Store, _ dir: DataDirectory, appended: () -> Void) throws {
        for b in 0..<5 {
            let batch = (0..<50).map { i -> Mention in
                let n = b * 50 + i
                let text = n % 3 == 0 ? "Störung in der Hauptstraße \(n)" : "Upload broken again \(n), sync kaputt"
                return indexMention(
                    "b\(b)-\(i)", text: text, at: Double(100 + n), platform: n % 4 == 0 ? "bluesky" : "mastodon",
                    handle: "user\(n % 7)@example.social")
            }
            try store.ingest(batch + [indexMention("old1")], now: start)  // one duplicate per batch
            appended()
            if b > 0 {
                try store.record(
                    [
                        .tag(mention: indexMention("b\(b - 1)-1").key, tags: ["billing"]),
                        .assign(mention: indexMention("b\(b - 1)-2").key, user: "anna"),
                        .setStatus(mention: indexMention("old4").key, status: .answered),
                    ], actor: "bo", now: start.addingTimeInterval(Double(b)))
            }
            if b == 2 {
                let log = logFiles(dir, .mentions).last!
                let fh = try FileHandle(forWritingTo: log)
                try fh.seekToEnd()
                try fh.write(contentsOf: Data("{\"not\": \"a mention\"}\n".utf8))
                try fh.close()
                appended()
            }
        }
    }

    func check(expectedBytes: Int, bulk: Bool) throws {
        let dir = makeTempDir("sbfollow")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        // The index follows on another thread while this one appends.
        let (store, index) = try prepare(dir)
        let feed = AppendFeed(expectedBytes: expectedBytes)
        let done = DispatchSemaphore(value: 0)
        let result = FollowResult()
        Thread.detachNewThread {
            result.set(Result { try index.catchUp(following: feed) })
            done.signal()
        }
        try ingest(store, dir) { feed.appended() }
        feed.finish()
        done.wait()
        let caught = try XCTUnwrap(result.get()).get()
        XCTAssertEqual(caught.mentions, 250)
        // In bulk the full-text index is built at the end; row by row the new rows wait in its tail.
        XCTAssertEqual(index.fullTextTailRows == 0, bulk)
        XCTAssertTrue(try index.isCurrent(), "the index read everything the logs hold")
        XCTAssertEqual(try index.catchUp().bytes, 0)
        XCTAssertEqual(try index.mentionCount(), 270)
        XCTAssertEqual(try index.warnings().count, 1)
        XCTAssertEqual(try index.eventCount(), 13)
        let followed = try contents(dir)
        let followedAnswers = try answers(index)
        XCTAssertTrue(followedAnswers.contains { $0.hasPrefix("tag:billing: ") && $0.count > 20 }, "\(followedAnswers)")

        // What a rebuild from the same logs holds (every log read once, in order).
        let rebuilt = try index.catchUp(rebuild: "compare")
        XCTAssertEqual(rebuilt.rebuiltBecause, "compare")
        assertSame(followed, try contents(dir))
        XCTAssertEqual(followedAnswers, try answers(index))
    }

    func testAFollowingCatchUpInBulkHoldsWhatACatchUpAfterTheAppendsHolds() throws {
        try check(expectedBytes: 1 << 30, bulk: true)
    }

    func testAFollowingCatchUpRowByRowHoldsWhatACatchUpAfterTheAppendsHolds() throws {
        try check(expectedBytes: 0, bulk: false)
    }

    /// A follower whose writer appended nothing commits nothing new and leaves the index as it was.
    func testAFollowerWithNothingAppendedChangesNothing() throws {
        let dir = makeTempDir("sbfollow0")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (_, index) = try prepare(dir)
        let before = try contents(dir)
        let feed = AppendFeed(expectedBytes: 1 << 30)
        feed.finish()
        let caught = try index.catchUp(following: feed)
        XCTAssertEqual(caught.mentions, 0)
        XCTAssertEqual(caught.bytes, 0)
        assertSame(try contents(dir), before)
    }
}

/// The follower's result, handed between threads under a lock.
final class FollowResult: @unchecked Sendable {
    private var value: Result<HistoryIndex.CatchUp, Error>?
    private let lock = NSLock()
    func get() -> Result<HistoryIndex.CatchUp, Error>? { lock.withLock { value } }
    func set(_ v: Result<HistoryIndex.CatchUp, Error>) { lock.withLock { value = v } }
}
