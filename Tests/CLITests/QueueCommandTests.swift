import Foundation
import SwitchboardCore
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard queue` and `publish-due` end to end: the real binary, a Mastodon source on a server this test starts
/// on 127.0.0.1, and the posts that server received.
final class QueueCommandTests: XCTestCase {
    var server: NetworkTestServer!
    let created = StatusIDs()
    override func setUpWithError() throws {
        server = try NetworkTestServer()
        let ids = created
        server.handle("POST", "/api/v1/statuses") { r in
            let id = ids.id(for: r.header("idempotency-key") ?? "")
            return .json(
                #"{"id":"\#(id)","uri":"https://social.example/users/acme/statuses/\#(id)","url":"https://social.example/@acme/\#(id)","content":"<p>ok</p>","created_at":"2026-11-27T10:00:00.000Z","visibility":"public","account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"https://social.example/@acme"}}"#
            )
        }
    }
    override func tearDown() { server.stop() }

    func dataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let teamURL = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        team["sources"] = [
            [
                "id": "masto", "type": "mastodon", "instance": server.baseURL.absoluteString,
                "token_file": "secrets/masto.token",
            ]
        ]
        team["team"] = [
            ["user": "lea", "name": "Lea", "role": "lead"], ["user": "anna", "name": "Anna", "role": "agent"],
        ]
        team["competitors"] = [["name": "Globex", "terms": ["globex"]]]
        team["timezone"] = "Europe/Berlin"
        team["posting_schedule"] = ["masto": ["mon": ["09:00"], "wed": ["09:00"]]]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        try FileManager.default.createDirectory(atPath: d + "/secrets", withIntermediateDirectories: true)
        try "token-abc\n".write(toFile: d + "/secrets/masto.token", atomically: true, encoding: .utf8)
        chmod(d + "/secrets/masto.token", 0o600)
        return d
    }

    func id(_ out: String) -> String { String(out.split(separator: ":").first ?? "") }

    func testAddListPublishDueSuspendAndResume() throws {
        let d = try dataDir()
        let lea = ["SWITCHBOARD_USER": "lea"]
        // Pre-flight: an open question naming no one still warns, and without --yes the item stays a draft.
        let q = try CLI.run(
            ["queue", "add", "Which one would you take to a desert island?", "--now", "--data-dir", d], env: lea)
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertTrue(q.out.contains("warning: open_question:"), q.out)
        XCTAssertTrue(q.out.contains("people may answer with a competitor (Globex)"), q.out)
        XCTAssertTrue(q.out.contains("kept as a draft"), q.out)

        let a = try CLI.run(
            [
                "queue", "add", "Spring release is out", "--account", "masto", "--now", "--link",
                "https://acme.example/s", "--data-dir", d,
            ], env: lea)
        XCTAssertEqual(a.status, 0, a.err)
        let first = id(a.out.split(separator: "\n").last.map(String.init) ?? "")
        let list = try CLI.run(["queue", "list", "--data-dir", d])
        XCTAssertTrue(list.out.contains("\(first)  scheduled"), list.out)
        XCTAssertTrue(list.out.contains("draft"), list.out)

        let p = try CLI.run(["publish-due", "--json", "--data-dir", d])
        XCTAssertEqual(p.status, 0, p.err)
        let res = try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as! [String: Any]
        XCTAssertEqual(res["outcome"] as? String, "published")
        XCTAssertEqual(res["url"] as? String, "https://social.example/@acme/200001")
        let posts = server.requests("POST", "/api/v1/statuses")
        XCTAssertEqual(posts.count, 1)
        XCTAssertEqual(posts[0].header("idempotency-key"), "\(first)-masto")
        XCTAssertEqual(posts[0].header("authorization"), "Bearer token-abc")
        XCTAssertEqual(posts[0].json?["status"] as? String, "Spring release is out\n\nhttps://acme.example/s")
        XCTAssertEqual(try CLI.run(["publish-due", "--data-dir", d]).out, "Nothing due.\n")
        let show = try CLI.run(["queue", "show", first, "--json", "--data-dir", d])
        let item = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as! [String: Any]
        XCTAssertEqual(item["state"] as? String, "published")
        XCTAssertEqual(
            ((item["results"] as? [String: Any])?["masto"] as? [String: Any])?["url"] as? String,
            "https://social.example/@acme/200001")

        // The switch: an agent may not flip it; the lead may; a due item is then held.
        let b = try CLI.run(["queue", "add", "Second post", "--now", "--data-dir", d], env: lea)
        let second = id(b.out)
        let denied = try CLI.run(["queue", "suspend", "--reason", "nope", "--data-dir", d])
        XCTAssertEqual(denied.status, 1)
        XCTAssertEqual(
            denied.err, "switchboard: anna is agent: only a lead or manager may suspend or resume the queue\n")
        let s = try CLI.run(["queue", "suspend", "--reason", "outage", "--data-dir", d], env: lea)
        XCTAssertEqual(s.status, 0, s.err)
        XCTAssertEqual(s.out, "queue suspended: 1 item(s) held\n")
        XCTAssertTrue(try CLI.run(["publish-due", "--data-dir", d]).out.contains("suspended (outage)"))
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1, "nothing posted while suspended")
        let log = try CLI.run(["log", "--data-dir", d])
        XCTAssertTrue(log.out.contains("queue suspended: outage"), log.out)

        // Resume: a past item needs a decision; keep holding leaves it held, scheduling it again sends it.
        XCTAssertEqual(try CLI.run(["queue", "resume", "--data-dir", d], env: lea).status, 2)
        XCTAssertEqual(
            try CLI.run(["queue", "resume", "--keep-holding", "--data-dir", d], env: lea).out,
            "queue resumed (keep_holding)\nstill held: \(second)\n")
        _ = try CLI.run(["publish-due", "--data-dir", d])
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1)
        XCTAssertEqual(try CLI.run(["queue", "schedule", second, "--now", "--data-dir", d]).status, 0)
        let p2 = try CLI.run(["publish-due", "--data-dir", d])
        XCTAssertTrue(p2.out.contains("\(second) → masto: published https://social.example/@acme/200002"), p2.out)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 2)
    }

    func testNextSlotEditDeleteAndRestore() throws {
        let d = try dataDir()
        let a = try CLI.run(["queue", "add", "Slot one", "--next-slot", "--data-dir", d])
        let b = try CLI.run(["queue", "add", "Slot two", "--next-slot", "--data-dir", d])
        XCTAssertEqual(a.status, 0, a.err)
        let items = try CLI.run(["queue", "list", "--json", "--data-dir", d]).out.split(separator: "\n")
            .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let times = items.compactMap { $0["scheduled_at"] as? String }
        XCTAssertEqual(times.count, 2)
        XCTAssertNotEqual(times[0], times[1], "two items never share a slot")
        for t in times {
            let date = Timestamp.parse(t)!
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "Europe/Berlin")!
            let c = cal.dateComponents([.weekday, .hour, .minute], from: date)
            XCTAssertTrue([2, 4].contains(c.weekday!), t)
            XCTAssertEqual(c.hour, 9)
            XCTAssertEqual(c.minute, 0)
        }
        let one = id(a.out)
        let two = id(b.out)
        XCTAssertEqual(try CLI.run(["queue", "edit", one, "Slot one, edited", "--data-dir", d]).status, 0)
        XCTAssertTrue(try CLI.run(["queue", "show", one, "--data-dir", d]).out.contains("Slot one, edited"))
        XCTAssertEqual(try CLI.run(["queue", "delete", two, "--data-dir", d]).status, 0)
        XCTAssertFalse(try CLI.run(["queue", "list", "--data-dir", d]).out.contains(two))
        XCTAssertEqual(try CLI.run(["queue", "restore", two, "--data-dir", d]).out, "\(two): restored (scheduled)\n")
        XCTAssertEqual(try CLI.run(["queue", "restore", two, "--data-dir", d]).status, 1)
    }

    func testTheListenerPublishesDueQueueItems() throws {
        let d = try dataDir()
        // Listen to nothing (the source is disabled for polling); the listener still publishes the queue.
        let teamURL = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        var src = (team["sources"] as! [[String: Any]])[0]
        src["enabled"] = false
        team["sources"] = [src]
        try JSONSerialization.data(withJSONObject: team).write(to: teamURL)
        let a = try CLI.run(["queue", "add", "From the listener", "--account", "masto", "--now", "--data-dir", d])
        XCTAssertEqual(a.status, 0, a.err)
        let item = id(a.out)
        let log = d + "/listen.log"
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["listen", "--data-dir", d, "--log", log]
        var env = ProcessInfo.processInfo.environment
        env["SWITCHBOARD_USER"] = "anna"
        p.environment = env
        try p.run()
        defer {
            if p.isRunning {
                kill(p.processIdentifier, SIGTERM)
                p.waitUntilExit()
            }
        }
        var logged = ""
        for _ in 0..<1500 {
            logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if logged.contains("queue \(item) → masto: published") { break }
            usleep(10_000)
        }
        XCTAssertTrue(logged.contains("queue \(item) → masto: published https://social.example/@acme/200001"), logged)
        XCTAssertEqual(
            server.requests("POST", "/api/v1/statuses").map { $0.header("idempotency-key") }, ["\(item)-masto"])
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    func testAFailedPostShowsTheNetworkErrorAndRetrySendsIt() throws {
        let d = try dataDir()
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#, status: 422))
        let a = try CLI.run(["queue", "add", "Rejected once", "--now", "--data-dir", d])
        let item = id(a.out)
        let p = try CLI.run(["publish-due", "--data-dir", d])
        XCTAssertEqual(p.status, 1)
        XCTAssertEqual(
            p.out,
            "\(item) → masto: failed: rejected: Validation failed: Text character limit of 500 exceeded (retry: switchboard queue retry \(item))\n"
        )
        let list = try CLI.run(["queue", "list", "--data-dir", d])
        XCTAssertTrue(list.out.contains("failed"), list.out)
        XCTAssertTrue(list.out.contains("masto: rejected: Validation failed"), list.out)
        let ids = created
        server.handle("POST", "/api/v1/statuses") { r in
            let id = ids.id(for: r.header("idempotency-key") ?? "")
            return .json(
                #"{"id":"\#(id)","uri":"https://social.example/users/acme/statuses/\#(id)","url":"https://social.example/@acme/\#(id)","content":"<p>ok</p>","created_at":"2026-11-27T10:00:00.000Z","visibility":"public","account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"https://social.example/@acme"}}"#
            )
        }
        XCTAssertEqual(try CLI.run(["queue", "retry", item, "--data-dir", d]).status, 0)
        XCTAssertTrue(
            try CLI.run(["publish-due", "--data-dir", d]).out.contains("published https://social.example/@acme/200001"))
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 2)
    }
}
