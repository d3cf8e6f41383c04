import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

struct SimulatedCrash: Error {}

final class ListenerTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func listener(_ dir: DataDirectory, sources: [SourceConfig], log: LogBox = LogBox()) throws -> Listener {
        let store = try Store(dir: dir)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = sources
        return Listener(
            store: store, team: team,
            makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()) },
            log: { log.append($0) })
    }

    func testCursorIsSavedOnlyAfterMentionsAreStored() async throws {
        let dir = try makeDataDir()
        server.handle("GET", "/api/v1/notifications") { r in
            r.query("min_id") == "1002"
                ? .json("[]")
                : .json(
                    MastodonFixture.list([
                        MastodonFixture.notification(id: "1002", status: "110002"),
                        MastodonFixture.notification(id: "1001", status: "110001"),
                    ]))
        }
        let config = mastodonConfig(server)
        let l = try listener(dir, sources: [config])
        // A crash right after the store returned, before the cursor was written.
        l.afterIngest = { _ in throw SimulatedCrash() }
        await l.poll(config)
        XCTAssertEqual(try Store(dir: dir).count, 2, "the mentions are durable")
        XCTAssertEqual(l.state.health("masto").cursor, [:], "the cursor was not saved")

        // The restarted listener fetches the same page again; the store keeps one copy of each.
        let restarted = try listener(dir, sources: [config])
        let o = await restarted.poll(config)
        XCTAssertEqual(server.requests.map { $0.query("min_id") }, [nil, nil])
        XCTAssertEqual(o.mentions.count, 2)
        XCTAssertEqual(o.added, [])
        XCTAssertEqual(o.duplicates, 2)
        let store = try Store(dir: dir)
        XCTAssertEqual(store.count, 2)
        let lines = try String(
            contentsOf: dir.logDir.appendingPathComponent("mentions-\(Timestamp.monthKey(Date())).jsonl"),
            encoding: .utf8)
        XCTAssertEqual(lines.split(separator: "\n").count, 2, "no duplicate record on disk")
        XCTAssertEqual(restarted.state.health("masto").cursor, ["notifications": "1002"])

        // Now the cursor is used.
        await restarted.poll(config)
        XCTAssertEqual(server.requests.last?.query("min_id"), "1002")
    }

    func testUnauthorizedSourceNeedsLoginWhileOthersKeepRunning() async throws {
        let other = try NetworkTestServer()
        defer { other.stop() }
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", .json(#"{"error":"The access token is invalid"}"#, status: 401))
        other.on(
            "GET", "/api/v1/notifications",
            .json(MastodonFixture.list([MastodonFixture.notification(id: "9", status: "109")])))
        let bad = mastodonConfig(server, id: "expired")
        let good = mastodonConfig(other, id: "fine")
        let log = LogBox()
        let l = try listener(dir, sources: [bad, good], log: log)
        let outcomes = await l.runOnce()
        XCTAssertEqual(outcomes.map(\.source), ["expired", "fine"])
        XCTAssertEqual(outcomes[1].added.count, 1)
        XCTAssertEqual(try Store(dir: dir).count, 1)

        let health = SourceStateStore(dir: dir).load()
        XCTAssertEqual(health["expired"]?.status, .needsLogin)
        XCTAssertEqual(
            health["expired"]?.lastError,
            "needs login: mastodon source expired: the server refused the login (HTTP 401: The access token is invalid); check the token (token_file/token_command) or run `switchboard sources add` again"
        )
        XCTAssertEqual(
            health["expired"]?.nextRun.map { $0 > Date().addingTimeInterval(14 * 60) }, true,
            "a source that needs login pauses")
        XCTAssertEqual(health["fine"]?.status, .ok)
        XCTAssertEqual(health["fine"]?.fetched, 1)
        XCTAssertEqual(health["fine"]?.cursor, ["notifications": "9"])
        XCTAssertNotNil(health["fine"]?.lastSuccess)
        XCTAssertTrue(log.lines.contains { $0.contains(" fine: 1 new of 1 fetched; next ") }, "\(log.lines)")
        XCTAssertTrue(
            log.lines.contains { $0.contains(" expired: 0 new of 0 fetched; error: needs login:") }, "\(log.lines)")
        XCTAssertFalse(log.lines.joined().contains("masto-secret-token-123"))
    }

    func testFailuresBackOffAndRateLimitsWait() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json("{}", status: 500), .json("{}", status: 500), .json("{}", status: 500),
            .json("<html>", status: 200),
            .json("{}", status: 429, headers: ["Retry-After": "600"]),
            .json("[]"))
        var config = mastodonConfig(server)
        config.interval = "60s"
        let l = try listener(dir, sources: [config])
        var delays: [TimeInterval] = []
        for _ in 0..<6 {
            let before = Date()
            let o = await l.poll(config)
            delays.append(o.nextRun.timeIntervalSince(before))
        }
        let h = l.state.health("masto")
        XCTAssertEqual(h.status, .ok)
        XCTAssertEqual(h.failures, 0)
        // 500s back off exponentially from the interval (with jitter: between half and all of the ceiling).
        XCTAssertTrue((59...61).contains(delays[0]), "\(delays)")
        XCTAssertTrue((59...121).contains(delays[1]), "\(delays)")
        XCTAssertTrue((119...241).contains(delays[2]), "\(delays)")
        XCTAssertTrue((239...481).contains(delays[3]), "malformed bodies back off too: \(delays)")
        XCTAssertTrue((599...601).contains(delays[4]), "Retry-After is honoured: \(delays)")
        XCTAssertTrue((59...61).contains(delays[5]), "\(delays)")
    }

    func testMalformedBodyIsRecordedWithASample() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            NetworkTestServer.Response(
                status: 200, headers: ["Content-Type": "text/html"],
                body: Data("<html><body>Bad gateway</body></html>".utf8)))
        let config = mastodonConfig(server)
        let l = try listener(dir, sources: [config])
        await l.poll(config)
        let h = l.state.health("masto")
        XCTAssertEqual(h.status, .error)
        XCTAssertEqual(
            h.lastError,
            "mastodon source masto: the server sent an HTML page instead of JSON (body starts: <html><body>Bad gateway</body></html>)"
        )
    }

    func testOneListenerPerDataDirectory() throws {
        let dir = try makeDataDir()
        XCTAssertFalse(Listener.isRunning(dir: dir))
        let a = try listener(dir, sources: [])
        try a.acquireLock()
        XCTAssertTrue(Listener.isRunning(dir: dir))
        let b = try listener(dir, sources: [])
        XCTAssertThrowsError(try b.acquireLock()) { e in
            XCTAssertTrue("\(e)".contains("another listener is running"), "\(e)")
        }
        a.releaseLock()
        XCTAssertFalse(Listener.isRunning(dir: dir))
        try b.acquireLock()
        b.releaseLock()
    }

    func testRunPollsDueSourcesAndStops() async throws {
        let dir = try makeDataDir()
        let counter = ListenerCounter()
        var team = TeamConfig(brand: .init(name: "Acme", terms: []))
        var c = SourceConfig(id: "fake", type: "fake")
        c.interval = "1h"
        team.sources = [c]
        let store = try Store(dir: dir)
        let l = Listener(
            store: store, team: team,
            makeSource: { cfg in cfg.type == "fake" ? FakeSource(id: cfg.id, counter: counter) : nil })
        let task = Task { await l.run() }
        while counter.value < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
        l.stop()
        await task.value
        XCTAssertEqual(counter.value, 1, "polled once, then waiting an hour until stopped")
        XCTAssertEqual(store.count, 1)
        XCTAssertEqual(l.state.health("fake").cursor, ["n": "1"])
        XCTAssertEqual(l.state.health("fake").nextRun.map { $0 > Date().addingTimeInterval(3500) }, true)
    }

    func testDryRunStoresNothing() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(MastodonFixture.list([MastodonFixture.notification(id: "9", status: "109")])))
        let config = mastodonConfig(server)
        let l = try listener(dir, sources: [config])
        let o = await l.poll(config, dryRun: true)
        XCTAssertEqual(o.mentions.count, 1)
        XCTAssertEqual(try Store(dir: dir).count, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: l.state.file.path))
    }
}

