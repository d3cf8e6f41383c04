import Foundation
import XCTest

@testable import SwitchboardCore

final class OutboxTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func store() throws -> Store {
        let dir = makeTempDir("sb-outbox")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let s = try Store(dir: dir)
        var m = mention("110002", text: "How do I export my data?", at: t0)
        m.reply = ReplyRef(uri: "110002", visibility: "unlisted")
        m.source = "masto"
        try s.ingest([m, mention("110003", at: t0)], now: t0)
        return s
    }

    func testOutboxActionsRoundTripThroughTheLogInFlatJSON() throws {
        let s = try store()
        let k = s.mentions[0].key
        let d = OutboxDraft.reply(to: s.mentions[0], text: "Hi @anna, Settings → Export.", delay: 10, now: t0)
        XCTAssertEqual(d.sendAfter, t0.addingTimeInterval(10))
        XCTAssertEqual(d.inReplyTo, ReplyRef(uri: "110002", visibility: "unlisted"))
        XCTAssertFalse(d.manual)
        XCTAssertEqual(OutboxDraft.languageTag("other"), nil)
        XCTAssertEqual(OutboxDraft.languageTag("de"), "de")
        XCTAssertEqual(OutboxDraft.languageTag("pt-BR"), "pt-BR")
        XCTAssertEqual(OutboxDraft.languageTag("english"), nil)
        try Outbox.queue(d, store: s, actor: "anna", now: t0)
        _ = try XCTUnwrap(
            Outbox.claim(d.id, store: s, holder: "42@host", lease: 60, actor: "anna", now: t0.addingTimeInterval(11)))
        try s.record(
            [.outboxFailed(id: d.id, mention: k, error: "HTTP 500", retryAt: t0.addingTimeInterval(30))], actor: "anna",
            now: t0.addingTimeInterval(12))
        let reply = ReplyRecord(
            text: d.text, actor: "anna", at: t0.addingTimeInterval(31), url: "https://social.example/@acme/1")
        try s.record(
            [.outboxSent(id: d.id, mention: k, reply: reply, postID: "1")], actor: "anna",
            now: t0.addingTimeInterval(31))

        let lines = readLines(logFiles(s.dir, .actions)[0])
        XCTAssertEqual(lines.count, 4)
        let q = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(q["type"] as? String, "outbox_queued")
        XCTAssertEqual(q["outbox"] as? String, d.id)
        XCTAssertEqual(q["mention"] as? String, k)
        XCTAssertEqual(q["text"] as? String, "Hi @anna, Settings → Export.")
        XCTAssertEqual(q["idempotency_key"] as? String, "sb-" + d.id)
        XCTAssertEqual(q["send_after"] as? String, Timestamp.format(t0.addingTimeInterval(10)))
        XCTAssertEqual(q["reply_ref"] as? [String: String], ["uri": "110002", "visibility": "unlisted"])
        XCTAssertEqual(q["network"] as? String, "mastodon")
        XCTAssertEqual(q["source"] as? String, "masto")

        // A second store reads the same history back: same events, same fold.
        let again = try Store(dir: s.dir)
        XCTAssertEqual(again.events, s.events)
        XCTAssertTrue(again.warnings.isEmpty, "\(again.warnings)")
        let e = try XCTUnwrap(Outbox(store: again)[d.id])
        XCTAssertEqual(
            e.state, .sent(url: "https://social.example/@acme/1", postID: "1", at: t0.addingTimeInterval(31)))
        XCTAssertEqual(e.attempts, 1)
        XCTAssertEqual(e.lastError, "HTTP 500")
        let st = again.state(k)
        XCTAssertEqual(st.status, .answered)
        XCTAssertEqual(st.firstResponseAt, t0.addingTimeInterval(31))
        XCTAssertEqual(st.replies, [reply])
        XCTAssertEqual(
            st.lastChangedAt, t0.addingTimeInterval(31), "bookkeeping does not count as a change; the sent reply does")
    }

    func testSendDelayCancelAndDueTimes() throws {
        let s = try store()
        let d = OutboxDraft.reply(to: s.mentions[0], text: "On it", delay: 10, now: t0)
        try Outbox.queue(d, store: s, actor: "anna", now: t0)
        XCTAssertEqual(Outbox(store: s).due(t0.addingTimeInterval(9)).map(\.id), [])
        XCTAssertEqual(Outbox(store: s).due(t0.addingTimeInterval(10)).map(\.id), [d.id])
        try Outbox.cancel(String(d.id.prefix(6)), store: s, actor: "anna", now: t0.addingTimeInterval(3))
        XCTAssertEqual(Outbox(store: s)[d.id]?.state, .cancelled)
        XCTAssertEqual(Outbox(store: s).due(t0.addingTimeInterval(60)).count, 0)
        XCTAssertThrowsError(try Outbox.cancel(d.id, store: s, actor: "anna"))
        XCTAssertEqual(s.state(d.mention).status, .new, "a cancelled reply leaves the mention as it was")
    }

    func testOnlyOneClaimWinsAndAnExpiredLeaseIsTakenOver() throws {
        let a = try store()
        let b = try Store(dir: a.dir)
        let d = OutboxDraft.reply(to: a.mentions[0], text: "On it", delay: 0, now: t0)
        try Outbox.queue(d, store: a, actor: "anna", now: t0)
        XCTAssertNotNil(
            try Outbox.claim(d.id, store: a, holder: "1@a", lease: 60, actor: "anna", now: t0.addingTimeInterval(1)))
        XCTAssertNil(
            try Outbox.claim(d.id, store: b, holder: "2@b", lease: 60, actor: "anna", now: t0.addingTimeInterval(2)),
            "b sees a's claim")
        let late = try XCTUnwrap(
            Outbox.claim(d.id, store: b, holder: "2@b", lease: 60, actor: "anna", now: t0.addingTimeInterval(62)))
        XCTAssertEqual(late.attempts, 2, "after the lease ran out (a crashed sender) b takes over")
        XCTAssertEqual(late.draft.idempotencyKey, d.idempotencyKey)
        XCTAssertEqual(late.draft.createdAt, d.createdAt)
    }

    func testRetryOfAFailedEntryAndManualConfirmation() throws {
        let s = try store()
        var rss = mention("https://news.example/a", platform: "rss", text: "Acme's new pricing is confusing", at: t0)
        rss.url = "https://news.example/a"
        try s.ingest([rss], now: t0)
        let m = try XCTUnwrap(s.mention(rss.key))
        let manual = OutboxDraft.reply(to: m, text: "Thanks for the write-up!", delay: 0, now: t0)
        XCTAssertTrue(manual.manual)
        try Outbox.queue(manual, store: s, actor: "anna", now: t0)
        XCTAssertEqual(
            Outbox(store: s).due(t0.addingTimeInterval(100)).count, 0, "manual entries are never sent by a sender")
        try Outbox.confirmManual(manual.id, store: s, actor: "anna", now: t0.addingTimeInterval(5))
        XCTAssertEqual(s.state(m.key).status, .answered)
        XCTAssertEqual(s.state(m.key).replies.first?.manual, true)
        XCTAssertEqual(s.state(m.key).replies.first?.url, "https://news.example/a")

        let d = OutboxDraft.reply(to: s.mentions[0], text: "On it", delay: 0, now: t0)
        try Outbox.queue(d, store: s, actor: "anna", now: t0)
        XCTAssertThrowsError(try Outbox.retry(d.id, store: s, actor: "anna"), "only failed entries are retried")
        try s.record(
            [.outboxFailed(id: d.id, mention: d.mention, error: "rejected: too long", retryAt: nil)], actor: "anna",
            now: t0.addingTimeInterval(1))
        XCTAssertEqual(
            Outbox(store: s).due(t0.addingTimeInterval(1000)).count, 0, "a permanent failure waits for a person")
        try Outbox.retry(d.id, store: s, actor: "anna", now: t0.addingTimeInterval(2000))
        XCTAssertEqual(Outbox(store: s).due(t0.addingTimeInterval(2000)).map(\.id), [d.id])
    }
}
