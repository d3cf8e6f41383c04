import Foundation
import ListenerServices
import SwitchboardCore
import XCTest

/// Hand-off routing in the listener: a matching mention is recorded as handed off and delivered through the
/// rule's shell command (payload on stdin), once; broken rules are logged once.
final class HandoffRoutingTests: XCTestCase {
    func testNewMentionsAreDeliveredThroughTheShellCommandOnce() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sb-route-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        var team = ServiceFixture.team()
        team.extra["routing"] = .array([
            .object([
                "name": .string("refunds"), "when": .string("refund"), "team": .string("support"),
                "command": .string("cat >> '\(out.path)'"),
            ])
        ])
        let dir = try ServiceFixture.dataDir(self, team: team)
        let store = try Store(dir: dir)
        let ms = [
            Mention(platform: "mastodon", id: "r1", text: "I want a refund for order 1", createdAt: Date()),
            Mention(platform: "mastodon", id: "x1", text: "Nice weather", createdAt: Date()),
        ]
        _ = try store.ingest(Ingestion.analyse(ms, dir: dir))
        let log = LogLines()
        let routing = HandoffRouting(store: store, log: { log.append($0) })
        XCTAssertNotNil(routing.router())

        routing.handle(ms.compactMap { store.mention($0.key) })
        routing.drain()
        let key = ms[0].key
        XCTAssertEqual(store.state(key).handoffTeam, "support")
        XCTAssertNil(store.state(ms[1].key).handoffTeam)
        let payload = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(payload.split(separator: "\n").count, 1)
        XCTAssertTrue(payload.contains("\"mention\":\"\(key)\""), payload)
        XCTAssertTrue(payload.contains("\"team\":\"support\""), payload)
        XCTAssertEqual(log.all.count, 1)
        XCTAssertTrue(log.all[0].hasSuffix(" \(key): handed off to support (rule refunds): delivered"), log.all[0])

        // The same mentions again: already routed, nothing delivered twice.
        routing.handle(ms.compactMap { store.mention($0.key) })
        routing.drain()
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), payload)
    }

    func testBrokenRulesAreLoggedOnce() throws {
        var team = ServiceFixture.team()
        team.extra["routing"] = .array([.object(["name": .string("bad"), "when": .string("refund")])])
        let dir = try ServiceFixture.dataDir(self, team: team)
        let log = LogLines()
        let routing = HandoffRouting(store: try Store(dir: dir), log: { log.append($0) })
        XCTAssertNil(routing.router())
        XCTAssertNil(routing.router())
        XCTAssertEqual(log.all.count, 1)
        XCTAssertTrue(log.all[0].contains("routing rules not applied, team.json has problems: "), log.all[0])
    }
}
