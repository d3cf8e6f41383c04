import Foundation
import XCTest
@testable import SwitchboardCore

final class ThreadSafeList: @unchecked Sendable {
    private let lock = NSLock()
    private var _items: [String] = []
    func append(_ s: String) { lock.withLock { _items.append(s) } }
    var items: [String] { lock.withLock { _items } }
}

final class CrisisReportTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_790_000_100)  // 2026-09-21T14:15:00Z

    func testTheIncidentReportInMarkdownAndJSON() throws {
        let dir = makeTempDir("sb-report")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let s = try Store(dir: dir)
        func m(_ id: String, _ minutes: Double, _ sentiment: Sentiment, text: String = "it is down") -> Mention {
            var x = mention(id, text: text, at: t0.addingTimeInterval(minutes * 60))
            x.analysis = Analysis(lang: "en", sentiment: sentiment, score: 0, intents: [])
            return x
        }
        _ = try s.ingest(
            [
                m("a", -40, .positive), m("b", 2, .negative), m("c", 5, .negative), m("d", 8, .neutral),
                m("e", 20, .negative), m("f", 31, .negative),
            ], now: t0)
        let run = try CrisisOps.start(
            StarterKit.playbooks[0], severity: "major", suspendQueue: true, team: queueTeam(), store: s, actor: "lea",
            now: t0)
        try CrisisOps.setStep(step: "confirm", to: .done, store: s, actor: "lea", now: t0.addingTimeInterval(4 * 60))
        try CrisisOps.setStep(
            step: "suspend", to: .skipped, reason: "suspended at the start", store: s, actor: "lea",
            now: t0.addingTimeInterval(5 * 60))
        try CrisisOps.setStep(step: "holding", to: .done, store: s, actor: "max", now: t0.addingTimeInterval(18 * 60))
        let key = { (id: String) in MentionKey.make(platform: "mastodon", id: id) }
        _ = try s.record(
            [
                .reply(
                    mention: key("b"),
                    reply: ReplyRecord(
                        text: "We're on it | status: acme.example/status", actor: "ali",
                        at: t0.addingTimeInterval(10 * 60)))
            ], actor: "ali", now: t0.addingTimeInterval(10 * 60))
        _ = try s.record(
            [
                .reply(
                    mention: key("c"),
                    reply: ReplyRecord(text: "Sorry!", actor: "ali", at: t0.addingTimeInterval(35 * 60)))
            ], actor: "ali", now: t0.addingTimeInterval(35 * 60))
        _ = try s.record(
            [.note(mention: key("e"), text: "press asking")], actor: "max", now: t0.addingTimeInterval(21 * 60))
        let ended = try CrisisOps.end(
            crisis: run.id, summary: "Database failover; service back after 40 minutes.", store: s, actor: "lea",
            now: t0.addingTimeInterval(40 * 60))
        let report = CrisisReport(run: ended, store: s, now: t0.addingTimeInterval(3600))
        let md = report.markdown(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(
            md,
            """
            # Incident report: Service outage

            | | |
            |---|---|
            | Crisis | 20260921-1615-service-outage |
            | Playbook | service-outage |
            | Severity | major: core service down for some |
            | Started | 2026-09-21 16:15 by lea |
            | Ended | 2026-09-21 16:55 by lea (40 min) |
            | Queue | suspended at the start |
            | Steps | 3 of 7 finished, 3 late |

            ## Summary

            Database failover; service back after 40 minutes.

            ## Steps

            | # | Step | Owner | Due | State | By | At | Late |
            |---|---|---|---|---|---|---|---|
            | 1 | Confirm the incident with IT on-call and get an ETA | lead | 16:25 | done | lea | 16:19 |  |
            | 2 | Suspend the content queue | lead | 16:25 | skipped: suspended at the start | lea | 16:20 |  |
            | 3 | Publish the holding statement | manager | 16:30 | done | max | 16:33 | 3 min |
            | 4 | Tell IT and support where people are reporting it | agent | 16:35 | open |  |  | 20 min |
            | 5 | Pin the status page link in replies | agent | 16:45 | open |  |  | 10 min |
            | 6 | Post an update at least every 60 minutes | manager | 17:15 | open |  |  |  |
            | 7 | All clear: thank people for their patience, resume the queue | lead | 20:15 | open |  |  |  |

            ## Volume and sentiment per 15 minutes

            From an hour before the start; mentions by the time they were written.

            ```
            15:15  0
            15:30  1 █████████▎                      0% negative
            15:45  0
            16:00  0
            16:15  3 ████████████████████████████   67% negative  ◀ start
            16:30  1 █████████▎                    100% negative
            16:45  1 █████████▎                    100% negative  ◀ end
            ```

            ## Posts made (2)

            - 16:25 ali — reply: We're on it \\| status: acme.example/status
            - 16:50 ali — reply: Sorry!

            ## Response times

            5 mentions during the crisis, 2 answered; first response median 8 min, p90 30 min.

            ## Timeline

            | Time | Who | What |
            |---|---|---|
            | 16:15 | lea | crisis started: Service outage (major: core service down for some), queue suspended |
            | 16:15 | lea | queue suspended: crisis: Service outage (20260921-1615-service-outage) |
            | 16:19 | lea | step confirm done |
            | 16:20 | lea | step suspend skipped: suspended at the start |
            | 16:25 | ali | [\(key("b"))] reply: We're on it \\| status: acme.example/status |
            | 16:33 | max | step holding done |
            | 16:36 | max | [\(key("e"))] note: press asking |
            | 16:50 | ali | [\(key("c"))] reply: Sorry! |
            | 16:55 | lea | crisis ended: Database failover; service back after 40 minutes. |

            """)
        let json = try JSONSerialization.jsonObject(with: report.json()) as! [String: Any]
        XCTAssertEqual(json["id"] as? String, "20260921-1615-service-outage")
        XCTAssertEqual((json["steps"] as? [[String: Any]])?.count, 7)
        XCTAssertEqual((json["responses"] as? [String: Any])?["median_minutes"] as? Double, 8)
        XCTAssertEqual((json["buckets"] as? [[String: Any]])?[4]["negative"] as? Int, 2)
        // Ending wrote nothing by itself; writeReport puts both files beside each other.
        let file = try CrisisOps.writeReport(ended, store: s, team: queueTeam())
        XCTAssertEqual(file.lastPathComponent, "20260921-1615-service-outage.md")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: file.deletingPathExtension().appendingPathExtension("json").path))
    }
}
