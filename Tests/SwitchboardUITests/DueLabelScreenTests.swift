import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 15, SLA labels: over a weekend the feed names the due moment in the team's time zone ("due Mon 09:00")
/// instead of "due 2d" on every row, says that it is outside business hours, and colours the label by priority.
final class DueLabelScreenTests: XCTestCase {
    static let team: TeamConfig = {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]),
            sla: .init(firstResponseMinutes: 60, byPriority: ["high": 15], businessHours: "Mon-Fri 08:00-18:00"))
        t.timezone = "Europe/Berlin"
        return t
    }()

    func at(_ s: String, _ m: Mention) -> Mention {
        var m = m
        m.createdAt = Timestamp.parse(s)!
        return m
    }

    func testWeekendRowsNameTheDueMomentAndTheFeedSaysOffHours() throws {
        let app = try TestApp(
            [
                // Saturday 09:30 Berlin: the clock starts Monday 08:00, due 09:00.
                at("2026-11-28T08:30:00Z", mention("a", "Where is my invoice?", author: "sat", intents: [.question])),
                // Saturday 10:00 Berlin, high priority (a crisis in a thread, 15 minutes): due Monday 08:15.
                at(
                    "2026-11-28T09:00:00Z",
                    mention(
                        "c", "Total outage, this is a scandal!", author: "loud", sentiment: .negative,
                        intents: [.crisis], followers: 90_000, inReplyTo: "earlier")),
                // Friday 17:45 Berlin: 15 minutes on Friday, 45 on Monday: due Monday 08:45.
                at("2026-11-27T16:45:00Z", mention("b", "Login fails since noon", author: "fri")),
                // Friday 16:00 Berlin: due 17:00 Friday, late since.
                at("2026-11-27T15:00:00Z", mention("d", "Still waiting for an answer", author: "early")),
            ], team: DueLabelScreenTests.team)
        app.sideBySide()
        app.send(.tick(Timestamp.parse("2026-11-28T10:00:00Z")!))  // Saturday 11:00 Berlin
        XCTAssertEqual(
            Array(app.screen[0...4]),
            [
                "┌─ Feed — 4 · off hours till Mon 08:00 ──────────────────────────┐┌─ Mention ──────────────────────────────────────────┐",
                "│ 1h M loud         -* new  due Mon 08:15 Total outage, this is a││ No mention open: select one in the feed and press  │",
                "│ 1h M sat             new  due Mon 09:00 Where is my invoice?   ││ Enter.                                             │",
                "│17h M fri             new  due Mon 08:45 Login fails since noon ││                                                    │",
                "│19h M early           new  late 18h Still waiting for an answer ││                                                    │",
            ], app.dump())
        // Coloured by priority: high stands out, normal stays quiet, late is overdue.
        XCTAssertEqual(app.buffer[30, 1].role, .negative)
        XCTAssertEqual(app.buffer[30, 2].role, .dim)
        XCTAssertEqual(app.buffer[30, 4].role, .overdue)
        // The mention pane names the moment too.
        app.press("j <Enter>")
        XCTAssertTrue(app.screen.contains { $0.contains("status: open · due Mon 09:00 · priority: normal") }, app.dump())
        app.press("<Esc>")
        // Back in business hours (Monday 08:05 Berlin): near due moments count down again, and the title is plain.
        app.send(.tick(Timestamp.parse("2026-11-30T07:05:00Z")!))
        XCTAssertEqual(app.screen[0].prefix(14), "┌─ Feed — 4 ──")
        XCTAssertTrue(app.screen[1].contains(" due 10m "), app.dump())
        XCTAssertEqual(app.buffer[30, 1].role, .warning, "due within 15 minutes")
        XCTAssertTrue(app.screen[2].contains(" due 55m "), app.dump())
    }

    func testLabelRules() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let now = Timestamp.parse("2026-11-28T10:00:00Z")!.timeIntervalSince1970
        XCTAssertEqual(DueLabel.make(due: now + 25 * 60, now: now, band: "normal", timeZone: berlin).text, "due 25m")
        XCTAssertEqual(DueLabel.make(due: now - 12 * 60, now: now, band: "normal", timeZone: berlin).text, "late 12m")
        XCTAssertEqual(DueLabel.make(due: now + 5 * 3600, now: now, band: "low", timeZone: berlin).text, "due 5h")
        XCTAssertEqual(
            DueLabel.make(due: now + 46 * 3600 + 15 * 60, now: now, band: "normal", timeZone: berlin).text,
            "due Mon 09:15")
        XCTAssertEqual(
            DueLabel.make(due: now + 9 * 86400, now: now, band: "normal", timeZone: berlin).text, "due 7 Dec 11:00")
    }
}
