import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// Issue 19: a source's home site alone posts through it. A reply written at another site is sent by the home
/// site after the sync, exactly once (the loopback Mastodon server counts the posts).
final class HomeSiteTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// Two sites through a `file://` bare repository: Berlin, home of the Mastodon source `masto` (talking to the
    /// loopback server), with one mention stored and synced, and Hamburg joined from the remote.
    func twoSites() throws -> (team: TeamConfig, settings: SyncSettings, berlin: DataDirectory, hamburg: DataDirectory)
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-home-\(UUID().uuidString)")
        try FileIO.makeDirectory(root)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let bare = root.appendingPathComponent("team.git").path
        XCTAssertTrue(try GroupProcess.run("git", ["init", "-q", "--bare", bare]).succeeded)
        var team = ServiceFixture.team()
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = server.baseURL.absoluteString
        masto.tokenFile = "secrets/masto.token"
        masto.home = "berlin"
        team.sources = [masto]
        team.team = [.init(user: "anna", name: "Anna", role: "lead"), .init(user: "tom", name: "Tom", role: "lead")]
        team.extra["sync"] = .object(["remote": .string("file://" + bare)])
        let berlin = DataDirectory(root: root.appendingPathComponent("berlin"))
        try FileIO.makeDirectory(berlin.root)
        try ServiceFixture.write(team, to: berlin)
        try SiteJoin.found(berlin, site: "berlin", remote: nil)
        try Secrets.write("masto-secret-token-123", to: berlin.root.appendingPathComponent("secrets/masto.token"))
        var m = Mention(
            platform: "mastodon", id: "110001", text: "Wo bleibt meine Bestellung? Grüße aus Köln",
            createdAt: Date(), fetchedAt: Date(), author: Author(handle: "jörg@example.social"))
        m.source = "masto"
        m.reply = ReplyRef(uri: "110001", visibility: "public")
        try Store(dir: berlin).ingest([m])
        let settings = try XCTUnwrap(try SyncSettings(team: team))
        _ = try GitSync(dir: berlin, site: "berlin", settings: settings).run()
        let hamburg = DataDirectory(root: root.appendingPathComponent("hamburg"))
        try SiteJoin.join(hamburg, remote: "file://" + bare, site: "hamburg")
        return (team, settings, berlin, hamburg)
    }

    func testAReplyWrittenAtAnotherSiteIsSentOnceByTheHomeSite() async throws {
        let (team, settings, berlin, hamburg) = try twoSites()
        server.on("POST", "/api/v1/statuses", .json(ServiceFixture.status(id: "140001")))

        // Tom answers in Hamburg: the outbox there leaves it to Berlin.
        let hStore = try Store(dir: hamburg)
        let key = try XCTUnwrap(hStore.mentions.first?.key)
        let past = Date().addingTimeInterval(-60)
        try Outbox.queue(
            OutboxDraft.reply(
                to: try XCTUnwrap(hStore.mention(key)), text: "Danke, ist unterwegs!", delay: 0, now: past),
            store: hStore, actor: "tom", now: past)
        let hLoop = PublishingLoop(store: hStore, http: URLSessionHTTPClient(timeout: 10), actor: "tom", log: { _ in })
        let notHere = await hLoop.sendDue(team: team)
        XCTAssertEqual(notHere.count, 0)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 0)

        // After the sync, Berlin sends it, once, however often both sides look again.
        _ = try GitSync(dir: hamburg, site: "hamburg", settings: settings).run()
        _ = try GitSync(dir: berlin, site: "berlin", settings: settings).run()
        let bStore = try Store(dir: berlin)
        let bLoop = PublishingLoop(store: bStore, http: URLSessionHTTPClient(timeout: 10), actor: "anna", log: { _ in })
        let sent = await bLoop.sendDue(team: team)
        XCTAssertEqual(sent.count, 1)
        for _ in 0..<2 {
            _ = await bLoop.sendDue(team: team)
            _ = try GitSync(dir: berlin, site: "berlin", settings: settings).run()
            _ = try GitSync(dir: hamburg, site: "hamburg", settings: settings).run()
            try hStore.refresh()
            _ = await hLoop.sendDue(team: team)
        }
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1)
        XCTAssertEqual(hStore.state(key).status, .answered)
        XCTAssertEqual(hStore.state(key).replies.map(\.text), ["Danke, ist unterwegs!"])
    }

    /// Issue 19: a suspend at one site holds a post that was due at another (the account's home site), until the
    /// resume has synced there too; then it is posted once.
    func testASuspendAtOneSiteHoldsAPostDueAtTheHomeSite() async throws {
        let (team, settings, berlin, hamburg) = try twoSites()
        server.on("POST", "/api/v1/statuses", .json(ServiceFixture.status(id: "140002")))
        let bStore = try Store(dir: berlin)
        let due = Date().addingTimeInterval(-30)
        try Queue.add(
            QueueDraft(id: "qfrueh", text: "Frühlingsgrüße aus Köln", accounts: ["masto"], scheduledAt: due),
            team: team, store: bStore, actor: "anna", now: due.addingTimeInterval(-60))
        func sync(_ dir: DataDirectory, _ site: String) throws {
            _ = try GitSync(dir: dir, site: site, settings: settings).run()
        }
        try sync(berlin, "berlin")
        try sync(hamburg, "hamburg")
        // Tom in Hamburg pulls the switch; Berlin, whose item was due, syncs before its next pass.
        let hStore = try Store(dir: hamburg)
        try Queue.suspendAll(reason: "Shitstorm über Größe", team: team, store: hStore, actor: "tom")
        try sync(hamburg, "hamburg")
        try sync(berlin, "berlin")
        try bStore.refresh()
        let bLoop = PublishingLoop(store: bStore, http: URLSessionHTTPClient(timeout: 10), actor: "anna", log: { _ in })
        let held = await bLoop.publishDue(team: team)
        XCTAssertFalse(held.contains { $0.outcome == .published })
        XCTAssertNotEqual(Queue(store: bStore)["qfrueh"]?.state, .published)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 0)
        // Hamburg's own loop never posts it (not its account), suspended or not.
        let hLoop = PublishingLoop(store: hStore, http: URLSessionHTTPClient(timeout: 10), actor: "tom", log: { _ in })
        _ = await hLoop.publishDue(team: team)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 0)

        try Queue.resumeAll(policy: .postNow, team: team, store: hStore, actor: "tom")
        try sync(hamburg, "hamburg")
        _ = await hLoop.publishDue(team: team)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 0)
        try sync(berlin, "berlin")
        try bStore.refresh()
        let posted = await bLoop.publishDue(team: team)
        XCTAssertEqual(posted.map(\.outcome), [.published])
        for _ in 0..<2 {
            try sync(berlin, "berlin")
            try sync(hamburg, "hamburg")
            try hStore.refresh()
            _ = await hLoop.publishDue(team: team)
            _ = await bLoop.publishDue(team: team)
        }
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1)
        XCTAssertEqual(Queue(store: hStore)["qfrueh"]?.state, .published)
    }
}
