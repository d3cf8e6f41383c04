import SwitchboardCore
import XCTest

@testable import Insight

final class LanguageTests: XCTestCase {
    let a = Analyzer()

    func testShortTextsWithSocialMediaNoise() {
        XCTAssertEqual(a.analyze("@DB_Bahn wo bleibt der Zug? #fail https://t.co/x1").lang, "de")
        XCTAssertEqual(a.analyze("@acme where is my order?? 😡 https://t.co/x1").lang, "en")
        XCTAssertEqual(a.analyze("Danke!").lang, "de")
        XCTAssertEqual(a.analyze("Thanks!").lang, "en")
        XCTAssertEqual(a.analyze("Zugausfall").lang, "de")
        XCTAssertEqual(a.analyze("ich bin so müde #montag").lang, "de")
        XCTAssertEqual(a.analyze("this is what I needed #monday").lang, "en")
    }

    func testOtherLanguages() {
        XCTAssertEqual(a.analyze("Merci beaucoup pour votre aide").lang, "other")
        XCTAssertEqual(a.analyze("Gracias por todo, amigo").lang, "other")
        XCTAssertEqual(a.analyze("これは素晴らしいです").lang, "other")
        XCTAssertEqual(a.analyze("Привет, как дела").lang, "other")
        XCTAssertEqual(a.analyze("").lang, "other")
        XCTAssertEqual(a.analyze("https://t.co/abc @someone").lang, "other")
    }
}

final class IntentTests: XCTestCase {
    let a = Analyzer(crisisTerms: ["outage", "Ausfall", "Datenleck", "boycott", "data breach"])

    func intents(_ t: String) -> [Intent] { a.analyze(t).intents }

    func testQuestionsWithAndWithoutQuestionMark() {
        XCTAssertTrue(intents("Is the shop open today?").contains(.question))
        XCTAssertTrue(intents("Wie kann ich mein Passwort ändern").contains(.question))
        XCTAssertTrue(intents("weiß jemand ob der ICE heute fährt").contains(.question))
        XCTAssertTrue(intents("Hallo, gibt es den Tarif auch für Studenten").contains(.question))
        XCTAssertTrue(intents("does anyone know when the store opens").contains(.question))
        XCTAssertTrue(intents("Mein Zug fällt aus. Wie komme ich jetzt nach Hause").contains(.question))
        XCTAssertFalse(intents("The store opens at nine.").contains(.question))
        XCTAssertFalse(intents("Ich fahre morgen nach Berlin").contains(.question))
    }

    func testComplaintPraiseHelpPurchase() {
        XCTAssertTrue(intents("This is the worst service ever, I want a refund").contains(.complaint))
        XCTAssertTrue(intents("Frechheit, der Zug ist schon wieder verspätet").contains(.complaint))
        XCTAssertTrue(intents("Great job team, love the new app").contains(.praise))
        XCTAssertTrue(intents("Vielen Dank, super Service!").contains(.praise))
        XCTAssertFalse(intents("Great job team, love the new app").contains(.complaint))
        XCTAssertTrue(intents("I can't log in to my account").contains(.help))
        XCTAssertTrue(intents("Die App stürzt ständig ab, bitte helft mir").contains(.help))
        XCTAssertFalse(intents("Thanks for the quick help!").contains(.help))
        XCTAssertTrue(intents("How much does the pro plan cost? I want to buy it").contains(.purchase))
        XCTAssertTrue(intents("Wo kann ich das Abo bestellen").contains(.purchase))
    }

    func testSpam() {
        let spam = intents("Follow us and WIN a free iPhone! Click the link https://x.co #giveaway #win")
        XCTAssertTrue(spam.contains(.spam))
        XCTAssertFalse(spam.contains(.praise))
        XCTAssertFalse(intents("Is the pro plan free for students?").contains(.spam))
    }

    func testCrisisTermsInsideCompoundsAndAnyCase() {
        let r = a.analyze("Serverausfall seit Stunden!")
        XCTAssertTrue(r.intents.contains(.crisis))
        XCTAssertEqual(r.crisisTerms, ["Ausfall"])
        XCTAssertEqual(a.analyze("MASSIVE OUTAGE right now").crisisTerms, ["outage"])
        XCTAssertEqual(a.analyze("Gibt es ein Datenleck?").crisisTerms, ["Datenleck"])
        XCTAssertEqual(a.analyze("Huge data breach at ACME").crisisTerms, ["data breach"])
        XCTAssertEqual(a.analyze("we call for a #boycott").crisisTerms, ["boycott"])
        XCTAssertNil(a.analyze("Everything works fine").crisisTerms)
        XCTAssertFalse(a.analyze("Everything works fine").intents.contains(.crisis))
        XCTAssertNil(Analyzer().analyze("Serverausfall seit Stunden!").crisisTerms)
    }

    func testBrandTermsCarryNoSentiment() {
        // A shop called "Happy": its name is no praise.
        let plain = Analyzer().analyze("Happy is open today")
        let branded = Analyzer(brandTerms: ["@Happy"]).analyze("Happy is open today")
        XCTAssertEqual(plain.sentiment, .positive)
        XCTAssertEqual(branded.sentiment, .neutral)
    }

    func testConcurrentUseGivesTheSameAnswers() {
        let texts = ["I love it", "Das ist nicht gut", "Serverausfall seit Stunden", "Wie kann ich zahlen"]
        let expected = texts.map { a.analyze($0) }
        let analyzer = a
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 { for (i, t) in texts.enumerated() { XCTAssertEqual(analyzer.analyze(t), expected[i]) } }
        }
    }
}
