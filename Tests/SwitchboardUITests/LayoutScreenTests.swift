import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The stacked layout (issue 15 item 14): below 200 columns the feed spans the full width on top, so the
/// terminal's scroll region can move its rows without touching anything else; Mention, Queue and Crisis sit
/// side by side below it. `:layout` and the personal config's `layout` switch to the panes beside the feed.
final class LayoutScreenTests: XCTestCase {
    func testTheFeedSpansTheWidthOnTopBelow200ColumnsAndTheSideLayoutFrom200() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40))
        var rows = app.screen
        XCTAssertTrue(rows[0].hasPrefix("┌─ Feed — 3 ─") && rows[0].hasSuffix("─┐"), rows[0])
        XCTAssertEqual(TextWidth.width(rows[0]), 120)
        // Whole texts fit on a feed row now, and nothing stands beside it.
        XCTAssertTrue(
            rows[1].hasPrefix(
                "│ 3m M anna             -? new  due 57m Why is my order late again? Third time this month. "), rows[1])
        XCTAssertTrue(rows[1].hasSuffix(" │") && TextWidth.width(rows[1]) == 120, rows[1])
        XCTAssertTrue(rows[18].hasPrefix("└───") && rows[18].hasSuffix("───┘"), rows[18])
        XCTAssertTrue(rows[19].hasPrefix("┌─ Mention ──"), rows[19])
        XCTAssertTrue(rows[19].contains("┐┌─ Queue ──"), rows[19])
        XCTAssertTrue(rows[19].contains("┐┌─ Crisis ──"), rows[19])
        XCTAssertTrue(rows[20].hasPrefix("│ No mention open: select one in the feed and press Enter."), rows[20])
        XCTAssertTrue(rows[37].hasPrefix("└───"), rows[37])
        XCTAssertTrue(rows[38].hasPrefix(" ~/sb · alice · 3 new"), rows[38])
        // 17 rows of mentions at 120×40.
        XCTAssertEqual(Layout.feedViewport(app.state), 17)

        // 200 columns and more: the panes beside the feed (room enough for both).
        let wide = try TestApp(Fixtures.three, size: Size(width: 200, height: 50))
        rows = wide.screen
        XCTAssertTrue(rows[0].hasPrefix("┌─ Feed — 3 ─") && rows[0].contains("┐┌─ Mention ──"), rows[0])
        XCTAssertEqual(Layout.feedViewport(wide.state), 46)
        // Below 100×30 one pane at a time under a tab bar, whatever the layout.
        let small = try TestApp(Fixtures.three, size: Size(width: 80, height: 24))
        XCTAssertTrue(small.screen[0].contains("1 Feed"), small.screen[0])
        XCTAssertTrue(small.screen[1].hasPrefix("┌─ Feed — 3 ─") && small.screen[1].hasSuffix("─┐"), small.screen[1])
    }

    func testTheSelectionMarksTimeToAuthorAndTheMarksKeepTheirColours() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40))
        let b = app.buffer
        XCTAssertEqual(app.screen[1].prefix(25), "│ 3m M anna             -")
        for x in 1...23 { XCTAssertEqual(b[x, 1].role, .selected, "column \(x)") }
        XCTAssertEqual(b[24, 1].role, .negative)
        XCTAssertEqual(b[28, 1].role, .dim)
        XCTAssertEqual(b[5, 2].role, .meta)
    }

    func testScrollingTheFeedMovesOnlyItsRowsAndTheMouseFindsThem() throws {
        let app = try TestApp(Fixtures.many(60), size: Size(width: 120, height: 40))
        let below = Array(app.screen[18...])
        for _ in 0..<17 { app.press("j") }
        // The view moved by one row: u1 is on top, the selection (u17) on the last row; the panes below are the same.
        XCTAssertTrue(app.screen[1].hasPrefix("│ 2m M u1 "), app.screen[1])
        XCTAssertTrue(app.screen[17].hasPrefix("│18m M u17 "), app.screen[17])
        XCTAssertEqual(app.buffer[5, 17].role, .selected)
        XCTAssertEqual(Array(app.screen[18...]), below)
        // A click on a feed row selects it; a click below the feed focuses the pane there.
        app.send(.mouse(MouseEvent(kind: .press, x: 30, y: 3)))
        XCTAssertEqual(app.state.feed.selected, 3)
        XCTAssertEqual(app.buffer[5, 3].role, .selected)
        app.send(.mouse(MouseEvent(kind: .press, x: 70, y: 25)))
        XCTAssertEqual(app.state.chrome.focus, .queue)
        XCTAssertEqual(app.buffer[60, 19].role, .borderFocused)
    }

    func testTabOrderZoomAndHelpInTheStackedLayout() throws {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 40))
        XCTAssertEqual(app.buffer[0, 0].role, .borderFocused)
        app.press("<Tab>")
        XCTAssertEqual(app.state.chrome.focus, .composer)
        XCTAssertEqual(app.buffer[0, 19].role, .borderFocused)
        XCTAssertEqual(app.buffer[0, 0].role, .border)
        app.press("<Tab>")
        XCTAssertEqual(app.buffer[60, 19].role, .borderFocused)
        app.press("<Tab>")
        XCTAssertEqual(app.buffer[90, 19].role, .borderFocused)
        // Zoom: the Crisis pane alone over the whole body; again: the stacked panes are back.
        app.press("z")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Crisis ──") && app.screen[0].hasSuffix("─┐"), app.screen[0])
        XCTAssertTrue(app.screen[37].hasPrefix("└───") && app.screen[37].hasSuffix("───┘"), app.screen[37])
        app.press("z")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 3 ─"), app.screen[0])
        XCTAssertTrue(app.screen[19].contains("┐┌─ Crisis ──"), app.screen[19])
        // Enter on a mention opens it in the Mention pane below the feed, with the composer.
        app.press("<Tab> <Enter>")
        XCTAssertEqual(app.state.chrome.focus, .composer)
        XCTAssertTrue(app.screen[19].hasPrefix("┌─ Mention · replying ──"), app.screen[19])
        XCTAssertTrue(app.screen[20].hasPrefix("│ @anna · 1,200 followers"), app.screen[20])
        XCTAssertTrue(app.screen.contains { $0.hasPrefix("│─ Reply · 6/500 ──") }, app.screen.joined(separator: "\n"))
        XCTAssertNotNil(app.cursor)
        XCTAssertGreaterThan(app.cursor!.y, 19)
    }

    func testLayoutCommandSwitchesBothWaysAndRefusesAnUnknownOne() throws {
        let app = try TestApp(Fixtures.many(60), size: Size(width: 120, height: 40))
        for _ in 0..<30 { app.press("j") }
        app.press(":")
        app.type("layout")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.layout, .side)
        XCTAssertTrue(app.screen[0].contains("┐┌─ Mention ──"), app.screen[0])
        XCTAssertTrue(app.screen[38].contains("Layout: side"), app.screen[38])
        // The selection is still in view in the taller feed.
        XCTAssertTrue(app.screen.contains { $0.contains("u30 ") }, app.screen.joined(separator: "\n"))
        app.press(":")
        app.type("layout")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.layout, .stacked)
        XCTAssertTrue(app.screen[19].hasPrefix("┌─ Mention ──"), app.screen[19])
        XCTAssertEqual(app.buffer[5, 17].role, .selected, "the selection moved into the shorter feed")
        XCTAssertTrue(app.screen[17].contains("u30 "), app.screen[17])
        app.press(":")
        app.type("layout diagonal")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.layout, .stacked)
        XCTAssertTrue(
            app.screen[38].contains(#"layout: "diagonal" is not one of auto, stacked, side"#), app.screen[38])
        app.press(":")
        app.type("layout auto")
        app.press("<Enter>")
        XCTAssertEqual(app.state.chrome.layout, .auto)
        XCTAssertTrue(app.screen[38].contains("Layout: auto (stacked at this width)"), app.screen[38])
    }

    func testThePersonalConfigChoosesTheLayout() throws {
        let cfg = FileManager.default.temporaryDirectory.appendingPathComponent("sb-layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cfg) }
        try FileManager.default.createDirectory(at: cfg, withIntermediateDirectories: true)
        let file = cfg.appendingPathComponent("config.json")
        XCTAssertEqual(try LayoutStyle.fromConfig(file), .auto)
        try Data(#"{"theme": "light"}"#.utf8).write(to: file)
        XCTAssertEqual(try LayoutStyle.fromConfig(file), .auto)
        try Data(#"{"theme": "light", "layout": "side"}"#.utf8).write(to: file)
        XCTAssertEqual(try LayoutStyle.fromConfig(file), .side)
        try Data(#"{"layout": "Stapel"}"#.utf8).write(to: file)
        XCTAssertThrowsError(try LayoutStyle.fromConfig(file)) { e in
            XCTAssertTrue("\(e)".contains(#""layout": "Stapel" is not one of auto, stacked, side"#), "\(e)")
        }
        let side = try TestApp(Fixtures.three, size: Size(width: 120, height: 40), layout: .side)
        XCTAssertTrue(side.screen[0].contains("┐┌─ Mention ──"), side.screen[0])
        XCTAssertEqual(LayoutStyle.auto.resolved(width: 199), .stacked)
        XCTAssertEqual(LayoutStyle.auto.resolved(width: 200), .side)
    }

    /// At 100×30 the stacked Mention pane still gives the composer at least five lines, the warnings below them.
    func testTheComposerKeepsFiveLinesAt100x30() throws {
        let app = try TestApp(ReplyFixtures.questions(), size: Size(width: 100, height: 30), team: ReplyFixtures.team)
        app.press("<Enter>")
        app.type("ok")
        let sep = app.screen.firstIndex { $0.hasPrefix("│─ Reply · ") }!
        XCTAssertGreaterThan(sep, 14, app.dump())
        let warnings = app.screen.indices.filter { app.screen[$0].hasPrefix("│ ⚠ ") }
        XCTAssertFalse(warnings.isEmpty, app.dump())
        XCTAssertGreaterThanOrEqual(warnings.first! - sep - 1, 5, app.dump())
        XCTAssertTrue(app.screen[sep + 1].hasPrefix("│ @anna@social.example ok "), app.dump())
    }
}
