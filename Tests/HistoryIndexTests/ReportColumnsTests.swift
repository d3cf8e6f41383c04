import Foundation
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// `switchboard report` from the index's columns (`ReportColumns`: one statement, numbers per row, people gathered
/// from accounts) against the report over the folded store, byte for byte in every format, on a generated history
/// with the edges: mentions on and a millisecond before local midnight in time zones with a DST change in the
/// period (Santiago skips its midnight) and a 45-minute offset, German words, the brand's own posts, private
/// messages, spam, re-analysed mentions, replies to mentions before the period, an action naming a mention the logs
/// do not hold (a deleted post), a post sent again with edited text (a duplicate), handles written in capitals and
/// with `@`, mentions caught up after the first report; and a muted team (the row-by-row way, still the same).
final class ReportColumnsTests: XCTestCase {
    static let now = ReportOutputThroughIndexTests.now

    static func team(zone: String, bands: Bool, mute: TeamConfig.Mute? = nil) throws -> TeamConfig {
        var t = try JSONDecoder().decode(
            TeamConfig.self,
            from: Data(
                #"""
                {"brand": {"name": "Acme Cloud", "terms": ["@acme", "acme"]},
                 "competitors": [{"name": "Nimbus", "terms": ["nimbus"]}, {"name": "Störwerk", "terms": []}],
                 "timezone": "\#(zone)",
                 "sla": {"first_response_minutes": 120\#(bands ? #", "by_priority": {"high": 30, "low": 480}"# : ""),
                         "business_hours": "Mon-Fri 08:00-18:00"}}
                """#.utf8))
        t.mute = mute
        return t
    }

    /// Mentions on each local midnight of the last 62 days and a millisecond before it.
    static func midnights(zone: String, first: Int) -> [Mention] {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: zone)!
        var out: [Mention] = []
        for d in 0..<62 {
            let day = cal.startOfDay(for: now.addingTimeInterval(-Double(d) * 86400))
            for (j, at) in [day, day.addingTimeInterval(-0.001)].enumerated() {
                let i = first + d * 2 + j
                out.append(
                    Mention(
                        platform: j == 0 ? "Mastodon" : "bluesky", id: "mid\(zone)\(i)",
                        text: "Mitternacht: Übergrößen bei Acme Cloud, Störwerk schläft? #mitternacht \(i % 3)",
                        createdAt: at,
                        author: Author(handle: i % 2 == 0 ? "Nachteule@Example.social" : "nachteule@example.social",
                            followers: i % 5 == 0 ? nil : 100 + i),
                        analysis: Analysis(
                            lang: "de", sentiment: i % 3 == 0 ? .negative : .positive, score: 0.5,
                            intents: i % 4 == 0 ? [.question] : [])))
            }
        }
        return out
    }

    func assertSameReport(
        _ dir: DataDirectory, _ team: TeamConfig, columns: Bool, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        let periods: [(Double, Double)] = [(30, 0), (7, 0), (1, 0), (30, 5), (400, 300)]
        for (from, to) in periods {
            let since = Self.now.addingTimeInterval(-from * 86400)
            let until = Self.now.addingTimeInterval(-to * 86400)
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: until, now: Self.now, options: .insight(team: team))
            index.reportAsColumns = true
            let got = try index.report(
                team: team, since: since, until: until, now: Self.now, options: .insight(team: team))
            let what = "\(team.timezone ?? "-"), \(from)–\(to) days"
            XCTAssertEqual(index.lastReportFromColumns, columns, what, file: file, line: line)
            try assertSameFormats(got, expected, what, file: file, line: line)
            // And the row-by-row way from the parts says the same.
            index.reportAsColumns = false
            let rows = try index.report(
                team: team, since: since, until: until, now: Self.now, options: .insight(team: team))
            XCTAssertFalse(index.lastReportFromColumns, what, file: file, line: line)
            XCTAssertEqual(rows.text(), got.text(), what, file: file, line: line)
            if from == 30, to == 0, columns {
                // Not an empty comparison: the period holds what the edges are about.
                XCTAssertGreaterThan(got.volume.total, 500, what, file: file, line: line)
                XCTAssertFalse(got.topics.isEmpty, what, file: file, line: line)
                XCTAssertFalse(got.advocates.advocates.isEmpty, what, file: file, line: line)
                XCTAssertFalse(got.responses.worst.isEmpty, what, file: file, line: line)
                XCTAssertNotNil(got.privateMessages, what, file: file, line: line)
                XCTAssertGreaterThan(got.published.replies, 0, what, file: file, line: line)
            }
        }
    }

    func testTheReportFromColumnsIsTheFoldedStoresByteForByte() throws {
        let dir = makeTempDir("sbreportcolumns")
        let zones = ["America/Santiago", "Asia/Kathmandu", "Europe/Berlin"]
        try ReportPartsTests.ingest(
            dir, count: 1500, seed: 41, from: 0, extraWords: ["Größenänderung", "Überweisung"])
        let store = try Store(dir: dir)
        for (z, zone) in zones.enumerated() {
            try store.ingest(Self.midnights(zone: zone, first: z * 200), now: Self.now)
        }
        let old = store.mentions.filter { $0.createdAt < Self.now.addingTimeInterval(-31 * 86400) }.prefix(20)
        let at = Self.now.addingTimeInterval(-3600)
        for m in old {
            // Replies in the period to mentions from before it (their networks from the index).
            try store.record(
                [.reply(mention: m.key, reply: ReplyRecord(text: "Danke für die Geduld", actor: "bo", at: at))],
                actor: "bo", now: at)
        }
        // An action naming a post the logs do not hold (deleted before it was read): a row that is not present.
        try store.record([.setStatus(mention: "mastodon:gelöscht-1", status: .answered)], actor: "bo", now: at)
        // The same post again with edited text: a duplicate, the first text stands.
        var edited = store.mentions.first { $0.createdAt > Self.now.addingTimeInterval(-86400 * 5) }!
        edited.text = "Bearbeitet: Nimbus ist besser #nimbus"
        XCTAssertEqual(try store.ingest([edited], now: Self.now).duplicates, 1)

        for zone in zones {
            let team = try Self.team(zone: zone, bands: zone == "Europe/Berlin")
            try assertSameReport(dir, team, columns: true)
        }
        // Mentions caught up after the first report (their parts written row by row).
        try ReportPartsTests.ingest(dir, count: 300, seed: 42, from: 5000)
        try assertSameReport(dir, try Self.team(zone: "America/Santiago", bands: false), columns: true)
        // A muted team: its terms are matched against the text, so the records are read; the same report.
        let muted = try Self.team(
            zone: "Europe/Berlin", bands: false,
            mute: TeamConfig.Mute(authors: ["user7@example.social"], terms: ["kaputt"]))
        try assertSameReport(dir, muted, columns: false)
    }
}
