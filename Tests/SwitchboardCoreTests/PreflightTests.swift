import Foundation
import XCTest

@testable import SwitchboardCore

final class PreflightTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func kinds(
        _ text: String, accounts: [String] = ["masto"], media: [QueueMedia] = [], events: [AuditEvent] = [],
        queue: Queue = Queue(), team: TeamConfig = queueTeam()
    ) -> [PreflightWarning.Kind] {
        Preflight.check(
            QueueDraft(text: text, accounts: accounts, media: media),
            .init(team: team, events: events, queue: queue, now: now)
        ).map(\.kind)
    }

    func testOpenQuestionsInEnglishAndGermanWarnAndNameTheCompetitors() {
        for t in [
            "Which one would you take to a desert island?", "What’s your favourite Acme gadget?",
            "Which would you choose: A or B?",
            "Was ist euer liebstes Acme-Produkt?", "Welches würdet ihr auf die einsame Insel mitnehmen?",
        ] {
            XCTAssertEqual(kinds(t), [.openQuestion], t)
        }
        let w = Preflight.check(
            QueueDraft(text: "What's your favorite snack?", accounts: ["masto"]),
            .init(team: queueTeam(), events: [], queue: Queue(), now: now))
        XCTAssertTrue(w[0].message.contains("competitor (Globex)"), w[0].message)
        XCTAssertEqual(kinds("Our new release notes are online."), [])
        XCTAssertEqual(kinds("Unsere neuen Versionshinweise sind online."), [])
    }

    func testCompetitorsSensitiveTermsAltTextAndLength() {
        XCTAssertEqual(kinds("Faster than Globex, and cheaper."), [.competitor])
        XCTAssertEqual(kinds("Schneller als GX."), [.competitor])
        XCTAssertEqual(kinds("Globextra is a word that is not a competitor"), [])
        XCTAssertEqual(kinds("No layoffs planned, says the CEO."), [.sensitive])
        XCTAssertEqual(
            kinds(
                "Look at this",
                media: [QueueMedia(path: "/tmp/chart.png"), QueueMedia(path: "/tmp/b.png", alt: "A bar chart")]),
            [.mediaWithoutAlt])
        let long = String(repeating: "word ", count: 70)  // 350 characters: fine on Mastodon, too long on Bluesky
        XCTAssertEqual(kinds(long, accounts: ["masto"]), [])
        XCTAssertEqual(kinds(long, accounts: ["masto", "bsky"]), [.tooLong])
    }

    func testPostingDuringACrisisOrRightAfterASpike() {
        let plan = StarterKit.playbooks[0]
        let start = AuditEvent(
            at: now.addingTimeInterval(-86400), actor: "lea",
            action: .crisis(.start(CrisisStart(crisis: "c1", playbook: plan))))
        let end = AuditEvent(
            at: now.addingTimeInterval(-3600), actor: "lea", action: .crisis(.end(crisis: "c1", summary: "fixed")))
        let drill = AuditEvent(
            at: now.addingTimeInterval(-600), actor: "lea",
            action: .crisis(.start(CrisisStart(crisis: "d1", playbook: plan, drill: true))))
        XCTAssertEqual(kinds("Hello", events: [start]), [.crisis])
        XCTAssertEqual(kinds("Hello", events: [start, end]), [])
        XCTAssertEqual(kinds("Hello", events: [start, end, drill]), [], "a drill does not hold posts back")
        let spike = AuditEvent(
            at: now.addingTimeInterval(-1200), actor: "switchboard",
            action: .other(type: "spike_alert", mention: nil, data: ["message": .string("42 mentions in 10 min")]))
        XCTAssertEqual(kinds("Hallo", events: [spike]), [.crisis])
        var old = spike
        old.at = now.addingTimeInterval(-7200)
        XCTAssertEqual(kinds("Hallo", events: [old]), [])
    }

    func testNearDuplicatesOfRecentPostsWithinFourteenDays() {
        var q = Queue()
        q.apply(
            AuditEvent(
                at: now, actor: "max",
                action: .queue(
                    .add(
                        QueueDraft(
                            id: "q1", text: "Our spring release is out: faster sync and dark mode! https://a.example/1",
                            accounts: ["masto"], scheduledAt: now.addingTimeInterval(-86400 * 3))))))
        q.apply(
            AuditEvent(
                at: now, actor: "max",
                action: .queue(
                    .add(
                        QueueDraft(
                            id: "q2", text: "Totally different words here", accounts: ["masto"],
                            scheduledAt: now.addingTimeInterval(-86400 * 20))))))
        XCTAssertEqual(
            kinds("Our spring release is out – faster sync and dark mode https://b.example/2", queue: q), [.duplicate])
        XCTAssertEqual(kinds("Totally different words here", queue: q), [], "older than 14 days")
        XCTAssertEqual(kinds("Our autumn release: offline mode", queue: q), [])
    }
}
