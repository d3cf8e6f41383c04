import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// Crisis reply controls over real HTTP to a loopback server: at the start a Bluesky thread gate and quote gate for
/// the brand's recent posts and Mastodon's quote policy; at the end both lifted; each change in the log and the
/// incident report; a server without quote policies said so.
final class ReplyGatePassTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    static func playbook() -> Playbook {
        var gate = Playbook.Step(
            id: "gate", title: "Close replies and quotes", owner: "lead", due: "5m", kind: .replyControls)
        gate.replies = "mentioned"
        gate.days = 7
        return Playbook(
            id: "outage", name: "Störung", severityLevels: ["hoch"],
            steps: [.init(id: "ack", title: "Acknowledge", owner: "lead", due: "15m", kind: .action), gate],
            holdingStatements: [], escalation: [])
    }

    func setUp(now: Date) throws -> (Store, TeamConfig) {
        let (store, team) = try ServiceFixture.mastodonAndBluesky(self, server)
        // Two days old (gated), twenty days old (left alone).
        for (id, age) in [("recent", 2.0), ("old", 20.0)] {
            let at = now.addingTimeInterval(-age * 86400)
            try Queue.add(
                QueueDraft(id: id, text: "Post \(id)", accounts: ["masto", "bsky"], scheduledAt: at),
                team: team, store: store, actor: "lea", now: at.addingTimeInterval(-60))
            _ = try store.record(
                [
                    .queue(.published(id: id, account: "masto", postID: "77\(id)", url: nil)),
                    .queue(.published(id: id, account: "bsky", postID: "3k\(id)", url: nil)),
                ], actor: "lea", now: at)
        }
        server.handle("POST", "/xrpc/com.atproto.repo.putRecord") { _ in
            .json(#"{"uri":"at://did:plc:acme123/x/y","cid":"bafy"}"#)
        }
        server.handle("POST", "/xrpc/com.atproto.repo.deleteRecord") { _ in .json("{}") }
        // The posts have no thread gate yet (the gate is read first, to keep the replies it hides).
        server.handle("GET", "/xrpc/com.atproto.repo.getRecord") { _ in
            .json(#"{"error":"RecordNotFound","message":"Could not locate record"}"#, status: 400)
        }
        return (store, team)
    }

    func json(_ r: NetworkTestServer.Request) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    func testGatesAtTheStartOfACrisisAndRestoredAtItsEnd() async throws {
        let now = Date()
        let (store, team) = try setUp(now: now)
        server.handle("PUT", "/api/v1/statuses/77recent/interaction_policy") { _ in .json(#"{"id":"77recent"}"#) }
        let pass = ReplyGatePass(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        let idle = await pass.run(team: team, now: now)
        XCTAssertEqual(idle, [], "no crisis: nothing to do")

        let run = try CrisisOps.start(
            Self.playbook(), severity: "hoch", suspendQueue: false, team: team, store: store, actor: "lea", now: now)
        let started = await pass.run(team: team, now: now.addingTimeInterval(30))
        XCTAssertEqual(started.map(\.postID).sorted(), ["3krecent", "77recent"])
        XCTAssertTrue(started.allSatisfy { $0.outcome == .done }, started.map(\.line).joined(separator: "\n"))
        let puts = server.requests("POST", "/xrpc/com.atproto.repo.putRecord").map(json)
        XCTAssertEqual(
            puts.map { $0["collection"] as? String }, ["app.bsky.feed.threadgate", "app.bsky.feed.postgate"])
        XCTAssertEqual(puts.map { $0["rkey"] as? String }, ["3krecent", "3krecent"])
        let gate = try XCTUnwrap(puts[0]["record"] as? [String: Any])
        XCTAssertEqual(gate["post"] as? String, "at://did:plc:acme123/app.bsky.feed.post/3krecent")
        XCTAssertEqual(
            (gate["allow"] as? [[String: Any]])?.map { $0["$type"] as? String },
            ["app.bsky.feed.threadgate#mentionRule"])
        let quote = try XCTUnwrap(puts[1]["record"] as? [String: Any])
        XCTAssertEqual(
            (quote["embeddingRules"] as? [[String: Any]])?.map { $0["$type"] as? String },
            ["app.bsky.feed.postgate#disableRule"])
        let masto = server.requests("PUT", "/api/v1/statuses/77recent/interaction_policy")
        XCTAssertEqual(masto.map { json($0)["quote_approval_policy"] as? String }, ["nobody"])

        // Another pass while the crisis runs changes nothing more.
        let again = await pass.run(team: team, now: now.addingTimeInterval(90))
        XCTAssertEqual(again, [])
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.repo.putRecord").count, 2)

        try CrisisOps.end(summary: "Fixed", store: store, actor: "lea", now: now.addingTimeInterval(3600))
        let ended = await pass.run(team: team, now: now.addingTimeInterval(3660))
        XCTAssertEqual(ended.map(\.change), [.restore, .restore])
        XCTAssertTrue(ended.allSatisfy { $0.outcome == .done })
        let deletes = server.requests("POST", "/xrpc/com.atproto.repo.deleteRecord").map(json)
        XCTAssertEqual(
            deletes.map { $0["collection"] as? String }, ["app.bsky.feed.threadgate", "app.bsky.feed.postgate"])
        XCTAssertEqual(
            server.requests("PUT", "/api/v1/statuses/77recent/interaction_policy").map {
                json($0)["quote_approval_policy"] as? String
            }, ["nobody", "public"])
        let after = await pass.run(team: team, now: now.addingTimeInterval(3720))
        XCTAssertEqual(after, [], "restored once")
        XCTAssertTrue(server.requests.allSatisfy { !$0.path.contains("old") }, "posts older than 7 days are left")

        let report = CrisisReport(run: try CrisisOps.current(run.id, store: store), store: try Store(dir: store.dir))
        let md = report.markdown()
        XCTAssertTrue(md.contains("## Reply controls (4 changes)"), md)
        XCTAssertTrue(md.contains("bluesky bsky 3krecent: replies mentioned, no quotes"), md)
        XCTAssertTrue(md.contains("bluesky bsky 3krecent: restored"), md)
        XCTAssertTrue(md.contains("mastodon masto 77recent: restored"), md)
    }

    func testAMastodonServerWithoutQuotePoliciesIsRecordedAsNotSupported() async throws {
        let now = Date()
        let (store, team) = try setUp(now: now)
        server.handle("PUT", "/api/v1/statuses/77recent/interaction_policy") { _ in
            .json(#"{"error":"Record not found"}"#, status: 404)
        }
        let pass = ReplyGatePass(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        try CrisisOps.start(
            Self.playbook(), severity: "hoch", suspendQueue: false, team: team, store: store, actor: "lea", now: now)
        let started = await pass.run(team: team, now: now)
        let masto = try XCTUnwrap(started.first { $0.network == "mastodon" })
        XCTAssertEqual(masto.outcome, .unsupported)
        XCTAssertEqual(
            masto.line,
            "mastodon masto 77recent: not supported: this server has no quote policies (Mastodon 4.5 or later has them)"
        )
        let again = await pass.run(team: team, now: now.addingTimeInterval(60))
        XCTAssertEqual(again, [], "not tried again")
        try CrisisOps.end(summary: "Fixed", store: store, actor: "lea", now: now.addingTimeInterval(600))
        let ended = await pass.run(team: team, now: now.addingTimeInterval(660))
        XCTAssertEqual(ended.map(\.network), ["bluesky"], "only what was changed is restored")
    }
}
