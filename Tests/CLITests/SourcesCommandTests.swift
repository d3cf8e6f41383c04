import Foundation
import SwitchboardCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard sources add|list|poll` and `switchboard listen` through the real binary
/// (network connectors themselves are tested over loopback HTTP in ListeningTests).
final class SourcesCommandTests: XCTestCase {
    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func sources(_ d: String) throws -> [[String: Any]] {
        let r = try CLI.run(["sources", "list", "--json", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        // JSON Lines: one source per line.
        return try r.out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testAddSavesTheSecretPrivatelyAndOnlyItsPathInTeamJSON() throws {
        let d = try newDataDir()
        let add = try CLI.run(
            [
                "sources", "add", "--data-dir", d, "--type", "mastodon", "--id", "masto", "--instance",
                "mastodon.example",
                "--hashtag", "acme", "--search", "Acme Cloud", "--token-stdin", "--no-verify",
            ], stdin: "tok-very-secret\n")
        XCTAssertEqual(add.status, 0, add.err)
        XCTAssertTrue(add.out.contains("Saved the token to secrets/masto.token (mode 0600)."), add.out)
        let team = try String(contentsOfFile: d + "/team.json", encoding: .utf8)
        XCTAssertFalse(team.contains("tok-very-secret"))
        let attrs = try FileManager.default.attributesOfItem(atPath: d + "/secrets/masto.token")
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try String(contentsOfFile: d + "/secrets/masto.token", encoding: .utf8), "tok-very-secret\n")

        let masto = try XCTUnwrap(try sources(d).first { $0["id"] as? String == "masto" })
        XCTAssertEqual(masto["type"] as? String, "mastodon")
        XCTAssertEqual(masto["status"] as? String, "never")
        let cfg = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(team.utf8)) as? [String: Any])?["sources"] as? [[String: Any]])
        let entry = try XCTUnwrap(cfg.first { $0["id"] as? String == "masto" })
        XCTAssertEqual(entry["instance"] as? String, "https://mastodon.example")
        XCTAssertEqual(entry["token_file"] as? String, "secrets/masto.token")
        XCTAssertEqual(entry["hashtags"] as? [String], ["acme"])
        XCTAssertEqual(entry["search"] as? [String], ["Acme Cloud"])
        XCTAssertNotNil(
            (try JSONSerialization.jsonObject(with: Data(team.utf8)) as? [String: Any])?["brand"],
            "other fields are kept")

        let dup = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "rss", "--id", "masto", "--url", "https://x.example/f.xml",
            "--no-verify",
        ])
        XCTAssertEqual(dup.status, 1)
        XCTAssertTrue(dup.err.contains("team.json has a source \"masto\" already"), dup.err)
        let noTTY = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "bluesky", "--id", "bsky", "--handle", "acme.bsky.social",
        ])
        XCTAssertEqual(noTTY.status, 2)
        XCTAssertTrue(noTTY.err.contains("--app-password-file"), noTTY.err)
    }

    func testListenOnceImportsTheDropDirectoryAndKeepsTheSchedule() throws {
        let d = try newDataDir()
        try FileManager.default.createDirectory(atPath: d + "/inbox", withIntermediateDirectories: true)
        try importLines("drop", 3).write(toFile: d + "/inbox/batch.jsonl", atomically: true, encoding: .utf8)

        let dry = try CLI.run(["sources", "poll", "inbox", "--dry-run", "--data-dir", d])
        XCTAssertEqual(dry.status, 0, dry.err)
        XCTAssertEqual(dry.out.split(separator: "\n").count, 3, dry.out)
        XCTAssertTrue(dry.err.contains("inbox: 3 fetched (dry run: nothing stored, cursor not saved)"), dry.err)
        XCTAssertEqual(try CLI.run(["mentions", "list", "--json", "--data-dir", d]).out, "")

        let once = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(once.status, 0, once.err)
        XCTAssertTrue(once.err.contains(" inbox: 3 new of 3 fetched; next "), once.err)
        XCTAssertEqual(
            try CLI.run(["mentions", "list", "--json", "--data-dir", d]).out.split(separator: "\n").count, 3)
        let inbox = try XCTUnwrap(try sources(d).first { $0["id"] as? String == "inbox" })
        XCTAssertEqual(inbox["status"] as? String, "ok")
        XCTAssertEqual(inbox["fetched"] as? Int, 3)
        XCTAssertEqual(inbox["added"] as? Int, 3)

        let again = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.err.contains("inbox:"), "not due yet: \(again.err)")
    }

    func testOneListenerPerDataDirectoryAndSIGTERMStopsIt() throws {
        let d = try newDataDir()
        let log = d + "/listen.log"
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["listen", "--data-dir", d, "--log", log]
        try p.run()
        var running = false
        for _ in 0..<500 {
            if (try? String(contentsOfFile: log, encoding: .utf8))?.contains("listening on") == true {
                running = true
                break
            }
            usleep(10_000)
        }
        XCTAssertTrue(running)
        let second = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.err.contains("another listener is running"), second.err)
        let list = try CLI.run(["sources", "list", "--data-dir", d])
        XCTAssertTrue(list.out.contains("A listener is running on"), list.out)

        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(try String(contentsOfFile: log, encoding: .utf8).hasSuffix(" stopped\n"))
        XCTAssertTrue(try CLI.run(["sources", "list", "--data-dir", d]).out.contains("No listener is running"))
    }
}
