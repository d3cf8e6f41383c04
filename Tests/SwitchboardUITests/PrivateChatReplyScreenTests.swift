import Listening
import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 20: an answer to a private chat message (here an X direct message) is one message into the conversation —
/// the composer counts no posts, the review shows no thread, and one message goes out, marked direct.
final class PrivateChatReplyScreenTests: XCTestCase {
    static let conversation = "100-1700000000000000777"

    func directMessage() -> Mention {
        var m = mention(
            "dm/1880000000000000003", "Meine Kundennummer ist 48151 – bitte nur privat antworten. Grüße, Jonas",
            author: "jonas_schroeder", minutesAgo: 3, platform: "x", intents: [.question])
        m.reply = ReplyRef(uri: Self.conversation, visibility: "direct")
        m.extra = ["private": .bool(true), "via": .string("dm")]
        return m
    }

    func testALongAnswerToAnXDirectMessageIsOneMessageNotAThread() throws {
        let team = TeamConfig(
            brand: .init(name: "Acme", terms: ["acme"]),
            team: [.init(user: "alice", name: "Alice Smith", role: "lead", signature: "^AS")],
            extra: ["send_delay": .number(10)])
        let app = try TestApp([directMessage()], size: Size(width: 100, height: 34), team: team)
        app.sideBySide()
        let pub = RecordingPublisher()
        app.runner.publisherFor = { _ in pub }
        XCTAssertTrue(app.screen.contains { $0.contains("🔒 Meine Kundennum") }, app.dump())
        app.press("<Enter> C-a C-k")
        app.type(ThreadComposerScreenTests.text)
        let composer = try XCTUnwrap(app.screen.first { $0.contains("─ Reply") }, app.dump())
        XCTAssertFalse(composer.contains("thread of"), composer)
        XCTAssertFalse(composer.contains("/280"), "X's post limit is not a message's: \(composer)")
        XCTAssertTrue(composer.contains("Reply · 555/10000"), "a message's limit, not a post's: \(composer)")
        app.press("C-s")
        // One message, counted against X's 10,000 for a direct message; no thread, no "too long".
        assertScreen(
            app,
            """
            ┌─ Feed — 1 ──────────────────────────────────────────┐┌─ Mention · replying ──────────────────────┐
            │ 3m X jonas_schroe    open due 57m 🔒 Meine Kundennum││ @jonas_schroeder                          │
            │                                                     ││ 🔒 private message · replies go privately │
            │                                                     ││ X · 2026-11-27 11:57 (3m ago) · 2qfaz6f095│
            │                                                     ││ https://social.example/@jonas_schroeder/d…│
            │                                                     ││ status: open · due in 57m · priority: low…│
            │           ┌─ Review reply — y send · e edit · n back ────────────────────────────────┐           │
            │           │ To: @jonas_schroeder on X · 🔒 privately (a private message)             │bitte nur  │
            │           │ In reply to: https://social.example/@jonas_schroeder/dm/1880000000000000…│           │
            │           │                                                                          │───────────│
            │           │ Liebe Anna, es tut uns leid, dass die Erstattung für die verspätete      │bitte      │
            │           │ Bestellung so lange dauert. Wir haben Ihren Fall heute an die Buchhaltung│ dann      │
            │           │ in Köln übergeben, die ihn bevorzugt bearbeitet. Die Gutschrift über     │ußerdem    │
            │           │ 49,90 € sollte in drei bis fünf Werktagen auf Ihrem Konto sein. Falls    │chkeiten   │
            │           │ nicht, schreiben Sie uns bitte direkt mit Ihrer Bestellnummer, dann      │ro per     │
            │           │ kümmern wir uns sofort darum. Außerdem erhalten Sie für die              │duld und   │
            │           │ Unannehmlichkeiten eine Entschädigung über zehn Euro per E-Mail. Vielen  │ sehr zu   │
            │           │ Dank für Ihre Geduld und Ihr Verständnis, das wissen wir sehr zu         │           │
            │           │ schätzen. ^AS                                                            │───────────┘
            │           │                                                                          │───────────┐
            │           │ 559/10000 characters                                                     │ crisis.   │
            │           │ No warnings.                                                             │oks yet.   │
            │           │                                                                          │           │
            │           │ y sends it in 10 s (u takes it back until then).                         │           │
            │           └──────────────────────────────────────────────────────────────────────────┘           │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 0 new · 1 open · ⟳ polling
            Send this reply? y send · e edit · n back
            """)
        let review = app.screen.joined(separator: "\n")
        XCTAssertTrue(review.contains("Review reply"), app.dump())
        XCTAssertTrue(review.contains("private"), app.dump())
        XCTAssertFalse(review.contains("Too long for one post"), app.dump())
        XCTAssertFalse(review.contains("Post 1 of"), app.dump())
        XCTAssertFalse(review.contains("too long"), app.dump())
        app.press("y")
        app.send(.tick(TestApp.now.addingTimeInterval(11)))
        app.send(.tick(TestApp.now.addingTimeInterval(12)))
        XCTAssertEqual(pub.posts.count, 1, "one message")
        let sent = try XCTUnwrap(pub.posts.first?.0)
        XCTAssertEqual(sent.inReplyTo?.visibility, "direct")
        XCTAssertEqual(sent.inReplyTo?.uri, Self.conversation, "into the conversation")
        XCTAssertFalse(sent.text.hasSuffix("1/2"), sent.text)
    }
}
