import XCTest
import ScreenKit
import SwitchboardCore
@testable import SwitchboardUI

final class PanelTests: XCTestCase {
    func testQueueAndPlaybooks() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), team: QueueScreenTests.team(), files: [
            "playbooks/outage.json": #"{"name": "Service outage", "steps": []}"#,
            "playbooks/recall.json": #"{"steps": []}"#,
        ])
        _ = try QueueScreenTests.add(app, "Our autumn sale starts today", at: "2026-11-28T09:00:00Z")
        _ = try QueueScreenTests.add(app, "Maintenance tonight", at: "2026-11-27T18:30:00Z")
        let rows = app.screen
        XCTAssertTrue(rows[16].hasSuffix("┌─ Queue — 2 ─────────────┐┌─ Crisis ────────────────┐"), rows[16])
        XCTAssertTrue(rows[17].hasSuffix("│ Fri 27 18:30 masto sched││ No active crisis.       │"), rows[17])
        XCTAssertTrue(rows[18].hasSuffix("│ Sat 28 09:00 masto sched││ Playbooks:              │"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("│                         ││ • Service outage        │"), rows[19])
        XCTAssertTrue(rows[20].hasSuffix("│                         ││ • recall                │"), rows[20])
    }

    func testActiveCrisisChecklistAndBanner() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), files: [
            "crisis/active.json": #"{"name": "Data leak rumour", "started_at": "2026-11-27T10:00:00Z", "steps": [{"text": "Tell legal", "done": true}, {"title": "Pause scheduled posts"}, "Draft statement"]}"#,
        ])
        let rows = app.screen
        XCTAssertTrue(rows[16].hasSuffix("┌─ Crisis — ACTIVE ───────┐"), rows[16])
        XCTAssertTrue(rows[17].hasSuffix("│ Data leak rumour · start│"), rows[17])
        XCTAssertTrue(rows[18].hasSuffix("│ [x] Tell legal          │"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("│ [ ] Pause scheduled post│"), rows[19])
        XCTAssertTrue(rows[20].hasSuffix("│ [ ] Draft statement     │"), rows[20])
        XCTAssertEqual(app.buffer[100, 17].role, .crisisBanner)
        XCTAssertTrue(rows[28].hasPrefix(" CRISIS: Data leak rumour  ~/sb"), rows[28])
        app.resize(Size(width: 80, height: 24))
        XCTAssertTrue(app.screen[0].hasSuffix("4 Crisis !"), app.screen[0])
    }

    func testBrokenFilesShowAnErrorAndStopNothingElse() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), files: [
            "crisis/active.json": "{nope",
        ])
        XCTAssertEqual(app.buffer[100, 17].role, .error)
        XCTAssertTrue(app.screen[17].contains("│ crisis/active.json: "), app.screen[17])
        XCTAssertTrue(app.screen[1].contains("Why is my order late"))
    }
}
