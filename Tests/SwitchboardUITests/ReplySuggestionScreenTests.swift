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
            """)
        app.press("C-g")
        XCTAssertEqual(
            app.state.currentDraft?.editor.text, "@kunde@social.example Die Rückerstattung ist unterwegs: drei Werktage.")
        XCTAssertTrue(app.screen[28].contains("suggestion 1/2: answer 2d ago — again for the next"), app.dump())
        app.press("C-g")
        let text = app.state.currentDraft?.editor.text ?? ""
        XCTAssertTrue(text.hasPrefix("@kunde@social.example Hallo "), text)
        XCTAssertTrue(text.hasSuffix(", Ihre Rückerstattung für die Bestellung ist veranlasst."), text)
        XCTAssertTrue(app.screen[28].contains("suggestion 2/2: template erstattung"), app.dump())
        XCTAssertNil(Outbox(store: try Store(dir: app.dir)).latest(for: ms[0].key), "never sent on its own")
    }
}
