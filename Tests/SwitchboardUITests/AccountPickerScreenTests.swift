import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A new post asks which accounts it goes to: a picker of the team's accounts that can publish, all ticked.
final class AccountPickerScreenTests: XCTestCase {
    /// Mastodon and Bluesky accounts (and an RSS feed, which cannot post).
    static func team(accounts: Bool = true) -> TeamConfig {
        var masto = SourceConfig(id: "masto", type: "mastodon")
        masto.instance = "https://social.example"
        var bsky = SourceConfig(id: "bsky", type: "bluesky")
        bsky.handle = "acmecoffee.bsky.social"
        var news = SourceConfig(id: "news", type: "rss")
        news.url = "https://news.example/feed"
        return TeamConfig(
            brand: .init(name: "Acme Coffee", terms: ["acme"]), sources: accounts ? [masto, news, bsky] : [news],
            team: [.init(user: "lea", name: "Lea Maier", role: "lead")], timezone: "UTC")
    }

    func app(_ team: TeamConfig = team()) throws -> TestApp {
        try TestApp(Fixtures.three, size: Size(width: 100, height: 30), team: team, user: "lea")
    }

    func items(_ app: TestApp) throws -> [QueueItem] { try Queue.current(app.store).all }

    func testQueueAddAsksForTheAccountsAllTickedAndSpaceUnticksOne() throws {
        let app = try app()
        app.sideBySide()
        app.press(":")
        app.type("queue add Frische Bohnen: Röstung der Woche")
        app.press("<Enter>")
        XCTAssertTrue(try items(app).isEmpty, "nothing queued before the accounts are picked")
        XCTAssertEqual(
            Array(app.screen[11...16]),
            [
                "│                 ┌─ Queue this post for which accounts? ────────────────────────┐                 │",
                "│                 │ [x] 1  masto  Mastodon social.example                        │                 │",
                "│                 │ [x] 2  bsky  Bluesky @acmecoffee.bsky.social                 │                 │",
                "│                 │                                                              │                 │",
                "│                 │ Space ticks · a all · Enter goes ahead · Esc keeps nothing   │─────────────────┘",
                "│                 └──────────────────────────────────────────────────────────────┘isis ────────────┐",
            ], app.dump())
        XCTAssertEqual(app.screen[29], "Which accounts? j/k move · Space ticks · Enter goes ahead · Esc keeps nothing")
        app.press("j")
        app.press("<Space>")
        XCTAssertEqual(
            app.screen[13],
            "│                 │ [ ] 2  bsky  Bluesky @acmecoffee.bsky.social                 │                 │",
            app.dump())
        app.press("<Enter>")
        XCTAssertEqual(try items(app).map(\.draft.accounts), [["masto"]])
        XCTAssertTrue(app.screen.contains { $0.contains("queued for masto (draft)") }, app.dump())
        XCTAssertFalse(app.screen.joined().contains("--account"), app.dump())
    }

    func testCurateAsksTooAndEnterTakesAllAccounts() throws {
        let app = try app()
        app.runner.editor = { $0 + "\n" }
        app.press("c")
        XCTAssertTrue(app.screen.contains { $0.contains("Queue this quote for which accounts?") }, app.dump())
        app.press("<Enter>")
        XCTAssertEqual(try items(app).map(\.draft.accounts), [["masto", "bsky"]])
    }

    func testNothingTickedIsRefusedAndEscKeepsNothing() throws {
        let app = try app()
        app.press(":")
        app.type("queue add Latte art contest")
        app.press("<Enter>")
        app.press("a")
        app.press("<Enter>")
        XCTAssertTrue(app.screen.contains { $0.contains("pick at least one account") }, app.dump())
        XCTAssertTrue(app.screen.contains { $0.contains("[ ] 1  masto") }, "the picker stays open: \(app.dump())")
        app.press("<Esc>")
        XCTAssertTrue(app.screen.contains { $0.contains("nothing queued") }, app.dump())
        XCTAssertTrue(try items(app).isEmpty)
    }

    func testWithoutAnAccountThatCanPostTheWorkbenchSaysHowToAddOne() throws {
        let app = try TestApp(
            Fixtures.three, size: Size(width: 140, height: 30), team: Self.team(accounts: false), user: "lea")
        app.press(":")
        app.type("queue add Latte art contest")
        app.press("<Enter>")
        let all = app.screen.joined(separator: "\n")
        XCTAssertTrue(all.contains("no account can post: add a Mastodon or Bluesky source"), app.dump())
        XCTAssertFalse(all.contains("--account"), app.dump())
    }
}
