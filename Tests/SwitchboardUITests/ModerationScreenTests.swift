import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// A moderator that says yes (or fails with `error`) and remembers what it was asked.
final class FakeModerator: Moderator, @unchecked Sendable {
    let platform: String
    let supported: [ModerationKind]
    var error: PublishError?
    private let lock = NSLock()
    private var _calls: [(String, ModerationKind, String?)] = []
    var calls: [(String, ModerationKind, String?)] { lock.withLock { _calls } }

    init(platform: String = "instagram", supported: [ModerationKind] = [.hide, .unhide, .delete]) {
        (self.platform, self.supported) = (platform, supported)
    }

    func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        if let error { throw error }
        lock.withLock { _calls.append((target.uri ?? "", kind, reason)) }
    }
}

/// The moderation key `X` (the network's choices above the command line), `:hide`/`:unhide`, the feed's mark and
/// the mention's history (issue 16).
final class ModerationScreenTests: XCTestCase {
    static let feed: [Mention] = [
        mention(
            "c1", "Dieser Laden ist der größte Betrug, kauft hier nie!", author: "troll", minutesAgo: 2,
            platform: "instagram", sentiment: .negative),
        mention("c2", "Where can I buy the winter blend?", author: "anna", minutesAgo: 5, platform: "instagram"),
        mention("m3", "Love the new release", author: "ben", minutesAgo: 9),
    ]

    func app(_ fake: FakeModerator) throws -> TestApp {
        let app = try TestApp(Self.feed, size: Size(width: 80, height: 24))
        app.runner.moderatorFor = { m in
            if let why = m.platform == "mastodon"
                ? "Mastodon offers no API to hide or delete other people's posts"
                : nil
            {
                throw ModerationError.noAPI(network: m.platform, why: why)
            }
            return fake
        }
        return app
    }

    func testXShowsTheNetworksChoicesAndHidingMarksTheRow() throws {
        let fake = FakeModerator()
        let app = try app(fake)
        app.press("X")
        XCTAssertEqual(app.screen[22], " hide  unhide  delete", app.dump())
        XCTAssertEqual(app.screen[23], ":moderate", app.dump())
        app.type("hide spam")
        app.press("<Enter>")
        XCTAssertEqual(fake.calls.count, 1)
        XCTAssertEqual(fake.calls.first?.0, "c1")
        XCTAssertEqual(fake.calls.first?.1, .hide)
        XCTAssertEqual(fake.calls.first?.2, "spam")
        assertScreen(
            app,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─ Feed — 3 ───────────────────────────────────────────────────────────────────┐
            │ 2m I troll            -  new  [hidden] due 58m Dieser Laden ist der größte Be│
            │ 5m I anna                new  due 55m Where can I buy the winter blend?      │
            │ 9m M ben                 new  due 51m Love the new release                   │
            """
                + String(
                    repeating: "\n│                                                                              │",
                    count: 16)
                    + """

                    └──────────────────────────────────────────────────────────────────────────────┘
                     alice · 3 new · 3 open · ⟳ polling   hidden: @troll "Dieser Laden ist…" (spam)
                    j/k move  <Enter> reply  a answered  o sort  / filter  <Tab> pane  z zoom  : com
                    """)
        // The log has it, with the reason, and the mention's history says who did it.
        let key = Self.feed[0].key
        XCTAssertEqual(
            app.store.events.last?.action, .moderate(mention: key, kind: .hide, reason: "spam", ban: false))
        app.press("<Enter>")
        XCTAssertEqual(
            app.screen[6], "│ Moderation: hidden by alice: spam · 2026-11-27 12:00                         │",
            app.dump())
    }

    func testHideAndUnhideCommandsActOnTheHighlightedRow() throws {
        let fake = FakeModerator()
        let app = try app(fake)
        app.press("j")
        app.press(":")
        app.type("hide")
        app.press("<Enter>")
        XCTAssertEqual(fake.calls.map(\.0), ["c2"])
        XCTAssertTrue(app.screen[3].contains("[hidden]"), app.dump())
        XCTAssertFalse(app.screen[2].contains("[hidden]"), app.dump())
        XCTAssertTrue(app.screen[22].hasSuffix("hidden: @anna \"Where can I…\""), app.dump())
        app.press(":")
        app.type("unhide Kundin hat sich entschuldigt")
        app.press("<Enter>")
        XCTAssertEqual(fake.calls.map(\.1), [.hide, .unhide])
        XCTAssertFalse(app.screen[3].contains("[hidden]"), app.dump())
        XCTAssertEqual(
            app.store.state(Self.feed[1].key).moderation.map(\.line),
            [
                "hidden by alice", "unhidden by alice: Kundin hat sich entschuldigt",
            ])
    }

    func testMastodonSaysItHasNoModerationAPIAndNothingIsRecorded() throws {
        let app = try app(FakeModerator())
        app.press("j j X")
        XCTAssertEqual(app.screen[23], " Mastodon offers no API to hide or delete other people's posts", app.dump())
        XCTAssertFalse(app.store.events.contains { $0.action.typeName == "moderate" })
    }

    func testANetworkThatRefusesLeavesTheRowUnmarkedAndSaysWhy() throws {
        let fake = FakeModerator()
        fake.error = .needsLogin("instagram source ig: Meta refused the token (Graph error 190)")
        let app = try app(fake)
        app.press(":")
        app.type("moderate delete")
        app.press("<Enter>")
        XCTAssertFalse(app.screen[2].contains("[deleted]"), app.dump())
        XCTAssertTrue(app.screen.suffix(3).joined().contains("not deleted: @troll"), app.dump())
        XCTAssertTrue(app.screen.suffix(3).joined().contains("needs login"), app.dump())
        XCTAssertFalse(app.store.events.contains { $0.action.typeName == "moderate" })
        // A kind the network does not offer names what it offers.
        fake.error = nil
        app.press(":")
        app.type("moderate lock")
        app.press("<Enter>")
        XCTAssertEqual(
            Array(app.screen[22...23]),
            [
                " not locked: @troll \"Dieser Laden ist…\": Instagram does not offer lock through",
                " its API; it offers: hide, unhide, delete",
            ], app.dump())
    }
}
