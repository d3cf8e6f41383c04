import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 18: a workbench that never folds the store (`SWITCHBOARD_WINDOW=bounded`, the default for a large history)
/// hides what the team mutes in SQL, triages through a store that keeps no mentions (the index catches up and the
/// window reads its rows again), and filters through the index — each screen the one of the workbench that folded
/// the store and pressed the same keys.
final class BoundedWindowTests: XCTestCase {
    /// A team that mutes two authors and two terms (one with an umlaut); bob's role may not read private messages.
    static func team() -> TeamConfig {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["Acme"]),
            team: [.init(user: "alice", name: "Alice", role: "lead"), .init(user: "bob", name: "Bob", role: "agent")])
        t.mute = .init(authors: ["@u5", "U7"], terms: ["MÜLL", "Gewinnspiel"])
        t.extra["private_messages"] = .array([.string("lead")])
        return t
    }

    /// 450 mentions and some the mute list hides — or, folded alike but not hidden, does not.
    static func mentions() -> [Mention] {
        var dm = mention("dm1", "Bitte nicht öffentlich: meine Kundennummer", author: "jonas", minutesAgo: 2.5)
        dm.reply = ReplyRef(uri: "dm1", visibility: "direct")
        var named = mention("n1", "Nur eine Frage zur Rechnung", author: "muellfan", minutesAgo: 3.5)
        named.author?.name = "Müll Fan"
        return Fixtures.many(450) + [
            dm, named,
            mention("g1", "Großes GEWINNSPIEL heute!", author: "promo", minutesAgo: 4.5),
            mention("m1", "So viel müll im Park, schade", author: "park", minutesAgo: 5.5),
            mention("s1", "Störung bei Acme in der Straße", author: "anna", minutesAgo: 7.5),
            mention("s2", "Stoerung schon wieder, Acme?", author: "ben", minutesAgo: 8.5),
        ]
    }

    /// Runs the window's loop on `keys` with `answer` (it stops when the keys are used up).
    func run(
        _ state: inout AppState, _ keys: [TerminalEvent], pager: IndexTestPager, answer: ((Effect) -> [Message])?
    ) -> TestTerminal {
        let t = TestTerminal(size: Size(width: 120, height: 40))
        t.enqueue(keys)
        _ = HistoryWindowLoop.run(terminal: t, state: &state, pager: pager, answer: answer) { t.pendingEvents.isEmpty }
        return t
    }

    func keys(_ s: String) -> [TerminalEvent] {
        s.split(separator: " ").map { KeyNames.parse(String($0)).map { TerminalEvent.key($0) }! }
    }

    func typed(_ s: String) -> [TerminalEvent] { s.map { .key(.char($0)) } }

    /// The lines that differ, for a failure's message.
    func diff(_ got: [String], _ want: [String]) -> String {
        zip(got, want).enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "row \($0.offset):\n  bounded: \($0.element.0)\n  folded:  \($0.element.1)" }.joined(separator: "\n")
    }

    /// The bounded window of `app`'s data directory for `user`, with a runner on a store opened `.actionsOnly`.
    func bounded(_ app: TestApp, user: String = "alice", team: TeamConfig? = nil) throws
        -> (AppState, IndexTestPager, BoundedEffects, Store)
    {
        var state = TestApp.state(team: team, user: user)
        let pager = try IndexTestPager.showWindow(app, in: &state)
        let store = try Store(dir: app.dir, mode: .actionsOnly)
        let runner = EffectRunner(store: store, actor: user)
        (runner.team, runner.timeZone, runner.clock) = (team, TimeZone(identifier: "UTC")!, { TestApp.now })
        runner.mentionFromIndex = { [pager] in try? pager.mention($0)?.mention }
        runner.history = pager.reader.index
        // No real editor in a test (a curated draft opens it): the text comes back as it went in.
        runner.editor = { $0 }
        _ = runner.delta()
        let effects = BoundedEffects(pager: pager) { _ in runner }
        effects.clock = { TestApp.now }
        return (state, pager, effects, store)
    }

    func testTheMuteListAndPrivateMessagesAreLeftOutInSQLAsTheFoldedFeedLeavesThemOut() throws {
        let team = Self.team()
        let app = try TestApp(Self.mentions(), team: team, user: "bob")
        var state = TestApp.state(team: team, user: "bob")
        let pager = try IndexTestPager.showWindow(app, in: &state)
        // The first screen: no muted author, term or private message; the title and the counts leave them out.
        var t = run(&state, [], pager: pager, answer: nil)
        XCTAssertEqual(t.screen!.lines, app.buffer.lines, diff(t.screen!.lines, app.buffer.lines))
        let shown = t.screen!.lines.joined(separator: "\n")
        for hidden in ["GEWINNSPIEL", "müll", "Kundennummer"] { XCTAssertFalse(shown.contains(hidden), shown) }
        // The muted term is in the author's name, not the text: shown (as the folded feed shows it).
        XCTAssertTrue(shown.contains("Nur eine Frage"), shown)
        XCTAssertTrue(t.screen!.lines[0].contains("Feed — 451 "), t.screen!.lines[0])
        // Past the first page: u5 and u7 are not among the rows read.
        let walk = Array(repeating: TerminalEvent.key(.char("j")), count: 240)
        t = run(&state, walk, pager: pager, answer: nil)
        app.press(String(repeating: "j ", count: 240))
        XCTAssertEqual(t.screen!.lines, app.buffer.lines, diff(t.screen!.lines, app.buffer.lines))
        XCTAssertEqual(state.chrome.counts, app.state.chrome.counts)
        XCTAssertNil(state.feed.keyIndex[app.store.mentions.first { $0.author?.handle == "u5" }!.key])
        // A lead reads private messages: the same window shows it.
        let alice = try TestApp(Self.mentions(), team: team, user: "alice")
        var lead = TestApp.state(team: team, user: "alice")
        let leadPager = try IndexTestPager.showWindow(alice, in: &lead)
        let lt = run(&lead, [], pager: leadPager, answer: nil)
        XCTAssertEqual(lt.screen!.lines, alice.buffer.lines, alice.dump())
        XCTAssertTrue(lt.screen!.lines.joined().contains("Kundennummer"))
    }

    func testTriageInTheBoundedWindowIsWrittenToTheLogAndReadBackFromTheIndex() throws {
        let app = try TestApp(Fixtures.many(450))
        let folded = try TestApp(Fixtures.many(450))
        var (state, pager, effects, _) = try bounded(app)
        // Open, assign, tag and answer three mentions; a note on a fourth.
        let script = "j j j O j"
        var t = run(&state, keys(script), pager: pager, answer: effects.answer)
        t = run(&state, [.key(.char(":"))] + typed("assign bob") + [.key(.enter)], pager: pager, answer: effects.answer)
        t = run(&state, keys("j a j"), pager: pager, answer: effects.answer)
        t = run(&state, [.key(.char(":"))] + typed("tag straße") + [.key(.enter)], pager: pager, answer: effects.answer)
        folded.press(script)
        folded.type(":assign bob")
        folded.press("<Enter>")
        folded.press("j a j")
        folded.type(":tag straße")
        folded.press("<Enter>")
        XCTAssertEqual(t.screen!.lines, folded.buffer.lines, diff(t.screen!.lines, folded.buffer.lines))
        XCTAssertEqual(state.chrome.counts, folded.state.chrome.counts)
        // On disk: the actions log holds them, written by alice.
        let log = try actionLines(app)
        let key = { (n: Int) in app.store.mentions.first { $0.text == "mention number \(n)" }!.key }
        XCTAssertTrue(log.contains { $0.contains(key(3)) && $0.contains("\"open\"") && $0.contains("alice") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains(key(4)) && $0.contains("bob") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains(key(5)) && $0.contains("answered") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains(key(6)) && $0.contains("straße") }, "\(log)")
        // The index holds the same states as the store that folds the logs.
        try app.refresh()
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        for n in 3...6 { XCTAssertEqual(try index.mention(key(n))?.state.status, app.store.state(key(n)).status) }
    }

    func actionLines(_ app: TestApp) throws -> [String] {
        try app.dir.logFiles(.actions).flatMap {
            try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    func testAnotherProcessesWritesShowOnTheRefreshTick() throws {
        let app = try TestApp(Fixtures.many(450))
        var (state, pager, effects, _) = try bounded(app)
        let key = { (n: Int) in app.store.mentions.first { $0.text == "mention number \(n)" }!.key }
        // Another process escalates row 1 and stores a new mention.
        let other = try Store(dir: app.dir)
        try other.record([.setStatus(mention: key(1), status: .escalated)], actor: "bob", now: TestApp.now)
        try other.ingest([mention("new1", "Ganz neu: Größe passt nicht", author: "neu", minutesAgo: 0.5)])
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        let screen = render(state, size: Size(width: 120, height: 40)).lines
        XCTAssertTrue(screen[0].contains("Feed — 451"), screen[0])
        XCTAssertTrue(screen[1].contains("Ganz neu: Größe passt nicht"), screen.joined(separator: "\n"))
        XCTAssertTrue(screen[3].contains(" esc "), screen[3])
        XCTAssertEqual(state.chrome.message?.text, "1 new mention")
        // The counts are the folded store's.
        try app.refresh()
        XCTAssertEqual(state.chrome.counts, app.state.chrome.counts)
        XCTAssertEqual(state.chrome.counts.new, 450)
        XCTAssertFalse(pager.hasMore && state.feed.items.count > 201)
    }

    /// A listener or `ingest` in another process stores mentions and catches the shared index up itself: the next
    /// refresh tick finds nothing left to read, and shows the new mention all the same (it waited for the minute's
    /// recount, up to 60 s).
    func testMentionsAnotherProcessIndexedItselfShowOnTheNextTick() throws {
        let app = try TestApp(Fixtures.many(450))
        var (state, _, effects, _) = try bounded(app)
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        try Store(dir: app.dir).ingest([mention("new1", "Ganz neu: Größe passt nicht", author: "neu", minutesAgo: 0.5)])
        XCTAssertEqual(try HistoryIndex(dir: app.dir).lastCatchUp.mentions, 1)
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        let screen = render(state, size: Size(width: 120, height: 40)).lines
        XCTAssertTrue(screen[0].contains("Feed — 451"), screen[0])
        XCTAssertTrue(screen[1].contains("Ganz neu: Größe passt nicht"), screen.joined(separator: "\n"))
        XCTAssertEqual(state.chrome.message?.text, "1 new mention")
    }

    /// An `ingest` holds the index's write lock for its whole run (minutes for a large import). The refresh tick does
    /// not wait for it on the workbench's thread: it reads what the index holds and catches up once the lock is free.
    func testTheRefreshTickDoesNotWaitForAnotherWritersLock() throws {
        let app = try TestApp(Fixtures.many(450))
        var (state, pager, effects, _) = try bounded(app)
        let other = try Store(dir: app.dir)
        try other.ingest([mention("new1", "Ganz neu: Größe passt nicht", author: "neu", minutesAgo: 0.5)])
        // Another process holds the index's lock (as `ingest` does).
        let lock = app.dir.root.appendingPathComponent("index/history.lock")
        guard let fd = FileIO.tryLock(lock) else { return XCTFail("the index lock is taken") }
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var messages: [Message] = []
        nonisolated(unsafe) let tick = effects
        Thread {
            messages = tick.answer(.refreshStore)
            answered.signal()
        }.start()
        // A guard against a hang, not a timing: the tick would otherwise wait as long as the lock is held.
        let waited = answered.wait(timeout: .now() + 60)
        flock(fd, LOCK_UN)
        close(fd)
        XCTAssertEqual(waited, .success, "the refresh tick waited for the other writer's lock")
        XCTAssertTrue(pager.reader.index.lastCatchUp.busy)
        for m in messages { _ = update(&state, m) }
        var screen = render(state, size: Size(width: 120, height: 40)).lines
        XCTAssertTrue(screen[0].contains("Feed — 450"), screen[0])
        // The lock free again: the next tick catches up.
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        screen = render(state, size: Size(width: 120, height: 40)).lines
        XCTAssertTrue(screen[0].contains("Feed — 451"), screen[0])
        XCTAssertTrue(screen[1].contains("Ganz neu: Größe passt nicht"), screen.joined(separator: "\n"))
    }

    func testTwoProcessesClaimingTheSameMentionStayCorrect() throws {
        let app = try TestApp(Fixtures.many(450))
        var (state, pager, effects, store) = try bounded(app)
        let key = { (n: Int) in app.store.mentions.first { $0.text == "mention number \(n)" }!.key }
        // Alice (bounded) opens row 2: claimed in the log.
        _ = run(&state, keys("j j <Enter>"), pager: pager, answer: effects.answer)
        try store.refresh()
        XCTAssertEqual(store.state(key(2)).assignee, "alice")
        // Bob (another process, the folded store) opens the same mention: alice holds it, he is asked.
        let bob = try TestApp(root: app.root, user: "bob")
        bob.press("j j <Enter>")
        XCTAssertTrue(bob.screen.joined().contains("alice"), bob.dump())
        XCTAssertEqual(try Store(dir: app.dir).state(key(2)).assignee, "alice")
        // Bob claims row 5 first; alice's bounded window then asks before taking it over.
        bob.press("<Esc> j j j <Enter>")
        _ = run(&state, keys("<Esc> j j j <Enter>"), pager: pager, answer: effects.answer)
        let shown = render(state, size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        XCTAssertTrue(shown.contains("bob"), shown)
        XCTAssertEqual(try Store(dir: app.dir).state(key(5)).assignee, "bob")
    }

    /// Issue 18 at 10M: a filter is matched on every key typed, and counting `from:u` or a one-letter word read every
    /// row with the workbench waiting (seconds a key). Past its budget the count stops and the title says "more than
    /// the rows read"; a filter whose matches all fit in the page is counted exactly without a count.
    func testAFilterCountThatWouldTakeTooLongSaysMoreThanTheRowsRead() throws {
        let team = Self.team()
        let app = try TestApp(Self.mentions(), team: team, user: "alice")
        var (state, pager, effects, _) = try bounded(app, team: team)
        pager.reader.countBudget = 0
        // Typed faster than the index answers (here: all at once), the filter is matched once, for its whole text.
        var matched: [String] = []
        let answer: (Effect) -> [Message] = { e in
            if case .matchFeed(let q, _, _) = e { matched.append(q.text) }
            return effects.answer(e)
        }
        var t = run(&state, [.key(.char("/"))] + typed("mention") + [.key(.enter)], pager: pager, answer: answer)
        XCTAssertEqual(matched, ["mention"])
        XCTAssertEqual(state.feed.windowMatches, -1)
        XCTAssertTrue(t.screen!.lines[0].contains("Feed — 200+/"), t.screen!.lines[0])
        XCTAssertTrue(t.screen!.lines.contains { $0.contains("filter: mention — 200+ of 452") }, "\(t.screen!.lines)")
        // All in one page: exact, whatever the budget.
        t = run(&state, typed(":filter number 44") + [.key(.enter)], pager: pager, answer: effects.answer)
        XCTAssertEqual(state.feed.windowMatches, 14, "44, 144, 244, 344, 440–449")
        XCTAssertTrue(t.screen!.lines[0].contains("Feed — 14/"), t.screen!.lines[0])
    }

    func testFiltersInTheBoundedWindowAreTheFoldedStoresFilters() throws {
        let team = Self.team()
        // Umlauts and their spellings (ö/oe, ß/ss), text terms, state and time fields, is:overdue on candidates.
        let queries = ["störung", "strasse", "number 44", "acme -from:ben", "is:open", "is:overdue", "müll"]
        for query in queries {
            let app = try TestApp(Self.mentions(), team: team, user: "alice")
            let key = { (n: Int) in app.store.mentions.first { $0.text == "mention number \(n)" }!.key }
            try app.store.record(
                [.setStatus(mention: key(44), status: .open), .setStatus(mention: key(144), status: .open)],
                actor: "bob", now: TestApp.now)
            try app.refresh()
            var (state, pager, effects, _) = try bounded(app, team: team)
            let t = run(
                &state, [.key(.char("/"))] + typed(query) + [.key(.enter)], pager: pager, answer: effects.answer)
            app.press("/")
            app.type(query)
            app.press("<Enter>")
            XCTAssertEqual(t.screen!.lines, app.buffer.lines, "\(query)\n" + diff(t.screen!.lines, app.buffer.lines))
            XCTAssertNotNil(state.feed.windowMatches, query)
        }
        // Deep in a long filter (is:overdue: pages read on through the matcher), then cleared: the newest again.
        let app = try TestApp(Self.mentions(), team: team, user: "alice")
        var (state, pager, effects, _) = try bounded(app, team: team)
        let walk =
            [.key(.char("/"))] + typed("is:overdue") + [.key(.enter)]
            + Array(repeating: TerminalEvent.key(.char("j")), count: 230)
        var t = run(&state, walk, pager: pager, answer: effects.answer)
        app.press("/")
        app.type("is:overdue")
        app.press("<Enter>")
        app.press(String(repeating: "j ", count: 230))
        XCTAssertEqual(t.screen!.lines, app.buffer.lines, diff(t.screen!.lines, app.buffer.lines))
        t = run(&state, typed(":filter") + [.key(.enter)], pager: pager, answer: effects.answer)
        app.type(":filter")
        app.press("<Enter>")
        XCTAssertNil(state.feed.windowMatches)
        XCTAssertTrue(t.screen!.lines[0].contains("Feed — 452 "), t.screen!.lines[0])
        XCTAssertEqual(t.screen!.lines[0], app.buffer.lines[0])
        XCTAssertEqual(t.screen!.lines[38], app.buffer.lines[38])
    }

    /// What the bounded window cannot do is said on the status line, in English and in German — never silently
    /// something else: the priority sort of the rows read, `role:`, what needs every mention (the trends).
    func testWhatTheBoundedWindowCannotDoIsSaidInEnglishAndGerman() throws {
        for lang in [Language.en, .de] {
            L10n.use(lang)
            defer { L10n.use(.en) }
            let app = try TestApp(Self.mentions(), team: Self.team(), user: "alice")
            var (state, pager, effects, _) = try bounded(app, team: Self.team())
            var t = run(&state, keys("o"), pager: pager, answer: effects.answer)
            XCTAssertEqual(state.chrome.message?.text, L10n.t("window.prioritySort", ["count": 200]))
            XCTAssertTrue(
                t.screen!.lines[38...39].joined().contains(
                    lang == .de ? "nach Priorität: nur die 200" : "by priority: only the 200"),
                t.screen!.lines[37...39].joined(separator: "\n"))
            t = run(
                &state, keys("o") + [.key(.char("/"))] + typed("role:press") + [.key(.enter)], pager: pager,
                answer: effects.answer)
            XCTAssertTrue(
                t.screen!.lines[38...39].joined().contains(
                    lang == .de ? "role: trifft hier nichts" : "role: matches nothing here"),
                t.screen!.lines[37...39].joined(separator: "\n"))
            // An SLA per priority band: the window cannot count overdue mentions, and says so instead of none.
            var banded = Self.team()
            banded.sla = .init(firstResponseMinutes: 60, byPriority: ["high": 15])
            var bandedState = TestApp.state(team: banded, user: "alice")
            let bandedPager = try IndexTestPager.showWindow(app, in: &bandedState)
            let bt = run(&bandedState, [], pager: bandedPager, answer: nil)
            XCTAssertTrue(
                bt.screen!.lines[38].contains(lang == .de ? "überfällig: hier nicht gezählt" : "overdue: not counted"),
                bt.screen!.lines[38])
            t = run(&state, typed(":filter") + [.key(.enter), .key(.char("T"))], pager: pager, answer: effects.answer)
            XCTAssertEqual(state.chrome.message?.isError, true)
            XCTAssertTrue(
                t.screen!.lines[38...39].joined().contains(
                    lang == .de ? "nicht in dieser Werkbank" : "not in this workbench"),
                t.screen!.lines[37...39].joined(separator: "\n"))
        }
    }

    /// Deep in a filter on state (`is:new`, row 230 of 450): answering the selected mention takes it out, and the
    /// selection moves to the next match — the filter is matched again by the index without losing the rows read.
    func testTriageDeepInAStateFilterKeepsThePlace() throws {
        let app = try TestApp(Fixtures.many(450))
        let folded = try TestApp(Fixtures.many(450))
        var (state, pager, effects, _) = try bounded(app)
        let walk = typed("/is:new") + [.key(.enter)] + Array(repeating: TerminalEvent.key(.char("j")), count: 230)
        var t = run(&state, walk + keys("a"), pager: pager, answer: effects.answer)
        // The refresh tick after it: nothing new, the same screen.
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        t = run(&state, [], pager: pager, answer: effects.answer)
        folded.press("/")
        folded.type("is:new")
        folded.press("<Enter>")
        folded.press(String(repeating: "j ", count: 230) + "a")
        XCTAssertEqual(t.screen!.lines, folded.buffer.lines, diff(t.screen!.lines, folded.buffer.lines))
        XCTAssertEqual(state.feed.item(atRow: state.feed.selected).text, "mention number 231")
    }

    /// The crisis pane and the content queue in a bounded window (a history of 50,000 mentions or more opens in one):
    /// a crisis started with the queue suspended, a step checked and a mention curated into the queue, with the same
    /// screen as the folded workbench's after the same keys — the chart's slots counted by the index.
    func testACrisisAndTheQueueWorkInTheBoundedWindowAsInTheFoldedOne() throws {
        typealias F = CrisisFixtures
        // Mentions in the hour before now (the chart's first hour), some negative, and older ones.
        let ms =
            F.burst("a", minutesAgo: 50, n: 6, neg: 2) + F.burst("b", minutesAgo: 20, n: 9, neg: 7)
            + F.burst("c", minutesAgo: 2.5, n: 4, neg: 1) + Fixtures.many(60)
        let app = try TestApp(ms, team: F.team(), files: F.files)
        let folded = try TestApp(ms, team: F.team(), files: F.files)
        folded.runner.editor = { $0 }
        var (state, pager, effects, _) = try bounded(app, team: F.team())
        // The queue and the crisis pane as the first refresh tick loads them once the store is open.
        for m in effects.answer(.loadPanels) { _ = update(&state, m) }
        // Start the second playbook (outage) at severity 3 with the queue suspended, check its first step.
        let script = "4 j <Enter> 3 y x"
        var t = run(&state, keys(script), pager: pager, answer: effects.answer)
        folded.press(script)
        XCTAssertNil(state.chrome.message.flatMap { $0.isError ? $0.text : nil })
        XCTAssertEqual(t.screen!.lines, folded.buffer.lines, diff(t.screen!.lines, folded.buffer.lines))
        let joined = t.screen!.lines.joined(separator: "\n")
        XCTAssertTrue(joined.contains("Crisis — ACTIVE"), joined)
        XCTAssertTrue(joined.contains("SUSPENDED"), joined)
        // The chart counts the mentions of the hour before the start (the index's GROUP BY, as the fold counts).
        XCTAssertTrue(joined.contains("max ") && !joined.contains("max 0/15m"), joined)
        // On disk: the run, the suspension and the step, written by alice.
        let log = try actionLines(app)
        XCTAssertTrue(log.contains { $0.contains("crisis_start") && $0.contains("alice") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains("queue_suspend_all") }, "\(log)")
        XCTAssertTrue(log.contains { $0.contains("crisis_step") && $0.contains("confirm") }, "\(log)")
        // A mention curated into the queue from the feed: its text read from the index.
        t = run(&state, keys("1") + typed(":curate") + [.key(.enter)], pager: pager, answer: effects.answer)
        folded.press("1")
        folded.type(":curate")
        folded.press("<Enter>")
        XCTAssertEqual(state.chrome.message?.text, folded.state.chrome.message?.text)
        XCTAssertEqual(state.queue.info.items.count, 1)
        XCTAssertEqual(state.queue.info.items.first?.draft.text, folded.state.queue.info.items.first?.draft.text)
        XCTAssertEqual(state.queue.info.items.first?.draft.text, "“mention number 0”")
    }
}
