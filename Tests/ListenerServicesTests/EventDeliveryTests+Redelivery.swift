import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// The one gap of exactly-once delivery: the process dies after the endpoint's 2xx and before the ledger's write.
/// The event then goes out again after the restart with the same id, in the header of every format (a Slack body
/// carries none), so a receiver can drop the repeat.
extension EventDeliveryTests {
    func testACrashBeforeTheLedgerWriteSendsTheSameEventIdAgainInTheHeader() async throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on("POST", "/hooks/slack", .json("ok"))
        let dir = try ServiceFixture.dataDir(self)
        try ServiceFixture.write(
            team([
                "name": .string("slack"), "url": .string(server.url("/hooks/slack").absoluteString),
                "format": .string("slack"), "on": .array([.string("claim")]),
            ]), to: dir)
        let store = try Store(dir: dir)
        let m = Mention(platform: "mastodon", id: "m1", text: "Straße gesperrt?", createdAt: t0)
        _ = try store.ingest([m])
        _ = await EventDelivery(store: store, log: { _ in }).pass(now: t0)
        let ledger = dir.stateDir.appendingPathComponent("events.jsonl")
        let before = try Data(contentsOf: ledger)

        let claim = try store.record([.claim(mention: m.key)], actor: "anna", now: t0.addingTimeInterval(1))[0]
        _ = await EventDelivery(store: store, log: { _ in }).pass(now: t0.addingTimeInterval(2))
        XCTAssertEqual(server.requests("POST", "/hooks/slack").count, 1)
        // Killed between the 2xx and the ledger's write: the ledger as it was before the delivery.
        try before.write(to: ledger)

        let restarted = EventDelivery(store: try Store(dir: dir), log: { _ in })
        _ = await restarted.pass(now: t0.addingTimeInterval(60))
        let posts = server.requests("POST", "/hooks/slack")
        XCTAssertEqual(posts.count, 2, "the one repeat the gap allows")
        XCTAssertEqual(posts.map { $0.header("X-Switchboard-Event-Id") }, [claim.id, claim.id])
        let body = try JSONSerialization.jsonObject(with: posts[1].body) as? [String: Any]
        XCTAssertNil(body?["id"], "a Slack body has no id: the header is how the receiver tells")
        XCTAssertEqual(String(decoding: posts[0].body, as: UTF8.self), String(decoding: posts[1].body, as: UTF8.self))
        // Recorded this time: no third send.
        _ = await restarted.pass(now: t0.addingTimeInterval(120))
        XCTAssertEqual(server.requests("POST", "/hooks/slack").count, 2)
    }
}
