import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 18: a workbench without a store (`SWITCHBOARD_WINDOW=bounded`) shows what the folded store shows — the
/// Mention pane's thread and the author's card, the feed's person marks (★/⚑) and `role:` — read from the index
/// (`HistoryIndex.related`, `mentions(ofIdentities:)`, `contactEvents`, folded per person by `WindowPanes`).
final class BoundedPanesTests: XCTestCase {
    /// Tall enough for the Mention pane to show the thread below the text while the composer is open.
    let size = Size(width: 120, height: 60)

    /// The community fixtures (a critic with a second, merged account, a multiplier) and a thread: Carl asks, Anna
    /// answers him, Dora answers Anna; Ben is a journalist by hand.
    func makeApp() throws -> TestApp {
        let thread =
            [
                mention("t0", "Is Acme down for everyone?", author: "carl@social.example", minutesAgo: 200),
                mention(
                    "t1", "Yes, Acme has been down for hours, awful.", author: "anna@social.example", minutesAgo: 4,
                    sentiment: .negative, followers: 800, inReplyTo: "t0", threadRoot: "t0"),
                mention(
                    "t2", "Same here, Acme support is not answering.", author: "dora@social.example", minutesAgo: 3,
                    sentiment: .negative, inReplyTo: "t1", threadRoot: "t0"),
                mention(
                    "u1", "Unrelated: Acme's café in München is schön.", author: "emil@social.example", minutesAgo: 2),
            ]
            + (0..<3).map { i in
                mention(
                    "s\(i)", "#Störung im Rechenzentrum, Ausfall seit Mittag", author: "fan\(i)@x.example",
                    minutesAgo: 10 + Double(i))
            }
        let app = try TestApp(CommunityFixtures.mentions() + thread, size: size, team: CommunityFixtures.team)
        try app.store.record(
            [
                .contact(.merge(contact: "mastodon:anna@social.example", identities: ["bluesky:annab.bsky.social"])),
                .contact(.role(contact: "bluesky:ben.bsky.social", add: ["journalist"], remove: [])),
                .contact(.note(contact: "mastodon:anna@social.example", text: "Rückruf versprochen")),
            ], actor: "alice", now: TestApp.now)
        try app.refresh()
        return app
    }

