import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard post edit|delete KEY` (the real binary) against a loopback Mastodon server: the confirmation shows
/// what will change, the exact requests arrive, the log keeps both versions; without --yes and no terminal nothing
/// changes; other people's posts and networks without the API are refused with a clear message.
final class PostCommandTests: XCTestCase {
    /// A data directory whose Mastodon source points at `server`, with the brand's own status 102 and a customer's
    /// status 101 stored; returns (dir, own key, customer key).
    func fixture(_ server: NetworkTestServer) throws -> (String, String, String) {
        let d = try initialisedDataDir()
        try useSources(
            d,
            [
                [
                    "id": "masto", "type": "mastodon", "instance": server.baseURL.absoluteString,
                    "token_file": "secrets/masto.token",
                ]
            ], secret: ("secrets/masto.token", "masto-token\n"),
            fields: ["contacts": ["own_accounts": ["@acme@social.example"]]])
        let lines = """
            {"platform":"mastodon","id":"https://social.example/users/acme/statuses/102","text":"Größe 42 kommt Montag.","created_at":"2026-11-26T10:06:00Z","author":{"handle":"acme@social.example"},"source":"masto","reply":{"uri":"102","visibility":"public"}}
            {"platform":"mastodon","id":"https://social.example/users/bjoern/statuses/101","text":"Wann kommt Größe 42?","created_at":"2026-11-26T10:05:00Z","author":{"handle":"björn@social.example"},"source":"masto","reply":{"uri":"101","visibility":"public"}}
            {"platform":"x","id":"1800000000000000001","text":"Wir sind für euch da.","created_at":"2026-11-26T10:07:00Z","author":{"handle":"acme@social.example"}}

            """
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines).status, 0)
        return (
            d, MentionKey.make(platform: "mastodon", id: "https://social.example/users/acme/statuses/102"),
            MentionKey.make(platform: "mastodon", id: "https://social.example/users/bjoern/statuses/101")
        )
    }

    func logEvents(_ d: String, _ k: String) throws -> [[String: Any]] {
        let log = try CLI.run(["log", "--data-dir", d, "--mention", k, "--json"])
        return log.out.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func testMastodonEditThenDeleteSendTheRequestsAndTheLogKeepsEveryVersion() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on("PUT", "/api/v1/statuses/102", .json(#"{"id":"102"}"#))
        server.on("DELETE", "/api/v1/statuses/102", .json(#"{"id":"102"}"#))
        let (d, k, _) = try fixture(server)

        // Without --yes and without a terminal to ask on, nothing is sent.
        let asked = try CLI.run(["post", "edit", "--data-dir", d, k, "--text", "Größe 42 kommt Dienstag."])
        XCTAssertEqual(asked.status, 1)
        XCTAssertEqual(asked.err, "switchboard: not changed: confirm with --yes (no terminal to ask on)\n")
        XCTAssertTrue(server.requests.isEmpty)

        let edit = try CLI.run(["post", "edit", "--data-dir", d, k, "--text", "Größe 42 kommt Dienstag.", "--yes"])
        XCTAssertEqual(edit.status, 0, edit.err)
        XCTAssertEqual(
            edit.out,
            "Edit on Mastodon (acme@social.example):\n  old: Größe 42 kommt Montag.\n  new: Größe 42 kommt Dienstag.\n"
                + "\(k): edited on Mastodon (both versions are in the log).\n")
        // A second edit starts from the edited text.
        let again = try CLI.run(["post", "edit", "--data-dir", d, k, "--text", "Größe 42 ist da!", "--yes"])
        XCTAssertTrue(again.out.hasPrefix("Edit on Mastodon (acme@social.example):\n  old: Größe 42 kommt Dienstag.\n"))

        let del = try CLI.run(["post", "delete", "--data-dir", d, k, "--yes"])
        XCTAssertEqual(del.status, 0, del.err)
        XCTAssertEqual(
            del.out,
            "Delete on Mastodon (acme@social.example):\n  Größe 42 ist da!\n"
                + "\(k): deleted on Mastodon (its text stays in the log).\n")

        XCTAssertEqual(
            server.requests.map { "\($0.method) \($0.path)" },
            ["PUT /api/v1/statuses/102", "PUT /api/v1/statuses/102", "DELETE /api/v1/statuses/102"])
        XCTAssertEqual(server.requests[0].header("authorization"), "Bearer masto-token")
        let sent = try JSONSerialization.jsonObject(with: server.requests[0].body) as? [String: String]
        XCTAssertEqual(sent, ["status": "Größe 42 kommt Dienstag."])

        let events = try logEvents(d, k)
        XCTAssertEqual(events.map { $0["type"] as? String }, ["post_edit", "post_edit", "post_delete"])
        XCTAssertEqual(events[0]["old"] as? String, "Größe 42 kommt Montag.")
        XCTAssertEqual(events[0]["new"] as? String, "Größe 42 kommt Dienstag.")
        XCTAssertEqual(events[1]["new"] as? String, "Größe 42 ist da!")
        XCTAssertEqual(events[2]["text"] as? String, "Größe 42 ist da!")
        XCTAssertEqual(events[2]["post_id"] as? String, "102")

        // Deleted is final.
        let twice = try CLI.run(["post", "delete", "--data-dir", d, k, "--yes"])
        XCTAssertEqual(twice.status, 1)
        XCTAssertEqual(twice.err, "switchboard: \(k) was deleted on its network already\n")
        XCTAssertEqual(server.requests.count, 3)
    }

    func testSomeoneElsesPostAndANetworkWithoutTheAPIAreRefusedAndNothingIsRecorded() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        let (d, _, theirs) = try fixture(server)
        let r = try CLI.run(["post", "delete", "--data-dir", d, theirs, "--yes"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("\(theirs) is not one of the brand's own posts"), r.err)

        let x = MentionKey.make(platform: "x", id: "1800000000000000001")
        let e = try CLI.run(["post", "edit", "--data-dir", d, x, "--text", "Neu", "--yes"])
        XCTAssertEqual(e.status, 1)
        XCTAssertEqual(
            e.err,
            "switchboard: \(x): not changed: X's API does not allow editing a post: delete it and post again instead\n")
        XCTAssertTrue(server.requests.isEmpty)
        XCTAssertEqual(try CLI.run(["log", "--data-dir", d, "--mention", x]).out, "Nothing recorded.\n")
        XCTAssertEqual(try CLI.run(["log", "--data-dir", d, "--mention", theirs]).out, "Nothing recorded.\n")
    }
}
