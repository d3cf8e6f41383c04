import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A large history's first frame comes from the index (`HistoryIndex.window` → `AppState.showWindow`) while the store
/// loads: it must be the frame the folded store gives, keys must work on it, and the store's first delta must keep
/// what they did.
final class HistoryWindowTests: XCTestCase {
    /// 300 mentions (newest "mention number 0"), some triaged, stored in a data directory; the index built from it.
    func makeHistory() throws -> (TestApp, HistoryIndex) {
        let app = try TestApp(Fixtures.many(300))
        try app.store.record(
            [
                .setStatus(mention: key(app, 0), status: .open), .setStatus(mention: key(app, 1), status: .answered),
                .setStatus(mention: key(app, 5), status: .ignored), .assign(mention: key(app, 2), user: "bob"),
            ], actor: "alice", now: TestApp.now)
        try app.refresh()
        return (app, try HistoryIndex(dir: app.dir, writer: "test"))
    }

    /// The key of "mention number N".
    func key(_ app: TestApp, _ n: Int) -> String { app.store.mentions.first { $0.text == "mention number \(n)" }!.key }

    /// The window for a TestApp state, as the workbench reads it (WorkbenchWindow.swift).
    func window(_ index: HistoryIndex, state: AppState) throws -> HistoryWindow {
        let w = try index.window(
            limit: 200, own: OwnAccounts(team: state.settings.team), now: state.chrome.now,
            overdueAfter: Double(state.settings.slaMinutes) * 60)
        var states: [String: MentionState] = [:]
        for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
        return HistoryWindow(
            mentions: w.newest.map(\.mention), states: states, total: w.total,
            counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue ?? 0))
    }

    func selectedText(_ s: AppState) -> String? { s.feed.isEmpty ? nil : s.feed.item(atRow: s.feed.selected).text }

    func testFirstFrameFromTheIndexIsTheFrameOfTheWholeStore() throws {
        let (app, index) = try makeHistory()
        var state = TestApp.state()
        state.showWindow(try window(index, state: state))
        let fromIndex = render(state, size: app.size).lines
        XCTAssertTrue(state.showsWindow)
        // The newest rows on top, the count of every stored mention in the title, the counts in the status bar.
        XCTAssertTrue(fromIndex[0].hasPrefix("┌─ Feed — 300 "), fromIndex[0])
        XCTAssertTrue(fromIndex[1].contains("mention number 0"), fromIndex.joined(separator: "\n"))
        XCTAssertTrue(fromIndex[2].contains("mention number 1"), fromIndex.joined(separator: "\n"))
        XCTAssertTrue(fromIndex[38].contains("297 new") && fromIndex[38].contains("298 open"), fromIndex[38])
        XCTAssertTrue(fromIndex[38].contains("240 overdue"), fromIndex[38])
        // The same whole screen as the workbench that folded the store first.
        XCTAssertEqual(fromIndex, app.buffer.lines)
    }

    func testKeysOnTheWindowAreKeptWhenTheStoreArrives() throws {
        let (app, index) = try makeHistory()
        var state = TestApp.state()
        state.showWindow(try window(index, state: state))
        for _ in 0..<45 { _ = update(&state, .key(.char("j"))) }
        XCTAssertEqual(selectedText(state), "mention number 45")
        let moved = render(state, size: app.size).lines
        // The store's first delta replaces the window: the selection and the lines stay, the title counts the store.
        _ = update(&state, .storeChanged(app.runner.initialDelta()))
        XCTAssertFalse(state.showsWindow)
        XCTAssertEqual(selectedText(state), "mention number 45")
        XCTAssertEqual(render(state, size: app.size).lines, moved)
        app.press(String(repeating: "j ", count: 45))
        XCTAssertEqual(render(state, size: app.size).lines, app.buffer.lines)
        // Past the window's 200 rows once the store is there.
        for _ in 0..<250 { _ = update(&state, .key(.char("j"))) }
        XCTAssertEqual(selectedText(state), "mention number 295")
    }

    func testAMentionStoredByAnotherProcessIsInTheNextWindow() throws {
        let (app, _) = try makeHistory()
        // Another process stores a newer mention after the index was built: opening the index catches up.
        let other = try Store(dir: app.dir)
        try other.ingest(
            [mention("late", "Grüße von später, die Straße ist gesperrt", author: "jürgen", minutesAgo: 0.5)],
            now: TestApp.now)
        let index = try HistoryIndex(dir: app.dir, writer: "test")
        var state = TestApp.state()
        state.showWindow(try window(index, state: state))
        let lines = render(state, size: app.size).lines
        XCTAssertTrue(lines[0].hasPrefix("┌─ Feed — 301 "), lines[0])
        XCTAssertTrue(lines[1].contains("jürgen") && lines[1].contains("Grüße von später, die Straße"), lines[1])
        XCTAssertTrue(lines[38].contains("298 new"), lines[38])
        // The feed's rows as the workbench that folded the store shows them after its refresh.
        try app.refresh()
        XCTAssertEqual(Array(lines[1..<18]), Array(app.buffer.lines[1..<18]))
    }
}