    /// The window of the index as a bounded workbench opens it (WorkbenchWindow.swift), with its panes.
    func bounded(_ app: TestApp) throws -> (AppState, IndexTestPager) {
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        var state = TestApp.state(size: size, team: CommunityFixtures.team)
        let s = state.settings
        let reader = try WindowReader(
            index: index, mute: MuteList(team: s.team, user: s.user), own: OwnAccounts(team: s.team), me: s.user,
            pageSize: 200, overdueAfter: Double(s.slaMinutes) * 60)
        let w = try reader.first(now: state.chrome.now)
        var states: [String: MentionState] = [:]
        for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
        let window = HistoryWindow(
            mentions: w.newest.map(\.mention), states: states, total: w.total,
            counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue ?? 0))
        state.showWindow(window)
        let pager = IndexTestPager(reader)
        let panes = WindowPanes(
            source: index, team: CommunityFixtures.team, user: "alice", timeZone: TimeZone(identifier: "UTC")!,
            clock: { TestApp.now })
        panes.queue(window.mentions)
        pager.panes = panes
        reader.role = panes.roleHook()
        return (state, pager)
    }

    func run(_ state: inout AppState, _ keys: [TerminalEvent], pager: IndexTestPager) -> TestTerminal {
        let t = TestTerminal(size: size)
        t.enqueue(keys)
        _ = HistoryWindowLoop.run(
            terminal: t, state: &state, pager: pager, answer: HistoryWindowLoop.readOnly(pager)
        ) { t.pendingEvents.isEmpty }
        return t
    }

    /// Opens the selected mention in the folded store's workbench without claiming it (a bounded workbench does not
    /// write; the claim would change its status): every other effect runs as in the runtime.
    func openWithoutClaim(_ app: TestApp) {
        var queue = update(&app.state, .key(.enter)).filter {
            if case .claim = $0 { return false } else { return true }
        }
        while !queue.isEmpty {
            for m in app.runner.perform(queue.removeFirst()) { queue += update(&app.state, m) }
        }
    }

    /// The screen without the status line's message (the bounded workbench says it is read-only).
    func screen(_ s: AppState) -> [String] {
        var s = s
        s.chrome.message = nil
        return render(s, size: size).lines
    }

    func select(_ state: inout AppState, _ id: String) {
        let key = MentionKey.make(platform: "mastodon", id: id)
        let row = state.feed.rows.firstIndex { state.feed.items[Int($0)].key == key }!
        state.feed.move(to: row, viewport: 30)
    }

    func testTheMentionPaneShowsTheThreadAndTheAuthorsCardAsTheStoreDoes() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        select(&state, "t1")
        let t = run(&state, [.key(.enter)], pager: pager)
        CommunityFixtures.select(app, "t1")
        openWithoutClaim(app)
        // The thread (Carl's question, Dora's answer) and Anna's card (both accounts, 5 mentions, critic, the note).
        let detail = try XCTUnwrap(state.mention.detail)
        XCTAssertEqual(detail.thread.map(\.id), ["t0", "t2"])
        XCTAssertEqual(detail.contact?.handles.count, 2)
        XCTAssertEqual(detail.contact, app.state.mention.detail?.contact)
        let screen = t.screen!.lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Is Acme down for everyone?"), screen)
        XCTAssertTrue(screen.contains("Thread (2):") && screen.contains("@carl@social.example: Is Acme down"), screen)
        XCTAssertTrue(screen.contains("Rückruf versprochen") && screen.contains("roles: critic?"), screen)
        // The whole screen is the folded store's.
        XCTAssertEqual(self.screen(state), app.buffer.lines, "\(screen)\n---\n\(app.dump())")
    }

    func testOpeningAMentionSaysNothingIsRefused() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        select(&state, "t1")
        let t = run(&state, [.key(.enter)], pager: pager)
        // Opening asks for reply suggestions too: a bounded window offers none, and says no refusal for it.
        let status = t.screen!.lines.suffix(2).joined(separator: "\n")
        XCTAssertNil(state.chrome.message.flatMap { $0.isError ? $0.text : nil }, status)
        XCTAssertFalse(status.contains("read-only") || status.contains("not in this workbench"), status)
    }

    func testAMentionWithoutThreadOrAuthorCardOpensAsInTheStore() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        select(&state, "u1")
        _ = run(&state, [.key(.enter)], pager: pager)
        CommunityFixtures.select(app, "u1")
        openWithoutClaim(app)
        XCTAssertEqual(state.mention.detail?.thread.count, 0)
        XCTAssertEqual(state.mention.detail?.contact, app.state.mention.detail?.contact)
        XCTAssertEqual(screen(state), app.buffer.lines)
    }

    func testPersonMarksOnTheFeedAreTheStores() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        // Without a store the first frame has no marks; the loop works them out right after drawing it.
        XCTAssertTrue(state.feed.personMarks.isEmpty)
        let t = run(&state, [], pager: pager)
        let feed = { (lines: [String]) in Array(lines[0..<12]) }
        let rows = feed(t.screen!.lines).joined(separator: "\n")
        // Anna (a critic, both accounts: the merge), Mia (a multiplier), Ben (a journalist by hand).
        XCTAssertTrue(rows.contains("M⚑anna@social.exam") && rows.contains("B⚑annab.bsky.socia"), rows)
        XCTAssertTrue(rows.contains("M★mia@tech.example") && rows.contains("B★ben.bsky.social"), rows)
        XCTAssertTrue(rows.contains("M carl@social.exam"), rows)
        XCTAssertEqual(feed(t.screen!.lines), feed(app.buffer.lines))
        XCTAssertEqual(state.feed.personMarks, app.state.feed.personMarks)
    }

    /// A page of new authors costs a person's mentions each (0.25 s of CPU at a million): the loop works out a few
    /// milliseconds of marks after each key, the rows on the screen first, and the rest while no key waits.
    func testMarksWithinABudgetComeScreenFirstAndEndTheSameAsAllAtOnce() throws {
        let app = try makeApp()
        var (reference, referencePager) = try bounded(app)
        XCTAssertFalse(reference.markPersons(referencePager.panes))
        XCTAssertFalse(reference.feed.personMarks.isEmpty)

        // Scrolled to the end of a short feed: the newest rows are off the screen.
        var (state, pager) = try bounded(app)
        let panes = try XCTUnwrap(pager.panes)
        _ = update(&state, .resize(Size(width: 120, height: 14)))
        for _ in 0..<40 { _ = update(&state, .key(.char("j"))) }
        XCTAssertGreaterThan(state.feed.scrollTop, 0)
        let queued = panes.lock.withLock { panes.unmarked.map(\.key) }
        let onScreen = state.feed.item(atRow: state.feed.scrollTop).key
        XCTAssertNotEqual(queued.first, onScreen)
        // No time at all: one mention per call, a row on the screen first.
        XCTAssertTrue(state.markPersons(panes, budget: 0))
        let left = panes.lock.withLock { panes.unmarked.map(\.key) }
        XCTAssertEqual(left.count, queued.count - 1)
        let first = try XCTUnwrap(Set(queued).subtracting(left).first)
        let shown = (state.feed.scrollTop..<state.feed.rows.count).map { state.feed.item(atRow: $0).key }
        XCTAssertTrue(shown.contains(first), "marked first: \(first), on the screen: \(shown)")
        var calls = 1
        while state.markPersons(panes, budget: 0) { calls += 1 }
        XCTAssertEqual(calls + 1, queued.count)
        XCTAssertEqual(state.feed.personMarks, reference.feed.personMarks)
    }

    func testMentionsThatArriveOrAFilterBringsAreMarkedToo() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        _ = run(&state, [], pager: pager)
        let effects = BoundedEffects(pager: pager) { _ in nil }
        effects.clock = { TestApp.now }
        // Anna (a critic) posts again; the refresh tick reads it from the index above the rows.
        try app.ingest([mention("late1", "Immer noch kaputt.", author: "anna@social.example", minutesAgo: 0.2)])
        for m in effects.answer(.refreshStore) { _ = update(&state, m) }
        state.markPersons(pager.panes)
        let top = render(state, size: size).lines[1]
        XCTAssertTrue(top.contains("Immer noch kaputt") && top.contains("M⚑anna@social.exam"), top)
        // A filter's rows come from the index too: marked as they arrive.
        let q = try Query.parse("from:mia")
        state.feed.setFilter(
            FeedFilter(query: q), states: state.states, viewport: Layout.feedViewport(state))
        for m in effects.answer(.matchFeed(q, now: TestApp.now, slaMinutes: 60)) { _ = update(&state, m) }
        state.feed.personMarks = [:]
        state.markPersons(pager.panes)
        let row = render(state, size: size).lines[1]
        XCTAssertTrue(row.contains("M★mia@tech.example"), row)
    }

    func testRoleFilterThroughTheIndexMatchesTheStoresContacts() throws {
        let app = try makeApp()
        let (_, pager) = try bounded(app)
        let contacts = Contacts.current(app.store, team: CommunityFixtures.team)
        var env = QueryEnvironment(me: "alice", now: TestApp.now)
        env.role = contacts.roleHook()
        for q in ["role:critic", "role:vip", "role:journalist,fan", "-role:critic acme", "role:former-employee"] {
            let query = try Query.parse(q)
            let matcher = QueryMatcher(query, environment: env)
            let want = app.store.mentions.filter { matcher.matches($0, app.store.state($0.key)) }.map(\.key)
            let got = try pager.reader.index.search(query, environment: pager.reader.environment(TestApp.now), limit: 0)
                .mentions.map(
                    \.mention.key)
            XCTAssertEqual(Set(got), Set(want), q)
        }
    }

    func testTrendsFromTheIndexAreTheStores() throws {
        let app = try makeApp()
        var (state, pager) = try bounded(app)
        let keys: [TerminalEvent] = [.key(.char(":"))] + "trends".map { .key(.char($0)) } + [.key(.enter)]
        _ = run(&state, keys, pager: pager)
        app.type(":trends")
        app.press("<Enter>")
        let lines = screen(state)
        XCTAssertTrue(lines.joined(separator: "\n").contains("#störung"), lines.joined(separator: "\n"))
        XCTAssertEqual(lines, app.buffer.lines, app.dump())
    }

    /// The roles come from the index's tallies (a row per identity, schema 9) for a user who reads everything; a user
    /// whose role may not read private messages gets the person folded from the mentions they may read (the tallies
    /// count private messages too): Carla, negative only in private messages, is a critic to Alice, not to Bob.
    func testRolesLeaveOutPrivateMessagesForAUserWhoMayNotReadThem() throws {
        let dir = DataDirectory(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("sbpanes-private-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: dir.root) }
        var team = TeamConfig(
            brand: .init(name: "Acme", terms: ["Acme"]),
            team: [.init(user: "alice", name: "Alice", role: "lead"), .init(user: "bob", name: "Bob", role: "agent")])
        team.extra["private_messages"] = .array([.string("lead")])
        var mentions = (1...3).map { i in
            var m = mention("c\(i)", "Acme hat mich enttäuscht", author: "carla", minutesAgo: Double(i), sentiment: .negative)
            m.reply = ReplyRef(uri: "c\(i)", visibility: "direct")
            return m
        }
        mentions.append(mention("c0", "Acme, eine Frage", author: "carla", minutesAgo: 9, sentiment: .neutral))
        try Store(dir: dir).ingest(mentions)
        let index = try HistoryIndex(dir: dir, writer: "test")
        let shown = mentions[3]
        for user in ["alice", "bob"] {
            let panes = WindowPanes(
                source: index, team: team, user: user, timeZone: TimeZone(identifier: "UTC")!, clock: { TestApp.now })
            XCTAssertEqual(panes.usesTallies, user == "alice", user)
            let readable = mentions.filter { user == "alice" || !$0.isPrivate }
            let expected = Contacts(mentions: readable, events: [], team: team).roles(of: shown)
            XCTAssertEqual(try panes.roles(of: shown), expected, user)
            XCTAssertEqual(expected.contains(.critic), user == "alice", user)
        }
    }
}

