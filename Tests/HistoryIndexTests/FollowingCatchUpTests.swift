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
    /// `indexed: false`: the index is opened before anything is written and reads nothing (a first import).
    func prepare(_ dir: DataDirectory, indexed: Bool = true) throws -> (Store, HistoryIndex) {
        let early = indexed ? nil : try HistoryIndex(dir: dir)
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
        return (store, try early ?? HistoryIndex(dir: dir))
    }

    /// The ingest: batches of mentions, another writer's actions between them (on mentions of earlier batches and on
    /// one not stored yet), and a line that does not read.
    /// `appended`: after each append, what the store says it appended (nil for the broken line).
    func ingest(_ store: Store, _ dir: DataDirectory, appended: (AppendedMentions?) -> Void) throws {
        for b in 0..<5 {
            let batch = (0..<50).map { i -> Mention in
                let n = b * 50 + i
                let text = n % 3 == 0 ? "Störung in der Hauptstraße \(n)" : "Upload broken again \(n), sync kaputt"
                // Times to the microsecond and scores to many decimals (the log keeps milliseconds and four
                // decimals), a score that is not finite, a handle with a leading `@`; in batch 3 follower counts
                // the fast reader declines (the batch is then decoded, never taken).
                var m = indexMention(
                    "b\(b)-\(i)", text: text, at: Double(100 + n) + Double(n % 5) * 0.000_123_7,
                    platform: n % 4 == 0 ? "bluesky" : "mastodon",
                    handle: (n % 9 == 0 ? "@" : "") + "user\(n % 7)@example.social")
                m.author?.followers = b == 3 && i % 6 == 0 ? Int.max - n : n * 37
                if n % 2 == 0 {
                    let score = n % 10 == 0 ? Double.nan : sin(Double(n)) * 0.999_999_7
                    m.analysis = Analysis(
                        lang: "de", sentiment: score < 0 ? .negative : .positive, score: score,
                        intents: n % 4 == 0 ? [.question, .complaint] : [])
                }
                return m
            }
            let r = try store.ingest(batch + [indexMention("old1")], now: start)  // one duplicate per batch
            appended(r.appended)
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
                appended(nil)
            }
        }
    }

    /// `handOver`: the store's appended mentions go to the feed (as `ingest` does), so the follower takes them
    /// instead of decoding their lines; otherwise it reads every line.
    /// `firstImport`: the index has read nothing when the ingest starts (it reads what was written before, then
    /// follows), so a large one is built in a fresh file and copied in (`HistoryIndex.freshBuild(following:)`).
    func check(expectedBytes: Int, bulk: Bool, handOver: Bool = false, firstImport: Bool = false) throws {
        let dir = makeTempDir("sbfollow")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        // The index follows on another thread while this one appends.
        let (store, index) = try prepare(dir, indexed: !firstImport)
        // Whether the follower built in a fresh file: its copy into the index runs this first.
        let copied = FollowResult()
        HistoryIndex.beforeCopy = { copied.set(.success(HistoryIndex.CatchUp())) }
        defer { HistoryIndex.beforeCopy = nil }
        let feed = AppendFeed(expectedBytes: expectedBytes)
        let done = DispatchSemaphore(value: 0)
        let result = FollowResult()
        Thread.detachNewThread {
            result.set(Result { try index.catchUp(following: feed) })
            done.signal()
        }
        // Appends handed over before the follower reads are dropped (nothing piles up without one): wait for it.
        if handOver && !firstImport { try waitUntil { feed.isFollowed } }
        try ingest(store, dir) { appended in
            if handOver, let appended { feed.appended(appended) } else { feed.appended() }
        }
        feed.finish()
        done.wait()
        let caught = try XCTUnwrap(result.get()).get()
        // Every batch handed over is taken, unless the follower read its lines before the word came (then it
        // decodes them): at least one is. (A first import's follower makes its fresh file before it reads: the five
        // small batches here may all be appended before it follows, and are then read from the log.)
        if handOver {
            if !firstImport { XCTAssertGreaterThan(feed.taken, 0) }
            XCTAssertLessThan(feed.taken, 5)
        } else {
            XCTAssertEqual(feed.taken, 0)
        }
        XCTAssertEqual(caught.mentions, firstImport ? 270 : 250)
        XCTAssertEqual(copied.get() != nil, firstImport && bulk, "built in a fresh file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))
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

    func testAFirstImportFollowedInAFreshFileHoldsWhatARebuildHolds() throws {
        try check(expectedBytes: 1 << 30, bulk: true, handOver: true, firstImport: true)
        try check(expectedBytes: 1 << 30, bulk: true, firstImport: true)
    }

    /// A first import whose fresh build fails before its copy (a full disk; a process killed there leaves the
    /// build file, which the next catch-up removes): every append is in the logs, the index is as it was (it had
    /// read nothing), no build file is left, and the next catch-up reads it all — what a rebuild holds.
    func testAFirstImportWhoseFreshBuildFailsLeavesTheIndexBehindAndTheNextCatchUpReadsItAll() throws {
        let dir = makeTempDir("sbfollowf")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (store, index) = try prepare(dir, indexed: false)
        struct Stop: Error {}
        HistoryIndex.beforeCopy = {
            XCTAssertGreaterThan(FileIO.size(HistoryIndex.buildFile(dir)), 0)
            throw Stop()
        }
        defer { HistoryIndex.beforeCopy = nil }
        let feed = AppendFeed(expectedBytes: 1 << 30)
        let done = DispatchSemaphore(value: 0)
        let result = FollowResult()
        Thread.detachNewThread {
            result.set(Result { try index.catchUp(following: feed) })
            done.signal()
        }
        try ingest(store, dir) { if let a = $0 { feed.appended(a) } else { feed.appended() } }
        feed.finish()
        done.wait()
        XCTAssertThrowsError(try XCTUnwrap(result.get()).get())
        HistoryIndex.beforeCopy = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: HistoryIndex.buildFile(dir).path))
        XCTAssertEqual(try index.mentionCount(), 0, "the index as it was: it had read nothing")
        XCTAssertEqual(try index.catchUp().mentions, 270)
        XCTAssertEqual(try index.mentionCount(), 270)
        let caughtUp = try contents(dir)
        _ = try index.catchUp(rebuild: "compare")
        assertSame(caughtUp, try contents(dir))
    }

    /// A small first import (or one from a pipe, size unknown) is followed in place, as before.
    func testASmallFirstImportIsFollowedInPlace() throws {
        try check(expectedBytes: 0, bulk: false, handOver: true, firstImport: true)
    }

    func testAFollowingCatchUpRowByRowHoldsWhatACatchUpAfterTheAppendsHolds() throws {
        try check(expectedBytes: 0, bulk: false)
    }

    func testAFollowerThatTakesTheAppendedMentionsInBulkHoldsWhatARebuildHolds() throws {
        try check(expectedBytes: 1 << 30, bulk: true, handOver: true)
    }

    func testAFollowerThatTakesTheAppendedMentionsRowByRowHoldsWhatARebuildHolds() throws {
        try check(expectedBytes: 0, bulk: false, handOver: true)
    }

    /// A handed-over append whose bytes are not what the log holds there (another writer's lines, a wrong offset)
    /// is not taken: the follower decodes the log's lines.
    func testAHandedOverAppendThatIsNotInTheLogIsNotTaken() throws {
        let dir = makeTempDir("sbfollowx")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (store, index) = try prepare(dir)
        let feed = AppendFeed(expectedBytes: 0)
        let r = try store.ingest([indexMention("x1", text: "echt"), indexMention("x2", text: "auch echt")], now: start)
        let real = try XCTUnwrap(r.appended)
        XCTAssertEqual(real.mentions.map(\.id), ["x1", "x2"])
        XCTAssertEqual(FileIO.size(real.file), real.offset + real.bytes.count)
        // The same offset and length, other mentions (what a writer that lost the race would hand over).
        var fake = real.mentions
        fake[0].text = "gefälscht"
        feed.appended(AppendedMentions(file: real.file, offset: real.offset, bytes: real.bytes.map { $0 == 0x65 ? 0x45 : $0 }, mentions: fake))
        feed.finish()
        XCTAssertEqual(try index.catchUp(following: feed).mentions, 2)
        XCTAssertEqual(feed.taken, 0)
        let followed = try contents(dir)
        XCTAssertFalse(followed.contains { $0.contains("gefälscht") || $0.contains("gefaelscht") })
        _ = try index.catchUp(rebuild: "compare")
        assertSame(followed, try contents(dir))
    }

    /// Without a follower (`ingest` from a pipe, or of a history without an index), or after it stopped, nothing
    /// handed over is kept.
    func testHandedOverAppendsAreKeptOnlyWhileACatchUpFollows() throws {
        let dir = makeTempDir("sbfollowk")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (store, index) = try prepare(dir)
        let feed = AppendFeed(expectedBytes: 0)
        let before = try XCTUnwrap(try store.ingest([indexMention("k1")], now: start).appended)
        feed.appended(before)
        XCTAssertEqual(feed.waitingCount, 0, "no follower yet")
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? index.catchUp(following: feed)
            done.signal()
        }
        feed.finish()
        done.wait()
        feed.appended(try XCTUnwrap(try store.ingest([indexMention("k2")], now: start).appended))
        XCTAssertEqual(feed.waitingCount, 0, "the follower stopped")
        XCTAssertEqual(try index.mentionCount(), 21)
    }

    /// A follower that found nothing new in a log when it began (the actions log, read last) and then finds only
    /// that log grown reads its new actions into the index — also when later rounds find it grown again (the
    /// actions were once passed over, their offset recorded: an index that said it was current and lacked them).
    func testActionsAppendedAloneWhileFollowingAreRead() throws {
        let dir = makeTempDir("sbfollowa")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (store, index) = try prepare(dir)
        let feed = AppendFeed(expectedBytes: 0)
        let done = DispatchSemaphore(value: 0)
        let result = FollowResult()
        Thread.detachNewThread {
            result.set(Result { try index.catchUp(following: feed) })
            done.signal()
        }
        // The follower read what was there and waits.
        try waitUntil { feed.waits >= 1 }
        try store.record(
            [.tag(mention: indexMention("old2").key, tags: ["allein"])], actor: "bo", now: start.addingTimeInterval(1))
        feed.appended()
        try waitUntil { feed.waits >= 2 }
        try store.ingest([indexMention("n1", text: "Neu dabei")], now: start)
        try store.record(
            [.assign(mention: indexMention("old2").key, user: "anna")], actor: "bo", now: start.addingTimeInterval(2))
        feed.appended()
        feed.finish()
        done.wait()
        let caught = try XCTUnwrap(result.get()).get()
        XCTAssertEqual(caught.events, 2)
        XCTAssertEqual(try index.eventCount(), 3)
        XCTAssertEqual(try index.catchUp().bytes, 0)
        let followed = try contents(dir)
        XCTAssertTrue(followed.contains { $0.contains("allein") }, "\(followed)")
        _ = try index.catchUp(rebuild: "compare")
        assertSame(followed, try contents(dir))
    }

    /// Waits (at most 10 s) until `done` holds.
    func waitUntil(_ done: () -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(10)
        while !done() {
            guard Date() < deadline else { return XCTFail("timed out", file: file, line: line) }
            usleep(2_000)
        }
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
