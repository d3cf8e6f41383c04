import Foundation
import XCTest

@testable import SwitchboardCore

final class PostingScheduleTests: XCTestCase {
    func utc(_ s: String) -> Date { Timestamp.parse(s)! }

    func testNextFreeSlotAcrossTheSpringDSTChangeInBerlin() throws {
        // 2026-03-29 is the spring-forward Sunday in Europe/Berlin (02:00 CET → 03:00 CEST).
        let team = queueTeam(schedule: ["masto": ["sat": ["09:00"], "sun": ["02:30", "09:00"], "mon": ["09:00"]]])
        let sched = PostingSchedule(team: team)
        let after = utc("2026-03-28T07:00:00Z")  // Sat 08:00 CET
        XCTAssertEqual(
            sched.slots(after: after, account: "masto", days: 2),
            [
                utc("2026-03-28T08:00:00Z"),  // Sat 09:00 CET (+1)
                utc("2026-03-29T01:30:00Z"),  // Sun 02:30 does not exist: 03:30 CEST (+2)
                utc("2026-03-29T07:00:00Z"),  // Sun 09:00 CEST (+2)
                utc("2026-03-30T07:00:00Z"),  // Mon 09:00 CEST
            ])
        let s = try Store(dir: makeTempDir("sb-slots"))
        addTeardownBlock { try? FileManager.default.removeItem(at: s.dir.root) }
        for _ in 0..<3 {
            let q = try Queue.current(s)
            let slot = try q.nextFreeSlot(after: after, account: "masto", schedule: sched)
            try Queue.add(
                QueueDraft(text: "post", accounts: ["masto"], scheduledAt: slot), team: team, store: s, actor: "max",
                now: after)
        }
        let taken = try Queue.current(s).agenda.compactMap(\.scheduledAt)
        XCTAssertEqual(taken, [utc("2026-03-28T08:00:00Z"), utc("2026-03-29T01:30:00Z"), utc("2026-03-29T07:00:00Z")])
    }

    func testAutumnChangeAndAFullWeekMovesToTheNextWeek() throws {
        // 2026-10-25: 03:00 CEST → 02:00 CET. 09:00 is 07:00Z on Saturday and 08:00Z on Sunday.
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let team = queueTeam(schedule: [
            "masto": Dictionary(uniqueKeysWithValues: days.map { ($0, ["09:00", "13:00"]) })
        ])
        let sched = PostingSchedule(team: team)
        let after = utc("2026-10-24T06:00:00Z")
        XCTAssertEqual(
            Array(sched.slots(after: after, account: "masto").prefix(4)),
            [
                utc("2026-10-24T07:00:00Z"), utc("2026-10-24T11:00:00Z"), utc("2026-10-25T08:00:00Z"),
                utc("2026-10-25T12:00:00Z"),
            ])
        let s = try Store(dir: makeTempDir("sb-slots"))
        addTeardownBlock { try? FileManager.default.removeItem(at: s.dir.root) }
        // Fill a whole week (14 slots), with a deleted item and a draft that hold nothing.
        try Queue.add(
            QueueDraft(id: "gone", text: "x", accounts: ["masto"], scheduledAt: utc("2026-10-24T07:00:00Z")),
            team: team, store: s, actor: "max", now: after)
        try Queue.delete("gone", store: s, actor: "max")
        try Queue.add(QueueDraft(text: "draft", accounts: ["masto"]), team: team, store: s, actor: "max", now: after)
        var got: [Date] = []
        for _ in 0..<15 {
            let slot = try Queue.current(s).nextFreeSlot(after: after, account: "masto", schedule: sched)
            got.append(slot)
            try Queue.add(
                QueueDraft(text: "p", accounts: ["masto"], scheduledAt: slot), team: team, store: s, actor: "max",
                now: after)
        }
        XCTAssertEqual(got.first, utc("2026-10-24T07:00:00Z"))
        XCTAssertEqual(Set(got).count, 15)
        XCTAssertEqual(got[13], utc("2026-10-30T12:00:00Z"))  // Friday 13:00 CET: the week is full
        XCTAssertEqual(got[14], utc("2026-10-31T08:00:00Z"))  // next Saturday 09:00 CET
        XCTAssertThrowsError(try Queue.current(s).nextFreeSlot(after: after, account: "bsky", schedule: sched)) {
            XCTAssertTrue("\($0)".contains("no posting_schedule for \"bsky\""))
        }
    }
}
