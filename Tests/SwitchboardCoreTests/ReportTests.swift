import Foundation
import XCTest

@testable import SwitchboardCore

/// The report's numbers on the fixture, worked out by hand (ReportFixture.swift lists every mention and action).
final class ReportTests: XCTestCase {
    var report: Report!

    override func setUpWithError() throws {
        report = try ReportFixture.report(try ReportFixture.store())
    }

    func testVolumeAndSentimentByHand() {
        let r = report!
        // 13 mentions in the week minus m10 (status spam) = 12; the week before has p1–p3; n1 is after the period.
        XCTAssertEqual(r.volume.total, 12)
        XCTAssertEqual(r.volume.previousTotal, 3)
        // Berlin days: Mon m1 m2 · Tue m3 · Wed m6 m4 · Thu m5 m7 · Fri m8 · Sat m9 m14 · Sun m13 m12.
        XCTAssertEqual(r.volume.perBucket, [2, 1, 2, 2, 1, 2, 2])
        XCTAssertEqual(r.volume.networks.map(\.network), ["mastodon", "bluesky", "rss"])  // 5, 5 (2 before beats 1 before), 2
        XCTAssertEqual(r.volume.networks.map(\.total), [5, 5, 2])
        // m13 has no analysis: 11 analysed. Positive m3 m4 m7 m14, neutral m5 m6 m9 m12, negative m1 m2 m8.
        XCTAssertEqual(
            [r.sentiment.analysed, r.sentiment.positive, r.sentiment.neutral, r.sentiment.negative], [11, 4, 4, 3])
        XCTAssertEqual(
            [r.sentiment.previousPositive, r.sentiment.previousNeutral, r.sentiment.previousNegative], [1, 1, 1])
        // Net per day: Mon (0−2)/2, Tue 1/1, Wed (1−0)/2, Thu 1/2, Fri −1/1, Sat 1/2, Sun 0/1.
        XCTAssertEqual(r.sentiment.netPerBucket, [-1, 1, 0.5, 0.5, -1, 0.5, 0])
    }

    func testShareOfVoiceByHand() {
        let v = report.shareOfVoice
        // Acme (or "Acme Cloud", "Acme-Sync") is named in every mention but m12 ("Boxly sync is great") → 11 of 12.
        XCTAssertEqual(v.brand, 11)
        // NimbusDrive: m2 m6 m8 → 11 / (11 + 3) = 0.786; the week before p2 → 3 / (3 + 1) = 0.75.
        XCTAssertEqual(v.competitors[0].mentions, 3)
        XCTAssertEqual(v.competitors[0].share!, 11.0 / 14, accuracy: 1e-9)
        XCTAssertEqual(v.competitors[0].previousShare!, 0.75, accuracy: 1e-9)
        // Boxly: m4 m12 → 11 / 13 = 0.846; none before → 3 / 3 = 1.
        XCTAssertEqual(v.competitors[1].mentions, 2)
        XCTAssertEqual(v.competitors[1].share!, 11.0 / 13, accuracy: 1e-9)
        XCTAssertEqual(v.competitors[1].previousShare, 1)
    }

