import Foundation
import XCTest

@testable import SwitchboardCore

/// Claim and collision with two stores (two workbenches) on one data directory.
final class ClaimTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func testSecondPersonSeesTheHolderAndMustTakeOver() throws {
        let dir = makeTempDir("sb-claim")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let anna = try Store(dir: dir)
        try anna.ingest([mention("1", at: t0)], now: t0)
        let ben = try Store(dir: dir)
        let k = anna.mentions[0].key

        let c = try Triage.claim(store: anna, key: k, me: "anna", now: t0.addingTimeInterval(1))
        XCTAssertEqual(c, Triage.Claim(openedAt: t0.addingTimeInterval(1), tookOverFrom: nil))
        XCTAssertEqual(anna.state(k).assignee, "anna")
        XCTAssertEqual(anna.state(k).status, .open)
        // Claiming again is fine for the holder, and writes nothing.
        let events = anna.events.count
        XCTAssertEqual(
            try Triage.claim(store: anna, key: k, me: "anna", now: t0.addingTimeInterval(2)).openedAt,
            t0.addingTimeInterval(2))
        XCTAssertEqual(anna.events.count, events)

        do {
            try Triage.claim(store: ben, key: k, me: "ben", now: t0.addingTimeInterval(3))
            XCTFail("ben must see anna holds it")
        } catch {
            XCTAssertEqual(error, .heldBy(user: "anna", since: t0.addingTimeInterval(1)))
        }
        XCTAssertEqual(ben.state(k).assignee, "anna", "nothing recorded for the refused claim")
        let taken = try Triage.claim(store: ben, key: k, me: "ben", force: true, now: t0.addingTimeInterval(4))
        XCTAssertEqual(taken.tookOverFrom, "anna")
        try anna.refresh()
        XCTAssertEqual(anna.state(k).assignee, "ben")
        XCTAssertThrowsError(try Triage.claim(store: anna, key: "nope", me: "anna")) {
            XCTAssertEqual($0 as? ClaimError, .noSuchMention("nope"))
        }
    }

    func testSendingStopsWhenSomeoneElseChangedTheMention() throws {
        let dir = makeTempDir("sb-collide")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let anna = try Store(dir: dir)
        try anna.ingest([mention("1", at: t0), mention("2", at: t0)], now: t0)
        let ben = try Store(dir: dir)
        let k = anna.mentions[0].key
        let k2 = anna.mentions[1].key

        let opened = try Triage.claim(store: anna, key: k, me: "anna", now: t0.addingTimeInterval(1)).openedAt
        // Ben changes another mention and adds nothing here: anna's send goes through.
        try ben.record([.setStatus(mention: k2, status: .ignored)], actor: "ben", now: t0.addingTimeInterval(2))
        let first = OutboxDraft.reply(to: anna.mentions[0], text: "Hello", delay: 0, now: t0.addingTimeInterval(3))
        XCTAssertNoThrow(
            try Outbox.queue(first, store: anna, actor: "anna", openedAt: opened, now: t0.addingTimeInterval(3)))

        // Ben answers it by hand while anna writes a second reply.
        let reply = ReplyRecord(text: "Done by phone", actor: "ben", at: t0.addingTimeInterval(4), manual: true)
        try ben.record([.reply(mention: k, reply: reply)], actor: "ben", now: t0.addingTimeInterval(4))
        let second = OutboxDraft.reply(
            to: anna.mentions[0], text: "Hello again", delay: 0, now: t0.addingTimeInterval(5))
        XCTAssertThrowsError(
            try Outbox.queue(second, store: anna, actor: "anna", openedAt: opened, now: t0.addingTimeInterval(5))
        ) { e in
            let c = e as? CollisionError
            XCTAssertEqual(c?.events.map(\.actor), ["ben"])
            XCTAssertEqual(
                c?.lines, ["ben · \(Timestamp.format(t0.addingTimeInterval(4))) · reply (by hand): Done by phone"])
        }
        XCTAssertNil(Outbox(store: anna)[second.id], "nothing was queued")
        XCTAssertNotNil(Outbox(store: anna)[first.id])
    }

    func testRepliesOnMastodonAreAddressedToTheAuthor() {
        let m = Mention(
            platform: "mastodon", id: "1", text: "?", createdAt: Date(), author: Author(handle: "jo@other.example"))
        XCTAssertEqual(Triage.addressed("Hi!", to: m), "@jo@other.example Hi!")
        XCTAssertEqual(Triage.addressed("Hi @Jo@other.example!", to: m), "Hi @Jo@other.example!")
        let b = Mention(
            platform: "bluesky", id: "2", text: "?", createdAt: Date(), author: Author(handle: "jo.bsky.social"))
        XCTAssertEqual(Triage.addressed("Hi!", to: b), "Hi!")
    }
}
