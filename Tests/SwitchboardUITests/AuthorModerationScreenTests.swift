import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Mute, block and report an author from the feed (issue 20): `X` on a Mastodon mention offers what Mastodon can
/// do to the author, the choice is recorded with the reason, and the post keeps no mark (it is the author's).
final class AuthorModerationScreenTests: XCTestCase {
    func testXOnAMastodonMentionOffersMuteBlockReportAndRecordsTheChoice() throws {
        let fake = FakeModerator(platform: "mastodon", supported: [.mute, .unmute, .block, .unblock, .report])
        let feed = [mention("t1", "Ihr seid alle Betrüger!", author: "troll@social.example", minutesAgo: 2)]
        let app = try TestApp(feed, size: Size(width: 80, height: 24))
        app.runner.moderatorFor = { _ in fake }
        app.press("X")
        XCTAssertEqual(app.screen[22], " mute  unmute  block  unblock  report", app.dump())
        app.type("mute beleidigt Kundinnen")
        app.press("<Enter>")
        XCTAssertEqual(fake.calls.map(\.1), [.mute])
        XCTAssertEqual(fake.calls.first?.2, "beleidigt Kundinnen")
        XCTAssertEqual(app.screen[23], " muted: @troll \"Ihr seid alle…\" (beleidigt Kundinnen)", app.dump())
        XCTAssertFalse(app.screen[2].contains("[muted]"), app.dump())
        XCTAssertEqual(
            app.store.events.last?.action,
            .moderate(mention: feed[0].key, kind: .mute, reason: "beleidigt Kundinnen", ban: false))
        app.press(":")
        app.type("moderate unmute")
        app.press("<Enter>")
        XCTAssertEqual(
            app.store.state(feed[0].key).moderation.map(\.line),
            ["muted by alice: beleidigt Kundinnen", "unmuted by alice"])
    }
}
