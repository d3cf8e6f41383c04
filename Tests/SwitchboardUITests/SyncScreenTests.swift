import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 19, the workbench's part: the `⇅` slot of the status bar, the background sync, `:sync`, and the losing
/// claimant's notice, against a `file://` bare repository in a temporary directory (real git).
final class SyncScreenTests: XCTestCase {
    var tmp: URL!
    var remote = ""

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sbsync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        addTeardownBlock { [tmp] in try? FileManager.default.removeItem(at: tmp!) }
        let bare = tmp.appendingPathComponent("team.git").path
        remote = "file://" + bare
        let r = try GroupProcess.run("git", ["init", "-q", "--bare", bare], environment: ["LC_ALL": "C"], timeout: 60)
        XCTAssertTrue(r.succeeded, r.output)
    }

    /// Hamburg founds the team with one mention and pushes it; Berlin joins from the remote.
    func sites() throws -> (hamburg: DataDirectory, berlin: DataDirectory) {
        let h = DataDirectory(root: tmp.appendingPathComponent("hamburg"))
        try StarterKit.initialise(h, brand: "Acme", user: "tom")
        try SiteJoin.found(h, site: "hamburg", remote: remote)
        try Store(dir: h).ingest([mention("m1", "Größe falsch geliefert", author: "kundin")], now: TestApp.now)
        _ = try GitSync(dir: h, site: "hamburg", settings: SyncSettings(remote: remote)).run()
        let b = DataDirectory(root: tmp.appendingPathComponent("berlin"))
        try SiteJoin.join(b, remote: remote, site: "berlin")
        return (h, b)
    }

    /// The team of a site, with another sync interval.
    func team(_ dir: DataDirectory, remote: String? = nil, interval: String = "10m") throws -> TeamConfig {
        var t = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        t.extra["sync"] = .object(["remote": .string(remote ?? self.remote), "interval": .string(interval)])
        return t
    }

    func statusRow(_ app: TestApp) -> String {
        app.screen.last { $0.contains(" · ") && $0.contains("alice") } ?? ""
    }

    func testTheStatusBarShowsTheLastSyncAtEveryWidthAndSyncsEveryInterval() throws {
        let (h, b) = try sites()
        let app = try TestApp(size: Size(width: 80, height: 24), team: try team(b), root: b.root)
        // Before the first sync: the slot is there, waiting.
        XCTAssertTrue(statusRow(app).hasSuffix("polling · ⇅ …"), app.dump())
        // The first tick syncs at once (the mention Hamburg pushed is already here; nothing new).
        app.send(.tick(TestApp.now))
        XCTAssertFalse(app.state.sync.running)
        XCTAssertEqual(app.state.sync.lastAt, TestApp.now)
        // Hamburg stores another mention and pushes it; two minutes on, no sync yet (interval 10 min).
        try Store(dir: h).ingest([mention("m2", "Wo bleibt meine Bestellung?", author: "jörg")], now: TestApp.now)
        _ = try GitSync(dir: h, site: "hamburg", settings: SyncSettings(remote: remote)).run()
        app.send(.tick(TestApp.now.addingTimeInterval(120)))
        XCTAssertTrue(statusRow(app).hasSuffix("polling · ⇅ 2m ago"), app.dump())
        app.resize(Size(width: 120, height: 40))
        XCTAssertTrue(statusRow(app).hasSuffix("polling · ⇅ 2m ago"), app.dump())
        try app.refresh()
        XCTAssertFalse(app.screen.joined().contains("Bestellung"), app.dump())
        // Ten minutes after the first: the next sync brings Hamburg's mention in.
        app.send(.tick(TestApp.now.addingTimeInterval(600)))
        XCTAssertEqual(app.state.sync.lastAt, TestApp.now.addingTimeInterval(600))
        XCTAssertTrue(app.screen.contains { $0.contains("synced: 1 records in, 0 out") }, app.dump())
        try app.refresh()
        XCTAssertTrue(app.screen.joined().contains("Wo bleibt meine Bestellung?"), app.dump())
        app.send(.tick(TestApp.now.addingTimeInterval(660)))
        XCTAssertTrue(statusRow(app).hasSuffix("polling · ⇅ 1m ago"), app.dump())
    }

    func testAFailedSyncSaysFailedAndWhyAndColonSyncTriesAgainNow() throws {
        let (_, b) = try sites()
        let gone = "file://" + tmp.appendingPathComponent("nowhere.git").path
        let app = try TestApp(size: Size(width: 80, height: 24), team: try team(b, remote: gone), root: b.root)
        app.send(.tick(TestApp.now))
        XCTAssertTrue(statusRow(app).contains("polling · ⇅ failed"), app.dump())
        XCTAssertTrue(app.screen.joined().contains("sync failed: git fetch failed"), app.dump())
        XCTAssertNil(app.state.sync.lastAt)
        // :sync runs one now (and fails again, for the same reason).
        app.press("<Esc>")
        app.press(":")
        app.type("sync")
        app.press("<Enter>")
        XCTAssertEqual(app.state.sync.startedAt, TestApp.now)
        XCTAssertTrue(app.screen.joined().contains("sync failed: git fetch failed"), app.dump())
        XCTAssertTrue(statusRow(app).contains("⇅ failed"), app.dump())
    }

    /// Issue 19: "a suspend of the content queue and the start of a crisis trigger a sync at once" — in the workbench
    /// too, not only at the next interval: Hamburg sees Berlin's suspend right after it was made.
    func testASuspendInTheWorkbenchIsSyncedAtOnce() throws {
        let (h, b) = try sites()
        // tom founded the team (its lead): only a lead or manager may suspend the queue.
        let app = try TestApp(size: Size(width: 120, height: 40), team: try team(b), root: b.root, user: "tom")
        app.send(.tick(TestApp.now))
        XCTAssertEqual(app.state.sync.lastAt, TestApp.now)
        // One minute later (the interval is ten): the suspend, then a sync at once.
        app.send(.tick(TestApp.now.addingTimeInterval(60)))
        app.press("<Esc>")
        app.press(":")
        app.type("suspend Sturm über Größe")
        app.press("<Enter>")
        XCTAssertEqual(app.state.sync.lastAt, TestApp.now.addingTimeInterval(60), app.dump())
        XCTAssertTrue(Queue(store: try Store(dir: b)).isSuspended, app.dump())
        _ = try GitSync(dir: h, site: "hamburg", settings: SyncSettings(remote: remote)).run()
        let q = Queue(store: try Store(dir: h))
        XCTAssertTrue(q.isSuspended, "Hamburg sees the suspend without waiting for Berlin's next interval")
        XCTAssertEqual(q.suspension?.reason, "Sturm über Größe")
    }

    func testColonSyncWithoutARemoteSaysWhatToAdd() throws {
        let app = try TestApp(size: Size(width: 120, height: 40))
        app.press(":")
        app.type("sync")
        app.press("<Enter>")
        XCTAssertTrue(app.screen.joined().contains("no sync remote: add \"sync\""), app.dump())
        XCTAssertFalse(app.screen.joined().contains("⇅"), app.dump())
    }

    func testTheLosingClaimantIsToldWhenASyncBringsAnEarlierClaim() throws {
        let (h, b) = try sites()
        let hamburg = try Store(dir: h)
        let key = try XCTUnwrap(hamburg.mentions.first?.key)
        // Tom claims in Hamburg first; Alice claims in Berlin a minute later, before either has synced.
        try Triage.claim(store: hamburg, key: key, me: "tom", now: TestApp.now.addingTimeInterval(-60))
        _ = try GitSync(dir: h, site: "hamburg", settings: SyncSettings(remote: remote)).run()
        try Triage.claim(store: try Store(dir: b), key: key, me: "alice", now: TestApp.now)
        let app = try TestApp(size: Size(width: 120, height: 40), team: try team(b), root: b.root)
        XCTAssertFalse(app.screen.joined().contains("claim lost"), app.dump())
        app.press(":")
        app.type("sync")
        app.press("<Enter>")
        try app.refresh()
        XCTAssertTrue(
            app.screen.joined().contains("claim lost: @kundin — tom (hamburg) claimed it earlier"), app.dump())
    }
}
