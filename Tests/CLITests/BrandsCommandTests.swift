import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// Several brands from the command line: brands.json in the personal config, `--brand NAME` on any command,
/// `switchboard brands` with one row per brand; and outgoing events sent by `listen --once`, each once.
final class BrandsCommandTests: XCTestCase {
    /// Two initialised brands and a config directory whose brands.json lists them.
    func brands() throws -> (env: [String: String], acme: String, baecker: String) {
        let acme = try initialisedDataDir()
        let baecker = try initialisedDataDir()
        let config = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(
            atPath: config + "/switchboard", withIntermediateDirectories: true)
        let json =
            #"{"brands": [{"name": "Acme", "dir": "\#(acme)"}, {"name": "Bäckerei Groß", "dir": "\#(baecker)"}]}"#
        try Data(json.utf8).write(to: URL(fileURLWithPath: config + "/switchboard/brands.json"))
        return (["XDG_CONFIG_HOME": config], acme, baecker)
    }

    func testBrandOptionPicksTheBrandsDataDirectoryOnAnyCommand() throws {
        let (env, acme, baecker) = try brands()
        let r = try CLI.run(["ingest", "--brand", "baeckerei gross", "-"], stdin: importLines("b", 3), env: env)
        XCTAssertEqual(r.status, 0, r.err)
        func count(_ args: [String]) throws -> Int {
            try CLI.run(["mentions", "list", "--json"] + args, env: env).out.split(separator: "\n").count
        }
        XCTAssertEqual(try count(["--data-dir", baecker]), 3)
        XCTAssertEqual(try count(["--data-dir", acme]), 0)
        XCTAssertEqual(try count(["--brand", "Bäckerei Groß"]), 3)

        let unknown = try CLI.run(["mentions", "list", "--brand", "Nordwind"], env: env)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains(#"--brand: no brand "Nordwind""#), unknown.err)
        XCTAssertTrue(unknown.err.contains("(brands: Acme, Bäckerei Groß)"), unknown.err)
        let both = try CLI.run(["mentions", "list", "--brand", "Acme", "--data-dir", acme], env: env)
        XCTAssertEqual(both.status, 2)
        XCTAssertEqual(both.err, "switchboard: --brand and --data-dir: give one of them\n")
    }

    func testBrandsListsNewOverdueDueTodayAndCrisisPerBrand() throws {
        let (env, _, _) = try brands()
        XCTAssertEqual(try CLI.run(["ingest", "--brand", "Acme", "-"], stdin: importLines("a", 2), env: env).status, 0)
        let r = try CLI.run(["brands"], env: env)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(
            r.out,
            """
            BRAND            NEW  OVERDUE  TODAY  CRISIS
            Acme               2        2      0  —
            Bäckerei Groß      0        0      0  —

            """)
        let j = try CLI.run(["brands", "--json"], env: env)
        XCTAssertTrue(j.out.hasPrefix(#"{"dir":"#), j.out)
        XCTAssertEqual(j.out.split(separator: "\n").count, 2)
    }

    func testListenOnceSendsEachEventToTheWebhookOnce() throws {
        let server = try NetworkTestServer()
        server.on("POST", "/hook", .json("{}"))
        let d = try initialisedDataDir()
        let teamFile = URL(fileURLWithPath: d + "/team.json")
        var team = try FileIO.readDocument(TeamConfig.self, from: teamFile)
        team.extra["events"] = .array([
            .object([
                "name": .string("chat"), "url": .string(server.url("/hook").absoluteString),
                "format": .string("mattermost"), "on": .array([.string("claim")]),
            ])
        ])
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: teamFile)
        XCTAssertEqual(try CLI.run(["listen", "--once", "--data-dir", d]).status, 0)
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d, "-"], stdin: importLines("e", 1)).status, 0)
        let claim = try CLI.run(["claim", "--data-dir", d, MentionKey.make(platform: "mastodon", id: "e-0")])
        XCTAssertEqual(claim.status, 0, claim.err)
        for _ in 0..<2 { XCTAssertEqual(try CLI.run(["listen", "--once", "--data-dir", d]).status, 0) }
        let posts = server.requests("POST", "/hook")
        XCTAssertEqual(posts.count, 1)
        let body = try JSONSerialization.jsonObject(with: posts[0].body) as? [String: String]
        XCTAssertEqual(body?.keys.sorted(), ["text"])
        XCTAssertTrue(
            body?["text"]?.hasPrefix("[Acme] anna: claim — mastodon user0@example.social: \"Post 0 über") == true,
            "\(body ?? [:])")
    }
}
