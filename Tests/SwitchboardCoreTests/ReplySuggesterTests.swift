import SwitchboardCore
import XCTest

/// Reply suggestions: templates and the team's earlier answers ranked for a mention by words (German folding) and
/// by intent.
final class ReplySuggesterTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func suggester() -> ReplySuggester {
        ReplySuggester(
            templates: [
                ReplyTemplate(
                    name: "refund", description: "Refund on its way",
                    text: "Hi {{first_name}}, your refund for the late order is on its way."),
                ReplyTemplate(
                    name: "passwort", description: "Passwort zurücksetzen",
                    text: "So setzen Sie Ihr Passwort zurück: Einstellungen → Sicherheit."),
            ],
            answered: [
                .init(
                    key: "a1", question: "Meine Rückerstattung für die Bestellung 4711 fehlt noch!",
                    answer: "@kunde@social.example Die Rückerstattung ist unterwegs, bitte drei Werktage Geduld.",
                    intents: [.complaint], at: t0),
                .init(
                    key: "a2", question: "Wie kann ich mein Passwort ändern?",
                    answer: "Unter Einstellungen → Sicherheit → Passwort ändern.", intents: [.question],
                    at: t0.addingTimeInterval(60)),
                .init(
                    key: "a3", question: "Tolles Produkt, großes Lob an das Team!", answer: "Vielen Dank für das Lob!",
                    intents: [.praise], at: t0),
                // The same answer again, older: suggested once.
                .init(
                    key: "a4", question: "Rückerstattung fehlt",
                    answer: "Die Rückerstattung ist unterwegs, bitte drei Werktage Geduld.",
                    intents: [.complaint], at: t0.addingTimeInterval(-600)),
            ])
    }

    func names(_ list: [ReplySuggestion]) -> [String] {
        list.map {
            switch $0.source {
            case .template(let n): return "template:" + n
            case .answer(let k, _): return "answer:" + k
            }
        }
    }

    func testTheEarlierAnswerToASimilarComplaintRanksFirstWithFoldedSpellings() {
        let list = suggester().suggest(
            for: "Wo bleibt meine Rueckerstattung? Die Bestellung ist seit Wochen storniert.", intents: [.complaint])
        XCTAssertEqual(names(list).first, "answer:a1", "\(list)")
        XCTAssertEqual(
            list.first?.text, "Die Rückerstattung ist unterwegs, bitte drei Werktage Geduld.", "handle dropped")
        XCTAssertFalse(names(list).contains("answer:a4"), "the same answer only once")
        XCTAssertFalse(names(list).contains("answer:a3"), "praise does not fit")
        XCTAssertEqual(list.map(\.score), list.map(\.score).sorted(by: >))
    }

    func testWordsAndIntentRankPasswordAnswersAboveTheRest() {
        let list = suggester().suggest(for: "PASSWORT vergessen – wie ändere ich es?", intents: [.question])
        XCTAssertEqual(Set(names(list).prefix(2)), ["answer:a2", "template:passwort"], "\(list)")
        XCTAssertEqual(names(list).first, "answer:a2", "same intent and the word ändern")
    }

    func testTemplatesCarryTheIntentsTheirWordsAnswer() {
        let s = ReplySuggester(
            templates: [
                ReplyTemplate(
                    name: "looking-into-it", description: "Acknowledge a problem",
                    text: "Hi {{first_name}}, sorry about the trouble. We're looking into it now."),
                ReplyTemplate(name: "thanks", description: "Thank someone", text: "Thank you so much!"),
            ], answered: [])
        XCTAssertEqual(
            names(s.suggest(for: "Acme Cloud still failing, five hours down", intents: [.complaint])),
            ["template:looking-into-it"])
        XCTAssertEqual(names(s.suggest(for: "Ihr seid großartig", intents: [.praise])), ["template:thanks"])
    }

    func testNothingFitsNothingIsSuggestedAndIntentAloneCounts() {
        XCTAssertEqual(suggester().suggest(for: "xyzzy qwerty"), [])
        XCTAssertEqual(names(suggester().suggest(for: "xyzzy", intents: [.praise])), ["answer:a3"])
    }
}
