import Foundation
import Listening
import ScreenKit
import SwitchboardCore
import TestSupport
import XCTest

@testable import SwitchboardUI

/// A post queued from the workbench gets its links tagged and shortened exactly as `switchboard queue add` does
/// (the team's UTM presets, then its shortener, here a Shlink on 127.0.0.1), and pre-flight's untagged-link warning
/// shows before anything is stored.
final class QueueLinksScreenTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func team() throws -> TeamConfig {
        var t = QueueScreenTests.team()
        func json(_ s: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(s.utf8)) }
        t.extra["utm"] = try json(
            #"{"medium": "social", "domains": ["acme.example"], "networks": {"mastodon": {"source": "fediverse"}}, "#
                + #""campaigns": {"Frühling": {"campaign": "spring-2027"}}}"#)
        t.extra["shortener"] = try json(
            #"{"type": "shlink", "url": "\#(server.baseURL.absoluteString)", "key_file": "secrets/short.key"}"#)
        return t
    }

    func app(_ team: TeamConfig) throws -> TestApp {
        let app = try TestApp(Fixtures.three, size: Size(width: 120, height: 30), team: team, user: "lea")
        try Secrets.write("k-shlink-Schlüssel", to: app.dir.root.appendingPathComponent("secrets/short.key"))
        return app
    }

    func testQueueAddFromTheWorkbenchWarnsThenTagsAndShortensLikeTheCLI() throws {
        let base = server.baseURL.absoluteString
        server.on("POST", "/rest/v3/short-urls", .json(#"{"shortUrl":"\#(base)/fr1"}"#))
        let app = try app(team())
        app.press(":")
        app.type("queue add Größer und frischer: https://acme.example/neu")
        app.press("<Enter>")
        let warning = app.screen.first { $0.contains("Pre-flight: untagged_link") } ?? ""
        XCTAssertTrue(
            warning.contains("the link https://acme.example/neu?utm_source=fediverse&utm_medium=social gets no UTM"),
            app.screen.joined(separator: "\n"))
        XCTAssertTrue(try Queue.current(app.store).all.isEmpty, "nothing stored before y")
        XCTAssertTrue(server.requests.isEmpty, "nothing shortened before y")

        app.press("y")
        let sent = try XCTUnwrap(server.requests("POST", "/rest/v3/short-urls").first)
        XCTAssertEqual(sent.header("X-Api-Key"), "k-shlink-Schlüssel")
        XCTAssertEqual(
            (try JSONSerialization.jsonObject(with: sent.body) as? [String: String])?["longUrl"],
            "https://acme.example/neu?utm_source=fediverse&utm_medium=social")
        let item = try XCTUnwrap(try Queue.current(app.store).all.first)
        XCTAssertEqual(item.draft.body(for: "mastodon"), "Größer und frischer: \(base)/fr1")
        XCTAssertTrue(
            app.screen.contains { $0.contains("queued for masto (draft)") }, app.screen.joined(separator: "\n"))
        let shown = app.screen.joined(separator: "\n")
        XCTAssertTrue(shown.contains("│ — draft masto ") && shown.contains("│   Größer und frischer: htt…│"), shown)
    }

    func testAShortenerThatFailsQueuesNothingAndSaysWhy() throws {
        server.on("POST", "/rest/v3/short-urls", .json(#"{"title":"Invalid API key"}"#, status: 401))
        let app = try app(team())
        app.press(":")
        app.type("queue add Neu: https://other.example/x")
        app.press("<Enter>")
        XCTAssertEqual(server.requests("POST", "/rest/v3/short-urls").count, 1)
        XCTAssertTrue(try Queue.current(app.store).all.isEmpty)
        XCTAssertTrue(
            app.screen.contains {
                $0.contains("links not shortened, nothing queued: the shlink shortener answered HTTP 401")
            },
            app.screen.joined(separator: "\n"))
    }
}
