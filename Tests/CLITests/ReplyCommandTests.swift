import Foundation
import SwitchboardCore
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `switchboard reply` and `outbox` end to end: the real binary, a data directory whose Mastodon source points at a
/// server this test starts on 127.0.0.1, and the requests that server received.
final class ReplyCommandTests: XCTestCase {
    var server: NetworkTestServer!
    var created = StatusIDs()
    override func setUpWithError() throws {
        server = try NetworkTestServer()
        let ids = created
        // Like Mastodon: the same Idempotency-Key answers with the status already created.
        server.handle("POST", "/api/v1/statuses") { r in
            let id = ids.id(for: r.header("idempotency-key") ?? "")
            return .json(
                #"{"id":"\#(id)","uri":"https://social.example/users/acme/statuses/\#(id)","url":"https://social.example/@acme/\#(id)","content":"<p>ok</p>","created_at":"2026-11-27T10:00:00.000Z","visibility":"unlisted","account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"https://social.example/@acme"}}"#
            )
        }
    }
    override func tearDown() { server.stop() }

    /// An initialised data directory with a Mastodon source on the test server, anna's signature, and three mentions.
    func dataDir() throws -> (String, mastodon: String, second: String, rss: String) {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d]).status, 0)
        let teamURL = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        var sources = team["sources"] as! [[String: Any]]
        sources.append([
            "id": "masto", "type": "mastodon", "instance": server.baseURL.absoluteString,
            "token_file": "secrets/masto.token",
        ])
        team["sources"] = sources
        team["team"] = [
            ["user": "anna", "name": "Anna Schmidt", "role": "agent", "signature": "^AS"],
            ["user": "ben", "name": "Ben", "role": "agent"],
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        try FileManager.default.createDirectory(atPath: d + "/secrets", withIntermediateDirectories: true)
        try "token-abc\n".write(toFile: d + "/secrets/masto.token", atomically: true, encoding: .utf8)
        chmod(d + "/secrets/masto.token", 0o600)
        let lines = """
            {"platform":"mastodon","id":"https://other.example/users/jo/statuses/1","text":"How do I export my invoices?","created_at":"2026-11-27T09:00:00Z","author":{"handle":"jo@other.example","name":"Jo Miller"},"lang":"en","source":"masto","reply":{"uri":"110002","visibility":"unlisted"}}
            {"platform":"mastodon","id":"https://other.example/users/kim/statuses/2","text":"Your app is down again","created_at":"2026-11-27T09:05:00Z","author":{"handle":"kim@other.example","name":"Kim"},"lang":"en","source":"masto","reply":{"uri":"110003","visibility":"public"}}
            {"platform":"rss","id":"https://news.example/acme-review","text":"Acme reviewed","title":"Acme review","url":"https://news.example/acme-review","created_at":"2026-11-27T08:00:00Z","source":"alerts"}

            """
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d], stdin: lines).status, 0)
        let list = try CLI.run(["mentions", "list", "--data-dir", d, "--json"]).out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        func key(_ id: String) -> String { list.first { $0["id"] as? String == id }!["key"] as! String }
        return (
            d, key("https://other.example/users/jo/statuses/1"), key("https://other.example/users/kim/statuses/2"),
            key("https://news.example/acme-review")
        )
    }

    func testReplyWithATemplateIsPostedOnceAndTheMentionAnswered() throws {
        let (d, k, _, _) = try dataDir()
        let r = try CLI.run(["reply", "--data-dir", d, k, "--template", "looking", "--yes", "--no-delay"])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        let posts = server.requests("POST", "/api/v1/statuses")
        XCTAssertEqual(posts.count, 1)
        let ticket = "SB-" + k.prefix(6).uppercased()
        let text =
            "@jo@other.example Hi Jo, sorry about the trouble. We're looking into it now. Could you send us a direct message with your account e-mail so we can check? Ticket \(ticket). ^AS"
        XCTAssertEqual(
            posts[0].json as? [String: String],
            ["status": text, "in_reply_to_id": "110002", "visibility": "unlisted", "language": "en"])
        XCTAssertEqual(posts[0].header("authorization"), "Bearer token-abc")
        let key = try XCTUnwrap(posts[0].header("idempotency-key"))
        XCTAssertTrue(key.hasPrefix("sb-"), key)
        XCTAssertTrue(r.out.contains("Reply to @jo@other.example on mastodon (\(k)):"), r.out)
        XCTAssertTrue(r.out.contains("  " + text), r.out)
        XCTAssertTrue(r.out.hasSuffix("Sent: https://social.example/@acme/200001\n"), r.out)

        let show =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["mentions", "show", "--data-dir", d, k, "--json"]).out.utf8)) as! [String: Any]
        let state = show["state"] as! [String: Any]
        XCTAssertEqual(state["status"] as? String, "answered")
        XCTAssertEqual(state["assignee"] as? String, "anna", "replying claimed it")
        XCTAssertNotNil(state["first_response_at"])
        let box = try CLI.run(["outbox", "list", "--data-dir", d, "--all", "--json"])
        let entry = try JSONSerialization.jsonObject(with: Data(box.out.utf8)) as! [String: Any]
        XCTAssertEqual(entry["state"] as? String, "sent")
        XCTAssertEqual(entry["url"] as? String, "https://social.example/@acme/200001")
        XCTAssertEqual(entry["idempotency_key"] as? String, key)
        XCTAssertEqual(try CLI.run(["outbox", "list", "--data-dir", d]).out, "Nothing pending in the outbox.\n")

        // The query finds it answered now.
        let q = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "status:answered from:@jo export"])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out.split(separator: "\n").count, 2, q.out)
        XCTAssertTrue(q.out.contains(k))
        let bad = try CLI.run(["mentions", "list", "--data-dir", d, "--query", "is:open stauts:new"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(
            bad.err,
            "switchboard: bad query: unknown field 'stauts' at 8 — did you mean status?\n  is:open stauts:new\n          ^\n"
        )
    }

    /// Issue 20: a reply longer than Mastodon's 500 characters goes out from the command line as the workbench sends
    /// it — a numbered thread, each part once, each answering the part before.
    func testALongReplyIsSentAsANumberedThreadEachPartAnsweringTheOneBefore() throws {
        let (d, k, _, _) = try dataDir()
        let sentence = "Wir haben uns Ihre Rechnungen angesehen und den Export für Ihr Konto geprüft."
        let long = Array(repeating: sentence, count: 9).joined(separator: " ")
        let r = try CLI.run(["reply", "--data-dir", d, k, "--text", long, "--yes", "--no-delay"])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        XCTAssertTrue(r.out.contains("Too long for one post: sent as a thread of 2:"), r.out)
        XCTAssertFalse(r.out.contains("too long"), "no length warning for a thread: " + r.out)
        let posts = server.requests("POST", "/api/v1/statuses")
        XCTAssertEqual(posts.count, 2, "each part exactly once")
        let first = try XCTUnwrap(posts.first?.json as? [String: String])
        let second = try XCTUnwrap(posts.last?.json as? [String: String])
        XCTAssertEqual(first["in_reply_to_id"], "110002")
        XCTAssertEqual(second["in_reply_to_id"], "200001", "part 2 answers part 1 as it was posted")
        XCTAssertTrue(first["status"]!.hasSuffix(" 1/2"), first["status"]!)
        XCTAssertTrue(second["status"]!.hasSuffix(" 2/2"), second["status"]!)
        XCTAssertLessThanOrEqual(first["status"]!.count, 500)
        XCTAssertNotEqual(posts[0].header("idempotency-key"), posts[1].header("idempotency-key"))
        XCTAssertEqual(r.out.components(separatedBy: "Sent: ").count - 1, 2, r.out)
    }

    func testAFailedReplyStaysInTheOutboxAndRetryPostsWithTheSameKey() throws {
        let (d, _, k, _) = try dataDir()
        server.on("POST", "/api/v1/statuses", .json(#"{"error":"Service Unavailable"}"#, status: 503))
        let r = try CLI.run([
            "reply", "--data-dir", d, k, "--text", "We're on it — status at https://status.example", "--yes",
            "--no-delay",
        ])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(r.out.contains("Failed: mastodon account masto: HTTP 503: Service Unavailable"), r.out)
        XCTAssertTrue(r.out.contains("It stays in the outbox and is retried at"), r.out)
        let list = try CLI.run(["outbox", "list", "--data-dir", d, "--json"])
        let entry = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [String: Any]
        XCTAssertEqual(entry["state"] as? String, "failed")
        XCTAssertEqual(
            entry["text"] as? String, "@kim@other.example We're on it — status at https://status.example ^AS",
            "addressed to the author")

        let ids = created
        server.handle("POST", "/api/v1/statuses") { r in
            let id = ids.id(for: r.header("idempotency-key") ?? "")
            return .json(
                #"{"id":"\#(id)","uri":"u\#(id)","url":"https://social.example/@acme/\#(id)","content":"","created_at":"2026-11-27T10:00:00.000Z","visibility":"public","account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"https://social.example/@acme"}}"#
            )
        }
        let retry = try CLI.run(["outbox", "retry", "--data-dir", d, entry["id"] as! String])
        XCTAssertEqual(retry.status, 0, retry.out + retry.err)
        XCTAssertEqual(retry.out, "\(entry["id"] as! String): sent https://social.example/@acme/200001\n")
        let keys = server.requests("POST", "/api/v1/statuses").map { $0.header("idempotency-key") ?? "" }
        XCTAssertEqual(keys.count, 2)
        XCTAssertEqual(Set(keys).count, 1, "the retry reuses the key")
        XCTAssertEqual(created.count, 1)
        XCTAssertEqual(try CLI.run(["outbox", "retry", "--data-dir", d]).out, "Nothing to retry.\n")
    }

    func testDecliningSendsNothingAndFeedMentionsAreAnsweredByHand() throws {
        let (d, k, k2, rss) = try dataDir()
        let no = try CLI.run(["reply", "--data-dir", d, k, "--text", "ok"], stdin: "n\n")
        XCTAssertEqual(no.status, 1)
        XCTAssertTrue(
            no.out.contains("warning: the mention asks a question; this reply doesn't seem to address it"), no.out)
        XCTAssertTrue(no.out.hasSuffix("Send? [y/N] Not sent.\n"), no.out)
        XCTAssertEqual(server.requests.count, 0)

        let manual = try CLI.run(["reply", "--data-dir", d, rss, "--text", "Thanks for the review!", "--yes"])
        XCTAssertEqual(manual.status, 0, manual.err)
        XCTAssertTrue(
            manual.out.contains(
                "rss has no reply API: answer by hand.\nWhere: https://news.example/acme-review\nText:\nThanks for the review! ^AS\n"
            ), manual.out)
        XCTAssertTrue(manual.out.hasSuffix("Marked \(rss) answered (by hand).\n"), manual.out)
        let show =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["mentions", "show", "--data-dir", d, rss, "--json"]).out.utf8))
            as! [String: Any]
        XCTAssertEqual((show["state"] as! [String: Any])["status"] as? String, "answered")
        XCTAssertEqual(server.requests.count, 0)

        // --json: one object on stdout (the question goes to stderr).
        let j = try CLI.run(
            ["reply", "--data-dir", d, k2, "--text", "Sorry! Check out our discount", "--no-delay", "--json"],
            stdin: "y\n")
        XCTAssertEqual(j.status, 0, j.err)
        XCTAssertEqual(j.err, "Send? [y/N] ")
        let obj = try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as! [String: Any]
        XCTAssertEqual(obj["state"] as? String, "sent")
        XCTAssertEqual(obj["url"] as? String, "https://social.example/@acme/200001")
        XCTAssertEqual(obj["post_id"] as? String, "200001")
        XCTAssertEqual(obj["warnings"] as? [String], ["promotional phrasing (\"discount\") in a reply to a complaint"])
    }

    func testCtrlCDuringTheSendDelayTakesTheReplyBack() throws {
        let (d, k, _, _) = try dataDir()
        let p = try Interactive([
            "reply", "--data-dir", d, k, "--text", "Settings → Export invoices", "--yes", "--delay", "20",
        ])
        XCTAssertTrue(p.waitForOutput("Sending in 20 s (Ctrl-C takes it back"), p.output)
        kill(p.process.processIdentifier, SIGINT)
        let (status, err) = p.finish()
        XCTAssertEqual(status, 130)
        XCTAssertEqual(err, "\nTaken back: not sent.\n")
        XCTAssertEqual(server.requests.count, 0)
        let list = try CLI.run(["outbox", "list", "--data-dir", d, "--all", "--json"])
        let entry = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [String: Any]
        XCTAssertEqual(entry["state"] as? String, "cancelled")
    }

    /// Two real processes: ben holds a mention, anna must take over; and a change by ben while anna's reply waits
    /// for confirmation stops the send and says what changed.
    func testClaimAndCollisionBetweenTwoProcesses() throws {
        let (d, k, k2, _) = try dataDir()
        XCTAssertEqual(
            try CLI.run(["claim", "--data-dir", d, k], env: ["SWITCHBOARD_USER": "ben"]).out, "\(k): claimed by ben\n")
        let held = try CLI.run([
            "reply", "--data-dir", d, k, "--text", "Settings → Export invoices", "--yes", "--no-delay",
        ])
        XCTAssertEqual(held.status, 1)
        XCTAssertTrue(held.err.hasPrefix("switchboard: \(k): ben is on it since "), held.err)
        XCTAssertTrue(held.err.hasSuffix("(pass --force to take over)\n"), held.err)
        XCTAssertEqual(server.requests.count, 0)
        let forced = try CLI.run([
            "reply", "--data-dir", d, k, "--text", "Settings → Export invoices", "--yes", "--no-delay", "--force",
        ])
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertTrue(forced.out.hasPrefix("Took \(k) over from ben.\n"), forced.out)
        XCTAssertEqual(server.requests.count, 1)

        // anna opens a reply and waits at the prompt; meanwhile ben answers the mention from another process.
        let anna = try Interactive(["reply", "--data-dir", d, k2, "--text", "So sorry, we are on it", "--no-delay"])
        XCTAssertTrue(anna.waitForOutput("Send? [y/N] "), anna.output)
        XCTAssertEqual(
            try CLI.run(["status", "--data-dir", d, k2, "answered"], env: ["SWITCHBOARD_USER": "ben"]).status, 0)
        anna.send("y\n")
        let (status, err) = anna.finish()
        XCTAssertEqual(status, 1)
        XCTAssertTrue(err.hasPrefix("switchboard: not sent: \(k2) changed since you opened it:\n  ben · "), err)
        XCTAssertTrue(err.hasSuffix(" · status → answered\n"), err)
        XCTAssertEqual(server.requests.count, 1, "nothing more was posted")
        XCTAssertEqual(try CLI.run(["outbox", "list", "--data-dir", d]).out, "Nothing pending in the outbox.\n")
    }
}

