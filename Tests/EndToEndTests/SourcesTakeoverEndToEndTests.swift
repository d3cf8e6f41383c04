import Foundation
import XCTest

/// Two workbenches on one data directory (issue 15, item 5): when the one that polls the sources quits, the other
/// takes over within one interval, says so, and new mentions keep arriving. The mode shows at 80 columns too.
final class SourcesTakeoverEndToEndTests: EndToEndTestCase {
    static func line(_ id: String, _ text: String) -> String {
        let now = ISO8601DateFormatter().string(from: Date())
        return
            #"{"platform":"mastodon","id":"\#(id)","text":"\#(text)","created_at":"\#(now)","author":{"handle":"p\#(id)"}}"#
            + "\n"
    }

    func testAnotherWorkbenchTakesOverPollingWhenThePollingOneQuits() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-takeover-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let teamURL = dir.appendingPathComponent("team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        team["sources"] = [["id": "drop", "type": "jsonl", "path": "inbox.jsonl", "interval": "5s"]]
        team["team"] = [["user": "e2e", "name": "E2E", "role": "lead"]]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        let inbox = dir.appendingPathComponent("inbox.jsonl")
        try Self.line("1", "Erste Meldung über Acme").write(to: inbox, atomically: true, encoding: .utf8)

        let env = ["SWITCHBOARD_USER": "e2e"]
        let first = try TmuxSession.switchboard(["--data-dir", dir.path], width: 120, height: 40, environment: env)
        sessions.append(first)
        _ = try first.waitFor("⟳ polling", timeout: 15)
        // The first poll analyses its mention, which loads the models once: slow in a debug build on a busy machine.
        _ = try first.waitFor("Erste Meldung", timeout: 40)

        let second = try TmuxSession.switchboard(["--data-dir", dir.path], width: 80, height: 24, environment: env)
        sessions.append(second)
        // The whole frame, not the first rows of one still being drawn (seen on a busy machine).
        var rows = try second.waitUntil("the feed and the status line", timeout: 15) {
            $0.contains { $0.contains("Erste Meldung") } && $0.count > 22 && !$0[22].isEmpty
        }
        XCTAssertTrue(rows[22].hasSuffix(" listener"), second.dump(rows))

        // The polling workbench quits: the other one polls within one interval (5 s) and says so.
        first.sendKeys("q")
        XCTAssertEqual(try first.waitForExit(), 0)
        let quitAt = Date()
        rows = try second.waitFor("⟳ polling", timeout: 6)
        XCTAssertLessThanOrEqual(Date().timeIntervalSince(quitAt), 6)
        XCTAssertTrue(rows[22].hasSuffix(" ⟳ polling"), second.dump(rows))

        // New mentions keep arriving through the source.
        let h = try FileHandle(forWritingTo: inbox)
        h.seekToEndOfFile()
        h.write(Data(Self.line("2", "Zweite Meldung: Störung bei Acme").utf8))
        try h.close()
        _ = try second.waitFor("Zweite Meldung", timeout: 12)
        second.sendKeys("q")
        XCTAssertEqual(try second.waitForExit(), 0)
    }
}