final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    func append(_ s: String) { lock.withLock { _lines.append(s) } }
    var lines: [String] { lock.withLock { _lines } }
}

final class ListenerCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int {
        lock.withLock {
            n += 1
            return n
        }
    }
    var value: Int { lock.withLock { n } }
}

struct FakeSource: Source {
    let id: String
    let counter: ListenerCounter
    func poll(cursor: [String: String]) async throws -> PollResult {
        let n = counter.next()
        return PollResult(
            mentions: [Mention(platform: "fake", id: "p\(n)", text: "post \(n)", createdAt: Date())],
            cursor: ["n": String(n)])
    }
}

final class ListenerPartialPollTests: XCTestCase {
    func testABrokenHashtagDoesNotDelayMentions() async throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(MastodonFixture.list([MastodonFixture.notification(id: "9", status: "109")])))
        server.on("GET", "/api/v1/timelines/tag/gone", .json(#"{"error":"Record not found"}"#, status: 404))
        var config = mastodonConfig(server, hashtags: ["gone"])
        config.interval = "2m"
        var team = TeamConfig(brand: .init(name: "Acme", terms: []))
        team.sources = [config]
        let l = Listener(
            store: try Store(dir: dir), team: team,
            makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()) })
        let before = Date()
        let o = await l.poll(config)
        XCTAssertEqual(o.added.count, 1)
        let h = l.state.health("masto")
        XCTAssertEqual(h.cursor, ["notifications": "9"], "the feeds that worked advance")
        XCTAssertEqual(h.status, .error)
        XCTAssertEqual(h.lastError, "mastodon source masto: HTTP 404: Record not found")
        XCTAssertEqual(h.failures, 0)
        XCTAssertLessThan(
            try XCTUnwrap(h.nextRun).timeIntervalSince(before), 125, "polled again at the normal interval")
    }
}

