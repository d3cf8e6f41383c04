import Foundation
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// How the report from the parts fetches its rows: a period holding a good share of the history reads the table once
/// in rowid order (no lookup per row, no sort); a short period of a long history goes through the creation index. Both
/// ways give the folded store's report byte for byte, and so do the edges: an empty period, one day, German topic
/// words, the brand's own posts left out.
final class ReportPlanTests: XCTestCase {
    static let now = ReportOutputThroughIndexTests.now

    func testAPeriodHoldingMostMentionsScansTheTableInRowidOrderAndAShortOneUsesTheIndex() throws {
        let dir = makeTempDir("sbreportplan")
        let store = try Store(dir: dir)
        try store.ingest((0..<400).map { indexMention("\($0)", text: "Sync kaputt \($0)", at: Double($0 * 60)) })
        let index = try HistoryIndex(dir: dir)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        // The whole history in the period: one pass over the table, in the order the report counts.
        let whole = try index.reportPlan(since: start, until: start.addingTimeInterval(86400)).joined(separator: "\n")
        XCTAssertTrue(whole.contains("SCAN m"), whole)
        XCTAssertFalse(whole.contains("TEMP B-TREE"), whole)
        XCTAssertFalse(whole.contains("INDEX mention_created"), whole)
        // Twenty minutes of nearly seven hours (the period and the one before): through the creation index.
        let short = try index.reportPlan(
            since: start.addingTimeInterval(3600), until: start.addingTimeInterval(3600 + 600)
        ).joined(separator: "\n")
        XCTAssertTrue(short.contains("USING INDEX mention_"), short)
        XCTAssertFalse(short.contains("SCAN m"), short)
    }

    /// The same report as the folded store's in every format for each `(since, until)`.
    func assertSameReport(
        _ dir: DataDirectory, _ team: TeamConfig, periods: [(Date, Date)], file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        for (since, until) in periods {
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: until, now: Self.now, options: .insight(team: team))
            let got = try index.report(
                team: team, since: since, until: until, now: Self.now, options: .insight(team: team))
            XCTAssertTrue(index.lastReportFromParts, "\(since)", file: file, line: line)
            try assertSameFormats(got, expected, "\(since)", file: file, line: line)
        }
    }

    func testEdgesGiveTheFoldedStoresReportByteForByteEitherWay() throws {
        let dir = makeTempDir("sbreportedges")
        let team = try ReportPartsTests.team()
        try FileIO.writeDocument(ReportPartsTests.teamJSON(), to: dir.teamFile)
        try ReportPartsTests.ingest(dir, count: 1200, seed: 23, from: 0, extraWords: ["Größenänderung"])
        // The brand's own posts (its handle, German words of their own): counted nowhere.
        let store = try Store(dir: dir)
        try store.ingest(
            (0..<40).map { i in
                Mention(
                    platform: "mastodon", id: "own\(i)", text: "Wartungsfenster heute Nacht, Übergrößen folgen \(i)",
                    createdAt: Self.now.addingTimeInterval(-Double(i) * 86400 - 600),
                    author: Author(handle: "acme@mastodon.social", name: "Acme"))
            }, now: Self.now)
        let day = 86400.0
        let index = try HistoryIndex(dir: dir)
        let oneDay = (Self.now.addingTimeInterval(-day), Self.now)
        XCTAssertFalse(try index.reportPlan(since: oneDay.0, until: oneDay.1).joined().contains("SCAN m"))
        let month = (Self.now.addingTimeInterval(-30 * day), Self.now)
        XCTAssertTrue(try index.reportPlan(since: month.0, until: month.1).joined().contains("SCAN m"))
        let empty = (Self.now.addingTimeInterval(-400 * day), Self.now.addingTimeInterval(-300 * day))
        try assertSameReport(dir, team, periods: [oneDay, month, empty])

        let got = try index.report(
            team: team, since: month.0, until: month.1, now: Self.now, options: .insight(team: team))
        let words = Set(got.topics.map(\.term))
        XCTAssertTrue(words.contains { $0.contains("ß") } && words.contains { $0.contains("ö") }, "\(words)")
        XCTAssertFalse(words.contains("wartungsfenster"), "own posts reached the topics: \(words)")
        let none = try index.report(
            team: team, since: empty.0, until: empty.1, now: Self.now, options: .insight(team: team))
        XCTAssertEqual(none.volume.total, 0)
        XCTAssertTrue(none.topics.isEmpty)
    }
}
