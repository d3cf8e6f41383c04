import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The status line and the prompt area under it (issue 15, items 8 and 9): messages a user never saw.
final class StatusLineScreenTests: XCTestCase {
    typealias F = CrisisFixtures

    /// A spike alert recorded by another process, a minute ago.
    static func spike(_ app: TestApp) throws {
        let other = try Store(dir: app.dir)
        try other.record(
            [
                .other(
                    type: "spike_alert", mention: nil,
                    data: [
                        "kind": .string("negative"), "ratio": .number(4.3),
                        "message": .string("negative mentions ×4.3 in the last hour (5 against 1.2 per hour)"),
                    ])
            ],
            actor: "switchboard", now: TestApp.now.addingTimeInterval(-60))
        try app.refresh()
    }

    func testAnErrorBesideTheSpikeBannerStaysUntilTheNextKey() throws {
        let app = try F.app(size: Size(width: 120, height: 40), user: "bob")
        app.sideBySide()
        try Self.spike(app)
        XCTAssertEqual(
            app.screen[38],
            " ⚠ negative spike — Backlash? (C)  ~/sb · bob · 3 new · 3 open · 2 overdue · ⟳ polling",
            app.dump())
        app.press(":")
        app.type("suspend testing")
        app.press("<Enter>")
        let error = Array(app.screen[38...39])
        // The whole error, on the line below the status row; the user, counts and polling mode stay.
        XCTAssertEqual(
            error,
            [
                " ⚠ negative spike — Backlash? (C)  ~/sb · bob · 3 new · 3 open · 2 overdue · ⟳ polling",
                " bob is agent: only a lead or manager may suspend or resume the queue",
            ], app.dump())
        XCTAssertEqual(app.buffer[2, 39].role, .error)
        // The whole screen at 120×40 (issue 15, item 8).
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ─────────────────────────────────────────────────────┐┌─ Mention ──────────────────────────────────────────┐
            │ 3m M anna         -? new  due 57m Why is my order late again? T││ No mention open: select one in the feed and press  │
            │ 2h B ben          +♥ new  late 1h Love the new release, great w││ Enter.                                             │
            │ 5d R news            new  late 4d Blog post mentions the brand ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                ││                                                    │
            │                                                                │└────────────────────────────────────────────────────┘
            │                                                                │┌─ Queue ─────────────────┐┌─ Crisis ────────────────┐
            │                                                                ││ No scheduled posts      ││ No active crisis.       │
            │                                                                ││                         ││ Playbooks:              │
            │                                                                ││                         ││ • Backlash        1 step│
            │                                                                ││                         ││ • Service outage        │
            │                                                                ││                         ││ Cannot be used:         │
            │                                                                ││                         ││ ✗ playbooks/broken.json:│
            │                                                                ││                         ││ step 1 (a): field "due":│
            │                                                                ││                         ││ "soon" is not a duration│
            │                                                                ││                         ││ like 15m, 2h or "within │
            │                                                                ││                         ││ 15 min"                 │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            │                                                                ││                         ││                         │
            └────────────────────────────────────────────────────────────────┘└─────────────────────────┘└─────────────────────────┘
             ⚠ negative spike — Backlash? (C)  ~/sb · bob · 3 new · 3 open · 2 overdue · ⟳ polling
             bob is agent: only a lead or manager may suspend or resume the queue
            """)
        // A new mention arrives: its info message does not replace the error, nor does time.
        try app.ingest([mention("9", "hello again", author: "cleo", minutesAgo: 0)])
        app.send(.tick(TestApp.now.addingTimeInterval(60)))
        XCTAssertEqual(app.state.chrome.message?.isError, true)
        XCTAssertTrue(app.screen[39].contains("only a lead or manager may suspend"), app.dump())
        // The next key clears it; the key hints come back.
        app.press("j")
        XCTAssertNil(app.state.chrome.message)
        XCTAssertTrue(app.screen[39].hasPrefix("j/k move"), app.dump())
    }

    func testUserCountsAndPollingModeFitAt100ColumnsUnderABannerAndAMessage() throws {
        let app = try F.app(size: Size(width: 100, height: 30))
        try Self.spike(app)
        try F.start(app, minutesAgo: 5)
        app.press(":")
        app.type("filter is:question")
        app.press("<Enter>")
        assertBottom(
            app,
            [
                " CRISIS 0/5  ⚠  ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling  filter: is:question — 1 of 3",
                "j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit",
            ])
        // Info messages go after 5 s; the key hints come back.
        app.send(.tick(TestApp.now.addingTimeInterval(10)))
        assertBottom(
            app,
            [
                " CRISIS: Service outage 0/5  ⚠  alice · 3 new · 3 open · 2 overdue · filter: is:question · ⟳ polling",
                "j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit",
            ])
    }

    func assertBottom(_ app: TestApp, _ rows: [String], file: StaticString = #filePath, line: UInt = #line) {
        let got = Array(app.screen.suffix(rows.count))
        if got != rows {
            XCTFail("bottom rows:\n" + got.joined(separator: "\n") + "\n" + app.dump(), file: file, line: line)
        }
    }

    /// A large history's counts are grouped as the feed's title is: "899,999 new", in German "899.999 neu".
    func testLargeCountsAreGroupedInEnglishAndGerman() throws {
        let app = try F.app(size: Size(width: 120, height: 40), user: "bob")
        var s = app.state
        s.chrome.counts = FeedCounts(new: 899_999, open: 950_000, overdue: 12_345)
        XCTAssertEqual(
            StatusBar(s, offerKey: "C").counts.map(\.text), ["899,999 new", "950,000 open", "12,345 overdue"])
        L10n.use(.de)
        defer { L10n.use(.en) }
        XCTAssertEqual(
            StatusBar(s, offerKey: "C").counts.map(\.text).first, "899.999 neu")
    }
}
