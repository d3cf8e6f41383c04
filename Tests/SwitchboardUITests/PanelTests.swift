import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class PanelTests: XCTestCase {
    func testQueueAndPlaybooks() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 120, height: 30), team: QueueScreenTests.team(),
            files: [
                "playbooks/outage.json": CrisisFixtures.json(CrisisFixtures.playbook),
                "playbooks/recall.json": #"{"steps": []}"#,
            ])
        app.sideBySide()
        _ = try QueueScreenTests.add(app, "Our autumn sale starts today", at: "2026-11-28T09:00:00Z")
        _ = try QueueScreenTests.add(app, "Maintenance tonight", at: "2026-11-27T18:30:00Z")
        let rows = app.screen
        XCTAssertTrue(rows[16].hasSuffix("┌─ Queue — 2 ─────────────┐┌─ Crisis ────────────────┐"), rows[16])
        // Two lines an item in the narrow pane: time and state, then the text; playbook names whole (issue 15).
        XCTAssertTrue(rows[17].hasSuffix("│ Fri 27 18:30 scheduled  ││ No active crisis.       │"), rows[17])
        XCTAssertTrue(rows[18].hasSuffix("│   Maintenance tonight   ││ Playbooks:              │"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("│ Sat 28 09:00 scheduled  ││ • Service outage        │"), rows[19])
        XCTAssertTrue(rows[20].hasSuffix("│   Our autumn sale start…││ Cannot be used:         │"), rows[20])
        XCTAssertTrue(rows[21].hasSuffix("│                         ││ ✗ playbooks/recall.json:│"), rows[21])
    }

    func testActiveCrisisChecklistAndBanner() throws {
        let app = try CrisisFixtures.app(size: Size(width: 120, height: 30))
        app.sideBySide()
        try CrisisFixtures.start(app, minutesAgo: 120)
        try CrisisFixtures.step(app, "confirm", .done, by: "alice", minutesAgo: 100)
        let rows = app.screen
        XCTAssertTrue(rows[16].hasSuffix("┌─ Crisis — ACTIVE ───────┐"), rows[16])
        XCTAssertTrue(rows[17].hasSuffix("│ CRISIS · Service outage │"), rows[17])
        XCTAssertTrue(rows[18].hasSuffix("│ [x] Confirm… done       │"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("│ [ ] Suspend… 1h50m late │"), rows[19])
        XCTAssertEqual(app.buffer[100, 17].role, .crisisBanner)
        XCTAssertEqual(app.buffer[100, 19].role, .overdue)
        XCTAssertTrue(rows[28].hasPrefix(" CRISIS: Service outage 1/5 · 4 overdue  ~/sb"), rows[28])
        app.resize(Size(width: 80, height: 24))
        XCTAssertTrue(app.screen[0].hasSuffix("4 Crisis !"), app.screen[0])
    }

    func testBrokenPlaybookShowsItsProblemAndStopsNothingElse() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 120, height: 30),
            files: [
                "playbooks/broken.json": "{nope"
            ])
        app.sideBySide()
        XCTAssertEqual(app.buffer[100, 19].role, .error)
        XCTAssertTrue(app.screen[19].contains("│ ✗ playbooks/broken.json:"), app.dump())
        XCTAssertTrue(app.screen[1].contains("Why is my order late"))
    }

    func testEditedPlaybookIsReadAgain() throws {
        let app = try CrisisFixtures.app(size: Size(width: 100, height: 26))
        app.sideBySide()
        app.press("4")
        XCTAssertTrue(app.screen[5].contains("• Service outage  3 levels · 5 steps"), app.dump())
        var p = CrisisFixtures.playbook
        p.name = "Outage (edited)"
        try Data(CrisisFixtures.json(p).utf8).write(to: app.root.appendingPathComponent("playbooks/outage.json"))
        // The runtime's refresher notices the file changed and asks for the panels again.
        app.send(.start)
        XCTAssertTrue(app.screen[5].contains("• Outage (edited)  3 levels · 5 steps"), app.dump())
    }
}
