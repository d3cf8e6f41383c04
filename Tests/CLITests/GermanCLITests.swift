import Foundation
import XCTest

/// Issue 21 on the command line: a German user (`LANG=de_DE.UTF-8`) on a data directory from `init --lang de`
/// works a day through the main commands — mentions, triage, queue, crisis with its incident report, report,
/// doctor — and their mistakes, and reads `--help`: no English word comes back.
final class GermanCLITests: XCTestCase {
    static let german = ["LANG": "de_DE.UTF-8"]

    /// English words of our output (case-sensitive, whole words). Command names, options, paths, ids and the
    /// mentions' own text are data and left out before the check.
    static let english: Set<String> = [
        "the", "and", "of", "for", "to", "with", "is", "are", "not", "no", "No", "found", "Error", "error", "failed",
        "warning", "mentions", "mention", "Mentions", "queue", "Queue", "crisis", "Crisis", "report", "Report",
        "playbook", "playbooks", "steps", "step", "started", "ended", "Started", "Ended", "suspended", "resumed",
        "held", "draft", "scheduled", "items", "item", "first", "data", "directory", "missing", "problems", "problem",
        "ready", "Show", "List", "Add", "help", "information", "version", "OPTIONS", "USAGE", "SUBCOMMANDS",
        "OVERVIEW", "ARGUMENTS", "Notes", "Replies", "by", "ago", "followers", "created", "author", "network",
        "language", "sentiment", "assignee", "tags", "KEY", "AGE", "NETWORK", "AUTHOR", "STATE", "WHEN", "ACCOUNTS",
        "answered", "open", "new", "running", "ACTIVE", "DRILL", "done", "skipped", "blocked", "note", "assign",
        "tag", "status", "Escalation", "per", "last", "empty", "run", "Set", "Reply", "Check", "default",
        "When", "Timeline", "Summary", "Steps", "Posts", "Volume", "Response", "times", "Overview", "Duration",
        "severity", "Severity", "summary", "what", "happened", "still", "edited", "restored", "deleted", "swapped",
    ]

