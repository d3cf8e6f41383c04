import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Prompts, overlays and panes that cut their text short at 100 and 120 columns (issue 15, item 9), and the
/// smaller things: the marks explained by `?`, `:` Tab and the command line's C-u/C-k, `:resume`, local times.
final class PromptScreenTests: XCTestCase {
    func testReviewOfAReplyWithoutReferenceSaysInFullWhatYDoes() throws {
        let m = mention("n1", "Why is the app so slow today?", author: "kai", minutesAgo: 3, sentiment: .negative)
        let app = try TestApp([m], size: Size(width: 120, height: 40), team: ReplyFixtures.team)
        app.press("<Enter>")
        app.type("We're on it.")
        app.press("C-s")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("No reply reference was stored for this mention: y copies the reply to the"), text)
        XCTAssertTrue(text.contains("clipboard and shows the link to answer by hand."), text)
        // The hand-post hint after y: whole, on two lines at 100 columns.
        app.resize(Size(width: 100, height: 30))
        app.press("y")
        XCTAssertEqual(
            Array(app.screen[27...29]),
            [
                " ~/sb · alice · 0 new · 1 open · ⟳ polling",
                "Reply copied to the clipboard — post it at https://social.example/@kai/n1, then y marks it answered",
                "(n: later)",
            ], app.dump())
        XCTAssertEqual(app.buffer[0, 28].role, .warning)
    }

    func testPreflightWarningsWrapAt100Columns() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 100, height: 30), team: QueueScreenTests.team(), user: "lea")
        app.press(":")
        app.type("queue add --next-slot Globex fans: which one would you take to a desert island?")
        app.press("<Enter>")
        let bottom = app.screen.suffix(3).joined(separator: "\n")
        XCTAssertTrue(app.screen[29].hasSuffix("y queues anyway, any other key keeps nothing"), app.dump())
        XCTAssertTrue(bottom.contains("Pre-flight: "), app.dump())
        XCTAssertTrue(app.screen.contains { $0.hasPrefix(" ~/sb · lea · 3 new") }, app.dump())
        for row in app.screen.suffix(3) { XCTAssertLessThanOrEqual(TextWidth.width(row), 100) }
    }

    func testQueuePaneShowsStateAndTextAt120Columns() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40), team: QueueScreenTests.team())
        app.sideBySide()
        _ = try QueueScreenTests.add(app, "Winter blend is back in the shops", at: "2026-11-28T11:00:00Z")
        _ = try QueueScreenTests.add(app, "Latte contest", at: nil)
        XCTAssertEqual(
            Array(Self.queuePane(app).prefix(5)),
            [
                " Sat 28 11:00 scheduled",
                "   Winter blend is back …",
                " — draft masto",
                "   Latte contest",
                "",
            ], app.dump())
    }

    /// The queue pane's rows (inside its box), trailing spaces cut.
    static func queuePane(_ app: TestApp) -> [String] {
        let r = Layout.of(app.state).panes[.queue]!
        return (r.y + 1..<r.maxY - 1).map { y in
            String((r.x + 1..<r.maxX - 1).map { app.buffer[$0, y].text }.joined()).replacingOccurrences(
                of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    func testPlaybookNamesAreWholeAt120Columns() throws {
        let app = try CrisisFixtures.app(size: Size(width: 120, height: 40))
        let rows = app.screen.filter { $0.contains("• ") }
        XCTAssertEqual(rows.count, 2, app.dump())
        XCTAssertTrue(rows.contains { $0.contains("• Service outage") }, app.dump())
        XCTAssertTrue(rows.contains { $0.contains("• Backlash") }, app.dump())
    }

    func testHelpExplainsEveryFeedMarkAndAQuestionShowsQuestionMark() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 60))
        app.sideBySide()
        // anna asks and complains: `?`.
        XCTAssertTrue(app.screen[1].contains(" anna         -? new "), app.screen[1])
        app.press("? G")
        let text = app.screen.joined(separator: "\n")
        for mark in ["Marks in the feed", "★", "⚑", "◆", "our own post", "- = +", "question or help request", "!", "♥"]
        {
            XCTAssertTrue(text.contains(mark), "\(mark) missing:\n" + app.dump())
        }
    }

    func testColonTabListsTheCommandsAndCtrlUCtrlKDelete() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press(": <Tab>")
        XCTAssertEqual(app.screen[29], ":")
        let listed = app.screen.joined(separator: "\n")
        for name in ["quit", "help", "filter", "crisis", "resume", "report"] {
            XCTAssertTrue(listed.contains(name), name + "\n" + app.dump())
        }
        XCTAssertFalse(listed.contains("cursor-left"), app.dump())
        // Tab again picks the first; typing narrows as before.
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":quit")
        app.press("C-u")
        XCTAssertEqual(app.screen[29], ":")
        app.type("filter is:new")
        app.press("<Home> <Right> <Right> <Right> <Right> <Right> <Right> C-k")
        XCTAssertEqual(app.screen[29], ":filter")
        XCTAssertNotNil(app.state.modal)
    }

    /// `/` opens the line as `filter …`: C-u clears the query typed so far and keeps the word, so what is typed
    /// next filters (before, it cleared the word too and the query ran as an unknown command).
    func testCtrlUInTheFilterLineKeepsTheWordFilter() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30))
        app.press("/")
        app.type("kaputt")
        XCTAssertEqual(app.screen[29], ":filter kaputt")
        app.press("C-u")
        XCTAssertEqual(app.screen[29].trimmingCharacters(in: .whitespaces), ":filter", app.dump())
        app.type("is:new")
        XCTAssertEqual(app.screen[29], ":filter is:new")
        app.press("<Enter>")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("filter: is:new"), app.dump())
        XCTAssertFalse(text.contains("unknown command"), app.dump())
        // On a line typed after `:` C-u still clears everything.
        app.press(":")
        app.type("layout side")
        app.press("C-u")
        XCTAssertEqual(app.screen[29], ":")
    }

    func testResumeWithoutArgumentNamesTheChoicesOrNeedsNone() throws {
        let lead = try TestApp(
            Fixtures.three, size: Size(width: 120, height: 30), team: QueueScreenTests.team(), user: "lea")
        _ = try QueueScreenTests.add(lead, "Barista tips", at: "2026-11-27T13:00:00Z")
        lead.press(":")
        lead.type("suspend storm")
        lead.press("<Enter>")
        // Nothing past due: no choice needed.
        lead.press(":")
        lead.type("resume")
        lead.press("<Enter>")
        XCTAssertNil(try Queue.current(lead.store).suspension, lead.dump())
        lead.press(":")
        lead.type("suspend storm")
        lead.press("<Enter>")
        // Past due: the choices are named.
        lead.send(.tick(TestApp.now.addingTimeInterval(2 * 3600)))
        lead.press(":")
        lead.type("resume")
        lead.press("<Enter>")
        XCTAssertNotNil(try Queue.current(lead.store).suspension)
        let text = lead.screen.suffix(3).joined(separator: "\n")
        for w in ["post-now", "next-slot", "keep-holding"] { XCTAssertTrue(text.contains(w), w + "\n" + lead.dump()) }
    }

    func testCrisisReportNameAndStepConflictUseTheTeamsTimeZone() throws {
        var team = CrisisFixtures.team()
        team.timezone = "Europe/Berlin"
        let app = try TestApp(
            Fixtures.three, size: Size(width: 120, height: 40), team: team, files: CrisisFixtures.files)
        app.runner.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let run = try CrisisOps.start(
            CrisisFixtures.playbook, severity: "2", suspendQueue: false, team: team, store: try Store(dir: app.dir),
            actor: "alice", now: TestApp.now)
        // 12:00 UTC is 13:00 in Berlin.
        XCTAssertEqual(run.id, "20261127-1300-outage")
        try app.refresh()
        app.press("4")
        try CrisisOps.setStep(
            step: "confirm", to: .done, store: try Store(dir: app.dir), actor: "bob",
            now: TestApp.now.addingTimeInterval(30))
        app.press("x")
        XCTAssertEqual(
            app.state.chrome.message?.text, "step confirm was marked done by bob at 2026-11-27 13:00 meanwhile",
            app.dump())
    }
}
