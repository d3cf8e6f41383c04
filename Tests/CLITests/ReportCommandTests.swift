import Foundation
import SwitchboardCore
import XCTest

/// `switchboard report` end to end through the real binary.
final class ReportCommandTests: XCTestCase {
    static func t(_ s: String) -> Date { Timestamp.parse(s)! }

    /// A week in Berlin (Mon 16 – Sun 22 Nov 2026), SLA 60 min around the clock, four mentions. Times are UTC.
    func makeDataDir() throws -> String {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        let dir = DataDirectory(root: URL(fileURLWithPath: d))
        var team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        team.brand = .init(name: "Acme", terms: [])
        team.competitors = [.init(name: "NimbusDrive", terms: [])]
        team.sla = .init(firstResponseMinutes: 60)
        team.timezone = "Europe/Berlin"
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        func m(
            _ id: String, _ net: String, _ handle: String, _ at: String, _ text: String, _ s: Sentiment,
            _ intents: [Intent], _ followers: Int
        ) -> Mention {
            Mention(
                platform: net, id: id, text: text, createdAt: Self.t(at), fetchedAt: Self.t(at),
                author: Author(handle: handle, followers: followers),
                analysis: Analysis(lang: "en", sentiment: s, score: 0, intents: intents))
        }
        let ms = [
            m(
                "a1", "mastodon", "anna@social.example", "2026-11-16T09:00:00Z", "Is Acme down? #outage", .negative,
                [.question], 150),
            m(
                "a2", "bluesky", "ben.bsky.social", "2026-11-17T08:00:00Z", "Love the Acme sync #outage", .positive,
                [.praise], 1000),
            m(
                "a3", "mastodon", "carl@social.example", "2026-11-18T10:00:00Z", "Acme or NimbusDrive for sync?",
                .neutral, [.question], 20),
            m("a4", "rss", "blog", "2026-11-19T07:00:00Z", "Acme review: sync is fast", .positive, [], 0),
        ]
        let store = try Store(dir: dir)
        try store.ingest(ms, now: Self.t("2026-11-19T08:00:00Z"))
        func key(_ i: Int) -> String { ms[i].key }
        func sent(_ i: Int, _ at: String) -> Action {
            .outboxSent(
                id: "o\(i)", mention: key(i), reply: ReplyRecord(text: "Hi", actor: "anna", at: Self.t(at)),
                postID: "p\(i)")
        }
        try store.record([sent(0, "2026-11-16T09:45:00Z")], actor: "anna", now: Self.t("2026-11-16T09:45:00Z"))
        try store.record(
            [.setStatus(mention: key(1), status: .ignored), .setStatus(mention: key(3), status: .ignored)],
            actor: "anna", now: Self.t("2026-11-19T08:00:00Z"))
        try store.record([sent(2, "2026-11-18T12:30:00Z")], actor: "anna", now: Self.t("2026-11-18T12:30:00Z"))
        return d
    }

