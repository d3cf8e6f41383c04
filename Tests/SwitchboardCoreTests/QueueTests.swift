import Foundation
import XCTest

@testable import SwitchboardCore

func queueTeam(timezone: String = "Europe/Berlin", schedule: [String: [String: [String]]] = [:]) -> TeamConfig {
    var masto = SourceConfig(id: "masto", type: "mastodon")
    masto.instance = "https://social.example"
    let bsky = SourceConfig(id: "bsky", type: "bluesky")
    let sched = JSONValue.object(schedule.mapValues { .object($0.mapValues { .array($0.map(JSONValue.string)) }) })
    return TeamConfig(
        brand: .init(name: "Acme", terms: ["acme"]), competitors: [.init(name: "Globex", terms: ["globex", "gx"])],
        sources: [masto, bsky],
        team: [
            .init(user: "lea", name: "Lea", role: "lead"), .init(user: "max", name: "Max", role: "manager"),
            .init(user: "ali", name: "Ali", role: "agent"),
        ],
        sensitiveTerms: ["layoffs"], timezone: timezone, extra: ["posting_schedule": sched])
}

final class QueueTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func store() throws -> Store {
        let dir = makeTempDir("sb-queue")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        return try Store(dir: dir)
    }

    func testQueueActionsAreFlatJSONAndFoldBackAfterReopening() throws {
        let s = try store()
        let team = queueTeam()
        let d = QueueDraft(
            id: "q1", text: "Our spring release is out", variants: ["bluesky": "Spring release!"],
            accounts: ["masto", "bsky"],
            media: [QueueMedia(path: "/tmp/a.png", alt: "A chart")], link: "https://acme.example/spring",
            via: QueueAttribution.parse("@anna https://social.example/@anna/1"), tags: ["launch"], campaign: "spring",
            scheduledAt: t0.addingTimeInterval(3600), createdAt: t0)
        try Queue.add(d, team: team, store: s, actor: "max", now: t0)
        try Queue.edit("q1", text: "Our spring release is here", store: s, actor: "max", now: t0.addingTimeInterval(1))
        let line = readLines(logFiles(s.dir, .actions)[0])[0]
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(o["type"] as? String, "queue_add")
        XCTAssertEqual(o["queue"] as? String, "q1")
        XCTAssertEqual(o["accounts"] as? [String], ["masto", "bsky"])
        XCTAssertNil(o["data"])
        let reopened = try Store(dir: s.dir)
        let q = Queue(store: reopened)
        let i = try XCTUnwrap(q["q1"])
        XCTAssertEqual(i.draft.text, "Our spring release is here")
        XCTAssertEqual(i.draft.variants["bluesky"], "Spring release!")
        XCTAssertEqual(i.draft.via, QueueAttribution(handle: "@anna", url: "https://social.example/@anna/1"))
        XCTAssertEqual(i.draft.createdAt, t0)
        XCTAssertEqual(i.state, .scheduled)
        XCTAssertEqual(
            i.draft.body(for: "mastodon"),
            "Our spring release is here\n\nhttps://acme.example/spring\n\nvia @anna https://social.example/@anna/1")
        XCTAssertEqual(
            i.draft.body(for: "bsky"),
            "Spring release!\n\nhttps://acme.example/spring\n\nvia @anna https://social.example/@anna/1")
        XCTAssertThrowsError(
            try Queue.add(QueueDraft(text: "x", accounts: ["nope"]), team: team, store: s, actor: "max")
        ) {
            XCTAssertTrue("\($0)".contains("no source \"nope\""))
        }
    }

    func testDeleteRestoreAndScheduleStates() throws {
        let s = try store()
        let team = queueTeam()
        try Queue.add(
            QueueDraft(id: "q1", text: "Hello", accounts: ["masto"], createdAt: t0), team: team, store: s, actor: "max",
            now: t0)
        XCTAssertEqual(try Queue.current(s)["q1"]?.state, .draft)
        XCTAssertTrue(try Queue.current(s).due(t0.addingTimeInterval(9999)).isEmpty)
        try Queue.schedule("q1", at: t0.addingTimeInterval(60), store: s, actor: "max", now: t0)
        XCTAssertEqual(try Queue.current(s).due(t0.addingTimeInterval(60)).map(\.account), ["masto"])
        try Queue.delete("q1", store: s, actor: "max", now: t0)
        XCTAssertEqual(try Queue.current(s)["q1"]?.state, .deleted)
        XCTAssertTrue(try Queue.current(s).due(t0.addingTimeInterval(60)).isEmpty)
        XCTAssertThrowsError(try Queue.delete("q1", store: s, actor: "max", now: t0))
        try Queue.restore("q1", store: s, actor: "max", now: t0)
        XCTAssertEqual(try Queue.current(s)["q1"]?.state, .scheduled)
    }

    func testOnlyLeadOrManagerFlipsTheSwitchAndResumePoliciesHandlePastItems() throws {
        let s = try store()
        let team = queueTeam(schedule: [
            "masto": [
                "mon": ["09:00"], "tue": ["09:00"], "wed": ["09:00"], "thu": ["09:00"], "fri": ["09:00"],
                "sat": ["09:00"], "sun": ["09:00"],
            ]
        ])
        try Queue.add(
            QueueDraft(
                id: "past1", text: "A", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(60), createdAt: t0),
            team: team, store: s, actor: "max", now: t0)
        try Queue.add(
            QueueDraft(
                id: "past2", text: "B", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(120), createdAt: t0),
            team: team, store: s, actor: "max", now: t0)
        try Queue.add(
            QueueDraft(
                id: "later", text: "C", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(86400 * 3),
                createdAt: t0), team: team, store: s, actor: "max", now: t0)
        XCTAssertThrowsError(try Queue.suspendAll(reason: "crisis", team: team, store: s, actor: "ali", now: t0)) {
            XCTAssertEqual("\($0)", "ali is agent: only a lead or manager may suspend or resume the queue")
        }
        XCTAssertThrowsError(try Queue.suspendAll(reason: "crisis", team: team, store: s, actor: "eve", now: t0))
        XCTAssertFalse(try Queue.current(s).isSuspended)
        try Queue.suspendAll(reason: "outage at the data centre", team: team, store: s, actor: "max", now: t0)
        var q = try Queue.current(s)
        XCTAssertEqual(q.suspension?.reason, "outage at the data centre")
        XCTAssertEqual(q.suspension?.by, "max")
        XCTAssertEqual(q.all.map(\.state), [.suspended, .suspended, .suspended])
        XCTAssertTrue(q.due(t0.addingTimeInterval(600)).isEmpty)
        // Added while suspended: held too.
        try Queue.add(
            QueueDraft(
                id: "new", text: "D", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(30), createdAt: t0),
            team: team, store: s, actor: "max", now: t0)
        XCTAssertEqual(try Queue.current(s)["new"]?.state, .suspended)
        XCTAssertThrowsError(try Queue.resumeAll(policy: .postNow, team: team, store: s, actor: "ali", now: t0))

        let now = t0.addingTimeInterval(600)
        try Queue.resumeAll(policy: .keepHolding, team: team, store: s, actor: "lea", now: now)
        q = try Queue.current(s)
        XCTAssertFalse(q.isSuspended)
        XCTAssertEqual(q["past1"]?.state, .suspended)
        XCTAssertEqual(q["new"]?.state, .suspended)
        XCTAssertEqual(q["later"]?.state, .scheduled)
        XCTAssertEqual(q.flips.map(\.actor), ["max", "lea"])

        // Suspend again and resume by moving the past ones to free slots (09:00 Berlin each day, one per day).
        try Queue.suspendAll(reason: "again", team: team, store: s, actor: "lea", now: now)
        let moved = try Queue.resumeAll(policy: .nextSlot, team: team, store: s, actor: "lea", now: now)
        q = try Queue.current(s)
        XCTAssertEqual(moved.count, 3)
        XCTAssertTrue(q.due(now).isEmpty)
        let times = Set(moved.map(\.at))
        XCTAssertEqual(times.count, 3, "each moved item gets its own slot")
        XCTAssertFalse(times.contains(q["later"]!.scheduledAt!), "the slot of a scheduled item stays its own")
        try Queue.suspendAll(reason: "third", team: team, store: s, actor: "lea", now: now)
        try Queue.resumeAll(
            policy: .postNow, team: team, store: s, actor: "lea", now: now.addingTimeInterval(86400 * 9))
        XCTAssertEqual(try Queue.current(s).due(now.addingTimeInterval(86400 * 9)).count, 4)
    }

    func testClaimIsExclusiveAndRespectsTheSwitchUnderTheLock() throws {
        let s = try store()
        let team = queueTeam()
        try Queue.add(
            QueueDraft(id: "q1", text: "A", accounts: ["masto"], scheduledAt: t0, createdAt: t0), team: team, store: s,
            actor: "max", now: t0)
        let other = try Store(dir: s.dir)
        try Queue.suspendAll(reason: "stop", team: team, store: other, actor: "lea", now: t0)
        guard
            case .suspended(let why) = try Queue.claim(
                "q1", account: "masto", store: s, holder: "1@h", lease: 60, actor: "x", now: t0)
        else { return XCTFail() }
        XCTAssertTrue(why.contains("stop"))
        try Queue.resumeAll(policy: .postNow, team: team, store: other, actor: "lea", now: t0)
        guard
            case .claimed = try Queue.claim(
                "q1", account: "masto", store: s, holder: "1@h", lease: 60, actor: "x", now: t0)
        else { return XCTFail() }
        guard
            case .notDue = try Queue.claim(
                "q1", account: "masto", store: other, holder: "2@h", lease: 60, actor: "x", now: t0)
        else { return XCTFail() }
        // The lease runs out: another publisher may take over (same item, attempt 2).
        guard
            case .claimed(_, let n) = try Queue.claim(
                "q1", account: "masto", store: other, holder: "2@h", lease: 60, actor: "x",
                now: t0.addingTimeInterval(61))
        else { return XCTFail() }
        XCTAssertEqual(n, 2)
    }

    func testDuplicateSwapAndCompactionKeepTheQueue() throws {
        let s = try store()
        let team = queueTeam()
        try Queue.add(
            QueueDraft(
                id: "qa", text: "A", accounts: ["masto"], link: "https://a.example", tags: ["x"], scheduledAt: t0,
                createdAt: t0), team: team, store: s, actor: "max", now: t0)
        try Queue.add(
            QueueDraft(id: "qb", text: "B", accounts: ["masto"], scheduledAt: t0.addingTimeInterval(60), createdAt: t0),
            team: team, store: s, actor: "max", now: t0)
        let copy = try Queue.duplicate("qa", team: team, store: s, actor: "max", now: t0.addingTimeInterval(5))
        XCTAssertNotEqual(copy.id, "qa")
        XCTAssertEqual(copy.state, .draft)
        XCTAssertEqual(copy.draft.link, "https://a.example")
        XCTAssertEqual(copy.draft.tags, ["x"])
        try Queue.swap("qa", "qb", store: s, actor: "max", now: t0)
        var q = try Queue.current(s)
        XCTAssertEqual(q["qa"]?.scheduledAt, t0.addingTimeInterval(60))
        XCTAssertEqual(q["qb"]?.scheduledAt, t0)
        XCTAssertThrowsError(try Queue.swap("qa", copy.id, store: s, actor: "max", now: t0))
        try Queue.suspendAll(reason: "r", team: team, store: s, actor: "lea", now: t0)
        _ = try s.compact()
        q = Queue(store: try Store(dir: s.dir))
        XCTAssertEqual(q.agenda.map(\.id), ["qb", "qa", copy.id])
        XCTAssertEqual(q.suspension?.reason, "r")
        XCTAssertEqual(q["qa"]?.state, .suspended)
    }
}