/// Mastodon-style idempotency for the test server: one status id per key.
final class StatusIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: String] = [:]
    func id(for key: String) -> String {
        lock.withLock {
            if let i = ids[key] { return i }
            let i = "\(200001 + ids.count)"
            ids[key] = i
            return i
        }
    }
    var count: Int { lock.withLock { ids.count } }
}

/// The binary with a live stdin: wait for a prompt, answer it.
final class Interactive: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), out = Pipe(), err = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    init(_ args: [String], env: [String: String] = [:]) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        var e = ProcessInfo.processInfo.environment
        e["SWITCHBOARD_USER"] = "anna"
        e["LANG"] = "C.UTF-8"
        for (k, v) in env { e[k] = v }
        process.environment = e
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] h in
            let d = h.availableData
            self?.lock.withLock { self?.buffer.append(d) }
        }
        try process.run()
    }

    var output: String { lock.withLock { String(decoding: buffer, as: UTF8.self) } }

    func waitForOutput(_ s: String, timeout: TimeInterval = 20) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if output.contains(s) { return true }
            usleep(20_000)
        }
        return false
    }

    func send(_ s: String) { input.fileHandleForWriting.write(Data(s.utf8)) }

    func finish() -> (Int32, String) {
        try? input.fileHandleForWriting.close()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        return (process.terminationStatus, String(decoding: e, as: UTF8.self))
    }
}
