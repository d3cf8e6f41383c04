import Foundation
import SwitchboardCore
import XCTest

/// Routing rules at work in `switchboard ingest` (the real binary, several processes), and the `handoff` commands.
final class HandoffCommandTests: XCTestCase {
    /// A temp dir with `save.sh OUT`: saves stdin to `OUT/<mention>.json` and appends it to `OUT/all.jsonl`;
    /// fails with "hook down" while `OUT/down` exists.
    func script() throws -> (script: String, out: String) {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hook-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: d.appendingPathComponent("out"), withIntermediateDirectories: true)
        try """
        #!/bin/sh
        if [ -e "$1/down" ]; then echo "hook down" >&2; exit 3; fi
        cat > "$1/$SWITCHBOARD_MENTION.json"
        cat "$1/$SWITCHBOARD_MENTION.json" >> "$1/all.jsonl"
        """.write(to: d.appendingPathComponent("save.sh"), atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return (d.appendingPathComponent("save.sh").path, d.appendingPathComponent("out").path)
    }

    func setRouting(_ d: String, _ rules: [[String: String]]) throws {
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        team["routing"] = rules
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    func json(_ v: Any) -> String {
        String(
            decoding: try! JSONSerialization.data(
                withJSONObject: v, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The payload as it must be on disk, written out field by field from the stored mention and hand-off.
    func expectedPayload(_ store: Store, key: String, rule: String, team: String) throws -> String {
        let m = store.mention(key)!
        let at = store.events.first {
            if case .handoff(key, _, _) = $0.action { return true }
            return false
        }!.at
        let a = m.analysis!
        let score = String(decoding: try JSONEncoder().encode((a.score * 1000).rounded() / 1000), as: UTF8.self)
        let author = #"{"handle":\#(json(m.author!.handle))}"#
        return
            #"{"at":"\#(Timestamp.format(at))","author":\#(author),"created_at":"\#(Timestamp.format(m.createdAt))","id":\#(json(m.id)),"#
            + #""intents":\#(json(a.intents.map(\.rawValue))),"mention":"\#(key)","platform":"\#(m.platform)","rule":"\#(rule)","#
            + #""score":\#(score),"sentiment":"\#(a.sentiment.rawValue)","tags":[],"team":"\#(team)","text":\#(json(m.text)),"v":1}"#
            + "\n"
    }

    func testIngestRoutesNewMentionsExactlyOnceWithTwoProcessesAtOnce() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let (sh, out) = try script()
        try setRouting(
            d,
            [
                ["name": "refunds", "when": "refund", "team": "support", "command": "sh \(sh) \(out)"],
                ["name": "bluesky", "when": "net:bluesky", "team": "social", "dir": "handoff/social"],
            ])
        var lines = ""
        for i in 0..<10 {
            lines +=
                #"{"platform":"mastodon","id":"r\#(i)","text":"I want a refund for order \#(i)","created_at":"2026-11-26T10:0\#(i):00Z","author":{"handle":"buyer\#(i)@shop.example"}}"#
                + "\n"
            lines +=
                #"{"platform":"bluesky","id":"b\#(i)","text":"Acme Cloud post \#(i)","created_at":"2026-11-26T11:0\#(i):00Z","author":{"handle":"fan\#(i).bsky.social"}}"#
                + "\n"
            lines +=
                #"{"platform":"mastodon","id":"x\#(i)","text":"Nice weather \#(i)","created_at":"2026-11-26T12:0\#(i):00Z","author":{"handle":"other@x.social"}}"#
                + "\n"
        }
        let file = d + "/in.jsonl"
        try lines.write(toFile: file, atomically: true, encoding: .utf8)
        let procs: [(Process, Pipe)] = try (0..<2).map { _ in
            let p = Process()
            let pipe = Pipe()
            p.executableURL = CLI.binary
            p.arguments = ["ingest", "--data-dir", d, "--batch-size", "2", file]
            p.environment = ["SWITCHBOARD_USER": "anna", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            p.standardOutput = pipe
            p.standardError = FileHandle.nullDevice
            try p.run()
            return (p, pipe)
        }
        var said = ""
        for (p, pipe) in procs {
            said += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        XCTAssertEqual(store.count, 30)
        let handoffs = store.events.compactMap { e -> String? in
            if case .handoff(let m, let team, let note) = e.action { return "\(m) \(team) \(note ?? "")" }
            return nil
        }
        XCTAssertEqual(handoffs.count, 20, "each matching mention handed off once per rule")
        XCTAssertEqual(Set(handoffs).count, 20)
        let refunds = store.mentions.filter { $0.id.hasPrefix("r") }.map(\.key)
        let posts = store.mentions.filter { $0.id.hasPrefix("b") }.map(\.key)
        for k in refunds {
            XCTAssertEqual(store.state(k).handoffTeam, "support")
            XCTAssertEqual(store.state(k).status, .waiting)
        }
        XCTAssertEqual(
            ((try? String(contentsOfFile: out + "/all.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").count, 10,
            "the command ran once per mention")
        for k in refunds {
            XCTAssertEqual(
                try String(contentsOfFile: out + "/\(k).json", encoding: .utf8),
                try expectedPayload(store, key: k, rule: "refunds", team: "support"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: d + "/handoff/social").sorted()
        XCTAssertEqual(files, posts.map { $0 + ".json" }.sorted())
        for k in posts {
            XCTAssertEqual(
                try String(contentsOfFile: d + "/handoff/social/\(k).json", encoding: .utf8),
                try expectedPayload(store, key: k, rule: "bluesky", team: "social"))
        }
        XCTAssertEqual(said.components(separatedBy: "): delivered").count - 1, 20, said)
        XCTAssertTrue(said.contains("\(refunds[0]): handed off to support (rule refunds): delivered\n"), said)

        let test = try CLI.run(["routing", "test", "--data-dir", d])
        XCTAssertEqual(test.status, 0, test.err)
        XCTAssertTrue(
            test.out.hasPrefix(
                """
                rule "refunds" → support (command: sh \(sh) \(out)): 10 stored mentions match refund
                rule "bluesky" → social (dir: handoff/social): 10 stored mentions match net:bluesky
                """), test.out)
        XCTAssertEqual(
            store.events.count, try Store(dir: DataDirectory(root: URL(fileURLWithPath: d))).events.count,
            "routing test records nothing")
    }

    func testManualHandoffReplyListAndRetry() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let (sh, out) = try script()
        _ = FileManager.default.createFile(atPath: out + "/down", contents: nil)
        try setRouting(d, [["name": "legal", "when": "lawsuit", "team": "legal", "command": "sh \(sh) \(out)"]])
        let lines = #"""
            {"platform":"mastodon","id":"1","text":"See you in court, lawsuit incoming","created_at":"2026-11-26T10:00:00Z","author":{"handle":"angry@x.social"}}
            {"platform":"mastodon","id":"2","text":"Where is my invoice?","created_at":"2026-11-26T11:00:00Z","author":{"handle":"anna@x.social"}}
            """#
        let ing = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines)
        XCTAssertEqual(ing.status, 0, ing.err)
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        let (k1, k2) = (store.mentions[0].key, store.mentions[1].key)
        XCTAssertEqual(
            ing.out,
            """
            2 new, 0 duplicate, 0 rejected
            \(k1): hand-off to legal (rule legal) failed: command exited with status 3: hook down — retry with `switchboard handoff retry \(k1)`

            """)

        XCTAssertEqual(
            try CLI.run([
                "handoff", "--data-dir", d, String(k2.prefix(5)), "--team", "finance", "--note", "invoice question",
            ]).out,
            "\(k2): handed off to finance (waiting)\n")
        let list = try CLI.run(["handoff", "list", "--data-dir", d])
        let rows = list.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 3, list.out)
        XCTAssertTrue(rows[1].hasPrefix("\(k1)  legal    "), rows[1])
        XCTAssertTrue(
            rows[1].contains(
                "waiting  FAILED (attempt 1): command exited with…  0        See you in court, lawsuit incoming"),
            rows[1])
        XCTAssertTrue(rows[2].contains("waiting  by hand"), rows[2])
        XCTAssertEqual(
            try CLI.run(["handoff", "list", "--data-dir", d, "--team", "FINANCE", "--json"]).out.split(separator: "\n")
                .count, 1)

        // The hook comes back: one retry delivers it.
        try FileManager.default.removeItem(atPath: out + "/down")
        let retry = try CLI.run(["handoff", "retry", "--data-dir", d])
        XCTAssertEqual(retry.status, 0, retry.err)
        XCTAssertEqual(retry.out, "\(k1): handed off to legal (rule legal): delivered\n")
        XCTAssertEqual(try CLI.run(["handoff", "retry", "--data-dir", d]).out, "No failed hand-off deliveries.\n")
        XCTAssertEqual(
            ((try? String(contentsOfFile: out + "/all.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").count, 1)

        // The answer from inside.
        let reply = try CLI.run([
            "handoff", "reply", "--data-dir", d, k1, "--text", "Forward to counsel; no public reply.",
        ])
        XCTAssertEqual(reply.out, "\(k1): answer from legal recorded; status open\n")
        let shown = try CLI.run(["mentions", "show", "--data-dir", d, k1])
        XCTAssertTrue(shown.out.contains("\nAnswers from inside:\n  "), shown.out)
        XCTAssertTrue(
            shown.out.contains(" legal (recorded by anna): Forward to counsel; no public reply.\n"), shown.out)
        let shownJSON =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["mentions", "show", "--data-dir", d, k1, "--json"]).out.utf8)) as! [String: Any]
        XCTAssertEqual(
            ((shownJSON["state"] as? [String: Any])?["handoff_replies"] as? [[String: Any]])?.first?["team"] as? String,
            "legal")
        let all = try CLI.run(["handoff", "list", "--data-dir", d, "--all", "--json"])
        let objs = try all.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(objs.map { $0["key"] as? String }, [k1, k2])
        XCTAssertEqual(
            (objs[0]["answers"] as? [[String: Any]])?.first?["text"] as? String, "Forward to counsel; no public reply.")
        XCTAssertEqual((objs[0]["deliveries"] as? [[String: Any]])?.first?["status"] as? String, "delivered")
        XCTAssertEqual(
            try CLI.run(["handoff", "list", "--data-dir", d, "--team", "legal"]).out,
            "Nothing is waiting for an internal team.\n")
        let never = try CLI.run([
            "handoff", "reply", "--data-dir", d, try XCTUnwrap(store.mentions.last?.key), "--text", "x",
        ])
        XCTAssertEqual(never.status, 0, "k2 was handed off by hand")
    }

    func testTheListenerRoutesWhatItStores() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        team["sources"] = [["id": "drop", "type": "jsonl", "path": "drop.jsonl"]]
        team["routing"] = [["name": "press", "when": "from:@reporter", "team": "pr", "dir": "handoff/pr"]]
        try JSONSerialization.data(withJSONObject: team).write(to: url)
        try
            (#"{"platform":"mastodon","id":"p1","text":"Comment on the outage?","created_at":"2026-11-26T10:00:00Z","author":{"handle":"reporter@news.example"}}"#
            + "\n"
            + #"{"platform":"mastodon","id":"p2","text":"Hello","created_at":"2026-11-26T10:01:00Z","author":{"handle":"someone@x.social"}}"#
            + "\n")
            .write(toFile: d + "/drop.jsonl", atomically: true, encoding: .utf8)
        let r = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        let k = store.mentions[0].key
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d + "/handoff/pr"), [k + ".json"])
        XCTAssertEqual(
            try String(contentsOfFile: d + "/handoff/pr/\(k).json", encoding: .utf8),
            try expectedPayload(store, key: k, rule: "press", team: "pr"))
        XCTAssertEqual(store.state(k).status, .waiting)
        XCTAssertTrue(
            r.err.contains("\(k): handed off to pr (rule press): delivered to \(d)/handoff/pr/\(k).json"), r.err)
    }

    func testDoctorReportsBrokenRules() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        try setRouting(
            d, [["name": "x", "when": "is:complaint", "team": "support", "command": "true", "dir": "/tmp/x"]])
        let r = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.out.contains(
                #"problem  team.json: routing rule 1 ("x"): give exactly one of "command" and "dir", not both"#), r.out)
        let ing = try CLI.run(
            ["ingest", "--data-dir", d, "-"],
            stdin: #"{"platform":"mastodon","id":"1","text":"hi","created_at":"2026-11-26T10:00:00Z"}"# + "\n")
        XCTAssertEqual(ing.status, 0)
        XCTAssertTrue(ing.err.contains("routing rules not applied, team.json has problems"), ing.err)
    }
}
