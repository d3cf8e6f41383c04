import Foundation
import XCTest

@testable import HistoryIndex
@testable import SwitchboardCore

/// Issue 18: `ingest` asks the history index which keys are stored instead of reading every key from the logs
/// (`Store.KeyIndex`). Never a duplicate: what the index has not caught up with yet (another process's appends) is
/// read from the logs, and an index that cannot answer leaves the store to read every key as before.
final class IngestKeyIndexTests: XCTestCase {
    /// The mention lines on disk and how many distinct posts (network and id) they hold.
    func storedPosts(_ dir: DataDirectory) throws -> (lines: Int, posts: Int) {
        var lines = 0
        var posts = Set<String>()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .switchboard
        for file in dir.logFiles(.mentions) {
            try LineBlocks.forEach(file) { ls, _ in
                for l in ls where !l.isBlank {
                    let m = try decoder.decode(Mention.self, from: Data(l.bytes))
                    lines += 1
                    posts.insert(m.identity)
                }
            }
        }
        return (lines, posts.count)
    }

    func testIngestDedupesThroughTheIndexAndReadsOnlyWhatTheIndexHasNotCaughtUpWith() throws {
        let dir = makeTempDir("sb-keyindex")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let writer = try Store(dir: dir)
        try writer.ingest((0..<300).map { indexMention("old-\($0)", text: "Grüße \($0)", at: Double($0)) })
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(try index.mentionCount(), 300)
        // Another process stores 40 more; the index has not caught up with them.
        try Store(dir: dir).ingest((0..<40).map { indexMention("behind-\($0)", at: 400 + Double($0)) })

        try writer.record(
            [.setStatus(mention: MentionKey.make(platform: "mastodon", id: "old-1"), status: .answered)], actor: "anna")
        let keyIndex = try XCTUnwrap(try index.keyIndex())
        let store = try Store(dir: dir, mode: .keysOnly, keyIndex: keyIndex)
        XCTAssertEqual(store.keyIdentity.count, 40, "only the records the index has not read are read")
        XCTAssertTrue(store.events.isEmpty, "nor the actions: storing mentions does not need them")
        XCTAssertTrue(store.contains(key: MentionKey.make(platform: "mastodon", id: "old-7")), "answered by the index")
        XCTAssertTrue(store.contains(key: MentionKey.make(platform: "mastodon", id: "behind-7")))
        XCTAssertFalse(store.contains(key: MentionKey.make(platform: "mastodon", id: "new-7")))

        // Known to the index, only in the logs, new (twice in the batch), and one with a leading "@" in its handle.
        var batch = (0..<10).map { indexMention("old-\($0 * 29)") } + (0..<10).map { indexMention("behind-\($0 * 3)") }
        batch += (0..<10).map { indexMention("new-\($0)", text: "Straße \($0)", at: 900) } + [indexMention("new-3")]
        let r = try store.ingest(batch)
        XCTAssertEqual(r.added.count, 10)
        XCTAssertEqual(r.duplicates, 21)

        // Yet another process appends after this store was opened, and the index catches up meanwhile: both seen.
        try Store(dir: dir).ingest((0..<5).map { indexMention("later-\($0)", at: 950) })
        try index.catchUp()
        let again = try store.ingest((0..<5).map { indexMention("later-\($0)") } + [indexMention("new-9")])
        XCTAssertEqual(again.added, [])
        XCTAssertEqual(again.duplicates, 6)
        let onDisk = try storedPosts(dir)
        XCTAssertEqual(onDisk.lines, 355)
        XCTAssertEqual(onDisk.posts, 355, "no post stored twice")
        XCTAssertTrue(store.warnings.isEmpty, "\(store.warnings)")
    }

    func testAnIndexThatCannotAnswerLeavesTheStoreToReadEveryKey() throws {
        let dir = makeTempDir("sb-keyindex-fail")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        try Store(dir: dir).ingest((0..<50).map { indexMention("m-\($0)", at: Double($0)) })
        let index = try HistoryIndex(dir: dir)
        let good = try XCTUnwrap(try index.keyIndex())

        // The index fails when asked: the store says so and reads every key itself.
        let failing = Store.KeyIndex(covered: good.covered) { _ in
            throw SwitchboardError("database disk image is malformed")
        }
        let store = try Store(dir: dir, mode: .keysOnly, keyIndex: failing)
        let r = try store.ingest([indexMention("m-3"), indexMention("m-49"), indexMention("m-50")])
        XCTAssertEqual(r.added.count, 1)
        XCTAssertEqual(r.duplicates, 2)
        XCTAssertEqual(store.keyIdentity.count, 51)
        XCTAssertTrue(
            store.warnings.contains { $0.contains("every stored key is read from the logs") }, "\(store.warnings)")

        // A log that is not the one the index read (another inode: rewritten by `compact`): nothing is taken from it.
        var moved = good
        for k in moved.covered.keys { moved.covered[k]!.inode &+= 1 }
        let fresh = try Store(dir: dir, mode: .keysOnly, keyIndex: moved)
        XCTAssertNil(fresh.keyIndex)
        XCTAssertEqual(fresh.keyIdentity.count, 51)
        XCTAssertEqual(try fresh.ingest([indexMention("m-10")]).duplicates, 1)

        // A log changed before where the index read it: the index does not offer itself.
        let file = try XCTUnwrap(dir.logFiles(.mentions).first)
        var bytes = try Data(contentsOf: file)
        let at = try XCTUnwrap(bytes.firstRange(of: Data("m-1\"".utf8)))
        bytes.replaceSubrange(at, with: Data("x-1\"".utf8))
        try bytes.write(to: file)
        XCTAssertNil(try index.keyIndex())
    }
}
