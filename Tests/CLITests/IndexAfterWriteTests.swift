import Foundation
import GRDB
import SwitchboardCore
import XCTest

/// `ingest` and `listen` bring the history index up to date after they append: the index's offsets equal the logs'
/// sizes when the command returns, and the next search reads no log tail (nothing to catch up, no progress line).
final class IndexAfterWriteTests: XCTestCase {
    func testIngestLeavesTheIndexCaughtUpWithTheLogs() throws {
        let d = try initialisedDataDir()
        // The team searched once: the index exists (a data directory without one gets it from its first reader).
        XCTAssertEqual(try CLI.run(["mentions", "list", "--data-dir", d]).status, 0)
        let lines = [
            #"{"platform":"mastodon","id":"1","text":"Schon wieder eine Störung bei Acme","created_at":"2026-11-20T10:00:00Z","author":{"handle":"jörg@example.social"}}"#,
            #"{"platform":"bluesky","id":"2","text":"Acme in der Hauptstraße eröffnet","created_at":"2026-11-21T10:00:00Z","author":{"handle":"anna.bsky.social"}}"#,
        ]
        let r = try CLI.run(["ingest", "--data-dir", d], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "", "a small history builds its index without a progress line")
        try assertCaughtUp(d, mentions: 2)

        // The search finds both through the index and has nothing to read from the logs.
        let before = try offsets(d)
        let found = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "stoerung OR STRASSE"])
        XCTAssertEqual(found.status, 0, found.err)
        XCTAssertEqual(found.err, "", "no rebuild, no catch-up line")
        XCTAssertTrue(found.out.contains("Schon wieder eine Störung bei Acme"), found.out)
        XCTAssertTrue(found.out.contains("Acme in der Hauptstraße eröffnet"), found.out)
        XCTAssertEqual(try offsets(d), before)

        // Another ingest, with a colleague's tag in between: both are in the index when ingest returns.
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "1"), "öl"]).status, 0)
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: importLines("n", 40)).status, 0)
        try assertCaughtUp(d, mentions: 42)
        let tags = try DatabaseQueue(path: d + "/index/history.sqlite").read { db in
            try String.fetchOne(
                db, sql: "SELECT tags FROM mention WHERE key = ?",
                arguments: [MentionKey.make(platform: "mastodon", id: "1")])
        }
        XCTAssertEqual(tags, "\u{1F}öl\u{1F}")
    }

    /// From a file the index follows the appends while `ingest` runs (one catch-up over several batches, with a
    /// colleague's action in the logs between two ingests): when it returns the index holds every mention once, and
    /// a search finds them without reading the logs.
    /// A file as large as the workbench reads through the index (16 MB; `SWITCHBOARD_WINDOW_FROM` lowers it here) makes
    /// the index when the data directory has none: the import pays for its index, and the first workbench after it
    /// opens from it at once. A smaller file leaves a directory without an index as it is (its first reader builds
    /// it), and a pipe too (its size is unknown).
    func testIngestOfALargeFileMakesTheIndexWhenThereIsNone() throws {
        let d = try initialisedDataDir()
        let index = d + "/index/history.sqlite"
        let file = d + "/import.jsonl"
        try importLines("g", 30).write(toFile: file, atomically: true, encoding: .utf8)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)

        var r = try CLI.run(["ingest", file, "--data-dir", d], env: ["SWITCHBOARD_WINDOW_FROM": "\(size + 1)"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index), "smaller than the threshold: no index")
        r = try CLI.run(["ingest", "--data-dir", d], stdin: importLines("p", 5), env: ["SWITCHBOARD_WINDOW_FROM": "1"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index), "from a pipe: no index")

        try importLines("h", 40).write(toFile: file, atomically: true, encoding: .utf8)
        r = try CLI.run(["ingest", file, "--data-dir", d, "--batch-size", "9"], env: ["SWITCHBOARD_WINDOW_FROM": "100"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "", "a small history builds its index without a progress line")
        // Everything the logs hold is in it: the 35 stored before it and the 40 it followed.
        try assertCaughtUp(d, mentions: 75)
    }

    func testIngestOfAFileLeavesTheIndexCaughtUpAfterFollowingItsBatches() throws {
        let d = try initialisedDataDir()
        XCTAssertEqual(try CLI.run(["mentions", "list", "--data-dir", d]).status, 0)
        let file = d + "/import.jsonl"
        // In batches of 7: the index follows nine appends.
        try importLines("f", 60).write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["ingest", file, "--batch-size", "7", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("60"), r.out)
        try assertCaughtUp(d, mentions: 60)
        // Ten of its lines are stored already.
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "f-3"), "öl"]).status, 0)
        try importLines("f", 70).split(separator: "\n").suffix(20).joined(separator: "\n")
            .appending("\n").write(toFile: file, atomically: true, encoding: .utf8)
        let again = try CLI.run(["ingest", file, "--batch-size", "3", "--data-dir", d, "--json"])
        XCTAssertEqual(again.status, 0, again.err)
        let summary = try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any]
        XCTAssertEqual(summary?["new"] as? Int, 10, again.out)
        XCTAssertEqual(summary?["duplicate"] as? Int, 10, again.out)
        try assertCaughtUp(d, mentions: 70)
        let before = try offsets(d)
        let found = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "tag:öl", "--json"])
        XCTAssertEqual(found.status, 0, found.err)
        XCTAssertEqual(found.err, "", "nothing to catch up")
        XCTAssertEqual(found.out.split(separator: "\n").count, 1, found.out)
        XCTAssertEqual(try offsets(d), before)
    }

    func testListenOnceLeavesTheIndexCaughtUp() throws {
        let d = try initialisedDataDir()
        // An index exists (a search made it) before the listener stores anything.
        XCTAssertEqual(try CLI.run(["mentions", "list", "--data-dir", d]).status, 0)
        try FileManager.default.createDirectory(atPath: d + "/inbox", withIntermediateDirectories: true)
        try importLines("drop", 5).write(toFile: d + "/inbox/batch.jsonl", atomically: true, encoding: .utf8)
        let once = try CLI.run(["listen", "--once", "--data-dir", d])
        XCTAssertEqual(once.status, 0, once.err)
        XCTAssertTrue(once.err.contains(" inbox: 5 new of 5 fetched; next "), once.err)
        try assertCaughtUp(d, mentions: 5)
    }

    /// Every log has a row in the index's `logfile` table with its offset at the log's end, and the index holds
    /// `mentions` mentions.
    func assertCaughtUp(_ d: String, mentions: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let read = try offsets(d)
        let logs = try logSizes(d)
        XCTAssertFalse(logs.isEmpty, file: file, line: line)
        XCTAssertEqual(read, logs, "the index's offsets against the logs' sizes", file: file, line: line)
        let count = try DatabaseQueue(path: d + "/index/history.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE present = 1")
        }
        XCTAssertEqual(count, mentions, file: file, line: line)
    }

    func offsets(_ d: String) throws -> [String: Int] {
        let rows = try DatabaseQueue(path: d + "/index/history.sqlite").read { db in
            try Row.fetchAll(db, sql: "SELECT name, off FROM logfile")
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["off"] as Int) })
    }

    /// The size of every non-empty `.jsonl` log under `log/`, by its name relative to `log/`.
    func logSizes(_ d: String) throws -> [String: Int] {
        let root = URL(fileURLWithPath: d + "/log")
        var out: [String: Int] = [:]
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey])
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "jsonl", let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize,
                size > 0
            else { continue }
            out[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = size
        }
        return out
    }
}
