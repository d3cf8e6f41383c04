import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Whole screens, compared row by row.
final class ScreenTests: XCTestCase {
    /// The default below 200 columns: the feed across the full width on top, Mention, Queue and Crisis below it.
    func testFourPanesAt100x30() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ───────────────────────────────────────────────────────────────────────────────────────┐
            │ 3m M anna             -? new  due 57m Why is my order late again? Third time this month.         │
            │ 2h B ben              +♥ new  late 1h Love the new release, great work!                          │
            │ 5d R news                new  late 4d Blog post mentions the brand                               │
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
            ┌─ Mention ──────────────────────────────────────┐┌─ Queue ───────────────┐┌─ Crisis ──────────────┐
            │ No mention open: select one in the feed and    ││ No scheduled posts    ││ No active crisis.     │
            │ press Enter.                                   ││                       ││ No playbooks yet.     │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            └────────────────────────────────────────────────┘└───────────────────────┘└───────────────────────┘
             ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        // Enter opens the selected mention; Esc goes back to the feed, the mention stays open.
        app.press("<Enter> <Esc>")
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ───────────────────────────────────────────────────────────────────────────────────────┐
            │ 3m M anna             -? open due 57m Why is my order late again? Third time this month.         │
            │ 2h B ben              +♥ new  late 1h Love the new release, great work!                          │
            │ 5d R news                new  late 4d Blog post mentions the brand                               │
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
            ┌─ Mention ──────────────────────────────────────┐┌─ Queue ───────────────┐┌─ Crisis ──────────────┐
            │ @anna · 1,200 followers                        ││ No scheduled posts    ││ No active crisis.     │
            │ Mastodon · 2026-11-27 11:57 (3m ago) · twrxv1g…││                       ││ No playbooks yet.     │
            │ https://social.example/@anna/1                 ││                       ││                       │
            │ status: open · due in 57m · priority: normal ·…││                       ││                       │
            │ negative (-0.6) · question, complaint · en     ││                       ││                       │
            │                                                ││                       ││                       │
            │ Why is my order late again? Third time this    ││                       ││                       │
            │ month.                                         ││                       ││                       │
            │─ Reply · 6/500 ────────────────────────────────││                       ││                       │
            │ @anna                                          ││                       ││                       │
            │                                                ││                       ││                       │
            │                                                ││                       ││                       │
            └────────────────────────────────────────────────┘└───────────────────────┘└───────────────────────┘
             ~/sb · alice · 2 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        // Roles where style matters: the focused pane's frame, the selection, the marks.
        let b = app.buffer
        XCTAssertEqual(b[0, 0].role, .borderFocused)
        XCTAssertEqual(b[2, 0].role, .paneTitleFocused)
        XCTAssertEqual(b[55, 0].role, .borderFocused)
        XCTAssertEqual(b[0, 14].role, .border)
        XCTAssertEqual(b[3, 14].role, .paneTitle)
        XCTAssertEqual(b[10, 1].role, .selected)
        XCTAssertEqual(b[23, 1].role, .selected)
        // The selection ends after the author: the marks and the status keep their colours.
        XCTAssertEqual(b[24, 1].role, .negative)
        XCTAssertEqual(b[28, 1].role, .dim)
        XCTAssertEqual(b[40, 1].role, .normal)
        XCTAssertEqual(b[24, 2].role, .positive)
        XCTAssertEqual(b[25, 2].role, .praise)
        XCTAssertEqual(b[1, 28].role, .statusBar)
        XCTAssertEqual(b[0, 29].role, .keyName)
    }

    /// The side-by-side layout (`layout: side`; the default from 200 columns): the feed on the left, the full height.
    func testFourPanesSideBySideAt100x30() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30), layout: .side)
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ──────────────────────────────────────────┐┌─ Mention ─────────────────────────────────┐
            │ 3m M anna         -? new  due 57m Why is my order la││ No mention open: select one in the feed   │
            │ 2h B ben          +♥ new  late 1h Love the new relea││ and press Enter.                          │
            │ 5d R news            new  late 4d Blog post mentions││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     │└───────────────────────────────────────────┘
            │                                                     │┌─ Queue ────────────┐┌─ Crisis ────────────┐
            │                                                     ││ No scheduled posts ││ No active crisis.   │
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
             ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        // Enter opens the selected mention; Esc goes back to the feed, the mention stays open.
        app.press("<Enter> <Esc>")
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ──────────────────────────────────────────┐┌─ Mention ─────────────────────────────────┐
            │ 3m M anna         -? open due 57m Why is my order la││ @anna · 1,200 followers                   │
            │ 2h B ben          +♥ new  late 1h Love the new relea││ Mastodon · 2026-11-27 11:57 (3m ago) · tw…│
            │ 5d R news            new  late 4d Blog post mentions││ https://social.example/@anna/1            │
            │                                                     ││ status: open · due in 57m · priority: nor…│
            │                                                     ││ negative (-0.6) · question, complaint · en│
            │                                                     ││                                           │
            │                                                     ││ Why is my order late again? Third time    │
            │                                                     ││ this month.                               │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     ││─ Reply · 6/500 ───────────────────────────│
            │                                                     ││ @anna                                     │
            │                                                     ││                                           │
            │                                                     ││                                           │
            │                                                     │└───────────────────────────────────────────┘
            │                                                     │┌─ Queue ────────────┐┌─ Crisis ────────────┐
            │                                                     ││ No scheduled posts ││ No active crisis.   │
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
             ~/sb · alice · 2 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit
            """)
        // Roles where style matters: the focused pane's frame, the selection, the marks.
        let b = app.buffer
        XCTAssertEqual(b[0, 0].role, .borderFocused)
        XCTAssertEqual(b[2, 0].role, .paneTitleFocused)
        XCTAssertEqual(b[55, 0].role, .border)
        XCTAssertEqual(b[10, 1].role, .selected)
        XCTAssertEqual(b[19, 1].role, .selected)
        // The selection ends after the author: the marks and the status keep their colours.
        XCTAssertEqual(b[20, 1].role, .negative)
        XCTAssertEqual(b[26, 1].role, .dim)
        XCTAssertEqual(b[40, 1].role, .normal)
        XCTAssertEqual(b[20, 2].role, .positive)
        XCTAssertEqual(b[21, 2].role, .praise)
        XCTAssertEqual(b[1, 28].role, .statusBar)
        XCTAssertEqual(b[0, 29].role, .keyName)
    }

    func testMovingTheSelectionLeavesTheOpenMention() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.sideBySide()
        app.press("<Enter> <Esc> j")
        XCTAssertEqual(app.buffer[10, 2].role, .selected)
        XCTAssertEqual(app.buffer[10, 1].role, .accent)
        // The open mention stays (moving costs a few cells); Enter opens the new selection.
        XCTAssertTrue(app.screen[1].hasSuffix("│ @anna · 1,200 followers                   │"), app.screen[1])
        app.press("<Enter>")
        XCTAssertTrue(app.screen[1].hasSuffix("│ @ben                                      │"), app.screen[1])
        XCTAssertTrue(app.screen[2].contains("Bluesky · 2026-11-27 09:55 (2h ago)"), app.screen[2])
        app.press("<Esc> G")
        XCTAssertEqual(app.state.feed.selected, 2)
        app.press("g k")
        XCTAssertEqual(app.state.feed.selected, 0)
        // Focusing the composer with nothing open opens the selection.
        let b = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        b.sideBySide()
        b.press("j 2")
        XCTAssertEqual(b.state.mention.opened, b.state.feed.selectedKey)
        XCTAssertTrue(b.screen[1].hasSuffix("│ @ben                                      │"), b.screen[1])
    }

    /// Moving the selection changes two feed rows (their roles) and nothing else.
    func testMovingTheSelectionChangesOnlyTwoRows() throws {
        let app = try TestApp(Fixtures.many(50), size: Size(width: 120, height: 40))
        app.press("<Enter> <Esc> j j")
        let before = app.buffer
        app.press("j")
        let after = app.buffer
        var rows = Set<Int>()
        for y in 0..<40 { for x in 0..<120 where before[x, y] != after[x, y] { rows.insert(y) } }
        XCTAssertEqual(rows, [3, 4])
        var cells = 0
        for y in 0..<40 { for x in 0..<120 where before[x, y] != after[x, y] { cells += 1 } }
        XCTAssertLessThanOrEqual(cells, 60)
        for x in 0..<120 { XCTAssertEqual(before[x, 3].text, after[x, 3].text) }
    }

    func testTabModeBelow100Columns() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 80, height: 24))
        assertScreen(
            app,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─ Feed — 3 ───────────────────────────────────────────────────────────────────┐
            │ 3m M anna             -? new  due 57m Why is my order late again? Third time │
            │ 2h B ben              +♥ new  late 1h Love the new release, great work!      │
            │ 5d R news                new  late 4d Blog post mentions the brand           │
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
             ~/sb · alice · 3 new · 3 open · 2 overdue · ⟳ polling
            j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom
            """)
        XCTAssertEqual(app.buffer[1, 0].role, .tabActive)
        XCTAssertEqual(app.buffer[21, 0].role, .tabInactive)
        app.press("3")
        XCTAssertEqual(app.screen[1], "┌─ Queue " + String(repeating: "─", count: 70) + "┐")
        XCTAssertEqual(
            app.screen[2], "│ No scheduled posts                                                           │")
        XCTAssertEqual(app.buffer[41, 0].role, .tabActive)
        app.press("<Tab>")
        XCTAssertEqual(app.state.chrome.focus, .crisis)
        XCTAssertTrue(app.screen[1].hasPrefix("┌─ Crisis "))
    }

    func testTinyTerminal() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 39, height: 9))
        assertScreen(
            app,
            """



                      Terminal too small
                   39×9: need at least 40×10
                           (q quits)



            """)
        app.press("j j k ? : <Esc> z")
        XCTAssertEqual(app.screen[3], "          Terminal too small")
        app.resize(Size(width: 100, height: 30))
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3"))
    }

    func testZoomShowsTheFocusedPaneAlone() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press("z")
        XCTAssertEqual(app.screen[0], "┌─ Feed — 3 " + String(repeating: "─", count: 87) + "┐")
        XCTAssertEqual(app.screen[27], "└" + String(repeating: "─", count: 98) + "┘")
        app.press("2")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Mention · replying ───"), app.screen[0])
        XCTAssertEqual(app.screen[0].count, 100)
        XCTAssertEqual(
            app.screen[1], "│ @anna · 1,200 followers" + String(repeating: " ", count: 74) + "│",
            "2 opens the selection")
        app.press("<Esc>")
        XCTAssertEqual(app.state.chrome.focus, .feed)
        XCTAssertTrue(app.state.chrome.zoomed)
        app.press(":")
        app.type("zoom")
        app.press("<Enter>")
        XCTAssertFalse(app.state.chrome.zoomed)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3"))
    }

    func testHelpOverlayListsEveryBindingOfTheFocusedPane() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 50))
        app.press("?")
        let text = app.screen.joined(separator: "\n")
        XCTAssertTrue(app.screen.contains { $0.contains("┌─ Keys — Feed (Esc closes) ") }, app.dump())
        // Every feed binding appears, generated from the table.
        for b in app.state.settings.keymap.bindings(in: .feed) {
            XCTAssertTrue(text.contains(b.help), "missing \(b.help)")
            XCTAssertTrue(text.contains(b.notation), "missing \(b.notation)")
        }
        XCTAssertTrue(text.contains("j, <Down>              Move down"), app.dump())
        XCTAssertTrue(text.contains("Everywhere"))
        // Keys of another pane are not listed.
        XCTAssertFalse(text.contains("Word left"))
        app.press("j j j")
        guard case .help(let scroll)? = app.state.modal else { return XCTFail("no help") }
        XCTAssertEqual(scroll, 3)
        app.press("<Esc>")
        XCTAssertNil(app.state.modal)
        // The composer's help shows its editing keys and not the printable global ones.
        app.press("<Enter> <F1>")
        let comp = app.screen.joined(separator: "\n")
        XCTAssertTrue(comp.contains("Keys — Mention"), app.dump())
        XCTAssertTrue(comp.contains("M-b"))
        XCTAssertTrue(comp.contains("Other keys type text"))
    }

    func testHelpOverlayScreen() throws {
        let app = try TestApp([], size: Size(width: 60, height: 14))
        app.press("3 ?")
        assertScreen(
            app,
            """
             1 Feed         2 Mention      3 Queue        4 Crisis
            ┌─┌─ Keys — Queue (Esc closes) ──────────────────────────┐─┐
            │ │ Queue pane                                           │ │
            │ │  j, <Down>          Move down                        │ │
            │ │  k, <Up>            Move up                          │ │
            │ │  g, <Home>          Go to the top                    │ │
            │ │  G, <End>           Go to the bottom                 │ │
            │ │  <PgDn>, C-f        Page down                        │ │
            │ │  <PgUp>, C-b        Page up                          │ │
            │ │  C-d                Half a page down                 │ │
            │ └──────────────────────────────────────────────────────┘ │
            └──────────────────────────────────────────────────────────┘
             ~/sb · alice · 0 new · 0 open · ⟳ polling
            j scroll  <Esc> close
            """)
        XCTAssertEqual(app.buffer[5, 3].role, .keyName)
        XCTAssertEqual(app.buffer[40, 3].role, .overlay)
        app.press("j j G")
        XCTAssertEqual(app.screen[9], "│ │ Every command works after : by name (Tab completes). │ │")
        // C-s: only while composing (long explanations wrap onto continuation lines, so find its row).
        app.press("g")
        for _ in 0..<40 where !app.screen.contains(where: { $0.contains("│  C-s ") }) { app.press("j") }
        let cs = try XCTUnwrap(app.screen.firstIndex { $0.contains("│  C-s ") }, app.dump())
        XCTAssertEqual(app.buffer[5, cs].role, .dim)
    }

    func testCommandLineWithCompletion() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press(":")
        app.type("fo")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":focus")
        XCTAssertEqual(app.screen[28], " focus  focus-next  focus-prev")
        XCTAssertEqual(app.cursor, Point(x: 6, y: 29))
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":focus-next")
        app.press("<BS> <BS> <BS> <BS> <BS> <Space>")
        app.type("q")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":focus queue")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.focus, .queue)
        XCTAssertNil(app.state.modal)
        // Arguments complete too: sort orders, themes, statuses.
        app.press(":")
        app.type("so")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":sort")
        app.type("p")
        app.press("<Tab> <Enter>")
        XCTAssertEqual(app.state.feed.sort, .priority)
        app.press(":")
        app.type("theme hi")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":theme high-contrast")
        // Unknown commands are reported, not run.
        app.press("<Esc> :")
        app.type("frobnicate")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[28].contains("unknown command \"frobnicate\""), app.screen[28])
        XCTAssertEqual(app.state.chrome.message?.isError, true)
    }

    func testEveryBoundCommandCanBeTypedByName() throws {
        for spec in Commands.all {
            let line =
                spec.name
                + (spec.argumentRequired
                    ? " " + (Commands.values(spec.argument, themes: ["default"])?.first ?? "x") : "")
            XCTAssertNil(Commands.validate(line, themes: ["default"]), line)
        }
        for b in Keymap.defaults.bindings { XCTAssertNil(Commands.validate(b.command, themes: nil), b.command) }
    }

    func testStatusBarShowsFilterCrisisAndMessages() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), files: CrisisFixtures.files)
        try CrisisFixtures.start(app, minutesAgo: 5)
        app.press(":")
        app.type("filter is:question")
        app.press("<Enter>")
        let status = app.screen[28]
        // The message first; the user, counts and polling mode stay (issue 15, item 8).
        XCTAssertTrue(
            status.hasPrefix(
                " CRISIS 0/5  ~/sb · alice · 3 new · 3 open · 2 overdue · filter: is:question · ⟳ polling"),
            status)
        XCTAssertTrue(status.hasSuffix("filter: is:question — 1 of 3"), status)
        XCTAssertEqual(app.buffer[1, 28].role, .crisisBanner)
        XCTAssertTrue(app.screen[0].contains("Feed — 1/3"))
        // Once the message has gone, the filter shows in the status bar.
        app.send(.tick(TestApp.now.addingTimeInterval(10)))
        XCTAssertEqual(
            app.screen[28],
            " CRISIS: Service outage 0/5  ~/sb · alice · 3 new · 3 open · 2 overdue · filter: is:question · ⟳ polling"
        )
    }
}
