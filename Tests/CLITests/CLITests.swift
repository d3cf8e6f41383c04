import Foundation
import SwitchboardCore
import XCTest

final class CLITests: XCTestCase {
    func testInitIngestListShowAndJSON() throws {
        let d = CLI.tempDataDir()
        let initOut = try CLI.run(["init", "--data-dir", d, "--brand", "Acme Cloud"])
        XCTAssertEqual(initOut.status, 0)
        XCTAssertTrue(initOut.out.contains("Next:"), initOut.out)
        let again = try CLI.run(["init", "--data-dir", d])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("already exists"), again.err)

        let lines = #"""
            {"platform":"mastodon","id":"111","text":"Wie kann ich meinen Ordner teilen","created_at":"2020-01-02T10:00:00Z","author":{"handle":"anna@social.example","name":"Anna","followers":12},"lang":"de","mood":"curious"}
            {"platform":"bluesky","id":"at://did:plc:x/app.bsky.feed.post/1","text":"Acme is down again \u001b[31mRED\u001b[0m","created_at":"2020-01-01T09:00:00Z"}
            this is not json
            {"platform":"mastodon","text":"missing id","created_at":"2020-01-01T09:00:00Z"}
            {"platform":"mastodon","id":"111","text":"dupe","created_at":"2020-01-02T10:00:00Z"}
            """#
        let ing = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines)
        XCTAssertEqual(ing.status, 1, "some lines were rejected")
        XCTAssertEqual(ing.out, "2 new, 1 duplicate, 2 rejected\n")
        XCTAssertEqual(ing.err, "line 3: not JSON\nline 4: missing required field \"id\"\n")

        let list = try CLI.run(["mentions", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0)
        let rows = list.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows[0].hasPrefix("KEY         AGE    NETWORK   AUTHOR               STATUS  TEXT"), rows[0])
        XCTAssertTrue(
            rows[1].contains("mastodon  anna@social.example  new     Wie kann ich meinen Ordner teilen"), rows[1])
        XCTAssertTrue(rows[2].hasSuffix("bluesky   -                    new     Acme is down again RED"), rows[2])
        XCTAssertFalse(list.out.contains("\u{1B}"), "no escape sequence reaches the terminal")

        let json = try CLI.run(["mentions", "list", "--data-dir", d, "--json"])
        let objs = try json.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(objs.count, 2)
        let first = objs[0]
        XCTAssertEqual(first["platform"] as? String, "mastodon")
        XCTAssertEqual(first["id"] as? String, "111")
        XCTAssertEqual(first["created_at"] as? String, "2020-01-02T10:00:00Z")
        XCTAssertEqual((first["author"] as? [String: Any])?["handle"] as? String, "anna@social.example")
        XCTAssertEqual(
            (first["extra"] as? [String: Any])?["mood"] as? String, "curious", "unknown fields kept in extra")
        XCTAssertEqual((first["state"] as? [String: Any])?["status"] as? String, "new")
        let key = try XCTUnwrap(first["key"] as? String)

        let show = try CLI.run(["mentions", "show", "--data-dir", d, String(key.prefix(5))])
        XCTAssertEqual(show.status, 0, show.err)
        XCTAssertTrue(show.out.contains("key:         \(key)"), show.out)
        XCTAssertTrue(show.out.contains("Wie kann ich meinen Ordner teilen"))
        XCTAssertEqual(try CLI.run(["mentions", "show", "--data-dir", d, "nokey1"]).status, 1)
    }

    func testTriageVerbsAndTheAuditLog() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        try CLI.run(["ingest", "--data-dir", d], stdin: importLines("t", 1))
        let key = try XCTUnwrap(
            (try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["mentions", "list", "--data-dir", d, "--json"]).out.utf8)) as? [String: Any])?[
                    "key"] as? String)
        XCTAssertEqual(try CLI.run(["status", "--data-dir", d, key, "open"]).out, "\(key): status → open (by anna)\n")
        XCTAssertEqual(
            try CLI.run(["assign", "--data-dir", d, key, "bernd"], env: ["SWITCHBOARD_USER": "carla"]).out,
            "\(key): assign → bernd (by carla)\n")
        XCTAssertEqual(try CLI.run(["tag", "--data-dir", d, key, "billing", "urgent"]).status, 0)
        XCTAssertEqual(try CLI.run(["tag", "--data-dir", d, key, "-urgent"]).status, 0)
        XCTAssertEqual(try CLI.run(["note", "--data-dir", d, key, "Rückruf", "morgen"]).status, 0)
        XCTAssertEqual(try CLI.run(["status", "--data-dir", d, key, "bogus"]).status, 2, "usage errors exit 2")

        let shown =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["mentions", "show", "--data-dir", d, key, "--json"]).out.utf8))
            as! [String: Any]
        let state = shown["state"] as! [String: Any]
        XCTAssertEqual(state["status"] as? String, "open")
        XCTAssertEqual(state["assignee"] as? String, "bernd")
        XCTAssertEqual(state["tags"] as? [String], ["billing"])
        XCTAssertEqual((state["notes"] as? [[String: Any]])?.first?["text"] as? String, "Rückruf morgen")

        let log = try CLI.run(["log", "--data-dir", d, "--json"])
        let events = log.out.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(events.map { $0["type"] as! String }, ["status", "assign", "tag", "untag", "note"])
        XCTAssertEqual(events.map { $0["actor"] as! String }, ["anna", "carla", "anna", "anna", "anna"])
        XCTAssertTrue(events.allSatisfy { $0["v"] as? Int == 1 && $0["mention"] as? String == key })
        let text = try CLI.run(["log", "--data-dir", d, "--since", "1h"])
        XCTAssertEqual(text.out.split(separator: "\n").count, 6)
        XCTAssertTrue(text.out.contains("note: Rückruf morgen"))
        XCTAssertEqual(try CLI.run(["log", "--data-dir", d, "--since", "whenever"]).status, 2)
    }

    func testDoctorFindsProblemsWithFileAndLine() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", d]).status, 0)
        try CLI.run(["ingest", "--data-dir", d], stdin: importLines("a", 3))
        let log = try FileManager.default.contentsOfDirectory(atPath: d + "/log").first { $0.hasPrefix("mentions-") }!
        let fh = FileHandle(forWritingAtPath: d + "/log/" + log)!
        fh.seekToEndOfFile()
        fh.write(Data("{broken\n".utf8))
        fh.closeFile()
        try "{\n  \"brand\": {\n    \"name\": \"X\"\n    \"terms\": []\n  }\n}\n".write(
            toFile: d + "/team.json", atomically: true, encoding: .utf8)
        chmod(d + "/secrets", 0o755)
        let r = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("problem  team.json: line 4, column 5"), r.out)
        XCTAssertTrue(r.out.contains("problem  log/\(log):4: "), r.out)
        XCTAssertTrue(r.out.contains("problem  secrets: readable by everybody"), r.out)
        XCTAssertTrue(r.out.hasSuffix("3 problem(s) in \(d).\n"), r.out)
    }

    func testCompactKeepsHistory() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        try CLI.run(["ingest", "--data-dir", d], stdin: importLines("c", 20))
        let keys = try CLI.run(["mentions", "list", "--data-dir", d, "--json"]).out.split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["key"] as! String
        }
        for k in keys.prefix(5) { try CLI.run(["status", "--data-dir", d, k, "answered"]) }
        let before = try CLI.run(["log", "--data-dir", d, "--json"]).out
        let r = try CLI.run(["compact", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("Compacted 2 log files"), r.out)
        XCTAssertEqual(try CLI.run(["log", "--data-dir", d, "--json"]).out, before)
        XCTAssertEqual(
            try CLI.run(["mentions", "list", "--data-dir", d, "--status", "answered", "--json"]).out.split(
                separator: "\n"
            ).count, 5)
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", d]).status, 0)
    }

    func testMissingDataDirectoryIsAClearFailure() throws {
        let r = try CLI.run(["mentions", "list", "--data-dir", "/nonexistent/sb"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.err,
            "switchboard: no data directory at /nonexistent/sb: run `switchboard init` first (or pass --data-dir)\n")
    }
}
