import SwitchboardCore
import XCTest

@testable import Insight

/// Self-promotion read as spam (session 14): affiliate and referral links, discount codes, "% off", "link in bio",
/// "DM for …", in English and German. None of these sentences is the demo's own post or in a training file; the
/// near misses are customers asking about or complaining about an offer, which stay questions and complaints.
final class PromotionSpamTests: XCTestCase, AnalyzerChecking {
    let a = Analyzer()

    func testSelfPromotionIsSpamAndAsksNothing() {
        check([
            "Sick of slow uploads? Switch today, affiliate link below, 30% off the first month 👇 #cloud #backup",
            "Want faster wifi? 🚀 My referral link gets you 40% off the router #tech #deals",
            "New course is live! Link in bio, 25% off this week only",
            "Use promo code SPRING20 for 20% off everything, link in my bio ✨",
            "DM for details, 50% off for the first ten people",
            "Affiliate-Link in der Bio: 30% Rabatt auf den ersten Monat 👇",
            "Keine Lust mehr auf Funklöcher? Mit meinem Rabattcode NETZ15 gibt es 15 % Rabatt, Link in der Bio",
            "Gutscheincode SOMMER25 sichern, 25% Rabatt, Link in meiner Bio!",
            "Werbung: Mit dem Gutscheincode FIT10 bekommt ihr 10 % Rabatt #fitness #anzeige",
        ]) { $0.intents.contains(.spam) && !$0.intents.contains(.question) && !$0.intents.contains(.complaint) }
    }

    func testOfferQuestionsAndComplaintsAreNoSpam() {
        check([
            "Is the 50% off still valid?", "Does the promo code still work for existing customers?",
            "Where is the link in your bio for the 20% off?", "Gilt der Rabattcode auch im Laden?",
            "Gibt es die 30 % Rabatt auch für Bestandskunden?", "Wo finde ich den Link in eurer Bio?",
        ]) { $0.intents.contains(.question) && !$0.intents.contains(.spam) }
        check([
            "The promo code doesn't work and nobody answers.", "Got 20% off but was charged full price twice.",
            "Mein Rabattcode funktioniert nicht und keiner meldet sich.",
            "Der Gutscheincode wurde nicht abgezogen, seit zwei Wochen keine Antwort.",
            // "affiliate link" is one cue, not two.
            "Hey @acme, the affiliate link in your newsletter is broken",
            "Der Affiliate-Link in eurem Newsletter ist kaputt.",
        ]) { !$0.intents.contains(.spam) && $0.intents.contains(.complaint) }
    }

    /// The cue needs a second one: a single promotion word (also named twice), or "% off" on its own, reads as what
    /// it is.
    func testOnePromotionCueAloneIsNoSpam() {
        check([
            "I got 20% off my first order, nice.", "Thanks for the discount code!",
            "Habe mit dem Gutscheincode bestellt, Lieferung kam schnell.", "Are affiliates paid monthly?",
            "Gutscheincode versprochen, aber nie bekommen! Habe keinen Gutscheincode, nur eine Rechnung.",
        ]) { !$0.intents.contains(.spam) }
    }

    /// The promotion cues are the rule's own: the learned layer's spam cue (`Scan.cues[7]`) is unchanged.
    func testPromotionCuesDoNotFeedTheLearnedCues() {
        let text = "Affiliate link in bio, 50% off"
        let r = a.scan(text)
        XCTAssertGreaterThanOrEqual(r.promoCues, 4)
        XCTAssertEqual(r.spamCues, 0)
        XCTAssertEqual(r.cues[7], 0)
        XCTAssertTrue(r.ruleSpam)
        XCTAssertEqual(MemoryLayout<WordInfo>.size, 48, "the word slot must stay one cache line")
    }
}