    func testCSVThroughTheBinary() throws {
        let d = try makeDataDir()
        let r = try CLI.run([
            "report", "--data-dir", d, "--since", "2026-11-16", "--until", "2026-11-22", "--as-of",
            "2026-11-23T08:00:00Z", "--format", "csv",
        ])
        XCTAssertEqual(r.status, 0, r.err)
        // By hand: questions a1 (answered in 45 min) and a3 (2 h 30 min, 1 h 30 min late): median (2,700 + 9,000) / 2 =
        // 5,850 s, p90 the 2nd = 9,000 s. Acme in all 4, NimbusDrive in a3 → 4 / 5 = 0.8. "sync" in a2 a3 a4 (Insight's
        // words), #outage in a1 a2. ben: 1 × (1 + log10(1,001) / 6) = 1.50; blog: 1 × 1 = 1.00; anna the critic: 1.36.
        let perDay: [Int: (Int, Int, Int)] = [16: (1, 0, 0), 17: (0, 1, 0), 18: (1, 0, 0), 19: (0, 0, 1)]
        let volumeRows = (16...22).map { day -> String in
            let c = perDay[day] ?? (0, 0, 0)
            return [
                "volume,2026-11-\(day),all,\(c.0 + c.1 + c.2)", "volume,2026-11-\(day),mastodon,\(c.0)",
                "volume,2026-11-\(day),bluesky,\(c.1)", "volume,2026-11-\(day),rss,\(c.2)",
            ].joined(separator: "\n")
        }.joined(separator: "\n")
        let expected = """
            section,brand,time_zone,since,until,previous_since,generated_at,bucket_unit
            report,Acme,Europe/Berlin,2026-11-15T23:00:00Z,2026-11-22T23:00:00Z,2026-11-08T23:00:00Z,2026-11-23T08:00:00Z,day

            section,bucket,network,mentions
            \(volumeRows)

            section,network,mentions,previous_mentions
            networks,all,4,0
            networks,mastodon,2,0
            networks,bluesky,1,0
            networks,rss,1,0

            section,sentiment,mentions,share,previous_mentions,previous_share
            sentiment,positive,2,0.5000,0,
            sentiment,neutral,1,0.2500,0,
            sentiment,negative,1,0.2500,0,

            section,bucket,analysed,net
            sentiment_by_bucket,2026-11-16,1,-1.0000
            sentiment_by_bucket,2026-11-17,1,1.0000
            sentiment_by_bucket,2026-11-18,1,0.0000
            sentiment_by_bucket,2026-11-19,1,1.0000
            sentiment_by_bucket,2026-11-20,0,
            sentiment_by_bucket,2026-11-21,0,
            sentiment_by_bucket,2026-11-22,0,

            section,name,mentions,previous_mentions,share,previous_share
            share_of_voice,Acme,4,0,,
            share_of_voice,NimbusDrive,1,0,0.8000,

            section,metric,value
            responses,questions,2
            responses,answered,2
            responses,median_first_response_seconds,5850
            responses,p90_first_response_seconds,9000
            responses,previous_questions,0
            responses,previous_median_first_response_seconds,
            responses,sla_minutes,60
            responses,sla_checked,2
            responses,answered_late,1
            responses,overdue,0
            responses,breaches,1

            section,key,network,author,created_at,late_seconds,answered
            breaches,\(MentionKey.make(platform: "mastodon", id: "a3")),mastodon,'@carl@social.example,2026-11-18T10:00:00Z,5400,true

            section,kind,term,mentions,previous_mentions
            terms,topic,sync,3,0
            terms,hashtag,#outage,2,0

            section,rank,id,name,networks,mentions,positive,neutral,negative,followers,score
            advocates,1,bluesky:ben.bsky.social,'@ben.bsky.social,bluesky,1,1,0,0,1000,1.50
            advocates,2,rss:blog,'@blog,rss,1,1,0,0,0,1.00
            critics,1,mastodon:anna@social.example,'@anna@social.example,mastodon,1,0,0,1,150,1.36

            section,kind,name,count
            published,queue_posts,all,0
            published,replies,all,2
            published,manual_replies,all,0
            published,replies_by_network,mastodon,2

            section,at,account,text,url

            section,id,name,severity,drill,started_at,started_by,ended_at,ended_by,summary,steps_done,steps

            """
        XCTAssertEqual(r.out, expected)
    }

    func testMarkdownToAFileAndUsageErrors() throws {
        let d = try makeDataDir()
        let file = d + "/week.md"
        let r = try CLI.run([
            "report", "--data-dir", d, "--since", "2026-11-16", "--until", "2026-11-22", "--format", "md", "--output",
            file,
        ])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "")
        let md = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(md.hasPrefix("# Acme — report for Mon 16 Nov – Sun 22 Nov 2026\n"), md)
        XCTAssertTrue(md.contains("| `@ben.bsky.social` | bluesky | 1 | 1 | 0 | 1,000 | 1.50 |"), md)

        let bad = try CLI.run(["report", "--data-dir", d, "--since", "last tuesday"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--since: \"last tuesday\""), bad.err)
        let backwards = try CLI.run(["report", "--data-dir", d, "--since", "2026-11-20", "--until", "2026-11-10"])
        XCTAssertEqual(backwards.status, 2)
        XCTAssertTrue(backwards.err.contains("the period is empty"), backwards.err)
    }

    func testEmptyDataDirectoryGivesAClearReport() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        let r = try CLI.run(["report", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("VOLUME\n  No mentions in this period."), r.out)
        XCTAssertTrue(r.out.contains("first response   no answered questions"), r.out)
        let json = try CLI.run(["report", "--data-dir", d, "--json"])
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual((obj["volume"] as? [String: Any])?["total"] as? Int, 0)
    }

    func testTheBrandsOwnPostsAreNotCounted() throws {
        let d = try makeDataDir()
        func total() throws -> Int {
            let r = try CLI.run([
                "report", "--data-dir", d, "--since", "2026-11-16", "--until", "2026-11-22", "--as-of",
                "2026-11-23T00:00:00Z", "--json",
            ])
            XCTAssertEqual(r.status, 0, r.err)
            let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            return try XCTUnwrap((obj["volume"] as? [String: Any])?["total"] as? Int)
        }
        XCTAssertEqual(try total(), 4)
        // Carl turns out to be the brand's own account: his post is ours, not the public's.
        let file = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        team["contacts"] = ["own_accounts": ["@carl@social.example"]]
        try JSONSerialization.data(withJSONObject: team).write(to: file)
        XCTAssertEqual(try total(), 3)
    }
}
