import SwitchboardCore
import XCTest

@testable import Insight

/// The mistakes named in issue 22, and sentences like them that are in no training file (Scripts/data):
/// they hold because the learned layer generalises, not because a sentence is special-cased.
final class NamedMistakesTests: XCTestCase, AnalyzerChecking {
    let a = Analyzer()

    func testTheLearnedLayerIsLoaded() {
        XCTAssertTrue(InsightModel.shared.learned.loaded)
        XCTAssertTrue(Analyzer.modelVersion.contains("+learned-"), Analyzer.modelVersion)
    }

    func testHowToQuestionsAreQuestionsNotComplaints() {
        check([
            "How do I export my data?", "Can I cancel my subscription at any time?",
            "How do I change my billing address?", "Can I pause my membership at any time?",
            "How can I export my contacts to a spreadsheet?", "Can I switch to the yearly plan later?",
            "Wie kann ich meine Daten exportieren?", "Kann ich die Mitgliedschaft jederzeit ruhen lassen?",
            "Wo kann ich meine Kündigung online abschicken?",
        ]) { $0.intents.contains(.question) && !$0.intents.contains(.complaint) && $0.sentiment != .negative }
    }

    /// Session 17: the learned crisis call fires (it used to be held under an even-chance floor) and slang does not
    /// set it off; a complaint needs no negative word.
    func testCrisisIsLearnedAndSlangIsNoCrisis() {
        check([
            "There was a piece of metal in my daughter's burger from @GrillHaus, she cut her gum on it."
        ]) { $0.intents.contains(.crisis) && $0.sentiment == .negative }
        check(["this playlist is fire 🔥", "Mein Handy-Akku stirbt gleich, schreib dir später."]) {
            !$0.intents.contains(.crisis) && !$0.intents.contains(.complaint)
        }
        check(["Bestellt am Montag, heute ist Freitag, Sendungsverfolgung zeigt immer noch nichts."]) {
            $0.intents.contains(.complaint) && $0.sentiment == .negative
        }
    }

    func testIronyIsANegativeComplaint() {
        check([
            "Great, another outage. Thanks a lot.", "Great, another delay. Thanks a lot.",
            "Wonderful, another update that breaks everything.", "Thanks for nothing, my order is still missing.",
            "Super, schon wieder kein WLAN im Zug.", "Na toll, die App stürzt schon wieder ab.",
            "Danke für nichts, ihr habt mein Paket verloren.", "Perfekt, wieder eine Stunde Verspätung 🙄",
            // The cues of issue 22 on their own: the irony phrase decides, not the words around it.
            "Danke für nichts.", "Thanks for nothing, guys.", "Na toll.", "Super, schon wieder.",
        ]) { $0.sentiment == .negative && $0.intents.contains(.complaint) && !$0.intents.contains(.praise) }
    }

    func testComplaintsWithoutANegativeWord() {
        check([
            "Warte seit drei Wochen auf meine Erstattung.", "Doppelt abgebucht und keiner meldet sich.",
            "Warte seit fünf Wochen auf meine Gutschrift.", "Zweimal abgebucht und niemand antwortet.",
            "Seit zehn Tagen keine Antwort auf meine Mail.",
            "Bestellung vor drei Wochen bezahlt, bis heute nichts gekommen.",
            "Waiting two weeks for my refund now.", "Billed twice and nobody gets back to me.",
        ]) { $0.sentiment == .negative && $0.intents.contains(.complaint) }
    }

    /// A breach of expectation is a complaint without any negative word: waiting, repetition, "still no", charged
    /// twice, nobody answering; also in a tweet that tags the company (its @mention is no sign of spam).
    func testBreachOfExpectationIsANegativeComplaint() {
        check([
            "Ordered on the 9th, still nothing.", "Fourth time I'm writing about the same invoice.",
            "Still no sign of the technician.", "Zum vierten Mal die gleiche Mail geschrieben.",
            "Schon wieder den falschen Artikel bekommen.", "Immer noch keine Antwort vom Kundenservice.",
            "Charged twice for one pizza and nobody answers the phone.",
            "@SunnyTel internet has been down for three days", "Seit vier Tagen kein Telefon @FernNetz",
            "@MetroLink the 8:10 was cancelled again and nobody announced it",
        ]) { $0.sentiment == .negative && $0.intents.contains(.complaint) && !$0.intents.contains(.spam) }
    }

