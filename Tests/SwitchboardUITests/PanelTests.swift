import XCTest
import ScreenKit
import SwitchboardCore
@testable import SwitchboardUI

final class PanelTests: XCTestCase {
    let queue = #"""
    {"v": 1, "items": [
      {"id": "b", "text": "Our autumn sale starts today", "scheduled_at": "2026-11-28T09:00:00Z", "state": "scheduled", "accounts": ["mastodon-main"]},
      {"id": "a", "text": "Maintenance tonight 22:00 UTC", "scheduled_at": "2026-11-27T18:30:00Z", "state": "approved", "accounts": ["bluesky"]},
      {"id": "c", "text": "Posted earlier", "scheduled_at": "2026-11-27T08:00:00Z", "state": "failed", "accounts": []}
    ]}
    """#

    func testQueueAndPlaybooks() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), files: [
            "queue.json": queue,
            "playbooks/outage.json": #"{"name": "Service outage", "steps": []}"#,
            "playbooks/recall.json": #"{"steps": []}"#,
        ])
        let rows = app.screen
        XCTAssertTrue(rows[16].hasSuffix("┌─ Queue — 3 ─────────────┐┌─ Crisis ────────────────┐"), rows[16])
        XCTAssertTrue(rows[17].hasSuffix("│ 11-27 08:00 failed    Po││ No active crisis.       │"), rows[17])
        XCTAssertTrue(rows[18].hasSuffix("│ 11-27 18:30 approved  Ma││ Playbooks:              │"), rows[18])
        XCTAssertTrue(rows[19].hasSuffix("│ 11-28 09:00 scheduled Ou││ • Service outage        │"), rows[19])
        XCTAssertTrue(rows[20].hasSuffix("│                         ││ • recall                │"), rows[20])
        XCTAssertEqual(app.buffer[80, 17].role, .error)
        app.press("3 z")
        XCTAssertTrue(app.screen[1].hasPrefix("│ 11-27 08:00 failed    Posted earlier"), app.screen[1])
        app.press("j")
        XCTAssertEqual(app.buffer[5, 2].role, .selected)
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
            "queue.json": "{\"v\": 1, \"items\": [\n{\"id\": 1}]}",
            "crisis/active.json": "{nope",
        ])
        XCTAssertTrue(app.screen[17].contains("│ queue.json: "), app.screen[17])
        XCTAssertEqual(app.buffer[70, 17].role, .error)
        XCTAssertTrue(app.screen[17].contains("│ crisis/active.json: "), app.screen[17])
        XCTAssertTrue(app.screen[1].contains("Why is my order late"))
        XCTAssertTrue(app.state.queue.error!.contains("field items[0].id: expected a string"), app.state.queue.error!)
    }

    func testRefreshRereadsFiles() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30))
        XCTAssertTrue(app.screen[17].contains("No scheduled posts"))
        try Data(queue.utf8).write(to: app.root.appendingPathComponent("queue.json"))
        app.press("r")
        XCTAssertTrue(app.screen[17].contains("11-27 08:00 failed"), app.screen[17])
    }
}
