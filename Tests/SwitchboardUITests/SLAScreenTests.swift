import Insight
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Core's SLA in the feed, the mention pane and the status bar: targets per priority band, business hours.
final class SLAScreenTests: XCTestCase {
    func testTimeLeftAndOverdueFollowBandsAndBusinessHours() throws {
        // Friday 2026-11-27, 12:00 UTC. High priority: 15 minutes; others 60. Business hours Mon–Fri 08:00–18:00.
        let team = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]),
            sla: .init(firstResponseMinutes: 60, byPriority: ["high": 15], businessHours: "Mon-Fri 08:00-18:00"))
        let app = try TestApp(
            [
                mention(
                    "h", "This is a scandal, refund me now!", author: "angry", minutesAgo: 20, sentiment: .negative,
                    intents: [.crisis],
                    followers: 90_000),
                mention("n", "How do I change my address?", author: "calm", minutesAgo: 10, intents: [.question]),
                // Thursday 17:50: ten business minutes on Thursday, then Friday from 08:00: due Friday 08:50 — overdue by 3h10.
                mention(
                    "o", "Anyone there? Order stuck", author: "late", minutesAgo: 18 * 60 + 10, intents: [.question]),
            ], size: Size(width: 100, height: 30), team: team)
        app.sideBySide()
        XCTAssertEqual(
            Array(app.screen[1...3]),
            [
                "│10m M calm            new  due 50m How do I change my││ No mention open: select one in the feed   │",
                "│20m M angry        -* new  late 5m This is a scandal,││ and press Enter.                          │",
                "│18h M late            new  late 3h Anyone there? Orde││                                           │",
            ])
        XCTAssertEqual(app.buffer[28, 2].role, .overdue)
        XCTAssertEqual(app.buffer[1, 2].role, .overdue)
        XCTAssertEqual(app.buffer[28, 1].role, .dim)
        XCTAssertEqual(app.screen[28], " ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling")
        // The mention pane says the same.
        app.press("j <Enter>")
        XCTAssertEqual(
            app.screen[4],
            "│                                                     ││ status: open · overdue 5m · priority: hig…│")
        XCTAssertEqual(app.buffer[60, 4].role, .overdue)
        // Answering stops the clock.
        app.press("<Esc> a")
        XCTAssertTrue(
            app.screen[28].hasPrefix(" ~/sb · alice · 2 new · 2 open · 1 overdue · ⟳ polling"),
            app.screen[28])
    }

    /// The overdue count's fast path (bounds + a business clock with prefix sums) agrees with Core's SLA.isOverdue,
    /// also across a daylight-saving change.
    func testOverdueCountMatchesCoreSLAAcrossDST() throws {
        var sla = try SLA(
            .init(
                firstResponseMinutes: 90, byPriority: ["high": 20, "low": 600],
                businessHours: "Mon-Fri 08:00-18:00, Sat 10:00-12:30"),
            timeZone: TimeZone(identifier: "Europe/Berlin")!)
        sla.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let end = Timestamp.parse("2026-10-27T09:00:00Z")!  // two days after the clocks went back
        var rng = SystemRandomNumberGenerator()
        var ms: [Mention] = []
        for i in 0..<600 {
            let ago = Double.random(in: 0...(20 * 86400), using: &rng)
            var m = mention(
                "s\(i)", "m \(i)", author: "a\(i)", minutesAgo: 0,
                sentiment: [.negative, .neutral, .positive][i % 3],
                intents: i % 4 == 0 ? [.crisis] : (i % 4 == 1 ? [.question] : []),
                followers: i * 37)
            m.createdAt = end.addingTimeInterval(-ago)
            ms.append(m)
        }
        var feed = FeedModel(mute: MuteList(nil), slaMinutes: 90, sla: sla)
        feed.rebuild(ms, states: [:], now: end, viewport: 20)
        for step in 0..<12 {
            let now = end.addingTimeInterval(Double(step) * -37 * 3600)
            var expected = 0
            for it in feed.items {
                let m = ms.first { $0.key == it.key }!
                if sla.isOverdue(m, state: MentionState(), band: Priority.band(Double(it.priority)), now: now) {
                    expected += 1
                }
            }
            var f = feed
            f.dueCache = []
            XCTAssertEqual(f.counts([:], now: now).overdue, expected, "at \(now)")
        }
    }
}
