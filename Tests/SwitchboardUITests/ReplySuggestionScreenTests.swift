import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Issue 20, item 3: the composer lists the templates and the team's earlier answers that fit the open mention,
/// best first; `C-g` inserts the best, again the next; nothing is sent on its own.
final class ReplySuggestionScreenTests: XCTestCase {
    static func mentions() -> [Mention] {
        [
            mention(
                "q", "Wo bleibt meine Rückerstattung? Die Bestellung ist storniert.", author: "kunde@social.example",
                minutesAgo: 2, sentiment: .negative, intents: [.complaint]),
            mention(
                "p1", "Meine Rueckerstattung für Bestellung 4711 fehlt noch!", author: "erna@social.example",
                minutesAgo: 3000, sentiment: .negative, intents: [.complaint]),
            mention(
                "p2", "Wie ändere ich mein Passwort?", author: "otto@social.example", minutesAgo: 3100,
                intents: [.question]),
        ]
    }

    func testSuggestionsAreListedRankedAndCGInsertsThemInTurn() throws {
        let ms = Self.mentions()
        let app = try TestApp(
            ms, size: Size(width: 100, height: 30), team: ReplyFixtures.team,
            files: ReplyFixtures.templates.merging([
                "templates/erstattung.json":
                    #"{"v":1,"name":"erstattung","description":"Erstattung veranlasst","text":"Hallo {{first_name}}, Ihre Rückerstattung für die Bestellung ist veranlasst."}"#
            ]) { $1 })
        app.sideBySide()
        try app.store.record(
            [
                .reply(
                    mention: ms[1].key,
                    reply: ReplyRecord(
                        text: "@erna@social.example Die Rückerstattung ist unterwegs: drei Werktage. ^AS",
                        actor: "alice", at: TestApp.now.addingTimeInterval(-2 * 86400))),
                .reply(
                    mention: ms[2].key,
                    reply: ReplyRecord(
                        text: "Einstellungen → Sicherheit → Passwort.", actor: "bob",
                        at: TestApp.now.addingTimeInterval(-86400))),
            ], actor: "alice")
        XCTAssertEqual(app.state.feed.selectedKey, ms[0].key)
        app.press("<Enter>")
        assertScreen(
            app,
            """
            ┌─ Feed — 3 ──────────────────────────────────────────┐┌─ Mention · replying ──────────────────────┐
            │ 2m M kunde@social -! open due 58m Wo bleibt meine Rü││ @kunde@social.example                     │
            │ 2d M erna@social. -! done Meine Rueckerstattung für ││ Mastodon · 2026-11-27 11:58 (2m ago) · tp…│
            │ 2d M otto@social.    done Wie ändere ich mein Passwo││ https://social.example/@kunde@social.exam…│
            │                                                     ││ status: open · due in 58m · priority: nor…│
            │                                                     ││ negative (-0.6) · complaint · en          │
            │                                                     ││                                           │
            │                                                     ││ Wo bleibt meine Rückerstattung? Die       │
            │                                                     ││ Bestellung ist storniert.                 │
            │                                                     ││─ Reply · 7/500 ───────────────────────────│
            │                                                     ││ @kunde@social.example                     │
            │                                                     ││ Suggestions (C-g inserts; never sent on t…│
            │                                                     ││ 1 [answer 2d ago] Die Rückerstattung ist …│
            │                                                     ││ 2 [template erstattung] Hallo {{first_nam…│
            │                                                     ││                                           │
            │                                                     │└───────────────────────────────────────────┘
            │                                                     │┌─ Queue ────────────┐┌─ Crisis ────────────┐
            │                                                     ││ No scheduled posts ││ No active crisis.   │
            │                                                     ││                    ││ No playbooks yet.   │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            │                                                     ││                    ││                     │
            └─────────────────────────────────────────────────────┘└────────────────────┘└─────────────────────┘
             ~/sb · alice · 0 new · 1 open · ⟳ polling
            C-s send  C-t template  M-s save  C-e editor  <Esc> back  <Tab> pane  <F1> help  C-c quit
            """)
        app.press("C-g")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text,
            "@kunde@social.example Die Rückerstattung ist unterwegs: drei Werktage.")
        XCTAssertTrue(app.screen[28].contains("suggestion 1/2: answer 2d ago — again for the next"), app.dump())
        app.press("C-g")
        let text = app.state.currentDraft?.editor.text ?? ""
        XCTAssertEqual(text, "Hallo @kunde@social.example, Ihre Rückerstattung für die Bestellung ist veranlasst.")
        XCTAssertTrue(app.screen[28].contains("suggestion 2/2: template erstattung"), app.dump())
        XCTAssertNil(Outbox(store: try Store(dir: app.dir)).latest(for: ms[0].key), "never sent on its own")
    }
}
