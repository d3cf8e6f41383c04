import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// X charges per post read: the read ledger counts every post of `data`, a source never reads more than its
/// `monthly_read_budget`, slows down when ahead of the month, stops with a clear message at the budget and starts
/// again when the month turns. A month is compressed by moving a test clock.
final class XBudgetTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// A busy account: every request is answered with as many posts as it asks for, and a next page.
    func busyServer() -> Counter {
        let served = Counter()
        let next = Counter()
        server.handle("GET", "/2/users/100/mentions") { r in
            let n = Int(r.query("max_results") ?? "10") ?? 10
            let top = 1_900_000_000_000_000_000 + next.add(n) * 10
            served.add(n)
            return .json(XFixture.page(XFixture.posts(n, top: top), next: "p\(top)"))
        }
        return served
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        @discardableResult func add(_ k: Int) -> Int {
            lock.withLock {
                n += k; return n
            }
        }
        var value: Int { lock.withLock { n } }
    }

    func testAMonthOfPollingNeverExceedsTheBudgetAndResumesNextMonth() async throws {
        let dir = try xDataDir()
        let served = busyServer()
        let clock = TestClock(Timestamp.parse("2027-01-01T00:00:00Z")!)
        let src = try XSource(
            config: xConfig(server, budget: 3000), dataDir: dir, http: TestHTTPClient(), timeout: 5
        ) { clock.now }
        let feb = Timestamp.parse("2027-02-01T00:00:00Z")!
        var perDay: [Int: Int] = [:]
        var stopped: (Date, String)?
        var polls = 0
        var cursor: [String: String] = [:]
        while clock.now < feb {
            let before = src.ledger.used(now: clock.now)
            let day = Int(clock.now.timeIntervalSince(Timestamp.parse("2027-01-01T00:00:00Z")!) / 86400)
            do {
                let r = try await src.poll(cursor: cursor)
                cursor = r.cursor
                polls += 1
                perDay[day, default: 0] += src.ledger.used(now: clock.now) - before
                clock.set(max(clock.now.addingTimeInterval(120), r.notBefore ?? .distantPast))
            } catch SourceError.rateLimited(let until, let why) {
                if stopped == nil { stopped = (clock.now, why) }
                XCTAssertEqual(until, feb, "a spent budget waits for the month to turn")
                clock.set(until)
            }
        }
        XCTAssertLessThanOrEqual(src.ledger.used(now: feb.addingTimeInterval(-1)), 3000, "never more than the budget")
        XCTAssertEqual(served.value, src.ledger.used(now: feb.addingTimeInterval(-1)), "every post served is counted")
        XCTAssertGreaterThan(served.value, 2900, "the budget is used, not wasted")
        print(
            "x budget month: \(served.value) read in \(polls) polls; per day \(perDay.sorted { $0.key < $1.key }.map(\.value))"
        )
        let (at, why) = try XCTUnwrap(stopped)
        XCTAssertTrue(
            why.contains("the monthly read budget is spent (") && why.contains(" of 3,000 posts read in 2027-01)")
                && why.contains("polling resumes 2027-02-01T00:00:00"), why)
        XCTAssertGreaterThan(at, Timestamp.parse("2027-01-25T00:00:00Z")!, "spread over the month, not spent early")
        // No day spends much more than its share (3000 / 31 ≈ 97) plus the day in hand.
        XCTAssertLessThanOrEqual(perDay.values.max() ?? 0, 250, "\(perDay.sorted { $0.key < $1.key })")
        XCTAssertGreaterThan(polls, 31, "it kept polling every day")

        // February: a new month, a new budget.
        let r = try await src.poll(cursor: cursor)
        XCTAssertFalse(r.mentions.isEmpty)
        XCTAssertEqual(src.ledger.used(now: clock.now), r.mentions.count)
        let file = try String(contentsOf: dir.stateDir.appendingPathComponent("x-xacme.reads.json"), encoding: .utf8)
        XCTAssertTrue(file.contains("\"2027-01\"") && file.contains("\"2027-02\""), file)
    }

    func testMaxResultsFitsWhatIsLeftAndTooLittleLeftStops() async throws {
        let dir = try xDataDir()
        _ = busyServer()
        let clock = TestClock(Timestamp.parse("2027-01-31T20:00:00Z")!)
        let ledger = XReadLedger(dataDir: dir, sourceID: "xacme")
        try ledger.add(988, now: clock.now)
        let src = try XSource(config: xConfig(server, budget: 1000), dataDir: dir, http: TestHTTPClient()) { clock.now }
        let r = try await src.poll(cursor: ["mentions": "1"])
        XCTAssertEqual(server.requests("GET", "/2/users/100/mentions").first?.query("max_results"), "12")
        XCTAssertEqual(r.mentions.count, 12)
        XCTAssertEqual(ledger.used(now: clock.now), 1000)
        do {
            _ = try await src.poll(cursor: r.cursor)
            XCTFail("the budget is spent")
        } catch SourceError.rateLimited(let until, _) {
            XCTAssertEqual(until, Timestamp.parse("2027-02-01T00:00:00Z"))
        }
        XCTAssertEqual(server.requests("GET", "/2/users/100/mentions").count, 1, "no request once spent")
    }

    func testPollingSlowsWhenAheadOfTheMonth() async throws {
        let dir = try xDataDir()
        _ = busyServer()
        let clock = TestClock(Timestamp.parse("2027-01-10T00:00:00Z")!)
        let src = try XSource(config: xConfig(server, budget: 3100), dataDir: dir, http: TestHTTPClient()) { clock.now }
        // 9 days of 31 gone (plus one in hand): pro-rata 1000; 700 read is 70%, normal pace.
        try src.ledger.add(700, now: clock.now)
        let calm = try await src.poll(cursor: [:])
        XCTAssertNil(calm.notBefore)
        // 900 read is 90% of the pro-rata budget: the next poll waits beyond twice the interval.
        try src.ledger.add(900 - src.ledger.used(now: clock.now), now: clock.now)
        let slow = try await src.poll(cursor: [:])
        let wait = try XCTUnwrap(slow.notBefore).timeIntervalSince(clock.now)
        XCTAssertGreaterThanOrEqual(wait, 240)
        XCTAssertLessThanOrEqual(wait, 6 * 3600)
    }

    func testTheLedgerIsSafeForSeveralProcesses() async throws {
        let dir = try xDataDir()
        let now = Timestamp.parse("2027-01-15T00:00:00Z")!
        await withTaskGroup(of: Void.self) { g in
            for _ in 0..<8 {
                g.addTask {
                    let l = XReadLedger(dataDir: dir, sourceID: "xacme")
                    for _ in 0..<25 { try? l.add(3, now: now) }
                }
            }
        }
        XCTAssertEqual(XReadLedger(dataDir: dir, sourceID: "xacme").used(now: now), 600)
        XCTAssertEqual(
            XReadLedger(dataDir: dir, sourceID: "xacme").used(now: Timestamp.parse("2027-02-01T00:00:00Z")!), 0)
    }
}
