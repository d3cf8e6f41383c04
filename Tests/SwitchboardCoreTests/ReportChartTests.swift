import Foundation
import XCTest

@testable import SwitchboardCore

/// Block charts, display width, alignment of German and wide text, hostile names, periods and the business clock.
final class ReportChartTests: XCTestCase {
    func testSparklineAndBars() {
        // Scaled to the largest: 8 → █, 4 → ▄, 1 → ▁ (at least one eighth), 0 → blank.
        XCTAssertEqual(BlockChart.sparkline([0, 1, 4, 8]), " ▁▄█")
        XCTAssertEqual(BlockChart.sparkline([Double?]([-1, 0, 1, nil]), low: -1, high: 1), "▁▅█ ")
        // 3 of 4 over 4 cells = 3 full cells; 1 of 16 over 2 cells = 1/8 of a cell → ▏; padded to the width.
        XCTAssertEqual(BlockChart.bar(3, of: 4, width: 4), "███ ")
        XCTAssertEqual(BlockChart.bar(1, of: 16, width: 2), "▏ ")
        XCTAssertEqual(BlockChart.bar(5, of: 8, width: 1), "▋")
        XCTAssertEqual(BlockChart.bar(0, of: 8, width: 3), "   ")
    }

    func testDisplayWidth() {
        XCTAssertEqual(BlockChart.width("Grüße aus Köln"), 14)
        XCTAssertEqual(BlockChart.width("Gru\u{308}ße"), 5)  // decomposed ü
        XCTAssertEqual(BlockChart.width("東京"), 4)
        XCTAssertEqual(BlockChart.width("👍🏽 ok"), 5)
        XCTAssertEqual(BlockChart.width("▁▂▃█▏"), 5)
        XCTAssertEqual(BlockChart.clip("Großartig", 5), "Groß…")
        XCTAssertEqual(BlockChart.clip("東京都庁", 5), "東京…")
        XCTAssertEqual(BlockChart.pad("Jürgen", 8), "Jürgen  ")
    }

    /// Umlauts, ß, CJK and emoji names: every row's columns start at the same display column.
    func testGermanAndWideNamesAlign() throws {
        let names = ["jürgen.müller@social.example", "straße@köln.social", "東京さん", "🙂 emoji", "plain"]
        let rows = Report.table(
            ["person", "mentions"], names.map { [BlockChart.clip("@" + $0, 20), "1"] }, right: [1])
        let ends = rows.map { BlockChart.width($0) }
        XCTAssertEqual(Set(ends).count, 1, rows.joined(separator: "\n"))
    }

    /// Control characters, escape sequences and bidi overrides in names and texts never reach any format.
    func testHostileTextIsCleaned() throws {
        let evil = "ev\u{1B}]52;c;aGk=\u{07}il\u{1B}[31m\u{202E}gnp.exe\u{0}"
        let at = ReportFixture.t("2026-11-17T10:00:00Z")
        let ms = (0..<2).map { i in
            Mention(
                platform: "mastodon\u{1B}[2J", id: "h\(i)", text: "Acme \(evil) #\(evil)", createdAt: at, fetchedAt: at,
                author: Author(handle: evil, followers: 10),
                analysis: Analysis(lang: "en", sentiment: .positive, score: 0.5, intents: []))
        }
        let crisis = AuditEvent(
            at: at, actor: evil,
            action: .crisis(.start(CrisisStart(crisis: evil, playbook: ReportFixture.playbook(evil), severity: evil))))
        let r = try Report.compute(
            mentions: ms, states: [:], events: [crisis], team: ReportFixture.team,
            since: ReportFixture.since, until: ReportFixture.until, now: ReportFixture.now)
        for out in [r.text(), r.markdown(), r.csv(), String(decoding: try r.json(), as: UTF8.self)] {
            XCTAssertFalse(
                out.unicodeScalars.contains {
                    ($0.value < 0x20 && $0.value != 0x0A) || $0.value == 0x7F || $0.value == 0x202E
                }, out)
            XCTAssertFalse(out.contains("\\u001b"), out)
        }
        XCTAssertTrue(r.text().contains("started by evil"), r.text())
    }

