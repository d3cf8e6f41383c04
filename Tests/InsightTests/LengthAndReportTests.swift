import SwitchboardCore
import XCTest

@testable import Insight

/// Issue 22, sixth pass: the sentiment decision discounts length (`LengthDiscount`: a long text collects small
/// polar weights by length alone), and a report of a problem is no complaint (`Scan.reportStyle`). None of these
/// texts is in a training file (Scripts/data).
final class LengthAndReportTests: XCTestCase, AnalyzerChecking {
    let a = Analyzer()

    func testALongNeutralGermanReportStaysNeutral() {
        check([
            "Unwetter sorgt für Schäden im Landkreis Ein heftiges Gewitter mit Starkregen und Hagel hat am "
                + "Sonntagabend im Landkreis zahlreiche Keller überflutet und Bäume entwurzelt. Die Feuerwehr rückte "
                + "nach eigenen Angaben zu mehr als 80 Einsätzen aus. Verletzt wurde niemand. Auf der Bundesstraße "
                + "zwischen Altstadt und Neuheim blockierte ein umgestürzter Baum für zwei Stunden die Fahrbahn. Der "
                + "Wetterdienst hatte vor dem Unwetter gewarnt. Für die kommenden Tage wird ruhigeres, aber kühleres "
                + "Wetter erwartet."
        ]) { $0.sentiment == .neutral && !$0.intents.contains(.complaint) }
    }

    func testALongAngryComplaintStaysNegative() {
        check([
            "Ich bin so unglaublich wütend auf diesen Versandhändler. Seit fünf Wochen warte ich auf meine "
                + "Rückerstattung von 240 Euro, die Rücksendung ist laut Sendungsverfolgung längst angekommen. Der "
                + "Kundenservice ist eine einzige Katastrophe, am Telefon wird man nach 40 Minuten Warteschleife "
                + "einfach rausgeworfen, auf Mails kommt nur eine automatische Antwort. Das ist Betrug an den Kunden, "
                + "nichts anderes. Ich habe die Nase voll und werde jetzt einen Anwalt einschalten. Nie wieder "
                + "bestelle ich bei diesem unverschämten Laden.",
            "I am absolutely livid with this delivery company. My parcel was marked as delivered five days ago, "
                + "with a photo of a door that is not even on my street. I have called four times, waited over an "
                + "hour on hold each time, and been promised a call back that never came. The online chat just "
                + "closes my conversation. This is a disgraceful way to treat customers and I will never use them "
                + "again. I want my money back and an apology.",
        ]) { $0.sentiment == .negative && $0.intents.contains(.complaint) }
    }

    /// A short text is not discounted: the decision is the learned layer's as before.
    func testTheDiscountStartsAboveItsLength() {
        XCTAssertEqual(LengthDiscount.amount(words: LengthDiscount.german.start, lang: .de), 0)
        XCTAssertEqual(LengthDiscount.amount(words: 5, lang: .en), 0)
        XCTAssertGreaterThan(LengthDiscount.amount(words: 80, lang: .de), LengthDiscount.amount(words: 40, lang: .de))
        XCTAssertEqual(LengthDiscount.amount(words: 500, lang: .other), 0)
    }

    func testAReportOfAProblemIsNoComplaint() {
        check([
            "Laut Polizei kam es nach dem Unfall auf der A8 zu langen Verspätungen.",
            "Der Fahrgastverband berichtet von zahlreichen Zugausfällen und Verspätungen im Oktober.",
            "Nach Angaben der Stadtwerke dauert die Störung der Wasserversorgung bis zum Abend.",
            "Die Bahn meldet wegen des Streiks Ausfälle im gesamten Regionalverkehr.",
            "The operator said services were cancelled because of a strike by drivers.",
            "According to the company, the outage affected around 20,000 customers.",
            "Officials confirmed that delays on the line were caused by a broken rail.",
            "The airline reported that dozens of flights were cancelled after the IT failure.",
        ]) { !$0.intents.contains(.complaint) }
    }

    /// The same problem words said by the writer, to a company, with feeling or a breach of expectation stay one.
    func testAFirstPersonOrAddressedProblemStaysAComplaint() {
        check([
            "Schon wieder Zugausfall, ich komme zum dritten Mal zu spät zur Arbeit.",
            "@DB_Bahn eure ständigen Verspätungen sind eine Frechheit!",
            "Mein Zug fällt aus und laut App gibt es keinen Ersatz. Super.",
            "Laut eurer Hotline ist das keine Störung, aber mein Internet geht seit fünf Tagen nicht.",
            "My train was cancelled again, third time this week.",
            "@Airline your outage cost me a whole day of work and nobody answers.",
            "According to your website my refund was sent, but I still haven't received anything.",
        ]) { $0.intents.contains(.complaint) }
    }
}
