import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// The window of the index reads on page by page (keyset paging, `HistoryPaging`) when the selection nears the end of
/// the rows it holds, so the feed can be walked past its first 200 rows before the store is there — and without any
/// store at all (`SWITCHBOARD_WINDOW=bounded`: the Mention pane reads its mention from the index, writes are refused).
final class HistoryWindowPagingTests: XCTestCase {
    /// 450 mentions (newest "mention number 0"), some triaged; the window of the newest 200 and a pager after it.
    func makeWindow() throws -> (TestApp, AppState, IndexTestPager) {
        let app = try TestApp(Fixtures.many(450))
        let key = { (n: Int) in app.store.mentions.first { $0.text == "mention number \(n)" }!.key }
        try app.store.record(
            [.setStatus(mention: key(230), status: .open), .assign(mention: key(231), user: "bob")], actor: "alice",
            now: TestApp.now)
        try app.refresh()
        var state = TestApp.state()
        let pager = try IndexTestPager.showWindow(app, in: &state)
        return (app, state, pager)
    }

    /// Runs the window's loop on `keys` (then it stops: the "store" counts as loaded once the keys are used up).
    func run(
        _ state: inout AppState, _ keys: [TerminalEvent], pager: IndexTestPager, bounded: Bool = false
    ) -> (TestTerminal, [Effect]) {
        let t = TestTerminal(size: Size(width: 120, height: 40))
        t.enqueue(keys)
        let pending = HistoryWindowLoop.run(
            terminal: t, state: &state, pager: pager, answer: bounded ? HistoryWindowLoop.readOnly(pager) : nil
        ) { t.pendingEvents.isEmpty }
        return (t, pending)
    }

    func selectedText(_ s: AppState) -> String? { s.feed.isEmpty ? nil : s.feed.item(atRow: s.feed.selected).text }

    func testWalkingPastTheFirstPageReadsTheNextPagesFromTheIndex() throws {
        let (app, start, pager) = try makeWindow()
        var state = start
        let (t, _) = run(&state, Array(repeating: .key(.char("j")), count: 240), pager: pager)
        // Row 240 of 450 while the feed still shows the window: two more pages were read, not the store.
        XCTAssertTrue(state.showsWindow)
        XCTAssertEqual(selectedText(state), "mention number 240")
        XCTAssertGreaterThanOrEqual(pager.pagesRead, 1)
        XCTAssertLessThanOrEqual(state.feed.items.count, 600)
        // The screen is the one of the workbench that folded the store and pressed the same keys: rows 200–240,
        // the open and assigned mentions from the index's states, the title counting every stored mention.
        app.press(String(repeating: "j ", count: 240))
        let lines = t.screen!.lines
        XCTAssertTrue(lines[0].hasPrefix("┌─ Feed — 450 "), lines[0])
        XCTAssertTrue(lines.joined().contains("mention number 230"), lines.joined(separator: "\n"))
        XCTAssertEqual(lines, app.buffer.lines)
        // The store's first delta replaces the window without moving the selection.
        _ = update(&state, .storeChanged(app.runner.initialDelta()))
        XCTAssertFalse(state.showsWindow)
        XCTAssertEqual(selectedText(state), "mention number 240")
        XCTAssertEqual(render(state, size: app.size).lines, app.buffer.lines)
    }

    func testTheLastRowOfTheHistoryEndsThePaging() throws {
        // (The app holds the data directory: it is removed with it.)
        let (app, start, pager) = try makeWindow()
        var state = start
        _ = run(&state, Array(repeating: .key(.char("j")), count: 520), pager: pager)
        XCTAssertNil(state.chrome.message, "\(app.dir.root.path)")
        XCTAssertEqual(selectedText(state), "mention number 449")
        XCTAssertEqual(state.feed.rows.count, 450)
        XCTAssertFalse(pager.hasMore)
    }

    func testWithoutAStoreTheMentionOpensFromTheIndexAndWritesAreRefused() throws {
        let (app, start, pager) = try makeWindow()
        var state = start
        let before = app.store.events.count
        let keys: [TerminalEvent] = Array(repeating: .key(.char("j")), count: 230) + [.key(.enter)]
        let (t, pending) = run(&state, keys, pager: pager, bounded: true)
        XCTAssertTrue(pending.isEmpty)
        // The Mention pane shows the mention read from the index by its key (row 230: open in the index's state).
        XCTAssertEqual(state.mention.detail?.mention.text, "mention number 230")
        XCTAssertTrue(t.screen!.lines.joined().contains("@u230"), t.screen!.lines.joined(separator: "\n"))
        // A status key asks to write: refused with a line that says why, and nothing is written.
        var s2 = state
        _ = run(&s2, [.key(.escape), .key(.char("a"))], pager: pager, bounded: true)
        XCTAssertEqual(s2.chrome.message?.isError, true)
        XCTAssertTrue(
            s2.chrome.message?.text.contains("SWITCHBOARD_WINDOW=bounded") == true, "\(s2.chrome.message as Any)")
        try app.store.refresh()
        XCTAssertEqual(app.store.events.count, before)
        // A filter needs the store: refused the same way, and the rows stay unfiltered (not "nothing matches").
        var s3 = start
        _ = run(
            &s3, [.key(.char("/"))] + "störung".map { .key(.char($0)) } + [.key(.enter)], pager: pager, bounded: true)
        XCTAssertNil(s3.feed.filter)
        XCTAssertEqual(s3.feed.rows.count, 200)
        XCTAssertTrue(
            s3.chrome.message?.text.contains("SWITCHBOARD_WINDOW=bounded") == true, "\(s3.chrome.message as Any)")
    }
}
