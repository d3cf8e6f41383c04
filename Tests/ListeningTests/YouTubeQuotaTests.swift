import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The quota ledger: Pacific-time days, charges shared by several processes, never past the budget, and polling
/// spread over a day (a day compressed with an injected clock against a loopback server).
final class YouTubeQuotaTests: YouTubeServerTestCase {
    func testTheQuotaDayIsPacificAndTheLedgerStartsAfreshAtMidnightThere() throws {
        let dir = try YouTubeFixture.dataDir(self)
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: 200)
        let before = Timestamp.parse("2026-12-05T07:59:59Z")!, after = Timestamp.parse("2026-12-05T08:00:00Z")!
        XCTAssertEqual(YouTubeQuotaLedger.day(before), "2026-12-04")
        XCTAssertEqual(YouTubeQuotaLedger.day(after), "2026-12-05")
        XCTAssertEqual(YouTubeQuotaLedger.nextReset(after: before), after)
        XCTAssertEqual(
            YouTubeQuotaLedger.nextReset(after: Timestamp.parse("2026-07-01T12:00:00Z")!),
            Timestamp.parse("2026-07-02T07:00:00Z")!, "summer time: midnight PDT")
        try ledger.charge(100, now: before, label: "yt")
        XCTAssertThrowsError(try ledger.charge(100, now: before, label: "yt"), "reads keep 20 of 200 for writes") {
            guard case .rateLimited(let at, let why)? = $0 as? SourceError else { return XCTFail("\($0)") }
            XCTAssertEqual(at, after)
            XCTAssertTrue(why.contains("quota exhausted"), why)
        }
        try ledger.charge(50, write: true, now: before, label: "yt")
        XCTAssertEqual(ledger.today(now: before).used, 150)
        try ledger.charge(100, now: after, label: "yt")
        XCTAssertEqual(ledger.today(now: after), YouTubeQuotaLedger.Day(day: "2026-12-05", used: 100, reads: 100))
        XCTAssertEqual(ledger.summary(now: after).line, "quota 100/200 units today")
    }

    func testSeveralProcessesShareOneCountAndNeverPassTheBudget() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let file = YouTubeQuotaLedger.file(dir, id: "yt")
        let now = Timestamp.parse("2026-12-05T20:00:00Z")!
        let granted = await withTaskGroup(of: Int.self) { g in
            for _ in 0..<4 {
                g.addTask {
                    let l = YouTubeQuotaLedger(file: file, budget: 1000)  // one "process" each
                    var n = 0
                    for _ in 0..<400 { if (try? l.charge(1, now: now, label: "yt")) != nil { n += 1 } }
                    return n
                }
            }
            return await g.reduce(0, +)
        }
        XCTAssertEqual(granted, 900, "reads stop at the budget less the write reserve")
        XCTAssertEqual(YouTubeQuotaLedger(file: file, budget: 1000).today(now: now).used, 900)
    }

    func testSourcesListSaysTheDaysUseAndWarnsWhenThePaceWillReachTheBudget() throws {
        let dir = try YouTubeFixture.dataDir(self)
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: 10_000)
        let noonPT = Timestamp.parse("2026-12-05T20:00:00Z")!
        try ledger.charge(3150, now: noonPT, label: "yt")
        XCTAssertEqual(ledger.summary(now: noonPT).line, "quota 3,150/10,000 units today")
        XCTAssertNil(ledger.summary(now: noonPT).warning, "3,150 by noon: 6,300 by midnight")
        try ledger.charge(3000, now: noonPT, label: "yt")
        let w = ledger.summary(now: noonPT).warning
        XCTAssertNotNil(w)
        XCTAssertTrue(w?.hasPrefix("at the current pace the budget is reached around ") ?? false, w ?? "")
    }

    /// Polls a source for one simulated day (the clock jumps to each next run) and returns the units spent.
    func simulateDay(_ c: SourceConfig, dir: DataDirectory) async throws -> (units: Int, polls: Int, maxUsed: Int) {
        let start = Timestamp.parse("2026-12-05T08:00:00Z")!  // midnight Pacific
        let end = YouTubeQuotaLedger.nextReset(after: start)
        let clock = YouTubeTestClock(start)
        server.handle("GET", "/youtube/v3/commentThreads") { r in
            YouTubeFixture.page([
                YouTubeFixture.thread(
                    "T-\(r.query("videoId") ?? "ch")", text: "Super erklärt, danke!", at: "2026-12-05T07:00:00Z")
            ])
        }
        server.on(
            "GET", "/youtube/v3/search",
            YouTubeFixture.search((1...12).map { ("v\($0)", "Acme video \($0)", "2026-12-04T10:00:00Z") }))
        let s = try YouTubeSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 5, now: { clock.now })
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: c.id), budget: c.dailyQuota)
        var cursor: [String: String] = [:]
        var polls = 0, maxUsed = 0
        while clock.now < end {
            var next = clock.now.addingTimeInterval(c.intervalSeconds)
            do {
                let r = try await s.poll(cursor: cursor)
                cursor = r.cursor
                if let nb = r.notBefore { next = max(next, nb) }
            } catch let e as SourceError {
                guard case .rateLimited(let at, _) = e else { throw e }
                next = max(next, at)
            } catch let p as PartialPoll {
                cursor = p.result.cursor
                if let nb = p.result.notBefore { next = max(next, nb) }
            }
            polls += 1
            maxUsed = max(maxUsed, ledger.today(now: min(clock.now, end.addingTimeInterval(-1))).used)
            clock.set(next)
        }
        return (ledger.today(now: end.addingTimeInterval(-1)).used, polls, maxUsed)
    }

    func testADayOfPollingWithTheDefaultsStaysWellWithinTheQuota() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let c = YouTubeFixture.config(server, search: ["acme"])
        let day = try await simulateDay(c, dir: dir)
        // Every 10 minutes: the channel's threads (1) and the 10 followed videos (10); hourly: a search (100).
        XCTAssertEqual(day.polls, 144)
        XCTAssertEqual(day.units, 144 * 11 + 24 * 100)
        print(
            "youtube quota per simulated day (defaults: interval 10m, one search term): \(day.units) units, "
                + "\(day.polls) polls")
    }

    func testASmallBudgetStretchesTheIntervalAndIsNeverExceeded() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let c = YouTubeFixture.config(server, search: ["acme"], quota: 1000)
        let day = try await simulateDay(c, dir: dir)
        XCTAssertLessThanOrEqual(day.maxUsed, 900, "reads never pass the budget less the write reserve")
        XCTAssertGreaterThan(day.units, 500, "the budget is used, spread over the day")
        XCTAssertLessThan(day.polls, 144, "polling slowed down to fit the budget")
        print("youtube quota per simulated day (daily_quota 1000): \(day.units) units, \(day.polls) polls")
    }
}
