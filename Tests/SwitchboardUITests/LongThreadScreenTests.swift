import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A long conversation at 80×24 (issue 20): the thread view scrolls with j/k and PgUp/PgDn, the selected post is
/// always on the screen, folding keeps it there; the review of a reply split into a 10-post thread scrolls too.
final class LongThreadScreenTests: XCTestCase {
    static let team: TeamConfig = {
        var t = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]),
            team: [.init(user: "alice", name: "Alice Smith", role: "agent")])
        t.extra["contacts"] = .object(["own_accounts": .array([.string("@acme@social.example")])])
        return t
    }()

    /// A root and 59 answers: every third answers the root, the others the post before (so it nests and branches);
    /// every fifth is long enough to wrap.
    static func thread() -> (stored: [Mention], network: [Mention]) {
        let root = mention(
            "p0", "Seit dem Update stürzt die App beim Öffnen ab – geht das nur mir so?",
            author: "carla@social.example",
            minutesAgo: 300)
        var network: [Mention] = []
        for i in 1..<60 {
            let parent = i % 3 == 1 ? "p0" : "p\(i - 1)"
            let long =
                i % 5 == 0
                ? " Ich habe alles versucht: neu installiert, Cache gelöscht, das Gerät neu gestartet, und trotzdem "
                    + "bleibt der Bildschirm weiß, sobald ich mich anmelde. Größere Dateien öffnen geht gar nicht."
                : ""
            network.append(
                mention(
                    "p\(i)", "Antwort \(i): bei mir auch.\(long)", author: "user\(i)@social.example",
                    minutesAgo: Double(300 - i * 4), inReplyTo: parent))
        }
        return ([root], network)
    }

    func app() throws -> TestApp {
        let (stored, network) = Self.thread()
        let app = try TestApp(stored, size: Size(width: 80, height: 24), team: Self.team)
        let fetcher = FakeThreadFetcher(network)
        app.runner.threadFetcherFor = { _ in fetcher }
        app.press("t")
        return app
    }

    /// The selected post's header row on the screen (its author and `· Nm`), or nil when it is not shown.
    func selectedRow(_ app: TestApp) -> Int? {
        guard let m = app.state.threadView?.selectedMention, let who = m.author?.shown else { return nil }
        return app.screen.firstIndex { $0.contains(" " + who + " · ") }
    }

    func testJKAndPageKeysScrollAndTheSelectedPostIsAlwaysOnTheScreen() throws {
        let app = try app()
        XCTAssertEqual(app.state.threadView?.conversation?.posts.count, 60)
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Conversation — 60 posts "), app.dump())
        XCTAssertTrue(app.screen[21].contains(" 1/60 "), app.dump())
        // j through the whole thread: every selected post is on the screen, inside the box.
        for n in 2...60 {
            app.press("j")
            let row = try XCTUnwrap(selectedRow(app), "post \(n) not on the screen:\n" + app.dump())
            XCTAssertTrue((1...20).contains(row), app.dump())
            XCTAssertTrue(app.screen[21].contains(" \(n)/60 "), app.dump())
        }
        // PgUp goes back a screenful of posts at a time (more than the 5 of a fixed page), the selection on screen.
        var positions: [Int] = []
        for _ in 0..<3 {
            app.press("<PgUp>")
            XCTAssertNotNil(selectedRow(app), app.dump())
            positions.append(try XCTUnwrap(app.state.threadView.flatMap { t in t.rows.firstIndex(of: t.selected) }))
        }
        let steps = zip([59] + positions, positions).map { $0 - $1 }
        XCTAssertTrue(steps.allSatisfy { $0 >= 6 }, "a page is what the screen shows: \(steps)")
        app.press("g")
        XCTAssertTrue(app.screen[21].contains(" 1/60 "), app.dump())
        app.press("<PgDn>")
        let first = try XCTUnwrap(app.state.threadView.flatMap { t in t.rows.firstIndex(of: t.selected) })
        XCTAssertGreaterThanOrEqual(first, 6, app.dump())
        XCTAssertNotNil(selectedRow(app), app.dump())
        app.press("G")
        XCTAssertTrue(app.screen[21].contains(" 60/60 "), app.dump())
        XCTAssertNotNil(selectedRow(app), app.dump())
    }

    func testTheWholeScreenDeepInTheThreadAndFoldingKeepsTheSelectionVisible() throws {
        let app = try app()
        app.press("G")
        for _ in 0..<10 { app.press("k") }
        assertScreen(
            app,
            """
            ┌─ Conversation — 60 posts ────────────────────────────────────────────────────┐
            │     ↳ @user47@social.example · 1h · to @user46@social.example · new · 1 ans… │
            │       Antwort 47: bei mir auch.                                              │
            │       ↳ @user48@social.example · 1h · to @user47@social.example · new        │
            │         Antwort 48: bei mir auch.                                            │
            │   ↳ @user49@social.example · 1h · to @carla@social.example · new · 2 answers │
            │     Antwort 49: bei mir auch.                                                │
            │     ↳ @user50@social.example · 1h · to @user49@social.example · new · 1 ans… │
            │       Antwort 50: bei mir auch. Ich habe alles versucht: neu installiert,    │
            │       Cache gelöscht, das Gerät neu gestartet, und trotzdem bleibt der       │
            │       Bildschirm weiß, sobald ich mich anmelde. Größere Dateien öffnen geht …│
            │       ↳ @user51@social.example · 1h · to @user50@social.example · new        │
            │         Antwort 51: bei mir auch.                                            │
            │   ↳ @user52@social.example · 1h · to @carla@social.example · new · 2 answers │
            │     Antwort 52: bei mir auch.                                                │
            │     ↳ @user53@social.example · 1h · to @user52@social.example · new · 1 ans… │
            │       Antwort 53: bei mir auch.                                              │
            │       ↳ @user54@social.example · 1h · to @user53@social.example · new        │
            │         Antwort 54: bei mir auch.                                            │
            │   ↳ @user55@social.example · 1h · to @carla@social.example · new · 2 answers │
            │     Antwort 55: bei mir auch. Ich habe alles versucht: neu installiert, Cache│
            └────────────────────────────────────────────────────────────────────── 50/60 ─┘
             ~/sb · alice · 1 new · 1 open · 1 overdue · ⟳ polling   conversation: 60 posts
            j next  k previous  <Space> fold  r reply  t fetch again  <Esc> close
            """)
        // Folding the root's answers (Space on a post without answers folds its parent, and selects it).
        app.press("g <Space>")
        XCTAssertNotNil(selectedRow(app), app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("+59 folded") }, app.dump())
        app.press("<Space> G k k k")
        let sel = try XCTUnwrap(app.state.threadView?.selectedMention?.id)
        app.press("<Space>")
        XCTAssertNotNil(selectedRow(app), "folded at \(sel):\n" + app.dump())
        app.press("<Space>")
        XCTAssertNotNil(selectedRow(app), "unfolded again:\n" + app.dump())
    }
}
