import Foundation
import XCTest

/// Issue 21, the rest of the command line: every command's `--help` (enumerated from the command tree the binary
/// describes, not a hand list) and the output and errors of the commands a German day reaches beyond triage —
/// contacts, outbox, sources, sync, migrate, feed, thread, moderate, media, brands, log, hand-offs and the
/// administrative ones — say nothing in English.
extension GermanCLITests {
    /// More English words of our output, checked together with `english`.
    static let moreEnglish: Set<String> = [
        "sent", "pending", "Nothing", "nothing", "added", "saved", "removed", "rule", "contact", "contacts", "post",
        "posts", "stored", "fetched", "brands", "brand", "site", "records", "moved", "logs", "cannot", "read",
        "given", "give", "known", "unknown", "only", "listener", "running", "Identities", "History", "roles",
        "reach", "seen", "merged", "split", "answer", "delivered", "handed", "off", "waiting", "taken", "back",
        "Entries", "published", "updated", "author", "rebuilt", "actions", "changed", "analysed", "Compacted",
        "files", "bytes", "key", "keys", "when", "Take", "Print", "Only", "Also", "With", "line",
        "per", "file", "command", "commands", "reads", "month", "quota", "units", "today", "library", "media",
    ]

    static var allEnglish: Set<String> { english.union(moreEnglish) }

    /// `text` without what a German text quotes as it is: double-quoted literals (JSON keys, `"stored N"`) and the
    /// English names of things (Share of Voice, Facebook Login for Devices).
    static func withoutQuoted(_ text: String) -> String {
        var out = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #""[^"]*""#, with: " ", options: .regularExpression)
        for name in ["Share of Voice", "Login for Devices"] { out = out.replacingOccurrences(of: name, with: " ") }
        return out
    }

    /// Runs `args` in German (with `env` added) and fails on any English word of our output.
    @discardableResult
    func assertAllGerman(
        _ args: [String], in dir: String?, status: Int32? = 0, env: [String: String] = [:], data: Set<String> = [],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> CLI.Result {
        let r = try CLI.run(
            args + (dir.map { ["--data-dir", $0] } ?? []), env: GermanCLITests.german.merging(env) { $1 })
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.out)\(r.err)", file: file, line: line) }
        let found = GermanCLITests.words(r.out + "\n" + r.err, ignoring: data).intersection(GermanCLITests.allEnglish)
        XCTAssertEqual(
            found.sorted(), [], "English in `\(args.joined(separator: " "))`:\n\(r.out)\(r.err)", file: file,
            line: line)
        return r
    }

    /// Every command path of the binary, from its own description of the command tree (`--experimental-dump-help`).
    static func commandPaths() throws -> [[String]] {
        let r = try CLI.run(["--experimental-dump-help"])
        let root = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "no command tree: \(r.err)")
        var out: [[String]] = []
        func walk(_ c: [String: Any], _ path: [String]) {
            out.append(path)
            for s in c["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = s["commandName"] as? String, name != "help" else { continue }
                walk(s, path + [name])
            }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), [])
        return out
    }

    func testEveryCommandsHelpIsGerman() throws {
        let paths = try GermanCLITests.commandPaths()
        XCTAssertGreaterThan(paths.count, 80, "the command tree looks incomplete: \(paths)")
        // What one types stays as it is: the command names, and the words of option values and examples.
        let names = Set(paths.flatMap { $0 })
        let typed: Set<String> = [
            "help", "yes", "no", "all", "json", "text", "md", "csv", "now", "default", "new", "open", "waiting",
            "answered", "escalated", "ignored", "spam", "mastodon", "bluesky", "instagram", "facebook", "threads",
            "youtube", "x", "reddit", "rss", "vip", "browser", "device", "reach", "activity", "sentiment", "recent",
            "hide", "unhide", "delete", "hold", "approve", "reject", "remove", "lock", "unlock", "mute", "unmute",
            "block", "unblock", "report", "fan", "critic", "error", "sync", "remote", "branch", "main",
            "home", "brands", "name", "dir", "when", "team", "command", "routing", "LANGUAGE", "LANG", "en", "de",
            "lang", "language", "question", "complaint", "negative", "lang", "intents", "score", "events",
        ]
        for path in paths {
            let r = try CLI.run(path + ["--help"], env: GermanCLITests.german)
            XCTAssertEqual(r.status, 0, "\(path): \(r.err)")
            let shown = GermanCLITests.withoutQuoted(r.out)
            let found = GermanCLITests.words(shown, ignoring: names.union(typed)).intersection(
                GermanCLITests.allEnglish)
            XCTAssertEqual(found.sorted(), [], "English in `\((path + ["--help"]).joined(separator: " "))`:\n\(r.out)")
        }
    }
}
