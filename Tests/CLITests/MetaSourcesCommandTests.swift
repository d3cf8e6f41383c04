import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard sources add facebook|instagram|threads`, `sources poll`, `sources list` and `mentions show` for the
/// Graph sources, through the real binary against a loopback Graph server (`"api"`).
final class MetaSourcesCommandTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func servePage() {
        server.on(
            "GET", "/v24.0/oauth/access_token",
            .json(#"{"access_token":"EAA-long-user","token_type":"bearer","expires_in":5184000}"#))
        server.handle("GET", "/v24.0/555") { r in
            let q = Dictionary(r.queryItems, uniquingKeysWith: { a, _ in a })
            if q["fields"] == "access_token,name" {
                return q["access_token"] == "EAA-long-user"
                    ? .json(#"{"access_token":"EAA-page-token","name":"Bäckerei Groß","id":"555"}"#)
                    : .json(#"{"error":{"message":"Invalid OAuth access token","code":190}}"#, status: 400)
            }
            return q["access_token"] == "EAA-page-token"
                ? .json(#"{"name":"Bäckerei Groß","id":"555"}"#)
                : .json(#"{"error":{"message":"Invalid OAuth access token","code":190}}"#, status: 400)
        }
    }

    func testAddFacebookExchangesTheTokenKeepsThePageTokenAndConnects() throws {
        let d = try newDataDir()
        try Data("app-secret-value\n".utf8).write(to: URL(fileURLWithPath: d + "/app.secret"))
        servePage()
        let add = try CLI.run(
            [
                "sources", "add", "--data-dir", d, "--type", "facebook", "--id", "fb", "--page-id", "555",
                "--client-id", "4242", "--secret-file", "app.secret", "--token-stdin", "--api",
                server.baseURL.absoluteString,
            ], stdin: "EAA-short-user\n")
        XCTAssertEqual(add.status, 0, add.err)
        let lines = add.out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("Exchanged the token for a long-lived one (valid until "), add.out)
        XCTAssertEqual(
            Array(lines.dropFirst()),
            [
                "Saved the token to secrets/fb.token (mode 0600).",
                "Connected to the Facebook Page Bäckerei Groß (555).",
                "Added source \"fb\" to team.json. Start listening with `switchboard listen`.",
            ])
        let exchange = try XCTUnwrap(server.requests("GET", "/v24.0/oauth/access_token").first)
        XCTAssertEqual(exchange.query("fb_exchange_token"), "EAA-short-user")
        XCTAssertEqual(exchange.query("client_secret"), "app-secret-value")
        let team = try String(contentsOfFile: d + "/team.json", encoding: .utf8)
        XCTAssertFalse(team.contains("EAA-"), "no token in team.json")
        XCTAssertTrue(team.contains(#""page_id" : "555""#) || team.contains(#""page_id":"555""#), team)
        let token = try String(contentsOfFile: d + "/secrets/fb.token", encoding: .utf8)
        XCTAssertTrue(token.contains(#""access_token" : "EAA-page-token""#), token)
        let mode = try FileManager.default.attributesOfItem(atPath: d + "/secrets/fb.token")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAddThreadsWithoutAnAccountIdIsAUsageError() throws {
        let d = try newDataDir()
        let r = try CLI.run(
            ["sources", "add", "--data-dir", d, "--type", "threads", "--id", "th", "--token-stdin"], stdin: "x\n")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("missing a value for: Threads user id"), r.err)
        XCTAssertFalse(try String(contentsOfFile: d + "/team.json", encoding: .utf8).contains("threads"))
    }

    func testPollListAndShowAParent() throws {
        let d = try newDataDir()
        servePage()
        let add = try CLI.run(
            [
                "sources", "add", "--data-dir", d, "--type", "facebook", "--id", "fb", "--page-id", "555",
                "--token-stdin", "--api", server.baseURL.absoluteString, "--no-verify",
            ], stdin: "EAA-page-token\n")
        XCTAssertEqual(add.status, 0, add.err)
        var posts = NetworkTestServer.Response.json(
            #"{"data":[{"id":"555_1","message":"Frische Brötchen ab 6 Uhr!","created_time":"2030-03-17T08:00:00+0000","comments":{"data":[],"summary":{"total_count":2}}}]}"#
        )
        posts.headers["X-App-Usage"] = #"{"call_count":81,"total_time":3,"total_cputime":2}"#
        server.on("GET", "/v24.0/555/published_posts", posts)
        server.on(
            "GET", "/v24.0/555_1/comments",
            .json(
                #"{"data":[{"id":"1_c2","message":"Ich auch \u001b[31mbitte","created_time":"2030-03-17T09:00:00+0000","from":{"id":"9","name":"Jörg"},"parent":{"id":"1_c1"}},{"id":"1_c1","message":"Gibt es auch Dinkel?","created_time":"2030-03-17T08:30:00+0000","from":{"id":"8","name":"Anna"}}]}"#
            ))
        server.on("GET", "/v24.0/555/tagged", .json(#"{"data":[]}"#))
        server.on("GET", "/v24.0/555/visitor_posts", .json(#"{"data":[]}"#))
        let poll = try CLI.run(["sources", "poll", "fb", "--data-dir", d])
        XCTAssertEqual(poll.status, 0, poll.err)
        XCTAssertTrue(poll.err.contains("fb: 2 new, 0 already stored"), poll.err)
        let list = try CLI.run(["sources", "list", "--data-dir", d])
        XCTAssertTrue(list.out.split(separator: "\n")[0].contains("RATE USE"), list.out)
        XCTAssertTrue(list.out.contains(" app 81% "), list.out)
        let json = try CLI.run(["sources", "list", "--json", "--data-dir", d])
        let rows = try json.out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let row = try XCTUnwrap(rows.first { $0["id"] as? String == "fb" })
        XCTAssertEqual(row["rate_usage"] as? String, "app 81%")
        let show = try CLI.run(["mentions", "show", MentionKey.make(platform: "facebook", id: "1_c2"), "--data-dir", d])
        XCTAssertEqual(show.status, 0, show.err)
        XCTAssertTrue(show.out.contains("in reply to: comment “Gibt es auch Dinkel?” (1_c1)"), show.out)
        XCTAssertTrue(show.out.contains("\nIch auch bitte"), show.out)
        XCTAssertTrue(show.out.contains("network:     facebook (source fb)"), show.out)
    }
    func testAddInstagramWithFacebookLoginForDevices() throws {
        let d = try newDataDir()
        try Data("client-token-value\n".utf8).write(to: URL(fileURLWithPath: d + "/client.token"))
        server.on(
            "POST", "/v24.0/device/login",
            .json(
                #"{"code":"DEV-CODE","user_code":"K7Q2-XW9P","verification_uri":"https://www.facebook.com/device","expires_in":60,"interval":1}"#
            ))
        server.on(
            "POST", "/v24.0/device/login_status",
            .json(#"{"error":{"message":"authorization pending","code":31,"error_subcode":1349174}}"#, status: 400),
            .json(#"{"access_token":"EAA-device-user","expires_in":5183944}"#))
        server.on("GET", "/v24.0/1784", .json(#"{"id":"1784","username":"bäckerei_groß"}"#))
        let add = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "instagram", "--id", "ig", "--account-id", "1784",
            "--device-login", "--client-id", "4242", "--client-token-file", "client.token", "--hashtag", "acme",
            "--api", server.baseURL.absoluteString,
        ])
        XCTAssertEqual(add.status, 0, add.err)
        XCTAssertTrue(
            add.out.contains("open https://www.facebook.com/device and enter the code K7Q2-XW9P"), add.out)
        XCTAssertTrue(add.out.contains("Connected to the Instagram account @bäckerei_groß (1784)."), add.out)
        let start = try XCTUnwrap(server.requests("POST", "/v24.0/device/login").first)
        let form = String(decoding: start.body, as: UTF8.self)
        XCTAssertTrue(form.contains("access_token=4242%7Cclient-token-value"), form)
        XCTAssertTrue(form.contains("instagram_manage_comments"), form)
        XCTAssertEqual(server.requests("POST", "/v24.0/device/login_status").count, 2)
        let token = try String(contentsOfFile: d + "/secrets/ig.token", encoding: .utf8)
        XCTAssertTrue(token.contains("EAA-device-user"), token)
        XCTAssertTrue(token.contains("expires_at"), token)
    }
}
