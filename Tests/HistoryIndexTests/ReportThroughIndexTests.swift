import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// `switchboard report` through the index (only the periods' records read from the logs, the rest from SQL) against
/// `Report.compute` over the whole folded store: the same report, section by section, for several periods.
final class ReportThroughIndexTests: XCTestCase {
    func testTheIndexedReportEqualsTheInMemoryReport() throws {
        let (dir, now, team) = (
            try ReportFiguresTests.makeStore(), ReportFiguresTests.now, try ReportFiguresTests.team()
        )
        // A reply today to a mention from two months ago: its network comes from the index, not from the period.
        let store = try Store(dir: dir)
        let old = try XCTUnwrap(store.mentions.min { $0.createdAt < $1.createdAt })
        try store.record(
            [.reply(mention: old.key, reply: ReplyRecord(text: "Späte Grüße", actor: "bo", at: now))], actor: "bo",
            now: now.addingTimeInterval(-60))
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        for days in [1.0, 7.0, 30.0, 200.0] {
            let since = now.addingTimeInterval(-days * 86400)
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: now, now: now)
            let got = try index.report(team: team, since: since, until: now, now: now)
            XCTAssertEqual(got.volume, expected.volume, "\(days) days")
            XCTAssertEqual(got.sentiment, expected.sentiment, "\(days) days")
            XCTAssertEqual(got.responses, expected.responses, "\(days) days")
            XCTAssertEqual(got.published, expected.published, "\(days) days")
            XCTAssertEqual(got.stored, expected.stored, "\(days) days")
            XCTAssertEqual(got, expected, "\(days) days")
            XCTAssertEqual(try got.json(), try expected.json())
        }
        let week = try index.report(team: team, since: now.addingTimeInterval(-7 * 86400), until: now, now: now)
        XCTAssertEqual(week.stored.mentions, 600)
        XCTAssertGreaterThan(week.volume.total, 20)
        XCTAssertEqual(week.published.repliesByNetwork.reduce(0) { $0 + $1.count }, week.published.replies)
    }
}
