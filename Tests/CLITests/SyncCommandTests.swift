import Foundation
import XCTest

/// Issue 19: a team across servers, synced through a bare git repository (`file://`) with the real binary.
final class SyncCommandTests: XCTestCase {
    var root = ""
    var remote = ""

    override func setUpWithError() throws {
        root = CLI.tempDataDir()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        addTeardownBlock { [root] in try? FileManager.default.removeItem(atPath: root) }
        remote = "file://\(root)/team.git"
        try git(["init", "-q", "--bare", root + "/team.git"])
    }

    func git(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "git \(args)")
    }

    @discardableResult
    func sb(_ args: [String], _ site: String, user: String = "anna", stdin: String? = nil, status: Int32 = 0) throws
        -> CLI.Result
    {
        let r = try CLI.run(args + ["--data-dir", root + "/" + site], stdin: stdin, env: ["SWITCHBOARD_USER": user])
        XCTAssertEqual(r.status, status, "\(args) at \(site): \(r.out) \(r.err)")
        return r
    }

    /// The first site founds the team; two more join from the remote.
    func threeSites() throws {
        try sb(["init", "--site", "berlin", "--remote", remote, "--brand", "Acme"], "berlin")
        try sb(["ingest", "-"], "berlin", stdin: importLines("b", 5))
        try sb(["sync"], "berlin")
        for s in ["hamburg", "wien"] {
            let dir = root + "/" + s
            let r = try CLI.run(["init", "--join", remote, "--site", s, "--data-dir", dir])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.out.contains("Joined"), r.out)
        }
    }

    func listing(_ site: String) throws -> String {
        try sb(["mentions", "list", "--json", "--limit", "1000"], site).out
    }

    func key(_ site: String, id: String) throws -> String {
        let line = try XCTUnwrap(try listing(site).split(separator: "\n").first { $0.contains("\"\(id)\"") })
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return try XCTUnwrap(obj["key"] as? String)
    }

    func testThreeSitesIngestAndTriageAtOnceAndAfterSyncingShowTheSameState() throws {
        try threeSites()
        XCTAssertEqual(try listing("hamburg"), try listing("berlin"))
        let k = try key("berlin", id: "b-1")
        // Each site works at the same time, without syncing.
        try sb(["ingest", "-"], "hamburg", stdin: importLines("h", 4))
        try sb(["ingest", "-"], "wien", stdin: importLines("w", 3))
        try sb(["status", k, "answered"], "berlin", user: "anna")
        try sb(["tag", k, "größe"], "hamburg", user: "tom")
        try sb(["note", k, "Rückruf über Straße"], "wien", user: "jörg")
        try sb(["status", k, "ignored"], "wien", user: "jörg")
        for s in ["berlin", "hamburg", "wien", "berlin", "hamburg"] { try sb(["sync"], s) }
        let b = try listing("berlin")
        XCTAssertEqual(b.split(separator: "\n").count, 12)
        XCTAssertEqual(try listing("hamburg"), b)
        XCTAssertEqual(try listing("wien"), b)
        let shown = try sb(["mentions", "show", k], "hamburg").out
        XCTAssertTrue(shown.contains("ignored"), shown)
        XCTAssertTrue(shown.contains("größe"), shown)
        XCTAssertTrue(shown.contains("Rückruf über Straße"), shown)
        for s in ["berlin", "hamburg", "wien"] { try sb(["doctor"], s) }
        // Nothing new: nothing comes in or goes out.
        let quiet = try sb(["sync"], "wien").out
        XCTAssertTrue(quiet.contains("nothing came in; nothing went out"), quiet)
        // Every site wrote only its own files.
        let files = try FileManager.default.subpathsOfDirectory(atPath: root + "/wien/log").filter {
            $0.hasSuffix(".jsonl")
        }
        XCTAssertEqual(
            Set(files.map { ($0 as NSString).lastPathComponent.split(separator: ".")[0] }),
            ["berlin", "hamburg", "wien"])
    }

    /// Hamburg's clock is 10 minutes slow (libfaketime): its later change still wins, as it had seen Berlin's.
    func testASiteWithASkewedClockStillOrdersItsActionsAfterWhatItSaw() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime") else {
            throw XCTSkip("faketime is not installed (apt-get install faketime)")
        }
        try threeSites()
        let k = try key("berlin", id: "b-0")
        try sb(["status", k, "answered"], "berlin")
        try sb(["sync"], "berlin")
        try sb(["sync"], "hamburg")
        let slow = try CLI.run(
            ["-f", "-10m", CLI.binary.path, "status", k, "open", "--data-dir", root + "/hamburg"],
            env: ["SWITCHBOARD_USER": "tom"], executable: URL(fileURLWithPath: "/usr/bin/faketime"))
        XCTAssertEqual(slow.status, 0, slow.err)
        try sb(["sync"], "hamburg")
        try sb(["sync"], "berlin")
        for s in ["berlin", "hamburg"] {
            let shown = try sb(["mentions", "show", k, "--json"], s).out
            XCTAssertTrue(shown.contains(#""status" : "open""#), "\(s): \(shown)")
        }
    }

    /// `listen --once` (cron) on a site polls, then syncs.
    func testListenOnceOnASiteSyncsToo() throws {
        try sb(["init", "--site", "berlin", "--remote", remote], "berlin")
        try sb(["ingest", "-"], "berlin", stdin: importLines("b", 4))
        let r = try sb(["listen", "--once"], "berlin")
        XCTAssertTrue(r.err.contains("sync berlin: nothing came in; out: 4 records, pushed"), r.err)
        let dir = root + "/hamburg"
        XCTAssertEqual(try CLI.run(["init", "--join", remote, "--site", "hamburg", "--data-dir", dir]).status, 0)
        XCTAssertEqual(try listing("hamburg"), try listing("berlin"))
    }

    /// A suspend at one site is synced at once: the home site of the account sees it before it posts.
    func testASuspendAtOneSiteIsSyncedAtOnce() throws {
        try threeSites()
        let r = try sb(["queue", "suspend", "--reason", "Shitstorm über Größe"], "hamburg")
        XCTAssertTrue(r.out.contains("synced the suspend to the other sites"), r.out + r.err)
        try sb(["sync"], "berlin")
        let st = try sb(["queue", "status"], "berlin").out
        XCTAssertTrue(st.contains("Shitstorm über Größe"), st)
    }

    func testConcurrentClaimsOnTwoSitesResolveToTheEarliestEverywhere() throws {
        try threeSites()
        try sb(["sync"], "hamburg")
        let k = try key("berlin", id: "b-2")
        try sb(["claim", k], "hamburg", user: "tom")
        usleep(20_000)
        try sb(["claim", k], "wien", user: "jörg")
        for s in ["wien", "hamburg", "berlin", "wien"] { try sb(["sync"], s) }
        for s in ["berlin", "hamburg", "wien"] {
            let shown = try sb(["mentions", "show", k, "--json"], s).out
            XCTAssertTrue(shown.contains(#""assignee" : "tom""#), "\(s): \(shown)")
        }
        let lost = try sb(["mentions", "show", k], "wien").out
        XCTAssertTrue(lost.contains("claim lost:  jörg (wien): claimed later than tom (hamburg)"), lost)
    }

    func testAPartitionedSiteLosesNothingWhenItComesBack() throws {
        try threeSites()
        // Wien is offline for a day of work; the others keep syncing.
        try sb(["ingest", "-"], "wien", stdin: importLines("offline", 6))
        let k = try key("berlin", id: "b-3")
        try sb(["status", k, "waiting"], "wien", user: "jörg")
        try sb(["ingest", "-"], "hamburg", stdin: importLines("h", 2))
        try sb(["sync"], "hamburg")
        try sb(["status", k, "answered"], "berlin")
        try sb(["sync"], "berlin")
        // Back online.
        let back = try sb(["sync"], "wien").out
        XCTAssertTrue(back.contains("in: "), back)
        try sb(["sync"], "berlin")
        try sb(["sync"], "hamburg")
        let b = try listing("berlin")
        XCTAssertEqual(b.split(separator: "\n").count, 13)
        XCTAssertEqual(try listing("hamburg"), b)
        XCTAssertEqual(try listing("wien"), b)
        XCTAssertTrue(try sb(["mentions", "show", k], "wien").out.contains("answered"))
    }

    func testAConflictInTeamJSONKeepsTheLocalVersionAndDoctorNamesIt() throws {
        try threeSites()
        func edit(_ site: String, _ brand: String) throws {
            let f = root + "/\(site)/team.json"
            let s = try String(contentsOfFile: f, encoding: .utf8)
            try s.replacingOccurrences(of: "\"Acme\"", with: "\"\(brand)\"").write(
                toFile: f, atomically: true, encoding: .utf8)
        }
        try edit("berlin", "Acme Berlin")
        try edit("hamburg", "Acme Hamburg")
        try sb(["sync"], "berlin")
        let r = try sb(["sync"], "hamburg")
        XCTAssertTrue(r.out.contains("team.json: changed here and on another site"), r.out)
        XCTAssertTrue(try String(contentsOfFile: root + "/hamburg/team.json", encoding: .utf8).contains("Acme Hamburg"))
        let doc = try sb(["doctor"], "hamburg", status: 1)
        XCTAssertTrue((doc.out + doc.err).contains("team.json: changed here and on another site"), doc.out + doc.err)
        try sb(["sync", "--resolved", "team.json"], "hamburg")
        try sb(["doctor"], "hamburg")
    }

    func testDoctorNotesASourceWithoutAHomeSite() throws {
        try sb(["init", "--site", "berlin", "--remote", remote], "berlin")
        let f = root + "/berlin/team.json"
        var team = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f))) as? [String: Any])
        team["sources"] = [
            ["id": "nachrichten", "type": "rss", "url": "http://127.0.0.1:9/feed.xml"],
            ["id": "masto", "type": "rss", "url": "http://127.0.0.1:9/other.xml", "home": "hamburg"],
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.sortedKeys]).write(to: URL(fileURLWithPath: f))
        let doc = try sb(["doctor"], "berlin")
        XCTAssertTrue(
            doc.out.contains(#"source "nachrichten" has no "home" site: every site that listens polls it"#), doc.out)
        XCTAssertFalse(doc.out.contains(#"source "masto""#), doc.out)
    }

    func testSyncWithoutAReachableRemoteFailsWithTheReasonAndLosesNothing() throws {
        try sb(["init", "--site", "berlin", "--remote", "file://\(root)/nowhere.git"], "berlin")
        try sb(["ingest", "-"], "berlin", stdin: importLines("b", 2))
        let r = try sb(["sync"], "berlin", status: 1)
        XCTAssertTrue(r.err.contains("sync: git fetch failed"), r.err)
        XCTAssertEqual(try listing("berlin").split(separator: "\n").count, 2)
        let plain = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: plain) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", plain]).status, 0)
        let none = try CLI.run(["sync", "--data-dir", plain])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.err.contains("has no site name"), none.err)
    }

    func testMigrateMovesASingleSiteDirectoryIntoSegmentsWithTheSameListing() throws {
        let d = root + "/solo"
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        try sb(["ingest", "-"], "solo", stdin: importLines("s", 9))
        let k = try key("solo", id: "s-4")
        try sb(["status", k, "ignored"], "solo")
        try sb(["note", k, "Grüße"], "solo")
        let before = try listing("solo")
        let r = try sb(["migrate", "--site", "berlin"], "solo")
        XCTAssertTrue(r.out.contains("logs moved"), r.out)
        XCTAssertEqual(try listing("solo"), before)
        XCTAssertFalse(
            try FileManager.default.contentsOfDirectory(atPath: d + "/log").contains { $0.hasPrefix("mentions-") })
        try sb(["doctor"], "solo")
    }
}
