import SwitchboardCore
import XCTest

@testable import Insight

final class PriorityTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let team = TeamConfig(brand: .init(name: "ACME", terms: ["acme"]), sla: .init(firstResponseMinutes: 60))
    let analyzer = Analyzer(crisisTerms: ["outage"])

    func mention(_ text: String, minutesAgo: Double, followers: Int? = nil, reply: Bool = false) -> Mention {
        var m = Mention(
            platform: "test", id: text + "\(minutesAgo)\(followers ?? 0)\(reply)", text: text,
            createdAt: now.addingTimeInterval(-minutesAgo * 60), author: Author(handle: "u", followers: followers),
            inReplyTo: reply ? "ours-1" : nil)
        m.analysis = analyzer.analyze(text)
        return m
    }

    func score(_ m: Mention, _ status: MentionStatus = .new) -> Double {
        var st = MentionState()
        st.status = status
        return Priority.score(mention: m, state: st, team: team, now: now)
    }

    func testOrdering() {
        let crisis = mention("Total outage, nothing works, terrible", minutesAgo: 10)
        let overdueComplaint = mention("Still waiting for my refund, worst service", minutesAgo: 90)
        let freshComplaint = mention("Still waiting for my refund, worst service", minutesAgo: 1)
        let question = mention("When does the store open?", minutesAgo: 1)
        let praise = mention("Love the new app, great job", minutesAgo: 1)
        let spam = mention("Follow us and WIN a free phone, click https://x.co #giveaway #win", minutesAgo: 90)
        XCTAssertGreaterThan(score(overdueComplaint), score(freshComplaint))
        XCTAssertGreaterThan(score(crisis), score(freshComplaint))
        XCTAssertGreaterThan(score(freshComplaint), score(question))
        XCTAssertGreaterThan(score(question), score(praise))
        XCTAssertGreaterThan(score(praise), score(spam))
        XCTAssertLessThan(score(overdueComplaint, .answered), score(praise))
        XCTAssertLessThan(score(overdueComplaint, .ignored), score(praise))
        XCTAssertEqual(Priority.band(score(overdueComplaint)), "high")
        XCTAssertEqual(Priority.band(score(praise)), "low")
        XCTAssertEqual(Priority.band(score(spam)), "low")
    }

    func testReachAndRepliesRaiseThePriority() {
        let small = mention("When does the store open?", minutesAgo: 5, followers: 10)
        let big = mention("When does the store open?", minutesAgo: 5, followers: 2_000_000)
        let reply = mention("When does the store open?", minutesAgo: 5, followers: 10, reply: true)
        XCTAssertGreaterThan(score(big), score(small))
        XCTAssertGreaterThan(score(reply), score(small))
    }

    func testSLAClockRaisesItUntilOverdue() {
        let t = [1.0, 30, 59, 61, 600].map { score(mention("When does the store open?", minutesAgo: $0)) }
        XCTAssertLessThan(t[0], t[1])
        XCTAssertLessThan(t[1], t[2])
        XCTAssertLessThan(t[2], t[3])
        XCTAssertEqual(t[3], t[4])
    }
}

