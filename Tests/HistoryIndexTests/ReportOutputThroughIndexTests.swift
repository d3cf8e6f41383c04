import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// The report a user reads — text, Markdown, JSON and CSV — through the index (records read on every core, states
/// read for their status and first response only, topic words worked out beforehand) against the report over the
/// folded store: byte for byte, over a generated store with several networks, German and English text, the brand's
/// own posts, spam, answered, late and open mentions, SLA targets by priority band in business hours, competitors.
final class ReportOutputThroughIndexTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// One store for both tests (made once: 2,600 mentions and their triage, each action stored with its time).
    static let shared = Result { try makeStore() }

    static func makeStore() throws -> DataDirectory {
        var rng = QuerySQLDifferentialTests.Rng(s: 0x5EED)
        let dir = makeTempDir("sbreportout")
        let store = try Store(dir: dir)
        let texts = [
            "Die Synchronisierung ist kaputt, wer hilft? #AcmeCloud #störung", "Größte Rückmeldung: Preise zu hoch",
            "Love the new upload flow from Acme Cloud 🎉 #release", "How do I export my data? @acme please help",
            "Straße, Grüße und Übergrößen: alles gut bei Acme", "Nimbus is cheaper than Acme Cloud, switching #preise",
            "sync broken again since the update?! #outage", "Wir haben die Störung behoben – danke für eure Geduld",
        ]
        var mentions: [Mention] = []
        for i in 0..<2600 {
            let at = now.addingTimeInterval(-Double(rng.int(45 * 86400)))
            let own = rng.chance(0.08)
            mentions.append(
                Mention(
                    platform: rng.pick(["mastodon", "bluesky", "Bluesky", "x", "reddit", "rss"]), id: "\(i)",
                    text: rng.pick(texts) + " \(i % 97)", createdAt: at,
                    author: Author(
                        handle: own ? "acme@mastodon.social" : "user\(rng.int(300))@example.social",
                        name: rng.pick(["Jürgen Groß", "Anna", "Zoë"]), followers: rng.int(50_000)),
                    inReplyTo: rng.chance(0.2) ? "x-\(rng.int(100))" : nil,
                    analysis: rng.chance(0.9)
                        ? Analysis(
                            lang: rng.pick(["de", "en"]), sentiment: rng.pick([.negative, .neutral, .positive]),
                            score: Double(rng.int(200) - 100) / 100,
                            intents: Intent.allCases.filter { _ in rng.chance(0.2) },
                            crisisTerms: rng.chance(0.05) ? ["störung"] : nil) : nil))
        }
        try store.ingest(mentions, now: now)
        for m in mentions where rng.chance(0.5) {
            let at = m.createdAt.addingTimeInterval(Double(rng.int(2 * 86400)))
            switch rng.int(5) {
            case 0: try store.record([.setStatus(mention: m.key, status: .spam)], actor: "bo", now: at)
            case 1:
                try store.record(
                    [.reply(mention: m.key, reply: ReplyRecord(text: "Grüße", actor: "bo", at: at))], actor: "bo",
                    now: at)
            case 2: try store.record([.setStatus(mention: m.key, status: .answered)], actor: "bo", now: at)
            case 3: try store.record([.assign(mention: m.key, user: "anna")], actor: "bo", now: at)
            default:
                try store.record(
                    [.tag(mention: m.key, tags: ["billing"]), .note(mention: m.key, text: "Rückruf")], actor: "bo",
                    now: at)
            }
        }
        return dir
    }

    static func team() throws -> TeamConfig {
        try JSONDecoder().decode(
            TeamConfig.self,
            from: Data(
                #"""
                {"brand": {"name": "Acme Cloud", "terms": ["@acme", "acme"]},
                 "competitors": [{"name": "Nimbus", "terms": ["nimbus"]}],
                 "timezone": "Europe/Berlin",
                 "sla": {"first_response_minutes": 120, "by_priority": {"high": 30, "low": 480},
                         "business_hours": "Mon-Fri 08:00-18:00"}}
                """#.utf8))
    }

    /// As the CLI's options do: words and hashtags, own accounts left out, a band from the analysis and followers.
    static func options() -> ReportOptions {
        var o = ReportOptions(terms: { text in
            text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "#") }).map { $0.lowercased() }
                .filter { $0.count >= 3 }
        })
        o.isOwn = { $0.author?.handle.hasPrefix("acme@") == true }
        o.bandReadsState = false
        o.band = { m, _ in
            m.analysis?.sentiment == .negative ? "high" : (m.author?.followers ?? 0) < 1000 ? "low" : nil
        }
        return o
    }

    func testEveryFormatIsByteIdenticalToTheFoldedStoresReport() throws {
        let (dir, now, team) = (try Self.shared.get(), Self.now, try Self.team())
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        for days in [1.0, 7.0, 30.0] {
            let since = now.addingTimeInterval(-days * 86400)
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: now, now: now, options: Self.options())
            let got = try index.report(team: team, since: since, until: now, now: now, options: Self.options())
            XCTAssertGreaterThan(expected.responses.answeredLate + expected.responses.overdue, 0, "\(days) days")
            XCTAssertFalse(expected.topics.isEmpty, "\(days) days")
            XCTAssertEqual(got.text(), expected.text(), "\(days) days")
            XCTAssertEqual(got.markdown(), expected.markdown(), "\(days) days")
            XCTAssertEqual(got.csv(), expected.csv(), "\(days) days")
            XCTAssertEqual(
                String(decoding: try got.json(), as: UTF8.self), String(decoding: try expected.json(), as: UTF8.self),
                "\(days) days")
        }
    }

    /// A band that reads the whole state gets it: the index hands whole states when `bandReadsState` is left on.
    func testABandThatReadsTheStateGetsTheWholeState() throws {
        let (dir, now, team) = (try Self.shared.get(), Self.now, try Self.team())
        var options = Self.options()
        options.bandReadsState = true
        options.band = { _, st in st.tags.contains("billing") ? "high" : st.assignee == nil ? nil : "low" }
        let reference = try Store(dir: dir, mode: .readOnly)
        let since = now.addingTimeInterval(-30 * 86400)
        let expected = try Report.compute(
            mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
            since: since, until: now, now: now, options: options)
        let got = try HistoryIndex(dir: dir).report(team: team, since: since, until: now, now: now, options: options)
        XCTAssertEqual(got.text(), expected.text())
        XCTAssertEqual(got, expected)
    }
}
