import SwitchboardCore
import XCTest

@testable import Insight

/// The sentiment rules on our own examples: negation, compounds, emoji, contrast, emphasis, service phrasing.
final class SentimentRuleTests: XCTestCase {
    let a = Analyzer()

    func s(_ t: String) -> Analysis { a.analyze(t) }

    func testPlainWords() {
        XCTAssertEqual(s("I love this app").sentiment, .positive)
        XCTAssertEqual(s("This is terrible").sentiment, .negative)
        XCTAssertEqual(s("Das ist wirklich gut").sentiment, .positive)
        XCTAssertEqual(s("Das ist schlecht").sentiment, .negative)
        XCTAssertEqual(s("The store opens at 9").sentiment, .neutral)
        XCTAssertEqual(s("Der Zug fährt um 10 Uhr ab").sentiment, .neutral)
    }

    func testEnglishNegation() {
        XCTAssertEqual(s("this is good").sentiment, .positive)
        XCTAssertEqual(s("this is not good").sentiment, .negative)
        XCTAssertNotEqual(s("not bad at all").sentiment, .negative)
        XCTAssertGreaterThan(s("not bad").score, s("bad").score + 0.3)
        XCTAssertEqual(s("the app is not working").sentiment, .negative)
        XCTAssertTrue(s("the app is not working").intents.contains(.complaint))
    }

    func testGermanNegation() {
        XCTAssertEqual(s("Das ist nicht gut").sentiment, .negative)
        XCTAssertNotEqual(s("kein Problem, danke").sentiment, .negative)
        XCTAssertGreaterThan(s("kein Problem").score, s("ein Problem").score)
        // Clause-final negation.
        XCTAssertLessThan(s("Das gefällt mir nicht.").score, s("Das gefällt mir.").score)
        XCTAssertEqual(s("Das funktioniert leider nicht").sentiment, .negative)
    }

    func testGermanCompoundsUseTheirHead() {
        let compound = s("Was für eine Kundenservicekatastrophe")
        XCTAssertEqual(compound.lang, "de")
        XCTAssertEqual(compound.sentiment, .negative)
        XCTAssertEqual(s("Was für ein Kundenservice").sentiment, .neutral)
        XCTAssertEqual(s("Die Lieferung war eine Riesenenttäuschung").sentiment, .negative)
        // Inflected forms reach their lemma.
        XCTAssertEqual(s("Das waren die schlechtesten Tage").sentiment, .negative)
    }

    func testEmojiAndEmoticons() {
        XCTAssertEqual(s("😍😍😍").sentiment, .positive)
        XCTAssertEqual(s("Meine Bestellung 😡").sentiment, .negative)
        XCTAssertGreaterThan(s("see you tomorrow :)").score, s("see you tomorrow").score)
        XCTAssertLessThan(s("see you tomorrow :(").score, s("see you tomorrow").score)
    }

    func testContrastWeighsTheClauseAfter() {
        XCTAssertEqual(s("The app is great but the support is terrible").sentiment, .negative)
        XCTAssertEqual(s("The support is terrible but the app is great").sentiment, .positive)
        XCTAssertEqual(s("Die App ist schlecht, aber der Support ist trotzdem super").sentiment, .positive)
        XCTAssertEqual(s("Der Support ist super, aber die App ist schlecht").sentiment, .negative)
    }

    func testEmphasis() {
        XCTAssertGreaterThan(s("I LOVE it").score, s("I love it").score)
        XCTAssertGreaterThan(s("sooo gooood").score, 0.3)
        XCTAssertGreaterThan(s("it is very good").score, s("it is good").score)
        XCTAssertLessThan(s("it is slightly good").score, s("it is good").score)
    }

    func testServicePhrasing() {
        XCTAssertEqual(s("Still waiting for my refund, three weeks now").sentiment, .negative)
        XCTAssertEqual(s("Thanks for the quick help").sentiment, .positive)
        XCTAssertEqual(s("Seit Stunden keine Antwort vom Support").sentiment, .negative)
        XCTAssertEqual(s("immer noch keine Antwort").sentiment, .negative)
        XCTAssertEqual(s("Danke für die schnelle Hilfe!").sentiment, .positive)
    }

    func testIronyMarkerFlipsPraise() {
        XCTAssertEqual(s("Great, another update that breaks everything #sarcasm").sentiment, .negative)
        XCTAssertFalse(s("Wonderful service #irony").intents.contains(.praise))
    }

    func testScoreRangeAndModel() {
        for t in ["", "!!!", "😍😍😍😍😍😍😍😍", String(repeating: "terrible ", count: 300), "\u{0}\u{1b}[31m"] {
            let r = s(t)
            XCTAssertTrue((-1...1).contains(r.score), t)
            XCTAssertEqual(r.model, Analyzer.modelVersion)
        }
        XCTAssertTrue(Analyzer.modelVersion.hasPrefix("insight-"))
    }
}
