import Foundation
import XCTest

/// The crisis drawer in the real workbench: a burst of angry mentions raises a spike, the banner offers the
/// outage playbook, C starts it with the queue suspended, two steps are checked, `:crisis end` writes the report.
final class CrisisEndToEndTests: EndToEndTestCase {
    func testSpikeOfferStartsThePlaybookAndTheReportListsTheCheckedSteps() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-crisis-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        // `init` run as e2e makes e2e the team's lead (who may suspend the queue) and writes the three playbooks.
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)

        // A burst of angry mentions in the last half hour against a calm day before.
        let iso = ISO8601DateFormatter()
        let now = Date()
        var lines = ""
        for i in 0..<30 {
            lines +=
                #"{"platform":"mastodon","id":"burst-\#(i)","text":"Totaler Ausfall, seit einer Stunde geht nichts 😡 #acme","created_at":"\#(iso.string(from: now.addingTimeInterval(-Double(i) * 60)))"}"#
                + "\n"
        }
        for i in 0..<6 {
            lines +=
                #"{"platform":"mastodon","id":"calm-\#(i)","text":"Nice update","created_at":"\#(iso.string(from: now.addingTimeInterval(-Double(i + 2) * 3600)))"}"#
                + "\n"
        }
        try lines.write(to: dir.appendingPathComponent("inbox/burst.jsonl"), atomically: true, encoding: .utf8)
        // The listener ingests them and records the spike alert in the actions log.
        XCTAssertEqual(try run(["listen", "--data-dir", dir.path, "--once"]), 0)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 160, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        // At 160 columns the whole offer fits beside the user, counts and polling mode, with its key.
        var rows = try s.waitFor("— open the Service outage playbook? (C)")
        s.sendKeys("C")
        rows = try s.waitFor("pick the severity")
        s.sendKeys("Enter")
        rows = try s.waitFor("Suspend the content queue? [y/n]")
        s.sendKeys("y")
        rows = try s.waitFor("QUEUE SUSPENDED: crisis: Service outage")
        XCTAssertTrue(rows.joined(separator: "\n").contains("CRISIS: Service outage 0/7"), s.dump(rows))

        // Two steps checked in the crisis pane.
        s.sendKeys("4")
        rows = try s.waitFor("CRISIS · Service outage")
        s.sendKeys("x")
        rows = try s.waitFor("CRISIS: Service outage 1/7")
        s.sendKeys("j")
        s.sendKeys("x")
        rows = try s.waitFor("CRISIS: Service outage 2/7")

        s.sendKeys(":")
        s.sendText("crisis end Outage fixed by IT, status page updated")
        s.sendKeys("Enter")
        rows = try s.waitFor("report: crisis/reports/")
        XCTAssertTrue(
            rows.joined(separator: "\n").contains("QUEUE SUSPENDED"), "the queue stays suspended\n" + s.dump(rows))
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)

        let reports = try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent("crisis/reports").path
        ).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(reports.count, 1)
        let md = try String(contentsOf: dir.appendingPathComponent("crisis/reports/" + reports[0]), encoding: .utf8)
        let doneRows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("| done | e2e |") }
        XCTAssertEqual(doneRows.count, 2, md)
        XCTAssertTrue(doneRows.first?.contains("Confirm the incident with IT on-call") ?? false, md)
        XCTAssertTrue(doneRows.last?.contains("Suspend the content queue") ?? false, md)
        XCTAssertTrue(md.contains("Outage fixed by IT, status page updated"), md)
    }
}
