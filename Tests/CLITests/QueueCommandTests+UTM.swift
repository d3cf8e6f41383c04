import Foundation
import SwitchboardCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// UTM presets from team.json applied when a post is queued, as the network receives it (the Mastodon server of
/// `QueueCommandTests` on 127.0.0.1), and the pre-flight warning for a link that would get no campaign.
extension QueueCommandTests {
    func testQueuedLinksGetThePresetsOfTheirNetworkAndCampaign() throws {
        let d = try dataDir()
        let teamURL = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
        team["utm"] = [
            "medium": "social", "domains": ["acme.example"], "networks": ["mastodon": ["source": "fediverse"]],
            "campaigns": ["Frühling": ["campaign": "spring-2027", "content": "{network}-post"]],
        ]
        try JSONSerialization.data(withJSONObject: team).write(to: teamURL)

        let add = try CLI.run(
            [
                "queue", "add",
                "Der Frühling ist da: https://shop.acme.example/fruehling?ref=a — mehr bei https://other.example/x",
                "--campaign", "frühling", "--link", "https://acme.example/blog", "--now", "--data-dir", d,
            ])
        XCTAssertEqual(add.status, 0, add.err)
        XCTAssertFalse(add.out.contains("warning"), add.out)
        XCTAssertEqual(try CLI.run(["publish-due", "--data-dir", d]).status, 0)
        let posts = server.requests("POST", "/api/v1/statuses")
        XCTAssertEqual(posts.count, 1)
        let post = try XCTUnwrap(posts.first)
        let status = (try JSONSerialization.jsonObject(with: post.body) as? [String: String])?["status"]
        XCTAssertEqual(
            status,
            "Der Frühling ist da: https://shop.acme.example/fruehling?ref=a&utm_source=fediverse&utm_medium=social"
                + "&utm_campaign=spring-2027&utm_content=mastodon-post — mehr bei https://other.example/x\n\n"
                + "https://acme.example/blog?utm_source=fediverse&utm_medium=social&utm_campaign=spring-2027"
                + "&utm_content=mastodon-post")

        // Without a campaign the link gets no utm_campaign: pre-flight says so and keeps it as a draft.
        let bare = try CLI.run(["queue", "add", "Neu: https://acme.example/neu", "--now", "--data-dir", d])
        XCTAssertEqual(bare.status, 0, bare.err)
        XCTAssertTrue(
            bare.out.contains(
                "warning: untagged_link: the link https://acme.example/neu?utm_source=fediverse&utm_medium=social gets "
                    + "no UTM campaign: queue it with a campaign (presets: Frühling)"), bare.out)
        XCTAssertTrue(bare.out.contains("kept as a draft"), bare.out)
    }

    /// A shortener of each kind on 127.0.0.1 gets the tagged link with its key, and the network the short link.
    func testLinksAreShortenedThroughYOURLSShlinkAndKuttWithTheirKeys() throws {
        let base = server.baseURL.absoluteString
        server.on("POST", "/rest/v3/short-urls", .json(#"{"shortUrl":"\#(base)/sl"}"#))
        server.on("POST", "/api/v2/links", .json(#"{"link":"\#(base)/kt"}"#, status: 201))
        server.on("GET", "/yourls-api.php", .json(#"{"status":"success","shorturl":"\#(base)/yr"}"#))
        for (kind, short) in [("shlink", "/sl"), ("kutt", "/kt"), ("yourls", "/yr")] {
            let d = try dataDir()
            let teamURL = URL(fileURLWithPath: d + "/team.json")
            var team = try JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as! [String: Any]
            team["utm"] = ["medium": "social"]
            team["shortener"] = ["type": kind, "url": base, "key_file": "secrets/short.key"]
            try JSONSerialization.data(withJSONObject: team).write(to: teamURL)
            try "k-\(kind)\n".write(toFile: d + "/secrets/short.key", atomically: true, encoding: .utf8)
            chmod(d + "/secrets/short.key", 0o600)
            let before = server.requests("POST", "/api/v1/statuses").count
            let add = try CLI.run(
                [
                    "queue", "add", "Größer, schneller: https://acme.example/neu", "--campaign", "launch", "--now",
                    "--data-dir", d,
                ])
            XCTAssertEqual(add.status, 0, add.err)
            XCTAssertEqual(try CLI.run(["publish-due", "--data-dir", d]).status, 0)
            let posts = server.requests("POST", "/api/v1/statuses")
            XCTAssertEqual(posts.count, before + 1, kind)
            let status = (try JSONSerialization.jsonObject(with: try XCTUnwrap(posts.last).body) as? [String: String])?[
                "status"]
            XCTAssertEqual(status, "Größer, schneller: \(base)\(short)", kind)
        }
        let long = "https://acme.example/neu?utm_source=mastodon&utm_medium=social&utm_campaign=launch"
        let shlink = try XCTUnwrap(server.requests("POST", "/rest/v3/short-urls").first)
        XCTAssertEqual(shlink.header("X-Api-Key"), "k-shlink")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: shlink.body) as? [String: String])?["longUrl"], long)
        let kutt = try XCTUnwrap(server.requests("POST", "/api/v2/links").first)
        XCTAssertEqual(kutt.header("X-API-KEY"), "k-kutt")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: kutt.body) as? [String: String])?["target"], long)
        let yourls = try XCTUnwrap(server.requests("GET", "/yourls-api.php").first)
        let items = URLComponents(string: "http://x/?" + yourls.query)?.queryItems ?? []
        XCTAssertEqual(items.first { $0.name == "signature" }?.value, "k-yourls")
        XCTAssertEqual(items.first { $0.name == "url" }?.value, long)
    }
}
