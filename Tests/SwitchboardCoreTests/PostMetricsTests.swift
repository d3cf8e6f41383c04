import Foundation
import XCTest

@testable import SwitchboardCore

/// How each post did: the `metrics` action, its fold into the queue, the polling cadence, the report's section and
/// the posting schedule that prefers the slots where posts did best.
final class PostMetricsTests: XCTestCase {
    func utc(_ s: String) -> Date { Timestamp.parse(s)! }

    /// A store with `posts` published to masto at the given times, each with one reading of `likes` likes.
    func store(_ posts: [(id: String, at: String, likes: Int)], team: TeamConfig = queueTeam()) throws -> Store {
        let s = try Store(dir: makeTempDir("sb-metrics"))
        addTeardownBlock { try? FileManager.default.removeItem(at: s.dir.root) }
        for p in posts {
            let at = utc(p.at)
            try Queue.add(
                QueueDraft(id: p.id, text: "Post \(p.id)\nsecond line", accounts: ["masto"], scheduledAt: at),
                team: team, store: s, actor: "lea", now: at.addingTimeInterval(-3600))
            _ = try s.record(
                [.queue(.published(id: p.id, account: "masto", postID: "9\(p.id)", url: nil))], actor: "lea", now: at)
            let m = PostMetrics(
                queue: p.id, account: "masto", postID: "9\(p.id)", likes: p.likes, reposts: 1, replies: 2, at: at)
            _ = try s.record([m.action], actor: "listener", now: at.addingTimeInterval(3600))
        }
        return s
    }

    func testCadenceIsHourlyForTwoDaysThenDailyUntilThirtyDays() {
        let c = MetricsCadence()
        let pub = utc("2026-11-02T09:00:00Z")
        func due(_ last: String?, _ now: String) -> Bool {
            c.isDue(publishedAt: pub, lastAt: last.map(utc), now: utc(now))
        }
        XCTAssertFalse(due(nil, "2026-11-02T09:30:00Z"), "not before the first hour")
        XCTAssertTrue(due(nil, "2026-11-02T10:00:00Z"))
        XCTAssertFalse(due("2026-11-02T10:00:00Z", "2026-11-02T10:30:00Z"))
        XCTAssertTrue(due("2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z"), "hourly in the first 48 hours")
        XCTAssertFalse(due("2026-11-04T10:00:00Z", "2026-11-04T12:00:00Z"), "after 48 hours: daily")
        XCTAssertTrue(due("2026-11-04T10:00:00Z", "2026-11-05T10:00:00Z"))
        XCTAssertTrue(due("2026-11-30T10:00:00Z", "2026-12-09T10:00:00Z"), "one last reading after 30 days")
        XCTAssertFalse(due("2026-12-02T09:00:00Z", "2026-12-20T10:00:00Z"), "none after that")
    }

    func testReadingsFoldIntoTheQueueItemAndSurviveTheLog() throws {
        let s = try store([("q1", "2026-11-02T09:00:00Z", 12)])
        let later = PostMetrics(
            queue: "q1", account: "masto", postID: "9q1", likes: 30, reposts: 4, replies: 5, quotes: 1, views: nil,
            at: utc("2026-11-03T09:00:00Z"))
        _ = try s.record([later.action], actor: "listener", now: later.at)
        let item = try XCTUnwrap(Queue(store: try Store(dir: s.dir))["q1"])
        XCTAssertEqual(item.metrics["masto"]?.likes, 30)
        XCTAssertEqual(item.metrics["masto"]?.views, nil, "a count the network did not give stays unknown")
        XCTAssertEqual(item.metricsReadings["masto"], 2)
        XCTAssertEqual(item.engagement, 40)
        XCTAssertEqual(item.metrics["masto"]?.line, "likes 30 · reposts 4 · replies 5 · quotes 1")
        XCTAssertEqual(L10n.t("metrics.likes", in: .de, ["count": "3"]), "Likes 3")
    }

