import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard thread KEY [--json]` (the real binary): the conversation fetched from a loopback Mastodon server and
/// merged with the stored mention, as a tree and as JSON Lines; a failed fetch still prints the stored posts.
final class ThreadCommandTests: XCTestCase {
    func status(_ id: String, _ acct: String, _ html: String, inReplyTo: String?, at: String) -> String {
        let user = acct.split(separator: "@")[0]
        let host = acct.split(separator: "@")[1]
        let reply = inReplyTo.map { "\"\($0)\"" } ?? "null"
        return """
            {"id":"\(id)","uri":"https://\(host)/users/\(user)/statuses/\(id)","url":"https://\(host)/@\(user)/\(id)",\
            "created_at":"\(at)","in_reply_to_id":\(reply),"visibility":"public","content":"\(html)",\
            "account":{"id":"1\(id)","username":"\(user)","acct":"\(acct)","display_name":"","url":"https://\(host)/@\(user)"}}
            """
    }

    /// A data directory whose Mastodon source points at `server`, with björn's mention (status 101) stored.
    func fixture(_ server: NetworkTestServer) throws -> (String, String) {
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
        let line =
            #"{"platform":"mastodon","id":"https://social.example/users/bjoern/statuses/101","text":"Ich warte auch – größte Geduld.","created_at":"2026-11-26T10:05:00Z","author":{"handle":"björn@social.example"},"in_reply_to":"100","source":"masto","reply":{"uri":"101","visibility":"public"}}"#
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d, "-"], stdin: line + "\n").status, 0)
        return (d, MentionKey.make(platform: "mastodon", id: "https://social.example/users/bjoern/statuses/101"))
    }

    func testThreadPrintsTheConversationAsATreeAndAsJSONLines() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on(
            "GET", "/api/v1/statuses/101/context",
            .json(
                """
                {"ancestors":[\(status("100", "carla@social.example", "<p>Kommt der Linux-Client?</p>", inReplyTo: nil, at: "2026-11-26T10:00:00.000Z"))],
                "descendants":[\(status("102", "acme@social.example", "<p>Nächste Woche!</p>", inReplyTo: "101", at: "2026-11-26T10:10:00.000Z"))]}
                """))
        let (d, k) = try fixture(server)
        let carla = MentionKey.make(platform: "mastodon", id: "https://social.example/users/carla/statuses/100")
        let ours = MentionKey.make(platform: "mastodon", id: "https://social.example/users/acme/statuses/102")
        let r = try CLI.run(["thread", "--data-dir", d, k])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "")
        XCTAssertEqual(
            r.out,
            """
            3 posts (1 stored, 2 only on the network)
            • @carla@social.example · 2026-11-26 10:00Z · not stored · \(carla)
                Kommt der Linux-Client?
              ▶ @björn@social.example · 2026-11-26 10:05Z · \(k)
                  Ich warte auch – größte Geduld.
                ↳ @acme@social.example · 2026-11-26 10:10Z · »ours« · not stored · \(ours)
                    Nächste Woche!

            """)
        XCTAssertEqual(server.requests.first?.header("authorization"), "Bearer masto-token")

        let j = try CLI.run(["thread", "--data-dir", d, k, "--json"])
        XCTAssertEqual(j.status, 0, j.err)
        let rows = j.out.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(rows.map { $0["key"] as? String }, [carla, k, ours])
        XCTAssertEqual(rows.map { $0["parent"] as? String }, [nil, carla, k])
        XCTAssertEqual(rows.map { $0["depth"] as? Int }, [0, 1, 2])
        XCTAssertEqual(rows.map { $0["own"] as? Bool }, [false, false, true])
        XCTAssertEqual(rows.map { $0["focus"] as? Bool }, [false, true, false])
        XCTAssertEqual(rows.map { $0["stored"] as? Bool }, [false, true, false])
        XCTAssertEqual(rows[1]["text"] as? String, "Ich warte auch – größte Geduld.")
    }

    func testAFailedFetchWarnsAndStillPrintsTheStoredPosts() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on("GET", "/api/v1/statuses/101/context", .json(#"{"error":"Record not found"}"#, status: 404))
        let (d, k) = try fixture(server)
        let r = try CLI.run(["thread", "--data-dir", d, k])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.hasPrefix("warning: could not fetch the conversation: "), r.err)
        XCTAssertEqual(
            r.out,
            "1 post (1 stored, 0 only on the network)\n▶ @björn@social.example · 2026-11-26 10:05Z · \(k)\n"
                + "    Ich warte auch – größte Geduld.\n")
    }
}
