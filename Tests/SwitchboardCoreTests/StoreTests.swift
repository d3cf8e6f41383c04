import Foundation
import XCTest

@testable import SwitchboardCore

final class StoreTests: XCTestCase {
    func testIngestWritesOneLinePerMentionAndDedupes() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let r1 = try store.ingest([mention("1"), mention("2"), mention("1")])
        XCTAssertEqual(r1.added.count, 2)
        XCTAssertEqual(r1.duplicates, 1)
        let r2 = try store.ingest([mention("2"), mention("3"), mention("2", platform: "bluesky")])
        XCTAssertEqual(r2.added.count, 2, "same id on another network is another post")
        XCTAssertEqual(r2.duplicates, 1)
        let files = logFiles(dir, .mentions)
        XCTAssertEqual(files.count, 1)
        let lines = readLines(files[0])
        XCTAssertEqual(lines.count, 4)
        for l in lines {
            let obj = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]
            XCTAssertEqual(obj?["v"] as? Int, 1, "every record carries a schema version")
            XCTAssertNotNil(obj?["key"])
            XCTAssertNotNil(obj?["created_at"] as? String)
        }
        // A second process (a second Store) sees the same four and dedupes against them.
        let other = try Store(dir: dir)
        XCTAssertEqual(other.count, 4)
        XCTAssertEqual(try other.ingest([mention("3")]).duplicates, 1)
    }

    func testFoldOfActions() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let k = try store.ingest([mention("a")]).added[0]
        try store.record(
            [
                .setStatus(mention: k, status: .open), .assign(mention: k, user: "anna"),
                .tag(mention: k, tags: ["billing", "urgent"]), .untag(mention: k, tags: ["urgent"]),
                .note(mention: k, text: "Kunde hat „Premium“ – bitte prüfen"),
            ], actor: "bernd")
        let reopened = try Store(dir: dir)
        let st = reopened.state(k)
        XCTAssertEqual(st.status, .open)
        XCTAssertEqual(st.assignee, "anna")
        XCTAssertEqual(st.tags, ["billing"])
        XCTAssertEqual(st.notes.map(\.text), ["Kunde hat „Premium“ – bitte prüfen"])
        XCTAssertEqual(st.notes.first?.actor, "bernd")
        XCTAssertEqual(st.lastChangedBy, "bernd")
        XCTAssertEqual(reopened.events.count, 5)
        try reopened.record([.claim(mention: k)], actor: "carla")
        XCTAssertEqual(reopened.state(k).assignee, "carla")
        try reopened.record(
            [
                .reply(
                    mention: k,
                    reply: ReplyRecord(text: "Danke!", actor: "carla", at: Date(timeIntervalSince1970: 1_790_000_100)))
            ], actor: "carla")
        XCTAssertEqual(reopened.state(k).status, .answered)
        XCTAssertEqual(reopened.state(k).firstResponseAt, Date(timeIntervalSince1970: 1_790_000_100))
    }

    func testRefreshPicksUpOtherProcessesAppends() throws {
        let dir = makeTempDir()
        let a = try Store(dir: dir)
        let b = try Store(dir: dir)
        XCTAssertTrue(try a.refresh().isEmpty, "nothing changed: nothing to report")
        let k = try b.ingest([mention("x")]).added[0]
        var c = try a.refresh()
        XCTAssertEqual(c.newMentions, [k])
        try b.record([.setStatus(mention: k, status: .spam)], actor: "b")
        c = try a.refresh()
        XCTAssertEqual(c.changedStates, [k])
        XCTAssertEqual(a.state(k).status, .spam)
    }

    func testTornTailIsSetAsideAndNeverBlocksStartUp() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        let store = try Store(dir: dir)
        try store.ingest([mention("1"), mention("2")])
        let file = logFiles(dir, .mentions)[0]
        // A crash in the middle of a write leaves half a record without its newline.
        let fh = try FileHandle(forWritingTo: file)
        try fh.seekToEnd()
        try fh.write(contentsOf: Data(#"{"v":1,"key":"zzz","platform":"mastodon","id":"3","te"#.utf8))
        try fh.close()
        let reopened = try Store(dir: dir)
        XCTAssertEqual(reopened.count, 2)
        XCTAssertEqual(reopened.warnings.count, 1)
        XCTAssertTrue(reopened.warnings[0].contains("incomplete last record"), reopened.warnings[0])
        let corrupt = URL(fileURLWithPath: file.path + ".corrupt")
        XCTAssertEqual(readLines(corrupt), [#"{"v":1,"key":"zzz","platform":"mastodon","id":"3","te"#])
        XCTAssertEqual(readLines(file).count, 2)
        // Appending works again and lands on a line of its own.
        try reopened.ingest([mention("3")])
        XCTAssertEqual(try Store(dir: dir).count, 3)
        XCTAssertTrue(Doctor.check(dir).filter { $0.level == .problem }.isEmpty)
    }

    func testBadLineInTheMiddleIsReportedWithFileAndLineAndSkipped() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        let store = try Store(dir: dir)
        try store.ingest([mention("1")])
        let file = logFiles(dir, .mentions)[0]
        try FileIO.append(Array("this is not json\n".utf8), to: file)
        try Store(dir: dir).ingest([mention("2")])
        let reopened = try Store(dir: dir)
        XCTAssertEqual(reopened.count, 2)
        XCTAssertTrue(reopened.warnings[0].hasPrefix("log/\(file.lastPathComponent):2:"), reopened.warnings[0])
        let problems = Doctor.check(dir).filter { $0.level == .problem }
        XCTAssertEqual(problems.map(\.place), ["log/\(file.lastPathComponent):2"])
    }

    func testCompactionFoldsAnalysesKeepsEveryActionAndSetsAsideBadLines() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let keys = try store.ingest((1...5).map { mention("\($0)") }).added
        try store.record(keys.map { .setStatus(mention: $0, status: .open) }, actor: "a")
        try store.record([.setStatus(mention: keys[0], status: .answered)], actor: "b")
        try store.recordAnalysis([
            AnalysisRecord(
                key: keys[1], analysis: Analysis(lang: "de", sentiment: .negative, score: -0.5, intents: [.complaint]))
        ])
        try FileIO.append(Array("garbage\n".utf8), to: logFiles(dir, .actions)[0])
        let before = try Store(dir: dir)
        let r = try before.compact()
        XCTAssertEqual(r.foldedAnalyses, 1)
        XCTAssertEqual(r.setAside, 1)
        XCTAssertTrue(logFiles(dir, .analysis).isEmpty)
        let after = try Store(dir: dir)
        XCTAssertEqual(after.count, 5)
        XCTAssertEqual(after.events.count, 6, "history is kept")
        XCTAssertEqual(after.state(keys[0]).status, .answered)
        XCTAssertEqual(after.mention(keys[1])?.analysis?.sentiment, .negative)
        XCTAssertTrue(after.warnings.isEmpty, "\(after.warnings)")
    }

    func testKeyPrefixResolution() throws {
        let store = try Store(dir: makeTempDir())
        let k = try store.ingest([mention("1")]).added[0]
        XCTAssertEqual(try store.resolveKey(String(k.prefix(6))), k)
        XCTAssertThrowsError(try store.resolveKey("zz"))
        XCTAssertThrowsError(try store.resolveKey("zzzzzz"))
    }

    func testMonthPartitions() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        try store.ingest([mention("1")], now: Timestamp.parse("2026-10-31T23:59:00Z")!)
        try store.ingest([mention("2")], now: Timestamp.parse("2026-11-01T00:01:00Z")!)
        XCTAssertEqual(
            logFiles(dir, .mentions).map(\.lastPathComponent), ["mentions-2026-10.jsonl", "mentions-2026-11.jsonl"])
        XCTAssertEqual(try Store(dir: dir).count, 2)
    }
}

final class StoreOwnWritesTests: XCTestCase {
    func testRefreshReportsWhatOtherThreadsOfThisProcessWrote() throws {
        let store = try Store(dir: makeTempDir())
        let k = try store.ingest([mention("w1")]).added[0]
        try store.record([.setStatus(mention: k, status: .open)], actor: "a")
        let c = try store.refresh()
        XCTAssertEqual(c.newMentions, [k])
        XCTAssertEqual(c.changedStates, [k])
        XCTAssertTrue(try store.refresh().isEmpty, "reported once")
    }
}
