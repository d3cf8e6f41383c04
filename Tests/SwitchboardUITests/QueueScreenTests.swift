import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

final class QueueScreenTests: XCTestCase {
    /// Masto with slots Mon 09:00, Fri 13:00 and 17:00, Sat 11:00 (UTC); the clock is Fri 2026-11-27 12:00.
    static func team() -> TeamConfig {
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = "https://social.example"
        let days: [String: [String]] = ["mon": ["09:00"], "fri": ["13:00", "17:00"], "sat": ["11:00"]]
        let sched = JSONValue.object(["masto": .object(days.mapValues { .array($0.map(JSONValue.string)) })])
        return TeamConfig(
            brand: .init(name: "Acme Coffee", terms: ["acme", "#acmecoffee"]),
            competitors: [.init(name: "Globex", terms: ["globex"])],
            sources: [masto],
            team: [.init(user: "lea", name: "Lea", role: "lead"), .init(user: "ali", name: "Ali", role: "agent")],
            timezone: "UTC", extra: ["posting_schedule": sched])
    }

    func app(user: String = "lea", size: Size = Size(width: 220, height: 30), publishesQueue: Bool = false) throws
        -> TestApp
    {
        try TestApp(Fixtures.three, size: size, team: Self.team(), user: user, publishesQueue: publishesQueue)
    }

    static func add(_ app: TestApp, _ text: String, at: String?) throws -> QueueItem {
        let d = QueueDraft(
            text: text, accounts: ["masto"], scheduledAt: at.flatMap(Timestamp.parse), createdAt: TestApp.now)
        let i = try Queue.add(d, team: Self.team(), store: try Store(dir: app.dir), actor: "lea", now: TestApp.now)
        try app.refresh()
        return i
    }

