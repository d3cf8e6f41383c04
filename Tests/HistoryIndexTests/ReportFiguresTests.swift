import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// The report's simple figures in SQL against `Report.compute` (the reference) over a generated store: volume now
/// and before, by network, sentiment shares, questions and the median first response; spam and own posts left out.
final class ReportFiguresTests: XCTestCase {
    func testSQLFiguresEqualTheReport() throws {
        var rng = QuerySQLDifferentialTests.Rng(s: 0xAB5E)
        let dir = makeTempDir("sbreport")
        let store = try Store(dir: dir)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var mentions: [Mention] = []
        for i in 0..<600 {
            let at = now.addingTimeInterval(-Double(rng.int(70 * 86400)))
            mentions.append(
                Mention(
                    platform: rng.pick(["mastodon", "bluesky", "Bluesky", "x", "reddit"]), id: "\(i)",
                    text: "Post \(i)",
                    createdAt: at,
                    author: Author(
                        handle: rng.pick(["anna@example.social", "acme@mastodon.social", "bo", "@Acme@x.y"])),
                    analysis: rng.chance(0.85)
                        ? Analysis(
                            lang: "de", sentiment: rng.pick([.negative, .neutral, .positive]), score: 0,
                            intents: Intent.allCases.filter { _ in rng.chance(0.25) }) : nil))
        }
        try store.ingest(mentions, now: now)
        for m in mentions where rng.chance(0.4) {
            let at = m.createdAt.addingTimeInterval(Double(rng.int(3 * 86400)))
            switch rng.int(4) {
            case 0: try store.record([.setStatus(mention: m.key, status: .spam)], actor: "bo", now: at)
            case 1:
                try store.record(
                    [.reply(mention: m.key, reply: ReplyRecord(text: "Hallo", actor: "bo", at: at))], actor: "bo",
                    now: at)
            case 2: try store.record([.setStatus(mention: m.key, status: .answered)], actor: "bo", now: at)
            default: try store.record([.tag(mention: m.key, tags: ["x"])], actor: "bo", now: at)
            }
        }
        let team = try JSONDecoder().decode(
            TeamConfig.self, from: Data(#"{"brand": {"name": "Acme", "terms": ["@acme"]}}"#.utf8))
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        let own = OwnAccounts(team: team)
        for days in [7.0, 30.0] {
            let since = now.addingTimeInterval(-days * 86400)
            var options = ReportOptions()
            options.isOwn = { own.contains($0) }
            let r = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: now, now: now, options: options)
            let f = try XCTUnwrap(try index.reportFigures(since: since, until: now, now: now, team: team))
            XCTAssertEqual(f.total, r.volume.total)
            XCTAssertEqual(f.previousTotal, r.volume.previousTotal)
            XCTAssertEqual(
                f.networks,
                Dictionary(
                    uniqueKeysWithValues: r.volume.networks.filter { $0.total > 0 }.map { ($0.network, $0.total) }))
            XCTAssertEqual(
                [f.analysed, f.positive, f.neutral, f.negative],
                [r.sentiment.analysed, r.sentiment.positive, r.sentiment.neutral, r.sentiment.negative])
            XCTAssertEqual([f.questions, f.answered], [r.responses.questions, r.responses.answered])
            XCTAssertEqual(f.medianSeconds, r.responses.medianSeconds)
            if days == 30 {
                XCTAssertGreaterThan(f.total, 100)
                XCTAssertGreaterThan(f.answered, 1)
            }
        }
        // A mute list is the report's own code: no figures from SQL.
        var muted = team
        muted.mute = TeamConfig.Mute(authors: ["bo"])
        XCTAssertNil(try index.reportFigures(since: now.addingTimeInterval(-86400), until: now, now: now, team: muted))
    }
}