    /// The words of `text` a German user reads as our language: backquoted commands, `switchboard …` examples,
    /// options, paths, URLs, ids and e-mail-like handles removed.
    static func words(_ text: String, ignoring data: Set<String>) -> Set<String> {
        let cleaned =
            text
            .replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"switchboard( [a-z-]+)+"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"--?[a-z][a-z-]*"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"\S*[/@.:=_]\S*"#, with: " ", options: .regularExpression)
        return Set(cleaned.split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting(data)
    }

    func assertGerman(
        _ args: [String], in dir: String, status: Int32? = 0, data: Set<String> = [], file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> CLI.Result {
        let r = try CLI.run(args + ["--data-dir", dir], env: GermanCLITests.german)
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.out)\(r.err)", file: file, line: line) }
        let found = GermanCLITests.words(r.out + "\n" + r.err, ignoring: data).intersection(GermanCLITests.english)
        XCTAssertEqual(
            found.sorted(), [], "English in `\(args.joined(separator: " "))`:\n\(r.out)\(r.err)", file: file, line: line
        )
        return r
    }

    func testAGermanDayOnTheCommandLineMeetsNoEnglish() throws {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--lang", "de", "--data-dir", d, "--brand", "Nordlicht"]).status, 0)
        let lines = [
            #"{"platform":"mastodon","id":"de-1","text":"Seit heute früh keine Rückerstattung, warum?","created_at":"2026-11-27T10:00:00Z","lang":"de","author":{"handle":"lena@social.example","followers":1200}}"#,
            #"{"platform":"mastodon","id":"de-2","text":"Großartiger Service, danke Nordlicht!","created_at":"2026-11-27T11:00:00Z","lang":"de","author":{"handle":"jonas@social.example","followers":80}}"#,
        ]
        let ingest = try CLI.run(["ingest", "--data-dir", d], stdin: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(ingest.status, 0, ingest.err)
        let content: Set<String> = [
            "Seit", "heute", "früh", "keine", "Rückerstattung", "warum", "Großartiger",
            "Service", "danke", "Nordlicht", "lena", "jonas", "social", "example", "mastodon",
        ]
        let list = try assertGerman(["mentions", "list"], in: d, data: content)
        XCTAssertTrue(list.out.contains("SCHLÜSSEL"), list.out)
        let row = list.out.split(separator: "\n").first { $0.contains("lena") } ?? ""
        let key = String(row.prefix { $0 != " " })
        let show = try assertGerman(["mentions", "show", key], in: d, data: content)
        XCTAssertTrue(show.out.contains("1.200 Follower"), show.out)
        try assertGerman(["status", key, "answered"], in: d, data: content)
        try assertGerman(["assign", key, "anna"], in: d, data: content.union(["anna"]))
        try assertGerman(["tag", key, "rechnung"], in: d, data: ["rechnung"])
        let note = try assertGerman(["note", key, "Rückruf vereinbart"], in: d, data: ["Rückruf", "vereinbart"])
        XCTAssertTrue(note.out.contains("Notiz: Rückruf vereinbart"), note.out)
        try assertGerman(["mentions", "show", "zzzz"], in: d, status: 1)
        // A reply to a feed item is given by hand: the text, where, and the confirmation.
        let feed =
            #"{"platform":"rss","id":"https://blog.example/nordlicht","url":"https://blog.example/nordlicht","#
            + #""text":"Nordlicht erhöht die Preise","created_at":"2026-11-27T09:00:00Z","lang":"de"}"#
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: feed + "\n").status, 0)
        let all = try CLI.run(["mentions", "list", "--data-dir", d]).out
        let rss = String((all.split(separator: "\n").first { $0.contains("rss") } ?? "").prefix { $0 != " " })
        let reply = try assertGerman(
            ["reply", rss, "--text", "Danke für den Hinweis", "--yes"], in: d,
            data: ["rss", "Danke", "für", "den", "Hinweis", "Nordlicht", "erhöht", "Preise"])
        XCTAssertTrue(reply.out.contains("als beantwortet markiert (von Hand)"), reply.out)
        try assertGerman(["mentions", "list"], in: d + "-fehlt", status: 1)

        // A Mastodon account to post to (nothing is published here).
        let teamFile = URL(fileURLWithPath: d + "/team.json")
        var team = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: teamFile)) as? [String: Any])
        team["sources"] = [
            ["id": "masto", "type": "mastodon", "instance": "https://social.example", "token_file": "secrets/m.token"]
        ]
        try JSONSerialization.data(withJSONObject: team).write(to: teamFile)
        try FileManager.default.createDirectory(atPath: d + "/secrets", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: d + "/secrets/m.token", contents: Data("token".utf8), attributes: [.posixPermissions: 0o600])
        let post = ["Neuer", "Tarif", "ab", "Montag", "masto"]
        let added = try assertGerman(["queue", "add", "Neuer Tarif ab Montag"], in: d, data: Set(post))
        let id = String(added.out.split(separator: ":").first ?? "")
        try assertGerman(["queue", "list"], in: d, data: Set(post))
        try assertGerman(["queue", "show", id], in: d, data: Set(post))
        try assertGerman(["queue", "suspend", "--reason", "Störung"], in: d, data: ["Störung"])
        try assertGerman(["queue", "status"], in: d, data: ["Störung"])
        try assertGerman(["queue", "resume", "--keep-holding"], in: d)
        try assertGerman(["queue", "delete", id], in: d)
        try assertGerman(["queue", "restore", id], in: d)
        try assertGerman(["queue", "schedule", id, "--at", "bald"], in: d, status: 2, data: ["bald"])

        let books = try assertGerman(["crisis", "list"], in: d, data: ["Datenleck", "Shitstorm", "data"])
        XCTAssertTrue(books.out.contains("ABLAUFPLAN"), books.out)
        try assertGerman(["crisis", "start", "service-outage", "--severity", "1", "--suspend-queue"], in: d)
        try assertGerman(["crisis", "status"], in: d)
        try assertGerman(["crisis", "done", "1"], in: d)
        let end = try assertGerman(["crisis", "end", "Störung", "behoben"], in: d, data: ["Störung", "behoben"])
        XCTAssertTrue(end.out.contains("Bericht: "), end.out)
        try assertGerman(["crisis", "report", "last"], in: d, data: ["Störung", "behoben"])

        try assertGerman(["report"], in: d, data: content)
        try assertGerman(["doctor"], in: d)
    }

    func testHelpIsGerman() throws {
        let d = CLI.tempDataDir()
        // The command names stay as they are (they are what one types).
        let commands: Set<String> = [
            "init", "mentions", "status", "assign", "tag", "note", "handoff", "moderate", "post", "thread", "contacts",
            "routing", "claim", "reply", "outbox", "queue", "log", "report", "doctor", "ingest", "compact",
            "reindex", "sync", "migrate", "feed", "analyze", "reanalyze", "keys", "listen", "sources", "brands",
            "crisis", "list", "show", "add", "edit", "schedule", "delete", "restore", "duplicate", "retry", "swap",
            "suspend", "resume", "start", "drill", "end", "done", "skip", "block", "reopen", "notify", "severity",
            "statement", "check", "text", "md", "csv", "json", "help", "subcommand", "key", "id", "files", "summary",
            "playbook", "reason", "step", "level", "since", "until", "format", "output", "theme", "demo", "brand",
            "light", "mono", "contrast", "high", "language", "LANGUAGE", "LANG", "en", "de", "value", "yes", "now",
            "at", "account", "variant", "media", "alt", "link", "via", "campaign", "all", "template", "limit", "query",
            "force", "as", "of", "slot", "next", "holding", "keep", "dir", "crisis", "publish", "lang", "because",
            "default", "new", "open", "waiting", "answered", "escalated", "ignored", "spam",
        ]
        for args in [
            ["--help"], ["queue", "--help"], ["mentions", "list", "--help"], ["reply", "--help"],
            ["crisis", "--help"], ["crisis", "start", "--help"], ["report", "--help"], ["queue", "add", "--help"],
        ] {
            let r = try CLI.run(args, env: GermanCLITests.german)
            XCTAssertEqual(r.status, 0, r.err)
            let found = GermanCLITests.words(r.out, ignoring: commands).intersection(GermanCLITests.english)
            XCTAssertEqual(found.sorted(), [], "English in \(args):\n\(r.out)")
        }
        let root = try CLI.run(["--help"], env: GermanCLITests.german)
        XCTAssertTrue(root.out.contains("UNTERBEFEHLE:"), root.out)
        XCTAssertTrue(root.out.contains("Gespeicherte Erwähnungen auflisten und zeigen."), root.out)
        let report = try CLI.run(["report", "--help"], env: GermanCLITests.german)
        XCTAssertTrue(report.out.contains("OPTIONEN:"), report.out)
        XCTAssertTrue(report.out.contains("Den Bericht in diese Datei"), report.out)
        // English stays English.
        let en = try CLI.run(["--help"])
        XCTAssertTrue(en.out.contains("SUBCOMMANDS:"), en.out)
        XCTAssertTrue(en.out.contains("List and show stored mentions."), en.out)
        _ = d
    }
}
