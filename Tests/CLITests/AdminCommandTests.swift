import Foundation
import SwitchboardCore
import XCTest

/// What a careful administrator checks (issue 24): secrets, stale files, clear reasons.
final class AdminCommandTests: XCTestCase {
    /// Adds a Mastodon source whose token file is `tokenFile` to the data directory's team.json.
    private func addSource(_ d: String, id: String, tokenFile: String) throws {
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var sources = team["sources"] as? [[String: Any]] ?? []
        sources.append(["id": id, "type": "mastodon", "instance": "https://social.example", "token_file": tokenFile])
        team["sources"] = sources
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: url)
    }

    func testDoctorChecksEveryConfiguredSecretAndSaysWhy() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-token-\(UUID().uuidString.prefix(6))"
        ).path
        try "secret-token\n".write(toFile: outside, atomically: true, encoding: .utf8)
        chmod(outside, 0o666)
        try addSource(d, id: "open", tokenFile: outside)
        try addSource(d, id: "gone", tokenFile: "secrets/missing.token")
        let r = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(
            r.out.contains(
                "problem  team.json: source \"open\": token_file \(outside): a secret readable by everybody (mode 666); run: chmod 600 \(outside)"
            ),
            r.out)
        XCTAssertTrue(
            r.out.contains(
                "problem  team.json: source \"gone\": token_file \(d)/secrets/missing.token: cannot be read: No such file or directory"
            ),
            r.out)
        XCTAssertFalse(r.out.contains("secret-token"), "a secret's value never appears")
        chmod(outside, 0o600)
        try "t\n".write(toFile: d + "/secrets/missing.token", atomically: true, encoding: .utf8)
        chmod(d + "/secrets/missing.token", 0o600)
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", d]).status, 0)
    }

    func testDoctorReportsStaleTempFilesAndFixRemovesThem() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        // A process that has ended: its pid names the temp file it left behind.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let stale = "state/.listener.json.tmp-\(p.processIdentifier)-12345"
        try FileManager.default.createDirectory(atPath: d + "/state", withIntermediateDirectories: true)
        try "{}".write(toFile: d + "/" + stale, atomically: false, encoding: .utf8)
        // One of a writer that still runs (this test) is left alone.
        let live = "state/.other.json.tmp-\(getpid())-1"
        try "{}".write(toFile: d + "/" + live, atomically: false, encoding: .utf8)

        let r = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.out.contains(
                "problem  \(stale): a temporary file left by a writer that is no longer running; run: switchboard doctor --fix"
            ),
            r.out)
        XCTAssertFalse(r.out.contains(live), r.out)

        let fix = try CLI.run(["doctor", "--fix", "--data-dir", d])
        XCTAssertTrue(fix.out.hasPrefix("fixed    \(stale): removed\n"), fix.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: d + "/" + stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: d + "/" + live))
        XCTAssertEqual(fix.status, 0, fix.out)
    }
}