    func testResponsesAndSLAByHand() {
        let r = report.responses
        // Questions m1 m5 m8 m9, all answered: 30 min, 1 h 30 min, 63 h 15 min (Fri 17:30 → Mon 08:45), 20 min.
        // Sorted 20, 30, 90, 3795 min: median (30 + 90) / 2 = 60 min; p90 = the ⌈0.9 × 4⌉ = 4th = 3795 min.
        XCTAssertEqual(r.questions, 4)
        XCTAssertEqual(r.answered, 4)
        XCTAssertEqual(r.medianSeconds, 3600)
        XCTAssertEqual(r.p90Seconds, 3795 * 60)
        // The week before: p1 answered after 2 h.
        XCTAssertEqual(r.previousQuestions, 1)
        XCTAssertEqual(r.previousMedianSeconds, 7200)
        // Needing a response: answered m1 m5 m6 m8 m9, still open m2 m12 (m3 answered without a reply, the rest ignored).
        // Business hours Mon–Fri 08–18 Berlin, 60 min: m5 took 90 business min (30 late); m8 30 + 45 = 75 (15 late);
        // m9 on a Saturday took none; m2 (Mon 11:00, open) has Mon 7 h + Tue–Fri 40 h + Mon 1 h = 48 h → 47 h late;
        // m12 (Sun 20:00) is due Mon 09:00 = now exactly: not late.
        XCTAssertEqual(r.slaChecked, 7)
        XCTAssertEqual(r.answeredLate, 2)
        XCTAssertEqual(r.overdue, 1)
        XCTAssertEqual(r.worst.map(\.key), [ReportFixture.key("m2"), ReportFixture.key("m5"), ReportFixture.key("m8")])
        XCTAssertEqual(r.worst.map(\.lateSeconds), [47 * 3600, 1800, 900])
    }

    func testTopicsAdvocatesPublishedCrisesByHand() {
        let r = report!
        // "sync" in m1 m3 m4 m6 m7 ("Acme-Sync") m12 m13; the brand's own words are left out.
        XCTAssertEqual(r.topics.map(\.term), ["sync", "nimbusdrive", "boxly", "speed"])
        XCTAssertEqual(r.topics.map(\.count), [7, 3, 2, 2])
        XCTAssertEqual(r.hashtags.map(\.term), ["#outage"])  // #acmecloud is the brand's; #help and #sync once each
        // ben: 2 positive, 0 negative, 12,000 followers → 2 × (1 + log10(12,001) / 6) = 2 × 1.6799 = 3.36.
        // hanna: 1 × (1 + log10(250,001) / 6) = 1.90; jürgen: 1 × (1 + log10(301) / 6) = 1.41.
        XCTAssertEqual(
            r.advocates.advocates.map(\.name),
            ["@ben.bsky.social", "@hanna.bsky.social", "@jürgen.weiß@social.example"])
        XCTAssertEqual(r.advocates.advocates.map(\.score), [3.36, 1.90, 1.41])
        XCTAssertEqual(r.advocates.widestReach?.name, "@hanna.bsky.social")
        // anna: −2 × (1 + log10(151) / 6) → 2.73; dieter 1 × (1 + log10(81) / 6) → 1.32.
        XCTAssertEqual(r.advocates.critics.map(\.score), [2.73, 1.32])
        XCTAssertEqual(r.advocates.people, 9)
        // q1 on two accounts; replies m1 m9 (outbox) and m5 (reply action), m6 by hand; m8's reply is after the period.
        XCTAssertEqual(r.published.posts, 2)
        XCTAssertEqual([r.published.replies, r.published.manualReplies], [3, 1])
        // The drill of the week before is not in the period.
        XCTAssertEqual(r.crises.map(\.name), ["Outage"])
        XCTAssertEqual(r.crises[0].severity, "high")  // raised from low 10 minutes in
        XCTAssertEqual([r.crises[0].stepsDone, r.crises[0].steps], [1, 2])
        XCTAssertEqual(r.crises[0].endedAt!.timeIntervalSince(r.crises[0].startedAt), 4 * 3600 + 15 * 60)
    }