    /// The queue pane's rows (inside its box), trailing spaces cut.
    func pane(_ app: TestApp) -> [String] {
        let r = Layout.compute(size: app.size, focus: app.state.chrome.focus, zoomed: app.state.chrome.zoomed).panes[
            .queue]!
        return (r.y + 1..<r.maxY - 1).map { y in
            String((r.x + 1..<r.maxX - 1).map { app.buffer[$0, y].text }.joined()).replacingOccurrences(
                of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    func testAgendaFromTheLogRefreshedWhenTheStoreChanges() throws {
        let app = try app()
        XCTAssertEqual(pane(app).first, " No scheduled posts")
        _ = try Self.add(app, "Winter blend", at: "2026-11-28T11:00:00Z")
        _ = try Self.add(app, "Barista tips", at: "2026-11-27T13:00:00Z")
        _ = try Self.add(app, "Latte contest", at: nil)
        XCTAssertEqual(
            Array(pane(app).prefix(4)),
            [
                " Fri 27 13:00 masto scheduled   Barista tips",
                " Sat 28 11:00 masto scheduled   Winter blend",
                " —            masto draft       Latte contest",
                "",
            ])
    }

    func testZoomedWeekCalendarShowsItemsAndFreeSlotsAsGaps() throws {
        let app = try app(size: Size(width: 120, height: 30))
        _ = try Self.add(app, "Barista tips", at: "2026-11-27T13:00:00Z")
        _ = try Self.add(app, "Winter blend", at: "2026-11-28T11:00:00Z")
        app.press("3 z")
        let rows = pane(app)
        XCTAssertEqual(
            Array(rows.prefix(5)),
            [
                "      Mon 23          Tue 24          Wed 25          Thu 26          Fri 27          Sat 28          Sun 29",
                "09:00 · free",
                "11:00                                                                                 Winter blend",
                "13:00                                                                 Barista tips",
                "17:00                                                                 · free",
            ])
        XCTAssertEqual(rows[5], "")
    }

    func testScheduleNextSlotDeleteAndUndo() throws {
        let app = try app()
        let a = try Self.add(app, "Barista tips", at: "2026-11-27T13:00:00Z")
        _ = try Self.add(app, "Latte contest", at: nil)
        app.press("3 j s")
        // 13:00 today is taken: the next free slot is 17:00.
        XCTAssertEqual(pane(app)[1], " Fri 27 17:00 masto scheduled   Latte contest")
        XCTAssertTrue(app.screen[28].contains("scheduled 2026-11-27 17:00"), app.screen[28])
        app.press("k d")
        XCTAssertEqual(pane(app)[0], " Fri 27 17:00 masto scheduled   Latte contest")
        XCTAssertEqual(try Queue.current(app.store)[a.id]?.state, .deleted)
        app.press("u")
        XCTAssertEqual(
            Array(pane(app).prefix(2)),
            [
                " Fri 27 13:00 masto scheduled   Barista tips",
                " Fri 27 17:00 masto scheduled   Latte contest",
            ])
        // J swaps the times of the selected item and the next one.
        app.press("g J")
        XCTAssertEqual(
            Array(pane(app).prefix(2)),
            [
                " Fri 27 13:00 masto scheduled   Latte contest",
                " Fri 27 17:00 masto scheduled   Barista tips",
            ])
        app.press("D")
        XCTAssertEqual(pane(app)[2], " —            masto draft       Barista tips")
        // The duplicate is nearly the same as a scheduled post: s asks first (pre-flight), n leaves it a draft, y schedules.
        app.press("s")
        XCTAssertTrue(app.screen[29].hasPrefix("Pre-flight: duplicate: nearly the same as "), app.screen[29])
        app.press("n")
        XCTAssertEqual(pane(app)[2], " —            masto draft       Barista tips")
        app.press("s y")
        XCTAssertEqual(pane(app)[2], " Sat 28 11:00 masto scheduled   Barista tips")
    }

    func testSuspendBannerForEveryoneAndRoleCheck() throws {
        let agent = try app(user: "ali")
        agent.press(":")
        agent.type("suspend storm")
        agent.press("<Enter>")
        XCTAssertTrue(agent.screen[28].contains("ali is agent: only a lead or manager may suspend"), agent.screen[28])
        XCTAssertNil(try Queue.current(agent.store).suspension)

        let lead = try TestApp(
            Fixtures.three, size: Size(width: 220, height: 30), team: Self.team(), root: agent.root, user: "lea")
        _ = try Self.add(lead, "Barista tips", at: "2026-11-27T13:00:00Z")
        lead.press(":")
        lead.type("suspend outage at the roastery")
        lead.press("<Enter>")
        XCTAssertTrue(lead.screen[28].hasPrefix(" QUEUE SUSPENDED: outage at the roastery "), lead.screen[28])
        XCTAssertEqual(pane(lead)[0], " Fri 27 13:00 masto suspended   Barista tips")
        // The agent's workbench sees the switch through the log.
        try agent.refresh()
        XCTAssertTrue(agent.screen[28].hasPrefix(" QUEUE SUSPENDED: outage at the roastery "), agent.screen[28])
        lead.press(":")
        lead.type("resume keep")
        lead.press("<Enter>")
        XCTAssertFalse(lead.screen[28].contains("QUEUE SUSPENDED"), lead.screen[28])
        XCTAssertEqual(pane(lead)[0], " Fri 27 13:00 masto scheduled   Barista tips")
    }

    func testQueueAddShowsPreflightWarningsAndYConfirms() throws {
        let app = try app()
        app.press(":")
        app.type("queue add --next-slot Which one would you take to a desert island?")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[29].hasPrefix("Pre-flight: open_question: "), app.screen[29])
        XCTAssertTrue(try Queue.current(app.store).all.isEmpty)
        app.press("y")
        XCTAssertEqual(pane(app)[0], " Fri 27 13:00 masto scheduled   Which one would")
        app.press(":")
        app.type("queue add Fresh beans today")
        app.press("<Enter>")
        XCTAssertEqual(pane(app)[1], " —            masto draft       Fresh beans tod")
    }

    func testCurateFromTheFeedQuotesWithAttribution() throws {
        let app = try app()
        var edited: [String] = []
        app.runner.editor = { text in
            edited.append(text)
            return text + " Worth a read.\n"
        }
        app.press("c")
        XCTAssertEqual(app.state.chrome.focus, .queue)
        let items = try Queue.current(app.store).all
        XCTAssertEqual(items.count, 1)
        let m = app.store.mention(app.state.feed.selectedKey!)!
        XCTAssertEqual(items[0].draft.via?.handle, "@" + m.author!.handle)
        XCTAssertTrue(items[0].draft.text.contains(m.text), items[0].draft.text)
        // It opens for editing at once; the edit is a queue_edit.
        XCTAssertEqual(edited, ["“\(m.text)”"])
        XCTAssertEqual(items[0].draft.text, "“\(m.text)” Worth a read.")
        XCTAssertTrue(pane(app)[0].hasPrefix(" —            masto draft       “"), pane(app)[0])
        XCTAssertTrue(app.screen[28].contains("queue item edited"), app.screen[28])
    }

    func testDueItemIsPublishedOnceAndShownPublished() throws {
        let app = try app(publishesQueue: true)
        let fake = RecordingPublisher()
        app.runner.queuePublisherFor = { _ in fake }
        _ = try Self.add(app, "Barista tips", at: "2026-11-27T12:00:30Z")
        app.send(.tick(TestApp.now.addingTimeInterval(10)))
        XCTAssertEqual(fake.posts.count, 0)
        app.send(.tick(TestApp.now.addingTimeInterval(31)))
        app.send(.tick(TestApp.now.addingTimeInterval(40)))
        XCTAssertEqual(fake.posts.map(\.0.text), ["Barista tips"])
        XCTAssertEqual(
            fake.posts.first?.1,
            QueuePublisher.idempotencyKey(item: try Queue.current(app.store).all[0].id, account: "masto"))
        XCTAssertEqual(pane(app)[0], " Fri 27 12:00 masto published ✓ Barista tips")
    }

    func testTrendsLeaveOutBrandTermsAndPPostsAboutTheTermNow() throws {
        var ms: [Mention] = []
        for i in 0..<4 {
            ms.append(
                mention(
                    "o\(i)", "Acme #outage right now? Checkout broken \(i)", author: "u\(i)", minutesAgo: Double(5 + i))
            )
        }
        let app = try TestApp(ms, size: Size(width: 220, height: 30), team: Self.team(), user: "lea")
        var edited: [String] = []
        app.runner.editor = { text in
            edited.append(text)
            return text + "is over, thanks for your patience\n"
        }
        app.press("T")
        let terms = app.state.trends!.terms.map(\.term)
        XCTAssertTrue(terms.contains("#outage"), "\(terms)")
        XCTAssertFalse(terms.contains { $0.lowercased().contains("acme") }, "\(terms)")
        let i = terms.firstIndex(of: "#outage")!
        for _ in 0..<i { app.press("j") }
        app.press("p")
        XCTAssertEqual(edited, ["#outage "])
        XCTAssertEqual(app.state.chrome.focus, .queue)
        XCTAssertEqual(pane(app)[0], " Fri 27 12:00 masto scheduled   #outage is over")
    }

    func testEditOpensTheEditorOnTheItemAndRetriesAFailedOne() throws {
        let app = try app()
        let a = try Self.add(app, "Barista tips", at: "2026-11-27T11:00:00Z")
        app.runner.editor = { text in text.replacingOccurrences(of: "tips", with: "secrets") + "\n" }
        app.press("3 e")
        XCTAssertEqual(pane(app)[0], " Fri 27 11:00 masto scheduled   Barista secrets")
        try app.store.record(
            [.queue(.failed(id: a.id, account: "masto", error: "422 text too long", retryAt: nil))], actor: "bot")
        app.send(.storeChanged(app.runner.delta()))
        XCTAssertEqual(pane(app)[0], " Fri 27 11:00 masto failed — r to retry Barista")
        app.press("r")
        XCTAssertEqual(pane(app)[0], " Fri 27 12:00 masto scheduled   Barista secrets")
    }
}
