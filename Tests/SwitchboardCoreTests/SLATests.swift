import Foundation
import XCTest

@testable import SwitchboardCore

final class SLATests: XCTestCase {
    func at(_ s: String) -> Date { Timestamp.parse(s)! }
    func post(_ s: String) -> Mention { Mention(platform: "mastodon", id: s, text: "?", createdAt: at(s)) }
    func sla(_ hours: String?, minutes: Int = 60, bands: [String: Int]? = nil, tz: String = "Europe/Berlin") throws
        -> SLA
    {
        try SLA(
            TeamConfig.SLA(firstResponseMinutes: minutes, byPriority: bands, businessHours: hours),
            timeZone: TimeZone(identifier: tz)!)
    }

    func testAroundTheClockAndBands() throws {
        let s = try sla(nil, bands: ["high": 15, "low": 240])
        let m = post("2026-11-27T10:00:00Z")
        XCTAssertEqual(s.due(for: m), at("2026-11-27T11:00:00Z"))
        XCTAssertEqual(s.due(for: m, band: "high"), at("2026-11-27T10:15:00Z"))
        XCTAssertEqual(s.due(for: m, band: "low"), at("2026-11-27T14:00:00Z"))
        XCTAssertEqual(
            s.due(for: m, band: "normal"), at("2026-11-27T11:00:00Z"), "a band without its own target uses the team's")
        XCTAssertEqual(s.timeLeft(for: m, now: at("2026-11-27T10:20:00Z")), 40 * 60)
        XCTAssertEqual(s.timeLeft(for: m, now: at("2026-11-27T11:30:00Z")), -30 * 60)
        XCTAssertTrue(s.isOverdue(m, state: MentionState(), now: at("2026-11-27T11:00:01Z")))
        var answered = MentionState()
        answered.firstResponseAt = at("2026-11-27T10:30:00Z")
        answered.status = .answered
        XCTAssertFalse(s.isOverdue(m, state: answered, now: at("2026-11-27T12:00:00Z")))
    }

    func testWeekendsDoNotCount() throws {
        let s = try sla("Mon-Fri 08:00-18:00")
        // Friday 17:30 in Berlin (16:30Z): 30 minutes on Friday, 30 on Monday from 08:00.
        let fri = post("2026-11-27T16:30:00Z")
        XCTAssertEqual(s.due(for: fri), at("2026-11-30T07:30:00Z"))
        // Saturday noon: the clock starts Monday 08:00.
        XCTAssertEqual(s.due(for: post("2026-11-28T11:00:00Z")), at("2026-11-30T08:00:00Z"))
        // Business time left over the weekend is what counts.
        XCTAssertEqual(s.timeLeft(for: fri, now: at("2026-11-29T12:00:00Z")), 30 * 60)
        XCTAssertFalse(s.isOverdue(fri, state: MentionState(), now: at("2026-11-29T23:00:00Z")))
        XCTAssertTrue(s.isOverdue(fri, state: MentionState(), now: at("2026-11-30T07:31:00Z")))
        XCTAssertEqual(s.timeLeft(for: fri, now: at("2026-11-30T07:40:00Z")), -10 * 60)
    }

    func testDaylightSavingChanges() throws {
        // Autumn: Friday 2026-10-23 17:30 CEST (15:30Z) + 60 min → 30 min Friday, Monday 08:30 CET (07:30Z), after the change.
        let s = try sla("Mon-Fri 08:00-18:00")
        XCTAssertEqual(s.due(for: post("2026-10-23T15:30:00Z")), at("2026-10-26T07:30:00Z"))
        // Spring, every day around the clock: Saturday 2026-03-28 17:00 CET + 24 h of real time; Sunday has only 23 hours
        // on the wall, so it is due Sunday 18:00 CEST (16:00Z), exactly 24 real hours later.
        let all = try sla("Mon-Sun 00:00-24:00", minutes: 24 * 60)
        XCTAssertEqual(all.due(for: post("2026-03-28T16:00:00Z")), at("2026-03-29T16:00:00Z"))
        // Business hours on the day of the change: 08:00-18:00 local is 06:00Z-16:00Z after it.
        let sun = try sla("Sun 08:00-18:00", minutes: 120)
        XCTAssertEqual(sun.due(for: post("2026-03-29T05:00:00Z")), at("2026-03-29T08:00:00Z"))
    }

    func testParsingBusinessHours() throws {
        let h = try SLA.parseHours("Mon-Fri 08:00-18:00, Sat 10:00-14:00")
        XCTAssertEqual(h[2], [480...1080])
        XCTAssertEqual(h[6], [480...1080])
        XCTAssertEqual(h[7], [600...840])
        XCTAssertNil(h[1])
        XCTAssertEqual(try SLA.parseHours("Fri-Mon 09:00-17:00").keys.sorted(), [1, 2, 6, 7])
        XCTAssertThrowsError(try SLA.parseHours("weekdays 8-18")) {
            XCTAssertTrue("\($0)".contains("DAYS HH:MM-HH:MM") || "\($0)".contains("not"))
        }
        XCTAssertThrowsError(try SLA.parseHours("Mon-Fri 18:00-08:00"))
        var team = TeamConfig(brand: .init(name: "A", terms: []))
        team.timezone = "Mars/Olympus"
        XCTAssertThrowsError(try SLA(team: team)) {
            XCTAssertEqual("\($0)", "team.json: unknown timezone \"Mars/Olympus\"")
        }
    }
}