final class SpikeDetectorTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// `perHour` mentions in each of the `hours` hours before the last one, evenly spread.
    func background(perHour: Int, hours: Int, negativeEvery: Int = 0, from start: TimeInterval = 3600) -> [SpikeEvent] {
        var out: [SpikeEvent] = []
        for h in 0..<hours {
            for k in 0..<perHour {
                let at = now.addingTimeInterval(
                    -start - Double(h) * 3600 - Double(k) * 3600 / Double(max(1, perHour)) - 1)
                out.append(SpikeEvent(at: at, negative: negativeEvery > 0 && k % negativeEvery == 0))
            }
        }
        return out
    }

    func lastHour(_ n: Int, negative: Bool = false) -> [SpikeEvent] {
        (0..<n).map { SpikeEvent(at: now.addingTimeInterval(-Double($0) * 60 - 30), negative: negative) }
    }

    func testSpikeOfAllMentions() {
        var state = SpikeState()
        let alert = SpikeDetector.check(background(perHour: 4, hours: 24) + lastHour(40), now: now, state: &state)
        XCTAssertEqual(alert?.kind, .all)
        XCTAssertEqual(alert?.count, 40)
        XCTAssertEqual(alert?.baseline ?? 0, 4, accuracy: 0.01)
        XCTAssertEqual(alert?.ratio ?? 0, 10, accuracy: 0.01)
        XCTAssertEqual(alert?.message, "mentions ×10 in the last hour (40 against 4.0 per hour)")
    }

    func testNegativeSpikeComesFirst() {
        var state = SpikeState()
        let events = background(perHour: 10, hours: 24, negativeEvery: 10) + lastHour(25, negative: true)
        let alert = SpikeDetector.check(events, now: now, state: &state)
        XCTAssertEqual(alert?.kind, .negative)
        XCTAssertEqual(alert?.count, 25)
        XCTAssertTrue(alert?.message.hasPrefix("negative mentions ×") ?? false)
    }

    func testNoSpikeBelowMinCountOrSensitivity() {
        var state = SpikeState()
        XCTAssertNil(SpikeDetector.check(lastHour(9), now: now, state: &state))
        XCTAssertNil(SpikeDetector.check(background(perHour: 10, hours: 24) + lastHour(25), now: now, state: &state))
        XCTAssertNotNil(
            SpikeDetector.check(
                background(perHour: 10, hours: 24) + lastHour(25), now: now,
                settings: SpikeSettings(sensitivity: 2, minCount: 10), state: &state))
    }

    func testCooldown() {
        var state = SpikeState()
        let settings = SpikeSettings(sensitivity: 3, minCount: 10, cooldown: 1800)
        let events = background(perHour: 2, hours: 24) + lastHour(30)
        XCTAssertNotNil(SpikeDetector.check(events, now: now, settings: settings, state: &state))
        XCTAssertNil(SpikeDetector.check(events, now: now.addingTimeInterval(600), settings: settings, state: &state))
        XCTAssertNotNil(
            SpikeDetector.check(events, now: now.addingTimeInterval(1801), settings: settings, state: &state))
    }

    func testSameHourLastWeekIsABaselineToo() {
        // A busy hour every week at this time: 30 mentions a week ago, 30 now, quiet in between.
        var state = SpikeState()
        let weekAgo = (0..<30).map {
            SpikeEvent(at: now.addingTimeInterval(-7 * 86400 - Double($0) * 60 - 30), negative: false)
        }
        let quiet = background(perHour: 1, hours: 24)
        XCTAssertNil(SpikeDetector.check(quiet + weekAgo + lastHour(30), now: now, state: &state))
        var fresh = SpikeState()
        let alert = SpikeDetector.check(quiet + lastHour(30), now: now, state: &fresh)
        XCTAssertNotNil(alert)
        XCTAssertNil(alert?.weekBaseline)
    }

    func testSettingsFromTeamConfig() {
        var team = TeamConfig(brand: .init(name: "ACME", terms: []))
        XCTAssertEqual(SpikeSettings(team: team), SpikeSettings())
        team.extra["spikes"] = .object(["sensitivity": .number(5), "min_count": .number(20), "cooldown": .string("2h")])
        XCTAssertEqual(SpikeSettings(team: team), SpikeSettings(sensitivity: 5, minCount: 20, cooldown: 7200))
    }
}

final class TrendsTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testRisingTermsAndHashtags() {
        var texts: [(at: Date, text: String)] = []
        for h in 1..<25 {
            texts.append((now.addingTimeInterval(-Double(h) * 3600 - 60), "the weather is nice and the app works"))
        }
        for k in 0..<8 {
            texts.append(
                (
                    now.addingTimeInterval(-Double(k) * 300 - 10),
                    "Checkout is broken again #checkoutfail and the app is slow"
                ))
        }
        let trends = Trends.rising(texts, now: now)
        let terms = trends.map(\.term)
        XCTAssertTrue(terms.contains("checkout"))
        XCTAssertTrue(terms.contains("#checkoutfail"))
        XCTAssertTrue(terms.contains("broken"))
        XCTAssertFalse(terms.contains("the"))
        XCTAssertFalse(terms.contains("and"))
        // "app" was there all day (1 per hour), so it rises less than the new terms and ranks after them.
        let app = trends.firstIndex { $0.term == "app" }!
        let broken = trends.firstIndex { $0.term == "broken" }!
        XCTAssertGreaterThan(app, broken)
        XCTAssertEqual(trends[app].baseline, 1)
        let checkout = trends.first { $0.term == "checkout" }!
        XCTAssertEqual(checkout.count, 8)
        XCTAssertEqual(checkout.baseline, 0)
        XCTAssertEqual(checkout.ratio, 9)
    }

    func testGermanStopwordsAndExclusions() {
        let texts = (0..<5).map {
            (
                at: now.addingTimeInterval(-Double($0) * 60),
                text: "Der Zug nach Berlin ist schon wieder ausgefallen @DB_Bahn https://t.co/x"
            )
        }
        let terms = Trends.rising(texts, now: now, exclude: ["berlin"]).map(\.term)
        XCTAssertTrue(terms.contains("ausgefallen"))
        XCTAssertTrue(terms.contains("zug"))
        for stop in ["der", "nach", "ist", "schon", "wieder", "berlin", "db_bahn", "https"] {
            XCTAssertFalse(terms.contains(stop), stop)
        }
    }
}