    /// Irony beside a problem ("Glückwunsch zur …", "klasse Service" + a problem, "love waiting", "oh brilliant"), and
    /// the same words said sincerely, which stay praise.
    func testIronyBesideAProblemAndSincerePraise() {
        check([
            "Love waiting half an hour for a cold coffee.", "Congrats on the third outage this month.",
            "Oh brilliant, the app logged me out again.", "Great, another price rise in the post.",
            "Glückwunsch zur vierten Störung diese Woche.", "Klasse Service, seit einer Woche kein Netz.",
            "Toll gemacht, die Lieferung ist schon wieder verschwunden.", "Läuft bei euch, die App ist wieder offline.",
            "Just what I needed, a broken screen on day one.",
        ]) { $0.sentiment == .negative && $0.intents.contains(.complaint) && !$0.intents.contains(.praise) }
        check([
            "Toll gemacht, danke fürs schnelle Reparieren!", "Klasse Service, danke euch!",
            "Just what I needed, thank you so much!", "Congrats on the new store opening!",
            "Herzlichen Glückwunsch zum Jubiläum!", "@SunnyTel thanks, all working again!",
        ]) { $0.sentiment == .positive && $0.intents.contains(.praise) && !$0.intents.contains(.complaint) }
    }

    /// A repeated letdown ("every time", "jedes Mal", "as usual") says something is wrong, also without a negative
    /// word; said in praise it is none.
    func testARepeatedLetdownIsAComplaint() {
        check([
            "Every single morning the 7:40 gets cancelled.", "Jedes Mal das gleiche Theater mit der Abholstation.",
            "Paket jedes Mal beim Nachbarn drei Straßen weiter.", "Delivery late as usual, no note, no call.",
        ]) { $0.intents.contains(.complaint) && $0.sentiment != .positive }
        check(["Every time I visit, the staff are lovely.", "Jedes Mal ein Genuss bei euch!"]) {
            !$0.intents.contains(.complaint) && $0.sentiment == .positive
        }
    }

    func testAPurchaseIsNotAComplaint() {
        check([
            "Habe gerade die blaue Variante bestellt.", "Habe eben die rote Jacke bestellt.",
            "Gerade das große Paket gebucht.", "Just ordered the green one in medium.",
            "Habe mir heute die schwarze Version gekauft.",
        ]) { !$0.intents.contains(.complaint) && $0.sentiment != .negative && $0.intents.contains(.purchase) }
    }

    /// Questions a support team reads as questions: without "?", German verb-first, indirect.
    func testQuestionsWithoutAMarkOrWithGermanWordOrder() {
        check([
            "Kann man den Tarif auch monatlich kündigen", "Gibt es die Schuhe auch in Größe 39",
            "Weiß jemand, ob die Filiale am Pfingstmontag offen hat", "Hat jemand schon die neue Version getestet",
            "Ich frage mich, ob das Angebot auch online gilt.", "Muss ich für die Rücksendung etwas bezahlen",
            "does the yearly plan include the mobile app", "I wonder if the coupon works on sale items.",
            "anyone know if the trains are running tonight", "how do i change the language in the app",
        ]) { $0.intents.contains(.question) }
    }

    func testNoTestSentenceIsInTheTrainingData() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Scripts/data")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("Scripts/data not found")
        }
        var training = Set<String>()
        for n in names where n.hasSuffix(".txt") {
            let s = try String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8)
            for line in s.split(separator: "\n") {
                if let r = line.range(of: " | ") { training.insert(String(line[r.upperBound...])) }
            }
        }
        XCTAssertGreaterThan(training.count, 3000)
        let here = URL(fileURLWithPath: #filePath)
        for (name, least) in [(here.lastPathComponent, 30), ("QuestionPhrasingTests.swift", 30)] {
            let source = try String(
                contentsOf: here.deletingLastPathComponent().appendingPathComponent(name), encoding: .utf8)
            var inTests = 0
            for part in source.split(separator: "\"") where part.count > 10 && !part.contains("\n") {
                inTests += 1
                XCTAssertFalse(training.contains(String(part)), "in training: \(part)")
            }
            XCTAssertGreaterThanOrEqual(inTests, least, name)
        }
    }
}
