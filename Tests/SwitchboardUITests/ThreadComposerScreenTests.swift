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
        + "Außerdem erhalten Sie für die Unannehmlichkeiten eine Entschädigung über zehn Euro per E-Mail. "
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
        app.type(Self.text)
        XCTAssertTrue(app.screen[9].contains("Reply · 561/500 · thread of 2 · unsaved"), app.dump())
        app.press("C-s")
        assertScreen(
            app,
            """
            ┌─ Feed — 2 ──────────────────────────────────────────┐┌─ Mention · replying ──────────────────────┐
            │ 3m M anna@social. -? open due 57m Where is my refund││ @anna@social.example (Anna Berg)          │
            │30m R news            new  due 30m Blog post: Acme re││ Mastodon · 2026-11-27 11:57 (3m ago) · ha…│
            │           ┌─ Review reply — y send · e edit · n back ────────────────────────────────┐cial.examp…│
            │           │ To: @anna@social.example on Mastodon                                     │ority: nor…│
            │           │ In reply to: https://social.example/@anna@social.example/q1              │plaint · en│
            │           │                                                                          │           │
            │           │ Too long for one post: it goes out as a thread of 2 posts, each answering│ order?    │
            │           │ the one before (a line with only --- ends a post by hand).               │           │
            │           │                                                                          │· unsaved ─│
            │           │ ── Post 1 of 2 · 483/500 ──                                              │           │
            │           │ @anna@social.example Liebe Anna, es tut uns leid, dass die Erstattung für│ uns sofort│
            │           │ die verspätete Bestellung so lange dauert. Wir haben Ihren Fall heute an │r die      │
            │           │ die Buchhaltung in Köln übergeben, die ihn bevorzugt bearbeitet. Die     │digung über│
            │           │ Gutschrift über 49,90 € sollte in drei bis fünf Werktagen auf Ihrem Konto│nk für Ihre│
            │           │ sein. Falls nicht, schreiben Sie uns bitte direkt mit Ihrer              │ wissen wir│
            │           │ Bestellnummer, dann kümmern wir uns sofort darum. Außerdem erhalten Sie  │           │
            │           │ für die Unannehmlichkeiten eine Entschädigung über zehn Euro per E-Mail. │this reply…│
            │           │ 1/2                                                                      │───────────┘
            │           │                                                                          │───────────┐
            │           │ ── Post 2 of 2 · 89/500 ──                                               │ crisis.   │
            │           │ Vielen Dank für Ihre Geduld und Ihr Verständnis, das wissen wir sehr zu  │oks yet.   │
            │           │ schätzen. ^AS 2/2                                                        │           │
            │           │                                                                          │           │
            │           │ ⚠ the mention asks a question; this reply doesn't seem to address it     │           │
            │           │                                                                          │           │
            │           │ y sends it in 10 s (u takes it back until then).                         │           │
            │           └──────────────────────────────────────────────────────────────────────────┘           │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 1 new · 2 open · ⟳ polling
            Send this reply? y send · e edit · n back
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

    /// A reply split by hand into ten posts (`---` lines) at 80×24: the review is longer than the screen and
    /// scrolls with j/k and PgDn/PgUp, the bottom border says which lines show; every post can be read before `y`.
    func testTheReviewOfATenPostThreadScrollsAt80x24() throws {
        let app = try TestApp(
            ReplyFixtures.questions(), size: Size(width: 80, height: 24), team: ReplyFixtures.team,
            files: ReplyFixtures.templates)
        app.press("<Enter>")
        for i in 1...10 {
            if i > 1 { app.press("<Enter>"); app.type("---"); app.press("<Enter>") }
            app.type("Teil \(i): Die Erstattung über 49,90 € ist unterwegs, Grüße aus Köln.")
        }
        app.press("C-s")
        guard case .review(let r)? = app.state.modal else { return XCTFail(app.dump()) }
        XCTAssertEqual(r.parts.count, 10)
        assertScreen(
            app,
            """
             1 Feed              2 Mention           3 Queue             4 Crisis
            ┌─┌─ Review reply — y send · e edit · n back ────────────────────────────────┐─┐
            │ │ To: @anna@social.example on Mastodon                                     │ │
            │ │ In reply to: https://social.example/@anna@social.example/q1              │ │
            │ │                                                                          │ │
            │ │ Too long for one post: it goes out as a thread of 10 posts, each         │ │
            │ │ answering the one before (a line with only --- ends a post by hand).     │ │
            │ │                                                                          │ │
            │ │ ── Post 1 of 10 · 77/500 ──                                              │ │
            │ │ @anna@social.example Teil 1: Die Erstattung über 49,90 € ist unterwegs,  │ │
            │ │ Grüße aus Köln. 1/10                                                     │ │
            │─│                                                                          │─│
            │ │ ── Post 2 of 10 · 71/500 ──                                              │ │
            │ │ Teil 2: Die Erstattung über 49,90 € ist unterwegs, Grüße aus Köln. 2/10  │ │
            │ │                                                                          │ │
            │ │ ── Post 3 of 10 · 71/500 ──                                              │ │
            │ │ Teil 3: Die Erstattung über 49,90 € ist unterwegs, Grüße aus Köln. 3/10  │ │
            │ │                                                                          │ │
            │ │ ── Post 4 of 10 · 71/500 ──                                              │ │
            │ │ Teil 4: Die Erstattung über 49,90 € ist unterwegs, Grüße aus Köln. 4/10  │ │
            │ └───────────────────────────────────────────── 1–18 of 41 · j k PgDn PgUp ─┘ │
            └──────────────────────────────────────────────────────────────────────────────┘
             ~/sb · alice · 1 new · 2 open · ⟳ polling
            Send this reply? y send · e edit · n back
            """)
        var seen = Set<String>()
        for _ in 0..<8 {
            for l in app.screen where l.contains("── Post ") { seen.insert(l) }
            app.press("<PgDn>")
        }
        XCTAssertEqual(seen.count, 10, "every post's header came by: \(seen.sorted())")
        XCTAssertTrue(app.screen.contains { $0.contains("y sends it in 10 s") }, app.dump())
        app.press("k k <PgUp> <PgUp> <PgUp> <PgUp> <PgUp> <PgUp>")
        XCTAssertTrue(app.screen.contains { $0.contains("To: @anna@social.example on Mastodon") }, app.dump())
        app.press("j")
        XCTAssertFalse(app.screen.contains { $0.contains("To: @anna@social.example on Mastodon") }, app.dump())
        app.press("y")
        XCTAssertNil(app.state.modal, "y still sends from anywhere in the review")
    }
}
