import Foundation
import XCTest

@testable import Insight

/// Issue 15: trends skip greetings, thanks and sign-offs in English and German ("guten", "hallo", "danke").
final class TrendStopwordTests: XCTestCase {
    func testGreetingsAndThanksAreNoTrend() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let texts = [
            "Guten Morgen! Seit heute früh Störung beim Sync, danke für Hilfe. Viele Grüße",
            "Hallo zusammen, Störung beim Upload? Danke und schönen Gruß",
            "Good morning, sync outage here too. Thanks, cheers",
            "Hello, is there an outage? Thank you! Best regards",
            "Guten Tag, Störung auch bei mir. Liebe Grüße, danke",
        ]
        let recent = texts.flatMap { t in (0..<2).map { i in (at: now.addingTimeInterval(-Double(i) * 60), text: t) } }
        let terms = Trends.rising(recent, now: now, limit: 50, minCount: 2).map(\.term)
        for greeting in [
            "guten", "morgen", "hallo", "danke", "grüße", "gruß", "good", "morning", "thanks", "thank", "hello",
            "cheers", "regards", "liebe", "viele", "schönen",
        ] {
            XCTAssertFalse(terms.contains(greeting), "\(greeting) in \(terms)")
        }
        XCTAssertTrue(terms.contains { $0.hasPrefix("st") && $0.contains("rung") }, "Störung trends: \(terms)")
        XCTAssertTrue(terms.contains("outage"), "\(terms)")
    }
}
