import Foundation
import XCTest

@testable import SwitchboardCore

/// Issue 21 in `switchboard log`: the lines of contact, hand-off, post, outbox, metrics and reply-gate records in
/// German — metrics and reply gates said from the record's data, not from the English message it was written with —
/// and as before in English.
final class GermanLogLinesTests: XCTestCase {
    override func tearDown() { L10n.use(.en) }

    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static var actions: [Action] {
        [
            .contact(.merge(contact: "c1", identities: ["bluesky:anna.bsky.social"])),
            .contact(.role(contact: "c1", add: ["fan"], remove: ["critic"])),
            .contact(.note(contact: "c1", text: "Stammkundin")),
            .post(.edit(mention: "k1", network: "mastodon", postID: "1", old: "Hallo", new: "Hallo!")),
            .post(.delete(mention: "k1", network: "bluesky", postID: "2", text: "Tschüss")),
            .handoffFollowUp(.reply(mention: "k1", team: "Buchhaltung", text: "Erstattet")),
            .handoffFollowUp(
                .failed(mention: "k1", rule: "rechnung", team: "Buchhaltung", error: "HTTP 500", attempt: 2)),
            .outboxRetry(id: "o1", mention: "k1"),
            .outboxCancelled(id: "o1", mention: "k1"),
            PostMetrics(queue: "q1", account: "masto", likes: 1200, reposts: 3, at: at).action,
            ReplyGateRecord(
                crisis: "x1", account: "bsky", network: "bluesky", postID: "3kp", change: .restrict,
                replies: "mentioned", quotes: false, outcome: .done, at: at
            ).action,
        ]
    }

    func testLogLinesOfContactsHandOffsPostsMetricsAndGatesAreGerman() {
        L10n.use(.de)
        let lines = GermanLogLinesTests.actions.map(\.summary)
        XCTAssertEqual(
            lines,
            [
                "Kontakt c1: zusammengeführt mit bluesky:anna.bsky.social",
                "Kontakt c1: Rollen +fan -critic",
                "Kontakt c1: Notiz: Stammkundin",
                "bearbeitet auf mastodon: \"Hallo\" → \"Hallo!\"",
                "gelöscht auf bluesky: \"Tschüss\"",
                "Antwort von Buchhaltung: Erstattet",
                "Übergabe an Buchhaltung fehlgeschlagen (Regel rechnung, Versuch 2): HTTP 500",
                "Wiederholung angefordert",
                "Antwort zurückgeholt",
                "Kennzahlen q1 auf masto: Likes 1.200 · Reposts 3",
                "Antwortsperre: bluesky bsky 3kp: Antworten mentioned, keine Zitate",
            ])
    }

    func testTheSameLinesInEnglishAreAsBefore() {
        L10n.use(.en)
        let lines = GermanLogLinesTests.actions.map(\.summary)
        XCTAssertEqual(lines[0], "contact c1: merged bluesky:anna.bsky.social")
        XCTAssertEqual(lines[3], "edited on mastodon: \"Hallo\" → \"Hallo!\"")
        XCTAssertEqual(lines[6], "hand-off to Buchhaltung failed (rule rechnung, attempt 2): HTTP 500")
        XCTAssertEqual(lines[8], "reply taken back")
        XCTAssertEqual(lines[10], "reply gate: bluesky bsky 3kp: replies mentioned, no quotes")
    }
}