    func testReportListsTopPostsAndEngagementPerNetworkAndSlot() throws {
        let team = queueTeam(timezone: "UTC")
        let s = try store(
            [
                ("q1", "2026-11-02T09:00:00Z", 12), ("q2", "2026-11-03T13:00:00Z", 40),
                ("q3", "2026-11-09T09:00:00Z", 2),
            ],
            team: team)
        let r = try Report.compute(
            mentions: [], states: [:], events: s.events, team: team, since: utc("2026-11-01T00:00:00Z"),
            until: utc("2026-11-15T00:00:00Z"), now: utc("2026-11-15T00:00:00Z"))
        let perf = try XCTUnwrap(r.published.performance)
        XCTAssertEqual(perf.top.map(\.id), ["q2", "q1", "q3"])
        XCTAssertEqual(perf.byNetwork.map(\.name), ["mastodon"])
        XCTAssertEqual(perf.bySlot.map(\.name), ["tue 13", "mon 09"])
        let text = r.text()
        XCTAssertTrue(text.contains("How the posts did (latest counts):"), text)
        XCTAssertTrue(text.contains("Engagement per network:"), text)
        XCTAssertTrue(text.contains("Best slots (weekday, hour):"), text)
        let slotLines = text.split(separator: "\n").filter { $0.contains("tue 13") || $0.contains("mon 09") }
        XCTAssertEqual(slotLines.count, 2, text)
        XCTAssertTrue(slotLines[0].contains("tue 13"), "the best slot first: \(slotLines)")
        XCTAssertTrue(slotLines[0].hasSuffix("43.0"), String(slotLines[0]))
        XCTAssertTrue(slotLines[1].hasSuffix("10.0"), String(slotLines[1]))
    }

    func testNextSlotPrefersTheSlotWherePostsDidBestOnceItHasEnoughPosts() throws {
        var team = queueTeam(timezone: "UTC", schedule: ["masto": ["mon": ["09:00"], "tue": ["13:00"]]])
        // Mondays 09:00 did poorly three times, Tuesdays 13:00 well three times.
        let past = [
            ("a1", "2026-10-05T09:00:00Z", 1), ("a2", "2026-10-12T09:00:00Z", 2), ("a3", "2026-10-19T09:00:00Z", 0),
            ("b1", "2026-10-06T13:00:00Z", 30), ("b2", "2026-10-13T13:00:00Z", 25),
        ]
        let s = try store(past, team: team)
        let now = utc("2026-11-01T12:00:00Z")  // a Sunday: Monday 09:00 is the first free slot
        func next() throws -> Date {
            try Queue.current(s).nextFreeSlot(after: now, accounts: ["masto"], schedule: PostingSchedule(team: team))
        }
        XCTAssertEqual(try next(), utc("2026-11-02T09:00:00Z"), "without the setting: the first free slot")
        guard case .object(var sched)? = team.extra["posting_schedule"] else { return XCTFail() }
        sched["prefer_best_slots"] = .bool(true)
        team.extra["posting_schedule"] = .object(sched)
        XCTAssertTrue(PostingSchedule(team: team).preferBestSlots)
        XCTAssertEqual(try next(), utc("2026-11-02T09:00:00Z"), "Tuesday has only two posts: not enough to learn from")
        let b3 = utc("2026-10-20T13:00:00Z")
        try Queue.add(
            QueueDraft(id: "b3", text: "Post b3", accounts: ["masto"], scheduledAt: b3), team: team, store: s,
            actor: "lea", now: b3)
        _ = try s.record(
            [.queue(.published(id: "b3", account: "masto", postID: "9b3", url: nil))], actor: "lea", now: b3)
        _ = try s.record(
            [PostMetrics(queue: "b3", account: "masto", likes: 20, at: b3).action], actor: "listener",
            now: b3.addingTimeInterval(3600))
        XCTAssertEqual(try next(), utc("2026-11-03T13:00:00Z"), "three good Tuesdays: Tuesday 13:00")
    }
}
