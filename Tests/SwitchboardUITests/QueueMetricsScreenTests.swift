import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The Queue pane's history shows how each published post did (its engagement from the latest `metrics` reading),
/// and follows new readings as the listener records them.
final class QueueMetricsScreenTests: XCTestCase {
    func testPublishedPostsShowTheirEngagementAndFollowNewReadings() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 80, height: 24), team: QueueScreenTests.team(), user: "lea")
        let store = try Store(dir: app.dir)
        let team = QueueScreenTests.team()
        let at = Timestamp.parse("2026-11-26T13:00:00Z")!
        try Queue.add(
            QueueDraft(id: "q1", text: "Winterröstung ist da", accounts: ["masto"], scheduledAt: at, createdAt: at),
            team: team, store: store, actor: "lea", now: at)
        _ = try store.record(
            [.queue(.published(id: "q1", account: "masto", postID: "9001", url: nil))], actor: "lea", now: at)
        _ = try QueueScreenTests.add(app, "Barista tips", at: "2026-11-27T17:00:00Z")
        _ = try store.record(
            [
                PostMetrics(queue: "q1", account: "masto", postID: "9001", likes: 12, reposts: 3, replies: 2, at: at)
                    .action
            ],
            actor: "listener", now: at.addingTimeInterval(3600))
        try app.refresh()
        app.press("3")
        assertScreen(app, SCREEN_FIRST)
        _ = try store.record(
            [
                PostMetrics(queue: "q1", account: "masto", postID: "9001", likes: 1200, reposts: 30, replies: 8, at: at)
                    .action
            ],
            actor: "listener", now: at.addingTimeInterval(7200))
        try app.refresh()
        XCTAssertTrue(app.screen.contains { $0.contains("♥ 1,238 Winterröstung ist da") }, app.dump())
        // In a narrow Queue pane (side by side at 120×40) the engagement leads the item's second line.
        app.resize(Size(width: 120, height: 40))
        XCTAssertTrue(app.screen.contains { $0.contains("││   ♥ 1,238 Winterröstung is…││") }, app.dump())
    }
}

private let SCREEN_FIRST = """
     1 Feed              2 Mention           3 Queue             4 Crisis
    ┌─ Queue — 2 ──────────────────────────────────────────────────────────────────┐
    │ Thu 26 13:00 masto published ✓ ♥ 17 Winterröstung ist da                     │
    │ Fri 27 17:00 masto scheduled   Barista tips                                  │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    └──────────────────────────────────────────────────────────────────────────────┘
     ~/sb · lea · 3 new · 3 open · 2 overdue · ⟳ polling
    j/k move  <Tab> pane  z zoom  : command  ? help  q quit
    """
