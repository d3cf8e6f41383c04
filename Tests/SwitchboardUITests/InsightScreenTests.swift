import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 5 in the workbench: the spike banner, `:trends`, the priority band.
final class InsightScreenTests: XCTestCase {
    func spikeData(_ message: String) -> [String: JSONValue] {
        [
            "kind": .string("negative"), "count": .number(24), "baseline": .number(4.8), "ratio": .number(5),
            "message": .string(message),
        ]
    }

    func refresh(_ app: TestApp) throws {
        let changes = try app.store.refresh()
        app.send(.storeChanged(app.runner.delta(changes)))
    }

    func testSpikeBannerArrivesThroughTheLogAndExpiresAfterTheCooldown() throws {
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["acme"]))
        let app = try TestApp(
            [mention("a", "where is my parcel", author: "anna", minutesAgo: 3)], size: Size(width: 100, height: 30),
            team: team)
        XCTAssertFalse(app.screen[28].contains("⚠"), app.dump())
        // The process that polls the sources records the alert; this workbench reads it with its next refresh.
        let other = try Store(dir: app.dir)
        try other.record(
            [.other(type: "spike_alert", mention: nil, data: spikeData("negative mentions ×5 in the last hour"))],
            actor: "switchboard", now: TestApp.now.addingTimeInterval(-60))
        try refresh(app)
        XCTAssertEqual(
            app.screen[28],
            " ⚠ negative mentions ×5 in the last hour — :crisis  ~/sb · alice · 1 new · 1 open · ⟳ polling")
        XCTAssertEqual(app.buffer[1, 28].role, .crisisBanner)
        // `:crisis` goes to the playbooks.
        app.press(":")
        app.type("crisis")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.focus, .crisis)
        // Still there 28 minutes later, gone once the default 30-minute cool-down has passed.
        app.send(.tick(TestApp.now.addingTimeInterval(28 * 60)))
        XCTAssertTrue(app.screen[28].hasPrefix(" ⚠ negative mentions ×5"), app.screen[28])
        app.send(.tick(TestApp.now.addingTimeInterval(30 * 60)))
        XCTAssertEqual(app.screen[28], " ~/sb · alice · 1 new · 1 open · ⟳ polling")
    }

    func testSpikeAlreadyInTheLogShowsAtStartAndTeamCooldownApplies() throws {
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["acme"]))
        team.extra["spikes"] = .object(["cooldown": .string("5m")])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sbui-\(UUID().uuidString)")
        try FileIO.makeDirectory(root)
        let pre = try Store(dir: DataDirectory(root: root))
        try pre.record(
            [.other(type: "spike_alert", mention: nil, data: spikeData("mentions ×3.2 in the last hour"))],
            actor: "switchboard", now: TestApp.now.addingTimeInterval(-4 * 60))
        let app = try TestApp([], size: Size(width: 100, height: 30), team: team, root: root)
        XCTAssertTrue(
            app.screen[28].hasPrefix(" ⚠ mentions ×3.2 in the last hour — :crisis "), app.dump())
        app.send(.tick(TestApp.now.addingTimeInterval(60)))
        XCTAssertEqual(app.screen[28], " ~/sb · alice · 0 new · 0 open · ⟳ polling")
    }

    func testTrendsOverlayListsRisingTermsAndEnterFilters() throws {
        var ms: [Mention] = []
        for i in 0..<4 {
            ms.append(
                mention(
                    "o\(i)", "Is there an #outage right now? Checkout broken \(i)", author: "u\(i)",
                    minutesAgo: Double(5 + i)))
        }
        ms.append(mention("old1", "Checkout was slow yesterday", author: "old", minutesAgo: 600))
        ms.append(mention("x", "Lovely shoes, thanks", author: "happy", minutesAgo: 20))
        let app = try TestApp(ms, size: Size(width: 100, height: 30))
        app.sideBySide()
        app.press("T")
        assertScreen(
            app,
            """
            ┌─ Feed — 6 ──────────────────────────────────────────┐┌─ Mention ─────────────────────────────────┐
            │ 5m M u0              new  due 55m Is there an #outag││ No mention open: select one in the feed   │
            │ 6m M u1              new  due 54m Is there an #outag││ and press Enter.                          │
            │ 7m M u2              new  due 53m Is there an #outag││                                           │
            │ 8m M u3              new  due 52m Is there an #outag││                                           │
            │20m M happy           new  due 40m Lovely shoes, than││                                           │
            │10h M old             new  late 9h Checkout was slow ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                   ┌─ Rising in the last hour (Enter filters, Esc closes) ────┐                   │
            │                   │  term                          last hour per hour ratio  │                   │
            │                   │  #outage                       4         0.0      ×5.0   │                   │
            │                   │  broken                        4         0.0      ×5.0   │                   │
            │                   │  right                         4         0.0      ×5.0   │                   │
            │                   │  checkout                      4         0.0      ×4.8   │───────────────────┘
            │                   │                                                          │Crisis ────────────┐
            │                   └──────────────────────────────────────────────────────────┘o active crisis.   │
            │                                                     ││                    ││ No playbooks yet.   │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 6 new · 6 open · 1 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        XCTAssertEqual(app.buffer[25, 12].role, .selected)
        app.press("j j k")
        XCTAssertEqual(app.buffer[25, 13].role, .selected)
        app.press("k <Enter>")
        XCTAssertNil(app.state.trends)
        XCTAssertEqual(app.state.feed.filter?.text, "#outage")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 4/6 "), app.dump())
        XCTAssertFalse(app.screen.contains { $0.contains("Lovely shoes") })
        app.press("T")
        app.press("q")
        XCTAssertNil(app.state.trends)
    }

    func testMentionPaneShowsThePriorityBand() throws {
        let app = try TestApp(
            [
                mention(
                    "c", "This is a scandal, I want my money back!", author: "angry", minutesAgo: 90,
                    sentiment: .negative,
                    intents: [.complaint], followers: 50_000),
                mention("p", "nice", author: "calm", minutesAgo: 1, sentiment: .positive),
            ],
            size: Size(width: 100, height: 30))
        app.sideBySide()
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[4],
            "│                                                     ││ status: open · due in 59m · priority: low…│")
        app.press("<Esc> j <Enter>")
        XCTAssertEqual(
            app.screen[4],
            "│                                                     ││ status: open · overdue 30m · priority: hi…│")
    }
}
