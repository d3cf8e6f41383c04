import Foundation
import XCTest

/// `switchboard crisis …` through the real binary: a run from start to report, one crisis at a time, drills, validation.
final class CrisisCommandTests: XCTestCase {
    func dataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func testARunFromStartToTheReportFile() throws {
        let d = try dataDir()
        let list = try CLI.run(["crisis", "list", "--data-dir", d])
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(
            list.out.contains("service-outage  Service outage  7      1 minor · 2 major · 3 critical"), list.out)

        let start = try CLI.run([
            "crisis", "start", "outage", "--severity", "major", "--suspend-queue", "--data-dir", d,
        ])
        XCTAssertEqual(start.status, 0, start.err)
        XCTAssertTrue(start.out.hasPrefix("Started "), start.out)
        XCTAssertTrue(start.out.contains("Service outage — major: core service down for some"), start.out)
        XCTAssertTrue(start.out.contains("The content queue is suspended"), start.out)
        let queue = try CLI.run(["queue", "list", "--data-dir", d])
        XCTAssertTrue(queue.out.hasPrefix("SUSPENDED since"), queue.out)

        let second = try CLI.run(["crisis", "start", "backlash", "--data-dir", d], env: ["SWITCHBOARD_USER": "ben"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.err.contains("a crisis is already active: Service outage ("), second.err)
        XCTAssertTrue(second.err.contains("started by anna"), second.err)

        XCTAssertEqual(try CLI.run(["crisis", "done", "confirm", "--data-dir", d]).out, "confirm: done\n")
        let skip = try CLI.run(["crisis", "skip", "2", "suspended", "at", "the", "start", "--data-dir", d])
        XCTAssertEqual(skip.out, "suspend: skipped — suspended at the start\n", skip.err)
        let noReason = try CLI.run(["crisis", "block", "notify-it", "--data-dir", d])
        XCTAssertEqual(noReason.status, 2, "a block needs its reason: \(noReason.err)")
        let again = try CLI.run(["crisis", "done", "confirm", "--data-dir", d], env: ["SWITCHBOARD_USER": "ben"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("step confirm is already done (by anna at "), again.err)
        XCTAssertEqual(
            try CLI.run(["crisis", "notify", "notify-it", "--by-hand", "--data-dir", d]).out,
            "notify-it: recorded as notified by hand\n")

        let status = try CLI.run(["crisis", "status", "--data-dir", d])
        XCTAssertTrue(status.out.contains("[x] done     Confirm the incident"), status.out)
        XCTAssertTrue(
            status.out.contains("[-] skipped  Suspend the content queue — suspended at the start"), status.out)

        // The holding statement: {{status_url}} is not filled in, so it is refused until the text is given.
        let refused = try CLI.run(["crisis", "statement", "--publish", "--step", "holding", "--data-dir", d])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("fill the placeholders first: {{status_url}}"), refused.err)
        let shown = try CLI.run(["crisis", "statement", "--lang", "de", "--data-dir", d])
        XCTAssertTrue(
            shown.out.hasPrefix("Wir wissen, dass Acme gerade bei vielen von euch nicht richtig funktioniert."),
            shown.out)

        let end = try CLI.run([
            "crisis", "end", "Database", "failover;", "back", "after", "40", "minutes", "--data-dir", d,
        ])
        XCTAssertEqual(end.status, 0, end.err)
        XCTAssertTrue(end.out.contains("The content queue stays suspended"), end.out)
        let reports = try FileManager.default.contentsOfDirectory(atPath: d + "/crisis/reports").sorted()
        XCTAssertEqual(reports.count, 2, "\(reports)")
        let md = try String(
            contentsOfFile: d + "/crisis/reports/" + reports.first { $0.hasSuffix(".md") }!, encoding: .utf8)
        XCTAssertTrue(md.contains("| 1 | Confirm the incident with IT on-call and get an ETA | lead |"), md)
        XCTAssertTrue(md.contains("| done | anna |"), md)
        XCTAssertTrue(md.contains("## Summary\n\nDatabase failover; back after 40 minutes\n"), md)
        let json = try CLI.run(["crisis", "report", "last", "--format", "json", "--data-dir", d])
        let o = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        XCTAssertEqual(
            (o["steps"] as! [[String: Any]]).map { $0["state"] as! String },
            ["done", "skipped", "open", "done", "open", "open", "open"])
        XCTAssertTrue(
            try CLI.run(["queue", "list", "--data-dir", d]).out.hasPrefix("SUSPENDED"), "still suspended after the end")
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", d]).status, 0)
    }

    func testADrillIsMarkedAndTouchesNothing() throws {
        let d = try dataDir()
        let drill = try CLI.run(["crisis", "drill", "data-leak", "--data-dir", d])
        XCTAssertEqual(drill.status, 0, drill.err)
        XCTAssertTrue(drill.out.hasPrefix("DRILL "), drill.out)
        XCTAssertFalse(try CLI.run(["queue", "list", "--data-dir", d]).out.contains("SUSPENDED"))
        let publish = try CLI.run(["crisis", "statement", "--publish", "--text", "Test", "--data-dir", d])
        XCTAssertEqual(publish.status, 1)
        XCTAssertTrue(publish.err.contains("this is a drill: nothing is published"), publish.err)
        XCTAssertTrue(try CLI.run(["crisis", "status", "--data-dir", d]).out.hasPrefix("DRILL Data leak"))
    }

    func testValidateNamesFileStepAndField() throws {
        let d = try dataDir()
        try
            #"{"id": "x", "name": "X", "severity_levels": ["minor"], "steps": [{"id": "a", "title": "A", "owner": "lead", "due": "whenever", "kind": "action"}]}"#
            .write(toFile: d + "/playbooks/x.json", atomically: true, encoding: .utf8)
        let r = try CLI.run(["crisis", "validate", "--data-dir", d])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(
            r.out,
            """
            playbooks/x.json: step 1 (a): field "due": "whenever" is not a duration like 15m, 2h or "within 15 min"
            3 playbooks ready, 1 problem

            """)
        let start = try CLI.run(["crisis", "start", "x", "--data-dir", d])
        XCTAssertEqual(start.status, 1)
        XCTAssertTrue(
            start.err.contains("the playbook playbooks/x.json cannot be used: step 1 (a): field \"due\""), start.err)
    }
}
