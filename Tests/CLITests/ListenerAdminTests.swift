import Foundation
import SwitchboardCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 24, the listener on a server: SIGHUP and logrotate, a broken team.json, cron.
final class ListenerAdminTests: XCTestCase {
    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Waits (up to 10 s) until `path` holds `text`.
    @discardableResult
    func waitFor(_ text: String, in path: String) -> Bool {
        for _ in 0..<1000 {
            if read(path).contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    func startListener(_ d: String, log: String) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["listen", "--data-dir", d, "--log", log]
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "anna"]) { $1 }
        try p.run()
        addTeardownBlock { if p.isRunning { p.terminate() } }
        XCTAssertTrue(waitFor("listening on", in: log), read(log))
        return p
    }

    func testSIGHUPReopensTheLogAfterRotationAndTheListenerLives() throws {
        let d = try newDataDir()
        let log = d + "/listen.log"
        let p = try startListener(d, log: log)
        // logrotate: the old file moved away, then SIGHUP.
        XCTAssertEqual(rename(log, log + ".1"), 0)
        kill(p.processIdentifier, SIGHUP)
        XCTAssertTrue(waitFor("SIGHUP: log reopened, re-reading team.json", in: log), read(log))
        usleep(200_000)
        XCTAssertTrue(p.isRunning, "SIGHUP does not end the listener")
        XCTAssertFalse(read(log + ".1").contains("SIGHUP"), "new lines go to the new file")

        // copytruncate: the file cut to nothing under the running listener; the next line lands at its start.
        XCTAssertEqual(truncate(log, 0), 0)
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let after = try Data(contentsOf: URL(fileURLWithPath: log))
        XCTAssertFalse(after.contains(0), "no NUL bytes: the log is opened with O_APPEND")
        XCTAssertTrue(String(decoding: after, as: UTF8.self).hasSuffix(" stopped\n"), read(log))
    }

    func testABrokenTeamJSONIsLoggedOnceWithLineAndColumnAndWhenFixed() throws {
        let d = try newDataDir()
        let alerts = d + "/alerts.txt"
        let original = read(d + "/team.json")
        var obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        obj["alert_command"] = "cat >> '\(alerts)'"
        let good = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])
        try good.write(to: URL(fileURLWithPath: d + "/team.json"))
        let log = d + "/listen.log"
        let p = try startListener(d, log: log)

        // A comma missing at the end of a line.
        var lines = String(decoding: good, as: UTF8.self).components(separatedBy: "\n")
        let i = try XCTUnwrap(lines.firstIndex { $0.hasSuffix(",") })
        lines[i] = String(lines[i].dropLast())
        try lines.joined(separator: "\n").write(toFile: d + "/team.json", atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        XCTAssertTrue(waitFor("team.json cannot be read, the listener keeps the settings it has", in: log), read(log))
        let line = try XCTUnwrap(read(log).split(separator: "\n").first { $0.contains("cannot be read") })
        XCTAssertNotNil(
            line.range(of: #"/team\.json: line \d+, column \d+: "#, options: .regularExpression), String(line))
        kill(p.processIdentifier, SIGHUP)
        usleep(1_500_000)
        XCTAssertEqual(read(log).components(separatedBy: "cannot be read").count, 2, "said once: \(read(log))")

        try good.write(to: URL(fileURLWithPath: d + "/team.json"))
        kill(p.processIdentifier, SIGHUP)
        XCTAssertTrue(waitFor("team.json is readable again", in: log), read(log))
        XCTAssertTrue(waitFor("is readable again", in: alerts), "alert_command told: \(read(alerts))")
        XCTAssertTrue(read(alerts).contains("cannot be read"), read(alerts))
        XCTAssertTrue(p.isRunning)
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    func testListenOnceForCron() throws {
        let d = try newDataDir()
        try FileManager.default.createDirectory(atPath: d + "/inbox", withIntermediateDirectories: true)
        // --quiet: nothing new, nothing printed.
        let quiet = try CLI.run(["listen", "--once", "--quiet", "--data-dir", d])
        XCTAssertEqual(quiet.status, 0, quiet.err)
        XCTAssertEqual(quiet.out + quiet.err, "")
        try importLines("cron", 2).write(toFile: d + "/inbox/a.jsonl", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: d + "/state/sources.json")
        let news = try CLI.run(["listen", "--once", "--quiet", "--data-dir", d])
        XCTAssertEqual(news.status, 0, news.err)
        XCTAssertTrue(news.err.contains(" inbox: 2 new of 2 fetched"), news.err)

        // The state cannot be saved (here: a directory where state/sources.json goes; a full disk alike).
        try FileManager.default.removeItem(atPath: d + "/state/sources.json")
        try FileManager.default.createDirectory(atPath: d + "/state/sources.json", withIntermediateDirectories: true)
        let full = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(full.status, 1, full.err)
        XCTAssertTrue(full.err.contains("inbox: cannot save state"), full.err)
        try FileManager.default.removeItem(atPath: d + "/state/sources.json")

        // Another listener runs: the refusal goes to the --log file too.
        let log = d + "/listen.log"
        let p = try startListener(d, log: log)
        let cronLog = d + "/cron.log"
        let second = try CLI.run(["listen", "--once", "--data-dir", d, "--log", cronLog])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.err.contains("another listener is running"), second.err)
        XCTAssertTrue(read(cronLog).contains("not started: another listener is running"), read(cronLog))
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
    }
}
