import Foundation
import XCTest

/// A burst of angry mentions picked up by the listener raises one spike alert: in the audit log (for every
/// workbench), on the listener's log, and through the team's alert_command.
final class SpikeAlertTests: XCTestCase {
    func testListenerRaisesASpikeAlertOnceAndRunsTheAlertCommand() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let alertFile = d + "/alert.txt"
        var team =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: d + "/team.json")))
            as! [String: Any]
        team["alert_command"] = "cat > '\(alertFile)'"
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(
            to: URL(fileURLWithPath: d + "/team.json"))

        let now = Date()
        func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
        var lines = ""
        for i in 0..<30 {
            lines +=
                #"{"platform":"mastodon","id":"burst-\#(i)","text":"Totaler Ausfall, seit einer Stunde geht nichts 😡 #acme","created_at":"\#(iso(now.addingTimeInterval(-Double(i) * 60)))"}"#
                + "\n"
        }
        for i in 0..<6 {
            lines +=
                #"{"platform":"mastodon","id":"calm-\#(i)","text":"Nice update","created_at":"\#(iso(now.addingTimeInterval(-Double(i + 2) * 3600)))"}"#
                + "\n"
        }
        try lines.write(toFile: d + "/inbox/burst.jsonl", atomically: true, encoding: .utf8)

        let r = try CLI.run(["listen", "--data-dir", d, "--once"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("spike: negative mentions ×30 in the last hour"), r.err)
        let log = try CLI.run(["log", "--data-dir", d, "--json"]).out.split(separator: "\n")
        let alerts = log.filter { $0.contains("\"type\":\"spike_alert\"") }
        XCTAssertEqual(alerts.count, 1)
        // The alert command gets the message on stdin (it runs in the background: give it a moment).
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: alertFile) { usleep(100_000) }
        let sent = (try? String(contentsOfFile: alertFile, encoding: .utf8)) ?? ""
        XCTAssertTrue(sent.hasPrefix("negative mentions ×30 in the last hour"), sent)
        // "Ausfall" is a keyword of the outage playbook init writes: the alert offers it, to the command and in the log.
        XCTAssertTrue(
            sent.contains("Suggested playbook: Service outage — switchboard crisis start service-outage"), sent)
        XCTAssertTrue(alerts[0].contains("\"playbook\":\"service-outage\""), String(alerts[0]))

        // Within the cool-down, more mentions raise nothing new.
        try (#"{"platform":"mastodon","id":"more","text":"Immer noch Ausfall","created_at":"\#(iso(now))"}"# + "\n")
            .write(toFile: d + "/inbox/more.jsonl", atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["listen", "--data-dir", d, "--once"]).status, 0)
        XCTAssertEqual(
            try CLI.run(["log", "--data-dir", d, "--json"]).out.split(separator: "\n").filter {
                $0.contains("spike_alert")
            }.count, 1)
    }
}
