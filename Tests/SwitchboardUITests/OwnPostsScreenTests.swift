import Foundation
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 15, item 1: the brand's own posts (as in the demo: `@acmecloud` on Mastodon, `acmecloud.bsky.social`)
/// show as ours — the » mark, "ours", the own style, no due timer — are not counted as new, open or overdue, and
/// appear in the thread of the mention they answer.
final class OwnPostsScreenTests: XCTestCase {
    static let team = TeamConfig(
        brand: .init(name: "Acme Cloud", terms: ["Acme Cloud", "AcmeCloud", "@acmecloud", "acmecloud.bsky.social"]),
        sla: .init(firstResponseMinutes: 60))

    /// Demo-like: a customer's complaint, our reply to it, our outage update, a fresh customer question.
    static func mentions() -> [Mention] {
        [
            mention(
                "c1", "Sync kaputt seit Stunden, nichts geht!", author: "carla@mastodon.social", minutesAgo: 90,
                sentiment: .negative, intents: [.complaint]),
            mention(
                "o1", "@carla Hallo Carla, das klingt nach einem Sync-Fehler: bitte neu anmelden.",
                author: "acmecloud@mastodon.social", minutesAgo: 80, sentiment: .negative, intents: [.complaint],
                inReplyTo: "c1", threadRoot: "c1"),
            mention(
                "o2", "Update: we're investigating sync errors and 502 responses.", author: "acmecloud.bsky.social",
                minutesAgo: 120, platform: "bluesky", sentiment: .negative, intents: [.crisis]),
            mention(
                "c2", "How do I share a folder with my team?", author: "ben@social.example", minutesAgo: 10,
                intents: [.question]),
        ]
    }

    func testOwnPostsShowAsOursWithoutTimersAndAreNotCounted() throws {
        let app = try TestApp(OwnPostsScreenTests.mentions(), team: OwnPostsScreenTests.team)
        app.sideBySide()
        let screen = app.screen
        XCTAssertEqual(
            Array(screen[0...4]),
            [
                "┌─ Feed — 4 ─────────────────────────────────────────────────────┐┌─ Mention ──────────────────────────────────────────┐",
                "│10m M ben@social.e    new  due 50m How do I share a folder with ││ No mention open: select one in the feed and press  │",
                "│ 1h M acmecloud@ma »  ours @carla Hallo Carla, das klingt nach e││ Enter.                                             │",
                "│ 1h M carla@mastod -! new  late 30m Sync kaputt seit Stunden, ni││                                                    │",
                "│ 2h B acmecloud.bs »  ours Update: we're investigating sync erro││                                                    │",
            ], app.dump())
        // The own mark, the author and the text in the own style; our rows are not drawn as overdue.
        for x in [7, 20, 23, 28, 40] { XCTAssertEqual(app.buffer[x, 2].role, .own, "x \(x)") }
        XCTAssertEqual(app.buffer[2, 2].role, .meta, "the time of our post is not marked overdue")
        XCTAssertEqual(app.buffer[2, 3].role, .overdue, "the customer's is")
        // The status bar counts only the customers' mentions: 2 new, 2 open, 1 overdue (not 4, 4 and 3).
        XCTAssertEqual(screen[38], " ~/sb · alice · 2 new · 2 open · 1 overdue · ⟳ polling")
        // `is:` filters leave our posts out; is:own finds them.
        app.press(":")
        app.type("filter is:new")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 2/4 "), app.screen[0])
        XCTAssertFalse(app.screen[1...4].joined().contains("acmecloud"), app.dump())
        app.press(":")
        app.type("filter is:own")
        app.press("<Enter>")
        XCTAssertTrue(app.screen[0].hasPrefix("┌─ Feed — 2/4 "), app.screen[0])
        XCTAssertTrue(app.screen[1].contains("» ") && app.screen[2].contains("» "), app.dump())
    }

    func testOurReplyAppearsMarkedInTheThreadOfTheMention() throws {
        let app = try TestApp(OwnPostsScreenTests.mentions(), team: OwnPostsScreenTests.team)
        app.press("j j <Enter>")
        let rows = app.screen.enumerated().filter { $0.element.contains("» 1h @acmecloud@mastodon.social:") }
        XCTAssertEqual(rows.count, 1, app.dump())
        let y = try XCTUnwrap(rows.first?.offset)
        let x = try XCTUnwrap(app.screen[y].range(of: "»")).lowerBound.utf16Offset(in: app.screen[y])
        XCTAssertEqual(app.buffer[x, y].role, .own)
        XCTAssertTrue(app.screen.contains { $0.contains("Thread (1):") }, app.dump())
        // Opening our own post: it says it needs no answer, no due time.
        app.press("<Esc> k <Enter>")
        XCTAssertTrue(app.screen.contains { $0.contains("» our own post · needs no answer") }, app.dump())
        XCTAssertFalse(app.screen.contains { $0.contains("overdue") && $0.contains("status:") }, app.dump())
    }
}
