import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 8 in the workbench: what the crisis keys and commands record, and what the user is told.
final class CrisisFlowTests: XCTestCase {
    typealias F = CrisisFixtures

    func run(_ app: TestApp) throws -> CrisisRun { try XCTUnwrap(CrisisLog(store: app.store).current) }

    func testCrisisStartedElsewhereShowsAtOnceAndEndedElsewhereGoes() throws {
        let app = try F.app(size: Size(width: 120, height: 30))
        app.sideBySide()
        XCTAssertFalse(app.screen[28].contains("CRISIS"))
        let r = try F.start(app, minutesAgo: 1, by: "bob")
        XCTAssertTrue(app.screen[28].hasPrefix(" CRISIS: Service outage 0/5  ~/sb"), app.screen[28])
        XCTAssertTrue(app.screen[16].hasSuffix("┌─ Crisis — ACTIVE ───────┐"), app.dump())
        XCTAssertTrue(app.screen[18].hasSuffix("│ [ ] Confirm… in 9m      │"), app.dump())
        app.resize(Size(width: 80, height: 24))
        XCTAssertTrue(app.screen[0].hasSuffix("4 Crisis !"), app.screen[0])
        try CrisisOps.end(
            crisis: r.id, summary: "false alarm", store: try Store(dir: app.dir), actor: "bob", now: TestApp.now)
        try app.refresh()
        XCTAssertFalse(app.screen[0].contains("!"), app.screen[0])
        XCTAssertFalse(app.screen[22].contains("CRISIS"), app.screen[22])
    }

    func testStepKeysRecordWhoAndWhenAndTheSecondOfTwoIsToldWhoWasFirst() throws {
        let app = try F.app()
        try F.start(app)
        app.press("4 x")
        var st = try run(app).steps[0]
        XCTAssertEqual(st.state, .done)
        XCTAssertEqual(st.by, "alice")
        XCTAssertEqual(st.at, TestApp.now)
        XCTAssertTrue(app.screen[6].contains("[x] Confirm the incident with IT"), app.dump())
        // Someone else marks the next step done first; my x (on what I saw: open) loses and names them.
        app.press("j")
        try CrisisOps.setStep(
            step: "suspend", to: .done, store: try Store(dir: app.dir), actor: "bob",
            now: TestApp.now.addingTimeInterval(-30))
        app.press("x")
        XCTAssertEqual(app.state.chrome.message?.isError, true)
        XCTAssertEqual(
            app.state.chrome.message?.text, "step suspend was marked done by bob at 2026-11-27 11:59 meanwhile")
        st = try run(app).steps[1]
        XCTAssertEqual(st.by, "bob")
        XCTAssertTrue(app.screen[7].contains("[x] Suspend the content queue"), app.dump())
        // Reopen, then done again.
        app.press("o")
        XCTAssertEqual(try run(app).steps[1].state, .open)
        XCTAssertEqual(app.state.chrome.message?.text, "suspend reopened")
        app.press("<Space>")
        XCTAssertEqual(try run(app).steps[1].state, .done)
        XCTAssertEqual(try run(app).steps[1].by, "alice")
    }

