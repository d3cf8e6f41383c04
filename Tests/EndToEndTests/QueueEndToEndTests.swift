import Foundation
import TestSupport
import XCTest

/// The content queue in the real workbench: a post scheduled a few seconds ahead with `:queue add` arrives at the
/// (loopback) Mastodon server once and shows as published; after `:suspend` the next one is held.
final class QueueEndToEndTests: XCTestCase {
    var sessions: [TmuxSession] = []
    override func tearDown() {
        for s in sessions { s.close() }
        sessions = []
    }

    func run(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "e2e"]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testScheduledPostArrivesOnceAndSuspendHoldsTheNext() throws {
        try TmuxSession.requireTmux()
        let server = try NetworkTestServer()
        defer { server.stop() }
        let now = ISO8601DateFormatter().string(from: Date())
        server.on(
            "POST", "/api/v1/statuses",
            .json(
                """
                {"id":"140001","uri":"http://127.0.0.1:\(server.port)/users/acme/statuses/140001","url":"http://127.0.0.1:\(server.port)/@acme/140001",
                 "created_at":"\(now)","content":"<p>ok</p>","visibility":"public",
                 "account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"http://127.0.0.1/@acme","followers_count":10}}
                """))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-queue-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        var team =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("team.json")))
            as! [String: Any]
        // Enabled: this workbench runs the sources, so it publishes the queue itself.
        team["sources"] = [
            [
                "id": "masto", "type": "mastodon", "instance": "http://127.0.0.1:\(server.port)",
                "token_file": "secrets/masto.token", "enabled": true,
            ]
        ]
        team["team"] = [["user": "e2e", "name": "E2E", "role": "lead"]]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(
            to: dir.appendingPathComponent("team.json"))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        try "test-token\n".write(
            to: dir.appendingPathComponent("secrets/masto.token"), atomically: true, encoding: .utf8)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 160, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("Queue")

        let iso = ISO8601DateFormatter()
        s.sendKeys(":")
        s.sendText("queue add --at \(iso.string(from: Date().addingTimeInterval(4))) Fresh beans today")
        s.sendKeys("Enter")
        var rows = try s.waitFor("scheduled")
        let deadline = Date().addingTimeInterval(20)
        while server.requests("POST", "/api/v1/statuses").isEmpty && Date() < deadline { usleep(100_000) }
        rows = try s.waitFor("published ✓", timeout: 10)
        XCTAssertEqual(
            server.requests("POST", "/api/v1/statuses").first?.json?["status"] as? String, "Fresh beans today",
            s.dump(rows))

        s.sendKeys(":")
        s.sendText("suspend storm warning")
        s.sendKeys("Enter")
        rows = try s.waitFor("QUEUE SUSPENDED: storm warning")
        s.sendKeys(":")
        s.sendText("queue add --at \(iso.string(from: Date().addingTimeInterval(2))) Second post")
        s.sendKeys("Enter")
        rows = try s.waitFor("suspended ")
        sleep(8)  // well past its time, several ticks
        rows = s.capture()
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 1, s.dump(rows))
        XCTAssertTrue(rows.joined(separator: "\n").contains("suspended"), s.dump(rows))
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