    func testPeriodParsing() {
        let tz = TimeZone(identifier: "Europe/Berlin")!
        let now = ReportFixture.t("2026-11-23T08:00:00Z")  // Mon 09:00 Berlin
        // 7d: today and the 6 days before, from local midnight (Tue 17 Nov 00:00 Berlin = 16 Nov 23:00 UTC).
        XCTAssertEqual(ReportPeriod.parseSince("7d", now: now, timeZone: tz), ReportFixture.t("2026-11-16T23:00:00Z"))
        XCTAssertEqual(ReportPeriod.parseSince("1w", now: now, timeZone: tz), ReportFixture.t("2026-11-16T23:00:00Z"))
        XCTAssertEqual(ReportPeriod.parseSince("12h", now: now, timeZone: tz), ReportFixture.t("2026-11-22T20:00:00Z"))
        XCTAssertEqual(
            ReportPeriod.parseSince("2026-11-01", now: now, timeZone: tz), ReportFixture.t("2026-10-31T23:00:00Z"))
        XCTAssertEqual(
            ReportPeriod.parseSince("2026-11-01T12:00:00Z", now: now, timeZone: tz),
            ReportFixture.t("2026-11-01T12:00:00Z"))
        XCTAssertNil(ReportPeriod.parseSince("last week", now: now, timeZone: tz))
        // Numbers no calendar holds are no period (they trapped in a conversion to Int before).
        for absurd in ["1e300d", "1e19w", "1e309h", "nand"] {
            XCTAssertNil(ReportPeriod.parseSince(absurd, now: now, timeZone: tz), absurd)
        }
        XCTAssertNil(SourceConfig.parseDuration("1e300s"))
        XCTAssertEqual(SourceConfig.parseDuration("90d"), 90 * 86400)
        // --until a date includes that day.
        XCTAssertEqual(ReportPeriod.parseUntil("2026-11-22", timeZone: tz), ReportFixture.t("2026-11-22T23:00:00Z"))
        // Summer time ends 25 Oct: the day bucket of 25 Oct is 25 hours long and the next starts at local midnight.
        let (unit, starts) = ReportPeriod.buckets(
            since: ReportFixture.t("2026-10-23T22:00:00Z"), until: ReportFixture.t("2026-10-26T23:00:00Z"), timeZone: tz
        )
        XCTAssertEqual(unit, "day")
        XCTAssertEqual(
            starts.map(Timestamp.format), ["2026-10-23T22:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"])
        // 60 days → weeks; a year → months.
        XCTAssertEqual(
            ReportPeriod.buckets(since: now.addingTimeInterval(-60 * 86400), until: now, timeZone: tz).unit, "week")
        XCTAssertEqual(
            ReportPeriod.buckets(since: now.addingTimeInterval(-365 * 86400), until: now, timeZone: tz).starts.count, 13
        )
    }

    /// The prefix-sum clock agrees with SLA's calendar arithmetic, also across the end of summer time.
    func testBusinessClockAgreesWithSLA() throws {
        let sla = try SLA(
            .init(firstResponseMinutes: 60, businessHours: "Mon-Fri 08:00-18:00, Sat 10:00-14:00"),
            timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let start = ReportFixture.t("2026-10-20T00:00:00Z")
        let clock = SLA.Clock(sla, from: start, to: start.addingTimeInterval(20 * 86400))
        var seed: UInt64 = 7
        for _ in 0..<200 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let a = start.addingTimeInterval(Double((seed >> 33) % 1_000_000))
            let b = a.addingTimeInterval(Double((seed >> 13) % 500_000))
            XCTAssertEqual(clock.between(a, b), sla.businessTime(from: a, to: b), accuracy: 0.001, "\(a) → \(b)")
        }
    }

    /// A week over the end of summer time has 169 hours and is still "7 days".
    func testWeekAcrossTheClockChangeIsSevenDays() throws {
        let team = ReportFixture.team
        let r = try Report.compute(
            mentions: [], states: [:], events: [], team: team, since: ReportFixture.t("2026-10-18T22:00:00Z"),
            until: ReportFixture.t("2026-10-25T23:00:00Z"), now: ReportFixture.now)
        XCTAssertEqual(r.buckets.count, 7)
        XCTAssertTrue(r.text().contains("2026-10-19 00:00 to 2026-10-26 00:00 (Europe/Berlin), 7 days\n"), r.text())
    }

    func testCrisisStillRunningAndStartedBefore() throws {
        let e1 = AuditEvent(
            at: ReportFixture.t("2026-11-14T10:00:00Z"), actor: "lea", action: ReportFixture.start("c9", "Data leak"))
        let r = try Report.compute(
            mentions: [], states: [:], events: [e1], team: ReportFixture.team,
            since: ReportFixture.since, until: ReportFixture.until, now: ReportFixture.now)
        XCTAssertEqual(r.crises.count, 1)
        XCTAssertNil(r.crises[0].endedAt)
        XCTAssertTrue(r.text().contains("Data leak: Sat 14 Nov 11:00 – still running"), r.text())
    }
}
