import Foundation
import XCTest

/// The workbench without a terminal (issue 24, item 9): it refuses before it opens the store or starts the
/// sources — exit 2, a clear message, nothing polled, no lock or temporary file left in `state/`.
final class WorkbenchTerminalTests: XCTestCase {
    func testWithoutATerminalItRefusesBeforePollingOrWriting() throws {
        let setsid = ["/usr/bin/setsid", "/bin/setsid"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let setsid else { throw XCTSkip("setsid (util-linux) is not installed") }
        let d = CLI.tempDataDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        let teamURL = URL(fileURLWithPath: d).appendingPathComponent("team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        team["sources"] = [["id": "drop", "type": "jsonl", "path": "inbox.jsonl", "interval": "5s"]]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        try importLines("t", 50).write(
            to: URL(fileURLWithPath: d).appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let state = URL(fileURLWithPath: d).appendingPathComponent("state")
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [])

        // setsid: no controlling terminal (as from cron or `ssh host switchboard`); standard input is a pipe.
        for _ in 0..<3 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: setsid)
            p.arguments = ["--wait", CLI.binary.path, "--data-dir", d]
            var env = ProcessInfo.processInfo.environment
            env["SWITCHBOARD_USER"] = "anna"
            env["TERM"] = "xterm-256color"
            p.environment = env
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 2, text)
            XCTAssertTrue(text.contains("not a terminal"), text)
            XCTAssertTrue(text.contains("the workbench needs a terminal"), text)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [])
        // No listener lock taken, no poll recorded, no temporary file left behind.
        XCTAssertEqual(after.subtracting(before), [], "\(after)")
        let list = try CLI.run(["mentions", "list", "--data-dir", d, "--json"])
        XCTAssertFalse(list.out.contains("t-1"), list.out)
    }
}
