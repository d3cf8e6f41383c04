import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 8 in the workbench: the crisis pane from the actions log, its screens.
final class CrisisScreenTests: XCTestCase {
    typealias F = CrisisFixtures

    func testNoCrisisListsThePlaybooksAndTheBrokenFileWithItsProblem() throws {
        let app = try F.app()
        app.press("4 j")
        assertScreen(
            app,
            """
             1 Feed                   2 Mention                3 Queue                  4 Crisis
            ┌─ Crisis ─────────────────────────────────────────────────────────────────────────────────────────┐
            │ No active crisis.                                                                                │
            │ Playbooks — <Enter> starts, D drill:                                                             │
            │ • Backlash        2 levels · 1 step                                                              │
            │ • Service outage  3 levels · 5 steps                                                             │
            │ Cannot be used:                                                                                  │
            │ ✗ playbooks/broken.json: step 1 (a): field "due": "soon" is not a duration like 15m, 2h or       │
            │ "within 15 min"                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
             ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> start  D drill  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        XCTAssertEqual(app.buffer[2, 7].role, .error)
        XCTAssertEqual(app.buffer[5, 5].role, .selected)
    }

    func testRunShowsHeaderChartAndChecklistWithOverdueStepsStandingOut() throws {
        let ms =
            F.burst("a", minutesAgo: 70, n: 2, neg: 0) + F.burst("b", minutesAgo: 40, n: 4, neg: 1)
            + F.burst("c", minutesAgo: 20, n: 8, neg: 6) + F.burst("d", minutesAgo: 5, n: 6, neg: 5)
        let app = try F.app(ms)
        try F.start(app)
        try F.step(app, "confirm", .done, by: "alice", minutesAgo: 20)
        try F.step(app, "suspend", .skipped, reason: "nothing scheduled", by: "bob", minutesAgo: 18)
        try F.step(app, "holding", .blocked, reason: "waiting for legal", by: "bob", minutesAgo: 12)
        app.press("4 G")
        assertScreen(
            app,
            """
             1 Feed                   2 Mention                3 Queue                  4 Crisis !
            ┌─ Crisis — ACTIVE ────────────────────────────────────────────────────────────────────────────────┐
            │ CRISIS · Service outage · major: core service down · 25m · 2/5 done · 2 overdue                  │
            │ mentions    ▃▃▃   ▅▅▅███▆▆▆    max 8/15m                                                         │
            │ negative          ▃▃▃▆▆▆▇▇▇    83% last                                                          │
            │                11:00 ▲ start                                                                     │
            │ [x] Confirm the incident with IT                lead     11:45 done      alice 11:40             │
            │ [-] Suspend the content queue                   lead     11:45 skipped   bob 11:42: nothing sche…│
            │ [!] Publish the holding statement               manager  11:50 10m late  bob 11:48: waiting for …│
            │ [ ] Tell IT where people report it              agent    11:55 5m late                           │
            │ [ ] Post an update every hour                   manager  12:35 in 35m                            │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │ action · owner manager                                                                           │
            │                                                                                                  │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
             CRISIS: Service outage 2/5 · 2 overdue  ~/sb · alice · 20 new · 20 open · 2 overdue · ⟳ polling
            j/k move  x done  s skip  b block  n notify  h statement  t timeline  <Tab> pane  z zoom  : command
            """)
        XCTAssertEqual(app.buffer[3, 6].role, .dim, "done")
        XCTAssertEqual(app.buffer[3, 7].role, .dim, "skipped")
        XCTAssertEqual(app.buffer[3, 8].role, .overdue, "blocked past due")
        XCTAssertEqual(app.buffer[3, 9].role, .overdue, "open past due")
        XCTAssertEqual(app.buffer[3, 10].role, .selected, "due later, selected")
        XCTAssertEqual(app.buffer[3, 2].role, .crisisBanner)
        // Later the open step is late too; the header and the status bar count it.
        app.send(.tick(TestApp.now.addingTimeInterval(40 * 60)))
        XCTAssertTrue(app.screen[2].contains("3 overdue"), app.dump())
        XCTAssertTrue(app.screen[10].contains("12:35 5m late"), app.dump())
    }

    func testDrillIsMarkedAsSuchAndSuspendsNothing() throws {
        let app = try F.app()
        app.press("4 j D")
        assertScreen(
            app,
            """
             1 Feed                   2 Mention                3 Queue                  4 Crisis
            ┌─ Crisis ─────────────────────────────────────────────────────────────────────────────────────────┐
            │ No active crisis.                                                                                │
            │ Playbooks — <Enter> starts, D drill:                                                             │
            │ • Backlash        2 levels · 1 step                                                              │
            │ • Service outage  3 levels · 5 steps                                                             │
            │ Cannot be used:                                                                                  │
            │ ✗ playbooks/broken.json: step 1 (a): field "due": "soon" is not a duration like 15m, 2h or       │
            │ "within 15 min" ┌─ Drill: Service outage — pick the severity ──────────────────┐                 │
            │                 │ 1  minor: one feature                                        │                 │
            │                 │ 2  major: core service down                                  │                 │
            │                 │ 3  critical: down for everyone                               │                 │
            │                 │                                                              │                 │
            │                 │ 1–3 or Enter picks · Esc cancels                             │                 │
            │                 └──────────────────────────────────────────────────────────────┘                 │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
             ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
            Pick the severity: j/k and Enter, or its number · Esc cancels
            """)
        app.press("1")
        assertScreen(
            app,
            """
             1 Feed                   2 Mention                3 Queue                  4 Crisis !
            ┌─ Crisis — DRILL ─────────────────────────────────────────────────────────────────────────────────┐
            │ DRILL · Service outage · minor: one feature · 0m · 0/5 done                                      │
            │ DRILL — an exercise: nothing is published, the queue is not suspended                            │
            │ mentions          ███    max 1/15m                                                               │
            │ negative          ███    100% last                                                               │
            │          11:00       ▲ start                                                                     │
            │ [ ] Confirm the incident with IT                lead     12:10 in 10m                            │
            │ [ ] Suspend the content queue                   lead     12:10 in 10m                            │
            │ [ ] Publish the holding statement               manager  12:15 in 15m                            │
            │ [ ] Tell IT where people report it              agent    12:20 in 20m                            │
            │ [ ] Post an update every hour                   manager  13:00 in 1h                             │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │ action · owner lead                                                                              │
            │ Ask what is affected and since when.                                                             │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
             DRILL: Service outage 0/5  ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
             drill started: Service outage (minor: one feature) — nothing is published or suspended
            """)
        let run = try XCTUnwrap(CrisisLog(store: app.store).current)
        XCTAssertTrue(run.drill)
        XCTAssertEqual(run.severity, "minor: one feature")
        XCTAssertNil(Queue(store: app.store).suspension)
    }

    func testTimelineShowsEverythingDuringTheCrisisNewestFirst() throws {
        let app = try F.app()
        try F.start(app)
        let other = try Store(dir: app.dir)
        try other.record(
            [.note(mention: Fixtures.three[0].key, text: "customer is a journalist")], actor: "bob",
            now: TestApp.now.addingTimeInterval(-15 * 60))
        try other.record(
            [.setStatus(mention: Fixtures.three[0].key, status: .escalated)], actor: "bob",
            now: TestApp.now.addingTimeInterval(-14 * 60))
        try F.step(app, "confirm", .done, by: "alice", minutesAgo: 10)
        app.press("4 t")
        assertScreen(
            app,
            """
             1 Feed                   2 Mention                3 Queue                  4 Crisis !
            ┌─ Crisis — ACTIVE ────────────────────────────────────────────────────────────────────────────────┐
            │ CRISIS · Service outage · major: core service down · 25m · 1/5 done · 3 overdue                  │
            │ mentions                ███    max 1/15m                                                         │
            │ negative                ███    100% last                                                         │
            │                11:00 ▲ start                                                                     │
            │ Timeline, newest first — t closes                                                                │
            │ 11:50 alice  step confirm done                                                                   │
            │ 11:46 bob    status → escalated                                                                  │
            │ 11:45 bob    note: customer is a journalist                                                      │
            │ 11:35 alice  crisis started: Service outage (major: core service down)                           │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            │                                                                                                  │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
             CRISIS: Service outage 1/5 · 3 overdue  ~/sb · alice · 2 new · 3 open · 2 overdue · ⟳ polling
            j/k move  x done  s skip  b block  n notify  h statement  t timeline  <Tab> pane  z zoom  : command
            """)
        app.press("<Esc>")
        XCTAssertEqual(app.state.crisis.view, .checklist)
        XCTAssertTrue(app.screen[6].contains("[x] Confirm the incident with IT"), app.dump())
    }

    func testEscalationListShowsNamesAndHowToReachThem() throws {
        let app = try F.app()
        try F.start(app)
        app.press("4 e")
        XCTAssertEqual(
            Array(app.screen[6...8]).map { $0.replacingOccurrences(of: " +│$", with: "", options: .regularExpression) },
            [
                "│ Escalation — e closes",
                "│ it  IT on-call              +49 30 555 0100",
                "│ pr  Head of Communications  mobile, then chat",
            ], app.dump())
    }

    func testSpikeOfferInTheStatusBarStartsThePlaybookAndSuspendsTheQueue() throws {
        let ms = F.burst("n", minutesAgo: 10, n: 6, neg: 6)
        let app = try F.app(ms, size: Size(width: 140, height: 26))
        let other = try Store(dir: app.dir)
        try other.record(
            [
                .other(
                    type: "spike_alert", mention: nil,
                    data: [
                        "kind": .string("negative"), "ratio": .number(5),
                        "message": .string("negative mentions ×5 in the last hour"),
                    ])
            ],
            actor: "switchboard", now: TestApp.now.addingTimeInterval(-60))
        try app.refresh()
        XCTAssertEqual(
            app.screen[24],
            " ⚠ negative mentions ×5 in the last hour — open the Service outage playbook? (C)  ~/sb · alice · 6 new · 6 open · ⟳ polling"
        )
        app.press("C")
        assertScreen(
            app,
            """
             1 Feed                             2 Mention                          3 Queue                            4 Crisis
            ┌─ Feed — 6 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
            │10m M un0              -  new  due 50m the service is down 0                                                                              │
            │10m M un1              -  new  due 49m the service is down 1                                                                              │
            │10m M un2              -  new  due 49m the service is down 2                                                                              │
            │10m M un3              -  new  due 49m the service is down 3                                                                              │
            │10m M un4              -  new  due 49m the service is down 4                                                                              │
            │10m M un5              -  new  due 49m the service is down 5                                                                              │
            │                                     ┌─ Start: Service outage — pick the severity ──────────────────┐                                     │
            │                                     │ 1  minor: one feature                                        │                                     │
            │                                     │ 2  major: core service down                                  │                                     │
            │                                     │ 3  critical: down for everyone                               │                                     │
            │                                     │                                                              │                                     │
            │                                     │ 1–3 or Enter picks · Esc cancels                             │                                     │
            │                                     └──────────────────────────────────────────────────────────────┘                                     │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            │                                                                                                                                          │
            └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
             ⚠ negative mentions ×5 in the last hour — open the Service outage playbook? (C)  ~/sb · alice · 6 new · 6 open · ⟳ polling
            Pick the severity: j/k and Enter, or its number · Esc cancels
            """)
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[25], "Service outage (minor: one feature): Suspend the content queue? [y/n] (Esc cancels)")
        app.press("y")
        XCTAssertEqual(
            app.screen[24],
            " CRISIS 0/5  SUSPENDED  ⚠  alice · 6 new · 6 open · ⟳ polling  crisis started: Service outage (minor: one feature) — the queue is suspended"
        )
        XCTAssertEqual(
            app.state.chrome.message?.text,
            "crisis started: Service outage (minor: one feature) — the queue is suspended")
        XCTAssertTrue(app.screen[0].hasSuffix("4 Crisis !"), app.screen[0])
        XCTAssertEqual(Queue(store: app.store).suspension?.by, "alice")
        // A real crisis is on: no offer, and C does nothing but say so.
        XCTAssertFalse(app.screen[24].contains("(C)"))
    }

    func testAnAgentMayNotSuspendTheQueueAndIsToldWhy() throws {
        let app = try F.app(user: "bob")
        app.press("4 j <Enter> <Down> <Enter>")
        XCTAssertEqual(
            app.screen[25], "Service outage (major: core service down): Suspend the content queue? [y/n] (Esc cancels)")
        app.press("y")
        XCTAssertNil(CrisisLog(store: app.store).current)
        XCTAssertEqual(app.state.chrome.message?.isError, true)
        XCTAssertEqual(
            app.state.chrome.message?.text,
            "bob is agent: only a lead or manager may suspend or resume the queue — start it without suspending the queue, or ask a lead"
        )
        // The status line clips it; the pane shows it in full.
        XCTAssertEqual(
            Array(app.screen[21...22]),
            [
                "│ ✗ bob is agent: only a lead or manager may suspend or resume the queue — start it without        │",
                "│ suspending the queue, or ask a lead                                                              │",
            ], app.dump())
        XCTAssertEqual(app.buffer[50, 22].role, .error)
        // Without suspending, the agent may start it (and the error goes).
        app.press("<Enter> 2 n")
        XCTAssertNil(app.state.crisis.error)
        XCTAssertEqual(CrisisLog(store: app.store).current?.startedBy, "bob")
        XCTAssertNil(Queue(store: app.store).suspension)
    }

    func testHostileTextFromAPlaybookNeverReachesTheScreen() throws {
        var p = F.backlash
        p.name = "Evil\u{1B}[2J\u{7}Name"
        p.steps[0].title = "Step\u{1B}]52;c;AAAA\u{7} title"
        let app = try TestApp(
            [], size: Size(width: 100, height: 26), team: F.team(), files: ["playbooks/evil.json": F.json(p)])
        app.press("4")
        try CrisisOps.start(
            p, severity: "1", suspendQueue: false, team: F.team(), store: try Store(dir: app.dir), actor: "alice",
            now: TestApp.now)
        try app.refresh()
        for l in app.screen { XCTAssertFalse(l.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, l) }
        XCTAssertTrue(app.screen[2].contains("CRISIS · Evil"), app.dump())
    }
}
