import Foundation
import HistoryIndex
import Insight
import SwitchboardCore
import XCTest

/// `switchboard report` as the CLI asks for it (Insight's options) answered from the parts the index keeps per
/// mention (`report_part`: topic words, share-of-voice bits, author, flags) without reading a record, against the
/// report over the folded store: byte for byte in every format, after the brand's and competitors' terms were
/// edited since the index was built, and after mentions were caught up following a first report.
final class ReportPartsTests: XCTestCase {
    typealias Rng = QuerySQLDifferentialTests.Rng
    static let now = ReportOutputThroughIndexTests.now

    static func team(brand: String = #"["@acme", "acme"]"#, competitors: String = #"["nimbus"]"#) throws -> TeamConfig {
        try JSONDecoder().decode(TeamConfig.self, from: teamJSON(brand: brand, competitors: competitors))
    }

    static func teamJSON(brand: String = #"["@acme", "acme"]"#, competitors: String = #"["nimbus"]"#) -> Data {
        Data(
            #"""
            {"brand": {"name": "Acme Cloud", "terms": \#(brand)},
             "competitors": [{"name": "Nimbus", "terms": \#(competitors)}, {"name": "Störwerk", "terms": []}],
             "timezone": "Europe/Berlin",
             "sla": {"first_response_minutes": 120, "by_priority": {"high": 30, "low": 480},
                     "business_hours": "Mon-Fri 08:00-18:00"}}
            """#.utf8)
    }

    /// Every format of the index's report equals the folded store's, for each period; and it came from the parts.
    func assertSameReport(
        _ dir: DataDirectory, _ team: TeamConfig, days: [Double] = [1, 7, 30], file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let index = try HistoryIndex(dir: dir)
        let reference = try Store(dir: dir, mode: .readOnly)
        for d in days {
            let since = Self.now.addingTimeInterval(-d * 86400)
            let expected = try Report.compute(
                mentions: reference.mentions, states: reference.states(), events: reference.events, team: team,
                since: since, until: Self.now, now: Self.now, options: .insight(team: team))
            let got = try index.report(
                team: team, since: since, until: Self.now, now: Self.now, options: .insight(team: team))
            XCTAssertTrue(index.lastReportFromParts, "\(d) days: read records", file: file, line: line)
            XCTAssertFalse(expected.topics.isEmpty, "\(d) days", file: file, line: line)
            try assertSameFormats(got, expected, "\(d) days", file: file, line: line)
        }
    }

    func testTheCLIsReportComesFromThePartsByteForByte() throws {
        let dir = try ReportOutputThroughIndexTests.shared.get()
        try assertSameReport(dir, try Self.team())
    }

    /// Brand terms and competitors edited in `team.json` after the index was built: the bits are worked out anew for
    /// the new terms (once), and the report names what the new terms name.
    func testEditedBrandAndCompetitorTermsGiveTheReportOfTheNewTerms() throws {
        let dir = makeTempDir("sbparts-terms")
        try Self.ingest(dir, count: 900, seed: 7, from: 0)
        let before = try Self.team()
        try FileIO.writeDocument(Self.teamJSON(), to: dir.teamFile)
        _ = try HistoryIndex(dir: dir)  // built with the terms of team.json
        try assertSameReport(dir, before)
        let before30 = try HistoryIndex(dir: dir).report(
            team: before, since: Self.now.addingTimeInterval(-30 * 86400), until: Self.now, now: Self.now,
            options: .insight(team: before))

        let (brand, rivals) = (##"["synchronisierung", "#acmecloud"]"##, #"["cheaper", "billiger"]"#)
        let after = try Self.team(brand: brand, competitors: rivals)
        try FileIO.writeDocument(Self.teamJSON(brand: brand, competitors: rivals), to: dir.teamFile)
        try assertSameReport(dir, after)
        let after30 = try HistoryIndex(dir: dir).report(
            team: after, since: Self.now.addingTimeInterval(-30 * 86400), until: Self.now, now: Self.now,
            options: .insight(team: after))
        XCTAssertNotEqual(after30.shareOfVoice.brand, before30.shareOfVoice.brand)
        XCTAssertNotEqual(after30.shareOfVoice.competitors[0].mentions, before30.shareOfVoice.competitors[0].mentions)
        XCTAssertTrue(after30.markdown().contains("Störwerk"))
        // And back: the old terms again.
        try assertSameReport(dir, before, days: [30])
    }

    /// A first report, then more mentions (new words, new people, private messages, other spellings of a network),
    /// actions and analyses by another writer: the next report catches them up and still equals the folded store's.
    func testMentionsCaughtUpAfterAFirstReport() throws {
        let dir = makeTempDir("sbparts-later")
        let team = try Self.team()
        try FileIO.writeDocument(Self.teamJSON(), to: dir.teamFile)
        try Self.ingest(dir, count: 700, seed: 11, from: 0)
        try assertSameReport(dir, team)
        try Self.ingest(dir, count: 500, seed: 12, from: 700, extraWords: ["Zahlungsausfall", "#kündigung"])
        let index = try HistoryIndex(dir: dir)
        XCTAssertEqual(index.lastCatchUp.rebuiltBecause, nil)
        XCTAssertGreaterThan(index.lastCatchUp.mentions, 400)
        try assertSameReport(dir, team)
        let week = try index.report(
            team: team, since: Self.now.addingTimeInterval(-30 * 86400), until: Self.now, now: Self.now,
            options: .insight(team: team))
        XCTAssertTrue(
            week.topics.contains { $0.term == "zahlungsausfall" } || week.hashtags.contains { $0.term == "#kündigung" })
    }

    /// An open index (a workbench's) keeps the topic words' numbers it met between catch-ups; another process's
    /// rebuild numbers them anew — here in another order, as a log of an earlier month that turned up (restored,
    /// or brought by a sync) is read first — so the open index must not write the old numbers into the parts of
    /// the mentions it catches up next: the report names the words the mentions have.
    func testACatchUpAfterAnotherProcessRebuiltTheIndexNumbersTheWordsAsTheRebuildDid() throws {
        let dir = makeTempDir("sbparts-renumbered")
        let team = try Self.team()
        try FileIO.writeDocument(Self.teamJSON(), to: dir.teamFile)
        try Self.ingest(dir, count: 400, seed: 21, from: 0)
        let open = try HistoryIndex(dir: dir)
        try Self.ingest(dir, count: 100, seed: 22, from: 400, extraWords: ["Zahlungsausfall"])
        try open.catchUp()
        // An earlier month's log with words of its own, read first by a rebuild.
        let other = makeTempDir("sbparts-earlier")
        try Self.ingest(other, count: 300, seed: 23, from: 5000, extraWords: ["Quokka", "Wombat", "Zahlungsausfall"])
        let earlier = try XCTUnwrap(other.logFiles(.mentions).first)
        try FileManager.default.copyItem(
            at: earlier, to: dir.logDir.appendingPathComponent("mentions-2000-01.jsonl"))
        let rebuilt = try HistoryIndex(dir: dir).catchUp(rebuild: "test")
        XCTAssertNotNil(rebuilt.rebuiltBecause)
        // New mentions with the words both numberings know, caught up by the index that stayed open.
        try Self.ingest(dir, count: 300, seed: 24, from: 800, extraWords: ["Zahlungsausfall", "Wombat"])
        let caught = try open.catchUp()
        XCTAssertNil(caught.rebuiltBecause)
        XCTAssertEqual(caught.mentions, 300)
        try assertSameReport(dir, team)
    }

    /// Mentions as a brand meets them: German and English, hashtags, handles written with `@` or capitals, networks
    /// spelled two ways, private messages, replies, times with milliseconds, analyses later, triage.
    static func ingest(
        _ dir: DataDirectory, count: Int, seed: UInt64, from first: Int, extraWords: [String] = []
    ) throws {
        var rng = Rng(s: seed)
        let store = try Store(dir: dir)
        let texts =
            [
                "Die Synchronisierung ist kaputt, wer hilft? #AcmeCloud #störung", "Größte Rückmeldung: Preise zu hoch",
                "Love the new upload flow from Acme Cloud 🎉 #release", "How do I export my data? @acme please help",
                "Straße, Grüße und Übergrößen: alles gut bei Acme",
                "Nimbus is cheaper than Acme Cloud, switching #preise",
                "Störwerk ist billiger, aber langsamer #vergleich", "sync broken again since the update?! #outage",
            ] + extraWords.map { "Schon wieder \($0) bei Acme Cloud" }
        var mentions: [Mention] = []
        for i in first..<(first + count) {
            let at = now.addingTimeInterval(-Double(rng.int(45 * 86400)) - Double(rng.int(1000)) / 1000)
            let own = rng.chance(0.05)
            let handle = own ? "acme@mastodon.social" : rng.pick(["", "@", ""]) + "User\(rng.int(200))@example.social"
            var m = Mention(
                platform: rng.pick(["mastodon", "bluesky", "Bluesky", "x", "reddit", "YouTube"]), id: "p\(i)",
                text: rng.pick(texts) + " \(rng.pick(["danke", "bitte", "heute", "again"])) \(i % 31)", createdAt: at,
                author: rng.chance(0.97)
                    ? Author(handle: handle, name: "Jürgen", followers: rng.chance(0.8) ? rng.int(90_000) : nil)
                    : nil,
                inReplyTo: rng.chance(0.2) ? "x-\(rng.int(100))" : nil,
                analysis: rng.chance(0.85)
                    ? Analysis(
                        lang: rng.pick(["de", "en"]), sentiment: rng.pick([.negative, .neutral, .positive]),
                        score: Double(rng.int(200) - 100) / 100,
                        intents: Intent.allCases.filter { _ in rng.chance(0.2) }
                    ) : nil)
            if rng.chance(0.05) { m.extra = ["private": .bool(true)] }
            mentions.append(m)
        }
        try store.ingest(mentions, now: now)
        // Analyses that came later (a re-analysis): the index keeps the newest.
        try store.recordAnalysis(
            mentions.filter { _ in rng.chance(0.1) }.map {
                AnalysisRecord(
                    key: $0.key,
                    analysis: Analysis(
                        lang: "de", sentiment: rng.pick([.negative, .positive]), score: -0.5, intents: [.complaint]))
            }, now: now)
        for m in mentions where rng.chance(0.5) {
            let at = m.createdAt.addingTimeInterval(Double(rng.int(2 * 86400)) + 0.25)
            switch rng.int(4) {
            case 0: try store.record([.setStatus(mention: m.key, status: .spam)], actor: "bo", now: at)
            case 1:
                try store.record(
                    [.reply(mention: m.key, reply: ReplyRecord(text: "Grüße", actor: "bo", at: at))], actor: "bo",
                    now: at)
            case 2: try store.record([.setStatus(mention: m.key, status: .answered)], actor: "bo", now: at)
            default: try store.record([.assign(mention: m.key, user: "anna")], actor: "bo", now: at)
            }
        }
    }
}
