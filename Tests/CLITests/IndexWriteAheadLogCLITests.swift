import Foundation
import SwitchboardCore
import XCTest

/// Commands that open the index alone: each leaves the index's write-ahead log for the next (no checkpoint and no
/// `fsync` at exit), `doctor` still compares what is in it, and mentions of the same second list in key order
/// whatever order they were stored in.
final class IndexWriteAheadLogCLITests: XCTestCase {
    func line(_ id: String, _ text: String, at time: String) -> String {
        #"{"platform":"mastodon","id":"\#(id)","text":"\#(text)","created_at":"2026-11-20T\#(time)Z","author":{"handle":"jörg@example.social"}}"#
    }

    func testTheWriteAheadLogOutlivesEachCommandAndDoctorReadsIt() throws {
        let d = try initialisedDataDir()
        let wal = URL(fileURLWithPath: d + "/index/history.sqlite-wal")
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: importLines("p", 30)).status, 0)
        let built = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "acme"])
        XCTAssertEqual(built.status, 0, built.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: wal.path), "the write-ahead log was removed at exit")

        // Another process stores one mention and tags another; the next command catches up and exits.
        let more = line("w1", "Störung in der Hauptstraße", at: "12:00:00")
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: more + "\n").status, 0)
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "p-3"), "lob"]).status, 0)
        let found = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "strasse OR tag:lob", "--json"])
        XCTAssertEqual(found.status, 0, found.err)
        XCTAssertEqual(found.err, "")
        XCTAssertEqual(found.out.split(separator: "\n").count, 2, found.out)
        XCTAssertGreaterThan(FileIO.size(wal), 0)

        // doctor reads the index with what only its write-ahead log holds: the counts and states agree.
        let ok = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(ok.status, 0, ok.out)
        XCTAssertTrue(ok.out.hasSuffix(": no problems found.\n"), ok.out)
        XCTAssertEqual(try CLI.run(["mentions", "list", "--data-dir", d, "--query", "tag:lob"]).status, 0)
    }

    func testMentionsOfTheSameSecondListInKeyOrderWhateverOrderTheyWereStoredIn() throws {
        let d = try initialisedDataDir()
        let ids = ["m-2", "m-9", "m-1", "m-5"]
        let lines = ids.map { line($0, "Grüße aus Köln \($0)", at: "09:30:00") }
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: lines.joined(separator: "\n") + "\n").status, 0)
        let listed = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "gruesse"])
        XCTAssertEqual(listed.status, 0, listed.err)
        let keys = listed.out.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
        // By key, descending (the newest-first order) — not the reverse of the order they were stored in.
        XCTAssertEqual(keys, ["m-2", "m-9", "m-5", "m-1"].map { MentionKey.make(platform: "mastodon", id: $0) })
    }
}
