import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 20, item 1: a reply longer than the network allows is shown as the thread it goes out as — the composer
/// counts the posts, the review shows them post by post with their markers and counts — and is sent as a reply
/// chain, each part once.
final class ThreadComposerScreenTests: XCTestCase {
    static let text =
        "Liebe Anna, es tut uns leid, dass die Erstattung für die verspätete Bestellung so lange dauert. "
        + "Wir haben Ihren Fall heute an die Buchhaltung in Köln übergeben, die ihn bevorzugt bearbeitet. "
        + "Die Gutschrift über 49,90 € sollte in drei bis fünf Werktagen auf Ihrem Konto sein. "
        + "Falls nicht, schreiben Sie uns bitte direkt mit Ihrer Bestellnummer, dann kümmern wir uns sofort darum. "
        + "Außerdem erhalten Sie für die Unannehmlichkeiten einen Gutschein über zehn Euro per E-Mail. "
        + "Vielen Dank für Ihre Geduld und Ihr Verständnis, das wissen wir sehr zu schätzen."

    func testLongReplyIsPreviewedPostByPostAndSentAsAChain() throws {
        let app = try TestApp(
            ReplyFixtures.questions(), size: Size(width: 100, height: 34), team: ReplyFixtures.team,
            files: ReplyFixtures.templates)
        app.sideBySide()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        let key = app.state.feed.selectedKey!
        app.press("<Enter>")
        app.type(" " + Self.text)
        XCTAssertTrue(app.screen[9].contains("Reply · 599/500 · thread of 2 · unsaved"), app.dump())
        app.press("C-s")
        assertScreen(
            app,
            """
            """)
        app.press("y")
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        app.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 2, "each part once")
        XCTAssertEqual(pub.posts.map(\.0.inReplyTo?.uri), ["https://social.example/statuses/q1", "101"])
        XCTAssertTrue(pub.posts[0].0.text.hasSuffix(" 1/2"), pub.posts[0].0.text)
        XCTAssertTrue(pub.posts[1].0.text.hasSuffix("^AS 2/2"), pub.posts[1].0.text)
        XCTAssertEqual(Set(pub.posts.map(\.1)).count, 2, "each part has its own idempotency key")
        XCTAssertEqual(
            app.screen[5],
            "│                                                     ││ Reply: thread of 2, 2/2: sent ✓ https://s…│")
        XCTAssertEqual(try Store(dir: app.dir).state(key).replies.count, 2)
    }
}
