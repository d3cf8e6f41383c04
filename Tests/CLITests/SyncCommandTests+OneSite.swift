import Foundation
import XCTest

/// Issue 19: what reaches the outside world from a team across servers runs on exactly one site. A crisis's
/// notify commands run where the crisis was started; a routing rule's hand-off is delivered (and retried) by the
/// site that recorded it, the one that stored the mention.
extension SyncCommandTests {
    func editJSON(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = URL(fileURLWithPath: path)
        var obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&obj)
        try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    func lines(_ file: String) -> [Substring] {
        ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
    }

    func testCrisisNotifyCommandsRunOnlyAtTheSiteThatStartedTheCrisis() throws {
        let sent = root + "/benachrichtigt.txt"
        try sb(["init", "--site", "berlin", "--remote", remote, "--brand", "Acme"], "berlin")
        let books = root + "/berlin/playbooks"
        let book = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(atPath: books).first {
                (try? String(contentsOfFile: books + "/" + $0, encoding: .utf8))?.contains("\"notify-it\"") ?? false
            })
        try editJSON(books + "/" + book) { p in
            p["steps"] = (p["steps"] as? [[String: Any]] ?? []).map { s in
                var s = s
                if s["id"] as? String == "notify-it" { s["command"] = "cat >> '\(sent)'" }
                return s
            }
        }
        try sb(["sync"], "berlin")
        XCTAssertEqual(
            try CLI.run(["init", "--join", remote, "--site", "hamburg", "--data-dir", root + "/hamburg"]).status, 0)
        let start = try sb(["crisis", "start", "outage", "--severity", "major"], "berlin")
        XCTAssertTrue(start.out.contains("synced"), start.out)
        try sb(["sync"], "hamburg")
        let there = try sb(["crisis", "notify", "notify-it"], "hamburg", user: "tom", status: 1)
        XCTAssertTrue(there.err.contains("run at berlin, where it was started"), there.err)
        XCTAssertTrue(lines(sent).isEmpty)
        let here = try sb(["crisis", "notify", "notify-it"], "berlin")
        XCTAssertTrue(here.out.contains("notify-it: notified (command exited 0)"), here.out)
        XCTAssertTrue(lines(sent).first?.hasPrefix("[CRISIS] Service outage — major") ?? false, "\(lines(sent))")
        // Hamburg sees it done; a second try there runs nothing either.
        try sb(["sync"], "berlin")
        try sb(["sync"], "hamburg")
        let status = try sb(["crisis", "status"], "hamburg").out
        XCTAssertTrue(status.contains("1/7 steps"), status)
        try sb(["crisis", "notify", "notify-it"], "hamburg", user: "tom", status: 1)
        XCTAssertEqual(lines(sent).filter { $0.hasPrefix("[CRISIS]") }.count, 1)
    }

    func testAHandOffIsDeliveredAndRetriedOnlyByTheSiteThatRecordedIt() throws {
        let out = root + "/hook"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/down", contents: nil)
        try sb(["init", "--site", "berlin", "--remote", remote, "--brand", "Acme"], "berlin")
        try editJSON(root + "/berlin/team.json") { t in
            t["routing"] = [
                [
                    "name": "erstattung", "when": "refund", "team": "support",
                    "command": "test ! -e '\(out)/down' && cat >> '\(out)/all.jsonl'",
                ]
            ]
        }
        let mention =
            #"{"platform":"mastodon","id":"r-1","text":"I want a refund, bitte schnell! Grüße","created_at":"2026-11-20T10:00:00Z","author":{"handle":"jörg@example.social"}}"#
        let ingest = try sb(["ingest", "-"], "berlin", stdin: mention + "\n")
        XCTAssertTrue(ingest.out.contains("(rule erstattung) failed"), ingest.out + ingest.err)
        try sb(["sync"], "berlin")
        XCTAssertEqual(
            try CLI.run(["init", "--join", remote, "--site", "hamburg", "--data-dir", root + "/hamburg"]).status, 0)
        // The hook is back. Hamburg sees Berlin's failed delivery but leaves it to Berlin.
        try FileManager.default.removeItem(atPath: out + "/down")
        let there = try sb(["handoff", "retry"], "hamburg", user: "tom")
        XCTAssertEqual(there.out, "No failed hand-off deliveries.\n")
        XCTAssertTrue(lines(out + "/all.jsonl").isEmpty)
        let here = try sb(["handoff", "retry"], "berlin")
        XCTAssertTrue(here.out.contains("handed off to support (rule erstattung): delivered"), here.out)
        try sb(["sync"], "berlin")
        try sb(["sync"], "hamburg")
        XCTAssertEqual(try sb(["handoff", "retry"], "hamburg").out, "No failed hand-off deliveries.\n")
        XCTAssertEqual(lines(out + "/all.jsonl").count, 1)
    }
}
