import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// Issue 18, the first frame: the window's counts (new, open, overdue; the brand's own posts are neither) come from
/// `mention_count` with the own posts taken off through the handle index instead of a pass over every row. They must stay what the folded
/// store counts — own handles in any case, a local part (`@acme` matches `acme@any.server`), a handle that only
/// starts like an own one, and an own handle that is not ASCII (counted the slow way).
final class WindowCountsIndexTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func makeStore() throws -> (DataDirectory, Store) {
        var rng = QuerySQLDifferentialTests.Rng(s: 0xC0DE)
        let dir = makeTempDir("sbcounts")
        let store = try Store(dir: dir)
        let handles = [
            "anna@example.social", "acme@mastodon.social", "@ACME@x.y", "acme@other.server", "acmeX@other.server",
            "acme", "Acme.bsky.social", "jörg@café.example", "Jörg@Café.example", "bo", "acmecloud@mastodon.social",
        ]
        var mentions: [Mention] = []
        for i in 0..<700 {
            mentions.append(
                Mention(
                    platform: rng.pick(["mastodon", "bluesky", "x"]), id: "\(i)", text: "Post \(i)",
                    createdAt: Self.now.addingTimeInterval(-Double(rng.int(5 * 86400))),
                    author: Author(handle: rng.pick(handles))))
        }
        try store.ingest(mentions, now: Self.now)
        for m in mentions where rng.chance(0.5) {
            let status = rng.pick(MentionStatus.allCases)
            try store.record([.setStatus(mention: m.key, status: status)], actor: "bo", now: Self.now)
            if rng.chance(0.3) {
                try store.record(
                    [.reply(mention: m.key, reply: ReplyRecord(text: "Hallo", actor: "bo", at: Self.now))],
                    actor: "bo", now: Self.now)
            }
        }
        return (dir, store)
    }

    func testCountsThroughTheIndexEqualTheFoldedStore() throws {
        let (dir, store) = try makeStore()
        let index = try HistoryIndex(dir: dir)
        let teams = [
            #"{"brand": {"name": "Acme", "terms": ["@acme", "acme.bsky.social"]}}"#,
            #"{"brand": {"name": "Acme", "terms": ["@acmecloud", "Jörg@café.example"]}}"#,
            #"{"brand": {"name": "Acme", "terms": []}, "contacts": {"own_accounts": ["Acme@Mastodon.Social", "bo"]}}"#,
        ]
        for json in teams {
            let team = try JSONDecoder().decode(TeamConfig.self, from: Data(json.utf8))
            let own = OwnAccounts(team: team)
            let after = 36.0 * 3600
            let w = try index.window(limit: 50, own: own, now: Self.now, overdueAfter: after)
            let theirs = store.mentions.filter { !own.contains($0) }
            let states = theirs.map { store.state($0.key) }
            XCTAssertEqual(w.total, store.mentions.count, json)
            XCTAssertEqual(w.new, states.filter { $0.status == .new }.count, json)
            XCTAssertEqual(w.open, states.filter { $0.status.isOpen }.count, json)
            let overdue = zip(theirs, states).filter { m, st in
                st.status.isOpen && st.firstResponseAt == nil
                    && m.createdAt.timeIntervalSince1970 < Self.now.timeIntervalSince1970 - after
            }
            XCTAssertEqual(w.overdue, overdue.count, json)
            XCTAssertLessThan(w.new + w.open, 2 * store.mentions.count, json)
            XCTAssertGreaterThan(store.mentions.count - theirs.count, 0, json)
        }
    }
}
