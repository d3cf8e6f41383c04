import Foundation
import XCTest

/// Issue 19, what was left: the index caught up (not rebuilt) after a sync, a document in conflict that stops
/// syncing until it is settled, and notify commands and hand-off deliveries run by one site.
extension SyncCommandTests {
    /// A sync that brings 10 new mentions into a store of 3,000: git wrote Berlin's segment anew at Hamburg, with the
    /// same bytes and 10 lines more; the index reads on from where it was instead of being built again.
    func testASyncThatBringsMentionsInCatchesTheIndexUpInsteadOfRebuildingIt() throws {
        try sb(["init", "--site", "berlin", "--remote", remote], "berlin")
        try sb(["ingest", "-"], "berlin", stdin: importLines("alt", 3000))
        try sb(["sync"], "berlin")
        XCTAssertEqual(
            try CLI.run(["init", "--join", remote, "--site", "hamburg", "--data-dir", root + "/hamburg"]).status, 0)
        let first = try sb(["mentions", "list", "--json", "--limit", "5000"], "hamburg")
        XCTAssertEqual(first.out.split(separator: "\n").count, 3000)
        let segment = try XCTUnwrap(
            try FileManager.default.subpathsOfDirectory(atPath: root + "/hamburg/log").first {
                $0.hasSuffix("berlin.mentions.jsonl")
            })
        let path = root + "/hamburg/log/" + segment
        // A second name for the file keeps its inode taken, so the file git writes anew gets another one (a file
        // system may otherwise hand the freed number out again at once).
        XCTAssertEqual(link(path, root + "/kept-inode"), 0)
        let inodeBefore = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int

        try sb(["ingest", "-"], "berlin", stdin: importLines("neu-grüße", 10))
        try sb(["sync"], "berlin")
        let came = try sb(["sync"], "hamburg").out
        XCTAssertTrue(came.contains("in: 10 records (berlin 10)"), came)
        let inodeAfter = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        XCTAssertNotEqual(inodeBefore, inodeAfter, "git wrote the segment anew (what this test is about)")

        let after = try sb(["mentions", "list", "--json", "--limit", "5000"], "hamburg")
        XCTAssertFalse(after.err.contains("rebuilding the index"), after.err)
        XCTAssertEqual(after.out.split(separator: "\n").count, 3010)
        XCTAssertTrue(after.out.contains("\"neu-grüße-9\""), after.out.suffix(400).description)
        XCTAssertEqual(after.out, try listing("berlin", limit: 5000))
        try sb(["doctor"], "hamburg")
    }

    func listing(_ site: String, limit: Int) throws -> String {
        try sb(["mentions", "list", "--json", "--limit", "\(limit)"], site).out
    }

    func teamJSON(_ site: String) throws -> String {
        try String(contentsOfFile: root + "/\(site)/team.json", encoding: .utf8)
    }

    func replace(_ site: String, _ old: String, _ new: String) throws {
        let s = try teamJSON(site)
        XCTAssertTrue(s.contains(old), "\(site): \(s)")
        try s.replacingOccurrences(of: old, with: new).write(
            toFile: root + "/\(site)/team.json", atomically: true, encoding: .utf8)
    }

    /// A document both sites changed: Hamburg keeps its version and stops syncing the file, both ways, until the
    /// person settles it; then Hamburg's settled version goes out again.
    func testADocumentInConflictStopsSyncingUntilItIsSettled() throws {
        try threeSites()
        try sb(["sync"], "hamburg")
        try replace("berlin", "\"Acme\"", "\"Acme Berlin\"")
        try replace("hamburg", "\"Acme\"", "\"Acme Hamburg\"")
        try sb(["sync"], "berlin")
        let r = try sb(["sync"], "hamburg")
        XCTAssertTrue(r.out.contains("team.json: changed here and on another site"), r.out)
        XCTAssertTrue(r.out.contains("the file no longer syncs"), r.out)
        // Hamburg's version does not go out; Berlin's next change does not come in.
        try sb(["sync"], "berlin")
        XCTAssertTrue(try teamJSON("berlin").contains("\"Acme Berlin\""))
        try replace("berlin", "\"Acme Berlin\"", "\"Acme Zentrale\"")
        try sb(["ingest", "-"], "berlin", stdin: importLines("b-neu", 2))
        try sb(["sync"], "berlin")
        let held = try sb(["sync"], "hamburg").out
        XCTAssertTrue(held.contains("in: 2 records (berlin 2)"), held)
        XCTAssertTrue(try teamJSON("hamburg").contains("\"Acme Hamburg\""))
        let doc = try sb(["doctor"], "hamburg", status: 1)
        XCTAssertTrue(doc.out.contains("team.json: changed here and on another site"), doc.out + doc.err)
        try sb(["sync"], "wien")
        XCTAssertTrue(try teamJSON("wien").contains("\"Acme Zentrale\""))
        // Settled by hand: it syncs again, and goes out.
        try replace("hamburg", "\"Acme Hamburg\"", "\"Acme Nord\"")
        let settled = try sb(["sync", "--resolved", "team.json"], "hamburg").out
        XCTAssertTrue(settled.contains("team.json: syncs again"), settled)
        XCTAssertTrue(settled.contains("pushed"), settled)
        try sb(["sync"], "berlin")
        try sb(["sync"], "wien")
        for s in ["berlin", "hamburg", "wien"] {
            XCTAssertTrue(try teamJSON(s).contains("\"Acme Nord\""), s)
            try sb(["doctor"], s)
        }
    }
}
