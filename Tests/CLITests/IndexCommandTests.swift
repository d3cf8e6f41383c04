import Foundation
import GRDB
import SwitchboardCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `mentions list` answers through the index (German spellings both ways, catch-up after another process wrote,
/// a page without loading the history), `reindex` rebuilds it with a progress line, `doctor` compares it.
final class IndexCommandTests: XCTestCase {
    func testMentionsQueryAnswersThroughTheIndexAndCatchesUp() throws {
        let d = try initialisedDataDir()
        let lines = [
            #"{"platform":"mastodon","id":"1","text":"Schon wieder eine Störung bei Acme","created_at":"2026-11-20T10:00:00Z","author":{"handle":"jörg@example.social"}}"#,
            #"{"platform":"bluesky","id":"2","text":"Acme in der Hauptstraße eröffnet","created_at":"2026-11-21T10:00:00Z","author":{"handle":"anna.bsky.social"}}"#,
            #"{"platform":"mastodon","id":"3","text":"Danke Acme!","created_at":"2026-11-22T10:00:00Z","author":{"handle":"carla@example.social"}}"#,
        ]
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: lines.joined(separator: "\n") + "\n").status, 0)
        let first = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "stoerung"])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.err.contains("switchboard: building the index"), first.err)
        XCTAssertEqual(first.out.split(separator: "\n").count, 2, first.out)
        XCTAssertTrue(first.out.contains("Schon wieder eine Störung bei Acme"), first.out)
        XCTAssertTrue(first.out.contains("jörg@example.social"), first.out)

        let strasse = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "STRASSE net:b", "--json"])
        XCTAssertEqual(strasse.status, 0, strasse.err)
        XCTAssertEqual(strasse.err, "")
        XCTAssertEqual(strasse.out.split(separator: "\n").count, 1)
        XCTAssertTrue(strasse.out.contains("Hauptstraße"), strasse.out)

        // Another process tags one and stores a new one: the next search sees both, without a rebuild.
        let key = MentionKey.make(platform: "mastodon", id: "3")
        XCTAssertEqual(try CLI.run(["tag", "--data-dir", d, key, "lob"]).status, 0)
        let more = #"{"platform":"mastodon","id":"4","text":"Störungen überall","created_at":"2026-11-23T10:00:00Z"}"#
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: more + "\n").status, 0)
        let after = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "tag:lob OR störung"])
        XCTAssertEqual(after.status, 0, after.err)
        XCTAssertEqual(after.err, "")
        let rows = after.out.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
        XCTAssertEqual(
            rows, [MentionKey.make(platform: "mastodon", id: "4"), key, MentionKey.make(platform: "mastodon", id: "1")])
        let status = try CLI.run(["mentions", "list", "--data-dir", d, "--status", "new", "--query", "acme OR lob"])
        XCTAssertEqual(status.out.split(separator: "\n").count, 4, status.out)

        // A bad query still gets its caret under what was typed.
        let bad = try CLI.run(["mentions", "list", "--data-dir", d, "--status", "new", "--query", "is:bogus"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("is:bogus\n     ^"), bad.err)
    }

    func testReindexRebuildsWithAProgressLineAndDoctorComparesTheIndex() throws {
        let d = try initialisedDataDir()
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: importLines("p", 30)).status, 0)
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "p-3"), "x"]).status, 0)
        // No index yet: nothing to say (it is built when first needed).
        let none = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(none.status, 0, none.out)
        XCTAssertFalse(none.out.contains("index/"), none.out)

        let r = try CLI.run(["reindex", "--data-dir", d])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.hasPrefix("switchboard: rebuilding the index: asked for (switchboard reindex) …"), r.err)
        XCTAssertTrue(r.out.hasPrefix("Index rebuilt: 30 mentions, 1 actions in "), r.out)
        XCTAssertTrue(r.out.hasSuffix(" MB on disk).\n"), r.out)
        let ok = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(ok.status, 0, ok.out)
        XCTAssertTrue(ok.out.hasSuffix(": no problems found.\n"), ok.out)

        // Behind the logs (a colleague tagged one since): nothing to say either; it catches up when next opened.
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "p-4"), "y"]).status, 0)
        let behind = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(behind.status, 0, behind.out)
        XCTAssertFalse(behind.out.contains("index/"), behind.out)
        let sqlite = d + "/index/history.sqlite"
        let tagged = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "tag:y", "--json"])
        XCTAssertEqual(tagged.out.split(separator: "\n").count, 1, tagged.out)
        // An index that disagrees with the logs (made to, by hand) is a problem, with its repair.
        try corruptStatus(sqlite)
        let wrong = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(wrong.status, 1, wrong.out)
        XCTAssertTrue(wrong.out.contains("problem  index/history.sqlite: the state of "), wrong.out)
        XCTAssertTrue(wrong.out.contains("; run: switchboard reindex"), wrong.out)
        XCTAssertEqual(try CLI.run(["reindex", "--data-dir", d]).status, 0)
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", d]).status, 0)
        // doctor --fix brings a lagging index up to date before comparing.
        XCTAssertEqual(
            try CLI.run(["tag", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "p-5"), "z"]).status, 0)
        try corruptStatus(sqlite)
        let fixed = try CLI.run(["doctor", "--fix", "--data-dir", d])
        XCTAssertEqual(fixed.status, 1, fixed.out)
        XCTAssertTrue(fixed.out.contains("problem  index/history.sqlite: the state of "), fixed.out)
    }

    /// 100,000 mentions: a page of a query through the index needs a fraction of the memory of folding the history
    /// (what every command did before, and what `mentions show` still does).
    func testAQueryOnALargeStoreDoesNotLoadTheHistory() throws {
        let d = try initialisedDataDir()
        let enc = JSONEncoder()
        enc.dateEncodingStrategy = .switchboard
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Data()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for i in 0..<100_000 {
            let m = Mention(
                platform: i % 3 == 0 ? "bluesky" : "mastodon", id: "\(i)",
                text: i % 1000 == 7
                    ? "Die Störung Nummer \(i) dauert an" : "Ganz normaler Beitrag Nummer \(i) über Acme",
                createdAt: start.addingTimeInterval(Double(i)), author: Author(handle: "user\(i % 500)@example.social"))
            bytes += try enc.encode(m)
            bytes.append(10)
        }
        try FileManager.default.createDirectory(atPath: d + "/log", withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: d + "/log/mentions-2026-09.jsonl"))
        XCTAssertEqual(try CLI.run(["reindex", "--data-dir", d]).status, 0)

        let (query, queryRSS) = try runMeasured([
            "mentions", "list", "--data-dir", d, "--query", "stoerung", "--limit", "3",
        ])
        XCTAssertEqual(query.status, 0)
        let shown = query.out.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
        XCTAssertEqual(
            shown,
            [99_007, 98_007, 97_007].map {
                MentionKey.make(platform: $0 % 3 == 0 ? "bluesky" : "mastodon", id: "\($0)")
            })
        let (fold, foldRSS) = try runMeasured(["mentions", "show", "--data-dir", d, shown[0]])
        XCTAssertEqual(fold.status, 0)
        XCTAssertLessThan(queryRSS * 2, foldRSS, "peak memory: query \(queryRSS) kB, folding the history \(foldRSS) kB")
    }

    /// Runs the binary under GNU time (`/usr/bin/time -f %M`): its result and its peak memory in kB. (Measured by
    /// `time`, which forks the command: a child spawned straight from this large test process would count the
    /// test's own memory as its peak.)
    func runMeasured(_ args: [String]) throws -> (CLI.Result, Int) {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else {
            throw XCTSkip("GNU time (/usr/bin/time) is not installed")
        }
        let r = try CLI.run(["-f", "peak %M", CLI.binary.path] + args, executable: time)
        let peak = r.err.split(separator: "\n").last { $0.hasPrefix("peak ") }.flatMap { Int($0.dropFirst(5)) }
        return (r, peak ?? 0)
    }

    /// Sets every mention's status column to "spam" behind the logs' back (as a broken index would hold).
    func corruptStatus(_ path: String) throws {
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE mention SET status = 6") }
    }
}