    func testSkipAndBlockAskForAReasonOnTheCommandLine() throws {
        let app = try F.app()
        try F.start(app)
        app.press("4 j s")
        XCTAssertEqual(app.screen[25], ":crisis step suspend skip")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.message?.text, "say why the step is skipped: crisis step suspend skip REASON")
        XCTAssertEqual(try run(app).steps[1].state, .open)
        app.press("s")
        app.type("nothing is scheduled today")
        app.press("<Enter>")
        XCTAssertEqual(try run(app).steps[1].state, .skipped)
        XCTAssertEqual(try run(app).steps[1].reason, "nothing is scheduled today")
        app.press("j b")
        app.type("legal has not approved it")
        app.press("<Enter>")
        XCTAssertEqual(try run(app).steps[2].state, .blocked)
        XCTAssertTrue(app.screen[8].contains("[!] Publish the holding statement"), app.dump())
        XCTAssertTrue(app.screen[8].contains("alice 12:00: legal has …"), app.dump())
        XCTAssertTrue(
            app.screen[21].contains(
                "holding statement · owner manager · blocked by alice at 12:00 · legal has not approved it"), app.dump()
        )
    }

    func testCrisisCommandsStartChangeSeverityCheckStepsAndEndWithTheReport() throws {
        let app = try F.app(size: Size(width: 160, height: 30))
        app.sideBySide()
        app.press(":")
        app.type("crisis sta")
        app.press("<Tab>")
        app.type("out")
        app.press("<Tab>")
        guard case .command(let cl)? = app.state.modal else { return XCTFail("no command line") }
        XCTAssertEqual(cl.editor.text, "crisis start outage")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.focus, .crisis)
        app.press("3 y")
        XCTAssertEqual(try run(app).severity, "critical: down for everyone")
        XCTAssertNotNil(Queue(store: app.store).suspension)
        app.press(":")
        app.type("crisis severity major")
        app.press("<Enter>")
        XCTAssertEqual(try run(app).severity, "major: core service down")
        XCTAssertEqual(app.state.chrome.message?.text, "severity → major: core service down")
        app.press("S <Up> <Enter>")
        XCTAssertEqual(try run(app).severity, "minor: one feature")
        app.press(":")
        app.type("crisis step 1 done")
        app.press("<Enter>")
        app.press(":")
        app.type("crisis step notify block IT phone is busy")
        app.press("<Enter>")
        XCTAssertEqual(try run(app).steps[0].state, .done)
        XCTAssertEqual(try run(app).steps[3].state, .blocked)
        XCTAssertEqual(try run(app).steps[3].reason, "IT phone is busy")
        app.press(":")
        app.type("crisis step nope done")
        app.press("<Enter>")
        XCTAssertTrue(
            app.state.chrome.message?.text.hasPrefix("no step \"nope\" in Service outage") ?? false,
            "\(String(describing: app.state.chrome.message))")
        // A second start names the one that is on.
        app.press(":")
        app.type("crisis start backlash")
        app.press("<Enter>")
        XCTAssertTrue(
            app.state.chrome.message?.text.hasPrefix("a crisis is already active: Service outage (") ?? false,
            "\(String(describing: app.state.chrome.message))")
        let id = try run(app).id
        app.press(":")
        app.type("crisis end Status page fixed, all clear at 12:00")
        app.press("<Enter>")
        XCTAssertNil(CrisisLog(store: app.store).current)
        XCTAssertEqual(
            app.state.chrome.message?.text,
            "crisis ended — report: crisis/reports/\(id).md · the queue stays suspended (:resume when ready)")
        XCTAssertNotNil(Queue(store: app.store).suspension)
        let md = try String(contentsOf: app.root.appendingPathComponent("crisis/reports/\(id).md"), encoding: .utf8)
        XCTAssertTrue(md.contains("Status page fixed, all clear at 12:00"), md)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: app.root.appendingPathComponent("crisis/reports/\(id).json").path))
        XCTAssertTrue(app.screen[17].hasSuffix("││ No active crisis.                │"), app.dump())
    }

    func testHoldingStatementInTheComposerCyclesAndNeedsACrisis() throws {
        let app = try F.app([mention("m1", "is it down?", author: "anna", platform: "bluesky", sentiment: .negative)])
        app.press("<Enter>")
        app.press("C-o")
        XCTAssertEqual(
            app.state.chrome.message?.text, "no crisis is active: holding statements come with a running playbook")
        try F.start(app)
        let before = app.state.currentDraft?.editor.text ?? ""
        app.press("C-o")
        // Bluesky first (network-specific), then the English ones, then German.
        XCTAssertEqual(app.state.currentDraft?.editor.text, before + "Acme Cloud is down; we're on it.")
        XCTAssertEqual(
            app.state.chrome.message?.text, "holding statement 1/3: outage-bsky (en, bluesky) — again for the next")
        app.press("C-o")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text,
            before + "We know Acme Cloud is down for many of you. Next update by 13:00.")
        app.press("C-o C-o")
        XCTAssertEqual(app.state.currentDraft?.editor.text, before + "Acme Cloud is down; we're on it.")
        // Typed text ends the cycle: the next C-o adds, not replaces.
        app.type(" ")
        app.press("C-o")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text,
            before + "Acme Cloud is down; we're on it. Acme Cloud is down; we're on it.")
    }

    func testStatementKeyQueuesThePostInACrisisAndOnlyShowsItInADrill() throws {
        let app = try F.app()
        try F.start(app, drill: true)
        app.press("4 j j h")
        XCTAssertEqual(app.state.chrome.message?.text, "drill: the statement is shown, not queued")
        XCTAssertTrue(
            app.screen[7].contains("Holding statement outage-en (en) — shown only (drill), Esc closes"), app.dump())
        XCTAssertTrue(
            app.screen[8].contains("We know Acme Cloud is down for many of you. Next update by 13:00."), app.dump())
        XCTAssertTrue(try Queue.current(app.store).agenda.isEmpty)
        let drill = try run(app)
        try CrisisOps.end(
            crisis: drill.id, summary: "drill done", store: try Store(dir: app.dir), actor: "alice", now: TestApp.now)
        // A real crisis that suspended the queue: the statement goes out anyway, and the step is done.
        try F.start(app, suspend: true)
        app.press("4 j j h")
        let items = try Queue.current(app.store).agenda
        XCTAssertEqual(items.count, 1)
        let item = try XCTUnwrap(items.first)
        XCTAssertEqual(item.draft.text, "We know Acme Cloud is down for many of you. Next update by 13:00.")
        XCTAssertEqual(item.draft.scheduledAt, TestApp.now)
        XCTAssertEqual(item.draft.crisis, try run(app).id)
        XCTAssertFalse(item.held)
        XCTAssertEqual(
            app.state.chrome.message?.text,
            "holding statement queued to go out now (\(item.id)), although the queue is suspended")
        let st = try run(app).steps[2]
        XCTAssertEqual(st.state, .done)
        XCTAssertEqual(st.by, "alice")
        XCTAssertEqual(app.state.chrome.focus, .crisis)
        XCTAssertTrue(app.screen[8].contains("[x] Publish the holding statement"), app.dump())
    }

    func testNotifyRunsTheStepsCommandWithItsTextOrRecordsItByHand() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        var p = F.playbook
        p.steps[3].command = "cat > '\(out.path)'"
        let app = try TestApp(
            [], size: Size(width: 100, height: 26), team: F.team(), files: ["playbooks/outage.json": F.json(p)])
        try CrisisOps.start(
            p, severity: "2", suspendQueue: false, team: F.team(), store: try Store(dir: app.dir), actor: "alice",
            now: TestApp.now)
        try app.refresh()
        app.press("4 n")
        XCTAssertEqual(app.state.chrome.message?.text, "confirm is not a notify step: x marks it done")
        app.press("j j j n")
        XCTAssertEqual(app.state.chrome.message?.text, "notify-it: notified (command exited 0)")
        let text = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(
            text.hasPrefix(
                "[CRISIS] Service outage — major: core service down\nStep: Tell IT where people report it\n"), text)
        let st = try run(app).steps[3]
        XCTAssertEqual(st.state, .done)
        XCTAssertEqual(st.notifications.first?.exitStatus, 0)
        XCTAssertTrue(app.screen[21].contains("notified (command) by alice"), app.dump())
        app.press("o N")
        XCTAssertEqual(app.state.chrome.message?.text, "notify-it: recorded as notified by hand")
        XCTAssertEqual(try run(app).steps[3].notifications.last?.how, "by_hand")
    }

    func testSpikeOfferKeyOnlyWorksWhileTheOfferShows() throws {
        let app = try F.app()
        app.press("C")
        XCTAssertNil(CrisisLog(store: app.store).current)
        guard case nil = app.state.modal else { return XCTFail("a prompt opened") }
        XCTAssertEqual(app.state.chrome.message?.text, "crisis-offer: not available here")
    }

    func testChartFollowsNewMentionsAndANewSlot() throws {
        let app = try F.app(F.burst("a", minutesAgo: 40, n: 4, neg: 1))
        let run = try F.start(app)
        app.press("4")
        XCTAssertTrue(app.screen[3].contains("max 4/15m"), app.dump())
        // Another process stores a burst: the chart counts it with the next refresh.
        try app.ingest(F.burst("b", minutesAgo: 2, n: 6, neg: 6))
        XCTAssertTrue(app.screen[3].contains("max 6/15m"), app.dump())
        XCTAssertTrue(app.screen[4].contains("100% last"), app.dump())
        func full(_ now: Date) -> [CrisisBucket] {
            CrisisReport.buckets(app.store.mentions, from: run.startedAt.addingTimeInterval(-3600), to: now)
        }
        XCTAssertEqual(app.state.crisis.info.buckets, full(TestApp.now))
        // Twenty minutes on, a new slot has begun: the tick asks for the chart again.
        app.send(.tick(TestApp.now.addingTimeInterval(20 * 60)))
        app.runner.clock = { TestApp.now.addingTimeInterval(20 * 60) }
        app.send(.tick(TestApp.now.addingTimeInterval(21 * 60)))
        XCTAssertEqual(app.state.crisis.info.buckets, full(TestApp.now.addingTimeInterval(21 * 60)))
        XCTAssertEqual(app.state.crisis.info.buckets.count, full(TestApp.now).count + 1)
    }

    func testTheAlertsRecordedPlaybookIsOfferedElseTheWordsPickOne() throws {
        let app = try F.app(F.burst("n", minutesAgo: 10, n: 6, neg: 6), size: Size(width: 160, height: 26))
        func alert(_ data: [String: JSONValue], minutesAgo: Double) throws {
            try Store(dir: app.dir).record(
                [.other(type: "spike_alert", mention: nil, data: data)], actor: "switchboard",
                now: TestApp.now.addingTimeInterval(-minutesAgo * 60))
            try app.refresh()
        }
        // No playbook in the record: "the service is down" matches the outage playbook's keywords.
        try alert(
            ["kind": .string("negative"), "message": .string("negative mentions ×5 in the last hour")], minutesAgo: 2)
        XCTAssertEqual(app.state.crisisOffer?.id, "outage")
        // The listener recorded its suggestion: that one is offered.
        try alert(
            [
                "kind": .string("negative"), "message": .string("negative mentions ×6 in the last hour"),
                "playbook": .string("backlash"),
            ], minutesAgo: 1)
        XCTAssertEqual(app.state.crisisOffer?.id, "backlash")
        XCTAssertTrue(
            app.screen[24].hasPrefix(" ⚠ negative mentions ×6 in the last hour — open the Backlash playbook? (C) "),
            app.screen[24])
    }
}
