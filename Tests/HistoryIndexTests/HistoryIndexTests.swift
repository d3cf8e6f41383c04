import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The derived index: what opening it reads (only what the logs gained), what a search finds (German spellings
/// both ways, team states), and when it rebuilds itself from the logs (rewritten, edited, corrupt, newer, deleted).
final class HistoryIndexTests: XCTestCase {
    let env = QueryEnvironment(me: "anna", now: Date(timeIntervalSince1970: 1_790_100_000))

    func keys(_ index: HistoryIndex, _ q: String) throws -> [String] {
        try index.keys(matching: try Query.parse(q), environment: env)
    }

    func testSearchFindsGermanSpellingsBothWaysAndTheTeamState() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let a = indexMention("1", text: "Wieder eine Störung im Netz", at: 100)
        let b = indexMention("2", text: "Ich wohne in der Hauptstraße 5", at: 200)
        let c = indexMention("3", text: "Alles gut, danke", at: 300)
        try store.ingest([a, b, c])
        try store.record([.tag(mention: a.key, tags: ["Billing"]), .assign(mention: b.key, user: "anna")], actor: "bo")
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(try keys(index, "stoerung"), [a.key])
        XCTAssertEqual(try keys(index, "Störung"), [a.key])
        XCTAssertEqual(try keys(index, "STRASSE"), [b.key])
        XCTAssertEqual(try keys(index, "straße"), [b.key])
        XCTAssertEqual(try keys(index, "\"wohne in\""), [b.key])
        XCTAssertEqual(try keys(index, "tag:billing"), [a.key])
        XCTAssertEqual(try keys(index, "assignee:me"), [b.key])
        XCTAssertEqual(try keys(index, "-is:unassigned OR tag:billing"), [b.key, a.key])
        XCTAssertEqual(try keys(index, ""), [c.key, b.key, a.key])
        let page = try index.search(try Query.parse("net:mastodon"), environment: env, limit: 2)
        XCTAssertEqual(page.mentions.map(\.mention.text), [c.text, b.text])
        XCTAssertEqual(page.mentions.map(\.state.assignee), [nil, "anna"])
        let rest = try index.search(try Query.parse("net:mastodon"), environment: env, limit: 2, after: page.next)
        XCTAssertEqual(rest.mentions.map(\.mention.key), [a.key])
        XCTAssertEqual(rest.mentions.first?.state.tags, ["Billing"])
        XCTAssertNil(rest.next)
    }

    func testOpeningReadsOnlyWhatTheLogsGained() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        try store.ingest((0..<50).map { indexMention("\($0)", text: "post \($0)", at: Double($0)) })
        let first = try HistoryIndex(dir: dir)
        XCTAssertEqual(first.lastCatchUp.rebuiltBecause, "a new index")
        XCTAssertEqual(first.lastCatchUp.mentions, 50)
        // Another process appends 3 mentions and an action.
        let before = logBytes(dir)
        let other = try Store(dir: dir)
        try other.ingest((50..<53).map { indexMention("\($0)", text: "neu \($0)", at: Double($0)) })
        try other.record([.setStatus(mention: indexMention("51").key, status: .answered)], actor: "bo")
        let again = try HistoryIndex(dir: dir)
        XCTAssertNil(again.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(again.lastCatchUp.mentions, 3)
        XCTAssertEqual(again.lastCatchUp.events, 1)
        XCTAssertEqual(again.lastCatchUp.bytes, logBytes(dir) - before)
        XCTAssertEqual(try again.mentionCount(), 53)
        XCTAssertEqual(try again.eventCount(), 1)
        XCTAssertEqual(try keys(again, "status:answered"), [indexMention("51").key])
        // Nothing new: nothing read.
        XCTAssertEqual(try again.catchUp().bytes, 0)
        XCTAssertEqual(try again.meta("schema"), "\(HistoryIndex.schemaVersion)")
    }

    func testAnActionBeforeItsMentionAndAnAnalysisAreFolded() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let m = indexMention("9", text: "Wo ist meine Bestellung?", at: 10)
        try store.record([.tag(mention: m.key, tags: ["early"])], actor: "bo")
        XCTAssertEqual(try HistoryIndex(dir: dir).mentionCount(), 0)
        try store.ingest([m])
        try store.recordAnalysis([
            AnalysisRecord(
                key: m.key, analysis: Analysis(lang: "de", sentiment: .negative, score: -0.5, intents: [.question]))
        ])
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(try keys(index, "tag:early is:question lang:de is:negative"), [m.key])
        XCTAssertEqual(try index.mention(m.key)?.mention.analysis?.sentiment, .negative)
    }

    func testARewrittenEditedCorruptNewerOrDeletedIndexIsRebuilt() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        try store.ingest((0..<20).map { indexMention("\($0)", text: "Grüße \($0)", at: Double($0)) })
        try store.record([.tag(mention: indexMention("3").key, tags: ["x"])], actor: "bo")
        _ = try HistoryIndex(dir: dir)

        // compact rewrites the logs (a new inode) with the same bytes here (nothing to drop): read on, not rebuilt
        // (issue 19: a git merge writes a file anew so too); a log whose bytes changed is rebuilt, below.
        _ = try store.compact()
        let afterCompact = try HistoryIndex(dir: dir)
        XCTAssertNil(afterCompact.lastCatchUp.rebuiltBecause)
        XCTAssertEqual(try afterCompact.mentionCount(), 20)
        XCTAssertEqual(try keys(afterCompact, "tag:x grusse"), [indexMention("3").key])

        // A log edited by hand in the middle (same size, same inode): rebuilt, and the edit is what it finds.
        let file = logFiles(dir, .mentions)[0]
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Grüße 7\"", with: "Hallo!! 7\"")
        let fh = try FileHandle(forWritingTo: file)
        try fh.write(contentsOf: Data(text.utf8))
        try fh.close()
        let edited = try HistoryIndex(dir: dir)
        XCTAssertEqual(edited.lastCatchUp.rebuiltBecause?.contains("changed"), true)
        XCTAssertEqual(try keys(edited, "hallo"), [indexMention("7").key])

        // Garbage in the file: rebuilt, not an error.
        let db = HistoryIndex.file(dir)
        for s in ["-wal", "-shm"] { unlink(db.path + s) }
        try Data(repeating: 0x41, count: 8192).write(to: db)
        let corrupt = try HistoryIndex(dir: dir)
        XCTAssertEqual(corrupt.lastCatchUp.rebuiltBecause?.contains("could not be read"), true)
        XCTAssertEqual(try corrupt.mentionCount(), 20)

        // Written by a newer version: rebuilt, not trusted.
        try setSchema(dir, to: HistoryIndex.schemaVersion + 1)
        let newer = try HistoryIndex(dir: dir)
        XCTAssertEqual(newer.lastCatchUp.rebuiltBecause, "it was written by a newer version")
        XCTAssertEqual(try newer.meta("schema"), "\(HistoryIndex.schemaVersion)")
        XCTAssertEqual(try newer.mentionCount(), 20)

        // Deleted by hand: built again.
        for s in ["", "-wal", "-shm"] { unlink(db.path + s) }
        let deleted = try HistoryIndex(dir: dir)
        XCTAssertEqual(deleted.lastCatchUp.rebuiltBecause, "a new index")
        XCTAssertEqual(try deleted.mentionCount(), 20)
    }

    func testAnIndexDamagedWhereOpeningDoesNotLookIsRebuiltOnCatchUp() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        try store.ingest((0..<5).map { indexMention("\($0)", text: "Größe \($0)", at: Double($0)) })
        _ = try HistoryIndex(dir: dir)
        try damage(dir, "DROP TABLE logfile")
        try store.ingest([indexMention("5", text: "Größe 5", at: 5)])
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(index.lastCatchUp.rebuiltBecause?.hasPrefix("it could not be read"), true)
        XCTAssertEqual(try keys(index, "groesse").count, 6)
        XCTAssertEqual(try index.warnings(), [])
    }
}
