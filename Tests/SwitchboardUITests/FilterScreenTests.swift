import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// `/` and `:filter` in the query language, errors with a caret, saved views.
final class FilterScreenTests: XCTestCase {
    func testLiveFilterAndAnErrorWithACaretUnderThePosition() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30))
        app.press("/")
        app.type("is:negative age:<2x")
        // The caret sits under the "2" of "<2x" (column 25 of ":filter is:negative age:<2x").
        assertScreen(
            app,
            """
            ┌─ Feed — 0/3 ─────────────────────────────────────────────────────────────────────────────────────┐
            │ Nothing matches the filter.                                                                      │
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
                                     ^ expected a duration like 30m, 2h or 3d after age:< — '2x' is not one
            :filter is:negative age:<2x
            """)
        XCTAssertEqual(app.buffer[25, 28].role, .error)
        // Enter does not run a broken query: the line stays, the error is repeated.
        app.press("<Enter>")
        XCTAssertEqual(app.screen[29], ":filter is:negative age:<2x")
        app.press("<BS>")
        app.type("h")
        XCTAssertEqual(
            app.screen[28],
            " ~/sb · alice · 3 new · 3 open · 2 overdue · filter: is:negative age:<2h · ⟳ polling")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 1/3 "), app.dump())
        XCTAssertTrue(app.screen[1].contains("Why is my order la"), app.dump())
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[29],
            "j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : command  ? help  q quit")
        XCTAssertEqual(app.state.feed.filter?.text, "is:negative age:<2h")
        // OR, negation and phrases come from the query language.
        app.press(":")
        app.type("filter net:bluesky OR net:rss -\"blog post\"")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 1/3 "), app.dump())
        XCTAssertTrue(app.screen[1].contains("Love the new rel"), app.dump())
        // Esc while typing puts the previous filter back.
        app.press(":")
        app.type("filter is:negative")
        app.press("<Enter>")
        app.press("/")
        app.type("zzz")
        XCTAssertEqual(app.screen[29], ":filter is:negative zzz")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 0/3 "), app.dump())
        app.press("<Esc>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 1/3 "), app.dump())
        app.press("<Esc>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 "), app.dump())
    }

    func testSavedViewsByNameWithCompletionAndInHelp() throws {
        let views = try SavedViews.decode(
            Data(#"{"views": {"angry": "is:negative is:open", "praise": "is:praise"}}"#.utf8)
        ).views
        let app = try TestApp(Fixtures.three, size: Size(width: 100, height: 30), views: views)
        app.press(":")
        app.type("view an")
        app.press("<Tab>")
        XCTAssertEqual(app.screen[29], ":view angry")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 1/3 "), app.dump())
        XCTAssertEqual(
            app.screen[28],
            " ~/sb · alice · 3 new · 3 open · 2 overdue · view: angry · ⟳ polling           view: angry — 1 of 3")
        XCTAssertTrue(app.screen[1].contains("Why is my order la"), app.dump())
        app.press(":")
        app.type("view nope")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[28].hasSuffix("no view \"nope\": angry, praise"), app.screen[28])
        app.press("? G")
        let help = app.screen.joined(separator: "\n")
        XCTAssertTrue(help.contains("Saved views (:view NAME)"), app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("angry") && $0.contains("is:negative is:open") }, app.dump())
    }
}
