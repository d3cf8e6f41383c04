import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// The publishing loop publishes a due item once (over real HTTP to a loopback server) and logs one line for it.
final class PublishingLoopTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testDueItemsArePublishedOnce() async throws {
        var team = ServiceFixture.team()
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = server.baseURL.absoluteString
        masto.tokenFile = "secrets/masto.token"
        team.sources = [masto]
        team.team = [.init(user: "lea", name: "Lea", role: "lead")]
        let dir = try ServiceFixture.dataDir(self, team: team)
        try Secrets.write("masto-secret-token-123", to: dir.root.appendingPathComponent("secrets/masto.token"))
        let store = try Store(dir: dir)
        let t0 = Date().addingTimeInterval(-60)
        try Queue.add(
            QueueDraft(id: "qdue", text: "Spring release", accounts: ["masto"], scheduledAt: t0, createdAt: t0),
            team: team, store: store, actor: "lea", now: t0)
        try Queue.add(
            QueueDraft(
                id: "qlater", text: "Later", accounts: ["masto"],
                scheduledAt: t0.addingTimeInterval(86400), createdAt: t0),
            team: team, store: store, actor: "lea", now: t0)
        server.on("POST", "/api/v1/statuses", .json(ServiceFixture.status(id: "140001")))

        let log = LogLines()
        let loop = PublishingLoop(
            store: store, http: URLSessionHTTPClient(timeout: 10), actor: "lea",
            log: { log.append($0) })
        let first = await loop.publishDue(team: team)
        XCTAssertEqual(first.map(\.id), ["qdue"])
        XCTAssertEqual(first.map(\.outcome), [.published])
        let again = await loop.publishDue(team: team)
        XCTAssertEqual(again, [])
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1)
        XCTAssertEqual(log.all.count, 1)
        XCTAssertTrue(
            log.all[0].hasSuffix(" queue qdue → masto: published https://social.example/@acme/9140001"),
            log.all[0])
        XCTAssertEqual(Queue(store: try Store(dir: dir))["qdue"]?.state, .published)
    }
}
