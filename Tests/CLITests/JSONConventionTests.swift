import Foundation
import TestSupport
import XCTest

/// The convention of docs/cli.md through the real binary: every list is JSON Lines (an empty list is no line at all),
/// a single object is one document, and a command that failed exits 1 with --json too.
final class JSONConventionTests: XCTestCase {
    /// Each line of `out` as a JSON object; fails when a line is not one.
    func jsonLines(_ out: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not an object: \($0)",
                file: file, line: line)
        }
    }

    /// `out` as one JSON object.
    func document(_ out: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "not one object: \(out)",
            file: file, line: line)
    }

    func testListsAreJSONLines() throws {
        let d = try initialisedDataDir()
        let teamFile = URL(fileURLWithPath: d + "/team.json")
        var team = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: teamFile)) as? [String: Any])
        team["sources"] = [
            ["id": "drop", "type": "jsonl", "path": "drop.jsonl"], ["id": "süd", "type": "jsonl", "path": "süd.jsonl"],
            ["id": "masto", "type": "mastodon", "instance": "https://social.example", "token_file": "secrets/m.token"],
        ]
        try JSONSerialization.data(withJSONObject: team).write(to: teamFile)
        let sources = try CLI.run(["sources", "list", "--json", "--data-dir", d])
        XCTAssertEqual(sources.status, 0, sources.err)
        XCTAssertEqual(try jsonLines(sources.out).map { $0["id"] as? String }, ["drop", "süd", "masto"])

        let keys = try CLI.run(["keys", "--json", "--defaults"])
        XCTAssertEqual(keys.status, 0, keys.err)
        let bindings = try jsonLines(keys.out)
        XCTAssertGreaterThan(bindings.count, 10)
        XCTAssertTrue(bindings.allSatisfy { $0["key"] is String && $0["command"] is String }, keys.out)

        // queue list: items only; the suspend switch is `queue status --json`, one document.
        let add = try CLI.run(["queue", "add", "Grüße aus Köln", "--data-dir", d])
        XCTAssertEqual(add.status, 0, add.err)
        let queue = try CLI.run(["queue", "list", "--json", "--data-dir", d])
        XCTAssertEqual(try jsonLines(queue.out).map { $0["text"] as? String }, ["Grüße aus Köln"])
        let status = try CLI.run(["queue", "status", "--json", "--data-dir", d])
        XCTAssertEqual(status.status, 0, status.err)
        let doc = try document(status.out)
        XCTAssertEqual(doc["suspended"] as? Bool, false)
        XCTAssertEqual(doc["counts"] as? [String: Int], ["draft": 1])
        XCTAssertEqual(try CLI.run(["queue", "status", "--data-dir", d]).out, "The queue is running.\n1 draft\n")

        // routing test with no rules: no match is no line; the note goes to standard error.
        let routing = try CLI.run(["routing", "test", "--json", "--data-dir", d])
        XCTAssertEqual(routing.status, 0, routing.err)
        XCTAssertEqual(routing.out, "")
        XCTAssertTrue(routing.err.hasPrefix("No routing rules in team.json"), routing.err)
    }

    func testFeedParseWithJSONExits1WhenAnInputFailed() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        let missing = "/nonexistent/feed.xml"
        let r = try CLI.run(["feed", "parse", "--json", missing, server.url("/gone.xml").absoluteString])
        XCTAssertEqual(r.status, 1, r.out)
        let docs = try jsonLines(r.out)
        XCTAssertEqual(docs.count, 2, "one document per input, in order")
        XCTAssertEqual(docs[0]["error"] as? String, "cannot read the file: No such file or directory")
        XCTAssertEqual(docs[1]["error"] as? String, "HTTP 404")
    }

    func testCrisisReportAndValidateSpeakJSON() throws {
        let d = try initialisedDataDir()
        let valid = try CLI.run(["crisis", "validate", "--json", "--data-dir", d])
        XCTAssertEqual(valid.status, 0, valid.err)
        let ok = try document(valid.out)
        XCTAssertEqual(ok["ready"] as? Int, 3)
        XCTAssertEqual((ok["problems"] as? [Any])?.count, 0)

        try
            #"{"id": "x", "name": "X", "severity_levels": ["minor"], "steps": [{"id": "a", "title": "A", "owner": "lead", "due": "whenever", "kind": "action"}]}"#
            .write(toFile: d + "/playbooks/x.json", atomically: true, encoding: .utf8)
        let bad = try CLI.run(["crisis", "validate", "--json", "--data-dir", d])
        XCTAssertEqual(bad.status, 1, "problems found: exit 1 with --json too")
        let found = try document(bad.out)
        XCTAssertEqual(found["ready"] as? Int, 3)
        let problem = try XCTUnwrap((found["problems"] as? [[String: String]])?.first)
        XCTAssertEqual(problem["file"], "playbooks/x.json")
        XCTAssertTrue(problem["message"]?.hasPrefix("step 1 (a): field \"due\"") == true, "\(problem)")
        try FileManager.default.removeItem(atPath: d + "/playbooks/x.json")

        XCTAssertEqual(try CLI.run(["crisis", "drill", "data-leak", "--data-dir", d]).status, 0)
        let report = try CLI.run(["crisis", "report", "--json", "--data-dir", d])
        XCTAssertEqual(report.status, 0, report.err)
        let r = try document(report.out)
        XCTAssertNotNil(r["steps"] as? [[String: Any]], report.out)
        XCTAssertEqual(try CLI.run(["crisis", "report", "--json", "--format", "md", "--data-dir", d]).status, 2)
    }
}