final class ListenerOnceTests: XCTestCase {
    func testOnceSkipsSourcesThatAreNotDue() async throws {
        let dir = try makeDataDir()
        let counter = ListenerCounter()
        var team = TeamConfig(brand: .init(name: "Acme", terms: []))
        var c = SourceConfig(id: "fake", type: "fake")
        c.interval = "15m"
        team.sources = [c]
        let l = Listener(
            store: try Store(dir: dir), team: team, makeSource: { cfg in FakeSource(id: cfg.id, counter: counter) })
        await l.runOnce(onlyDue: true)
        await l.runOnce(onlyDue: true)
        XCTAssertEqual(counter.value, 1, "the second run comes before the 15-minute interval is over")
        await l.runOnce()
        XCTAssertEqual(counter.value, 2)
    }
}

final class ListenerReloadTests: XCTestCase {
    func testTeamChangesRestartTheSourcesAndAStreamlessSourceDoesNotSpin() async throws {
        let dir = try makeDataDir()
        let counter = ListenerCounter()
        var team = TeamConfig(brand: .init(name: "Acme", terms: []))
        var a = SourceConfig(id: "a", type: "fake")
        a.interval = "1h"
        a.streaming = true  // a source that cannot stream: its stream loop ends at once
        team.sources = [a]
        let box = TeamBox(team)
        let l = Listener(
            store: try Store(dir: dir), team: team, makeSource: { cfg in FakeSource(id: cfg.id, counter: counter) })
        let task = Task { await l.run(reloadTeam: { box.team }, reloadEvery: 0.05) }
        while counter.value < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(counter.value, 1, "no restart without a change")
        var b = SourceConfig(id: "b", type: "fake")
        b.interval = "1h"
        box.team.sources.append(b)
        while l.state.health("b").lastSuccess == nil { try await Task.sleep(nanoseconds: 10_000_000) }
        l.stop()
        await task.value
        XCTAssertEqual(counter.value, 2, "the new source was polled; the old one kept its schedule")
        XCTAssertEqual(l.team.sources.map(\.id), ["a", "b"])
    }
}

final class TeamBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _team: TeamConfig
    init(_ t: TeamConfig) { _team = t }
    var team: TeamConfig {
        get { lock.withLock { _team } }
        set { lock.withLock { _team = newValue } }
    }
}