    /// A person with a Mastodon and a Bluesky account, merged by the grouping function (as contacts will do).
    func testMergedIdentitiesCountAsOnePerson() throws {
        let store = try ReportFixture.store()
        var options = ReportOptions()
        options.authorOf = { m in
            let h = m.author?.handle ?? ""
            if h.hasPrefix("ben.") || h.hasPrefix("jürgen.") {
                return ReportAuthor(id: "contact:ben", name: "Ben Brandt")
            }
            return ReportAuthor.byAccount(m)
        }
        let r = try ReportFixture.report(store, options: options)
        let ben = try XCTUnwrap(r.advocates.advocates.first)
        XCTAssertEqual(ben.name, "Ben Brandt")
        XCTAssertEqual(ben.networks, ["bluesky", "mastodon"])
        XCTAssertEqual([ben.mentions, ben.positive], [4, 3])
        // Followers: the most each account showed (12,000 on Bluesky), summed over accounts: 12,000 + 300.
        XCTAssertEqual(ben.followers, 12_300)
        XCTAssertEqual(r.advocates.people, 8)
    }

    /// As of Mon 23 Nov 08:40 Berlin, m8's reply (08:45) had not gone out: it was open and 10 business minutes late
    /// (Fri 17:30–18:00 and Mon 08:00–08:40 = 70 min against 60), not answered 15 minutes late.
    func testAsOfAnEarlierTime() throws {
        let store = try ReportFixture.store()
        let r = try Report.compute(
            store: store, team: ReportFixture.team, since: ReportFixture.since, until: ReportFixture.until,
            now: ReportFixture.t("2026-11-23T07:40:00Z"))
        XCTAssertEqual(r.responses.answered, 3)
        XCTAssertEqual([r.responses.slaChecked, r.responses.answeredLate, r.responses.overdue], [7, 1, 2])
        XCTAssertEqual(r.responses.worst.map(\.lateSeconds), [46 * 3600 + 40 * 60, 1800, 600])
        XCTAssertEqual(r.responses.worst.map(\.answered), [false, true, false])
    }

    func testEmptyPeriodIsAClearReport() throws {
        let store = try ReportFixture.store()
        let r = try ReportFixture.report(
            store, since: ReportFixture.t("2026-10-04T22:00:00Z"), until: ReportFixture.t("2026-10-11T22:00:00Z"))
        XCTAssertTrue(r.isEmpty)
        XCTAssertNil(r.responses.medianSeconds)
        XCTAssertEqual(r.text(), ReportGolden.emptyText)
        XCTAssertEqual(try Report.decode(try r.json()), r)
        XCTAssertTrue(r.csv().contains("responses,median_first_response_seconds,\n"))
        XCTAssertTrue(r.markdown().contains("No mentions in this period."))
    }

    /// The workbench's default: Tue 17 – Mon 23 Nov (today), from midnight Berlin time up to now.
    func testLastWeekFromTheStore() throws {
        let r = try Report.lastWeek(store: try ReportFixture.store(), team: ReportFixture.team, now: ReportFixture.now)
        XCTAssertEqual(r.since, ReportFixture.t("2026-11-16T23:00:00Z"))
        XCTAssertEqual(r.until, ReportFixture.now)
        // m3 … m14 without m1 m2 (Monday the 16th) and the spam, plus n1 (Mon 23 08:00 Berlin): 10 + 1.
        XCTAssertEqual(r.volume.total, 11)
        XCTAssertEqual(r.volume.perBucket, [1, 2, 2, 1, 2, 2, 1])
    }

    func testGoldenText() { XCTAssertEqual(report.text(), ReportGolden.text) }
    func testGoldenMarkdown() { XCTAssertEqual(report.markdown(), ReportGolden.markdown) }
    func testGoldenCSV() { XCTAssertEqual(report.csv(), ReportGolden.csv) }

    func testGoldenJSONAndRoundTrip() throws {
        XCTAssertEqual(String(decoding: try report.json(), as: UTF8.self), ReportGolden.json)
        XCTAssertEqual(try Report.decode(try report.json()), report)
    }

    /// Every line fits 72 columns, and the text has no tab and no control character.
    func testTextFitsAnEmail() {
        for line in report.text().split(separator: "\n") {
            XCTAssertLessThanOrEqual(BlockChart.width(String(line)), 72, String(line))
            XCTAssertFalse(
                line.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }, String(line))
        }
    }
}
