import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// `switchboard moderate KEY KIND [--reason …]` (the real binary): the refusals that need no network, and an
/// Instagram comment hidden through a loopback Graph server, recorded with the reason and shown by `mentions show`.
final class ModerateCommandTests: XCTestCase {
    /// A data directory with one Mastodon and one Instagram mention; returns (dir, mastodon key, instagram key).
    func fixture() throws -> (String, String, String) {
        let d = try initialisedDataDir()
        let lines = """
            {"platform":"mastodon","id":"m1","text":"Ihr seid alle Betrüger!","created_at":"2026-11-26T10:00:00Z","author":{"handle":"troll@social.example"}}
            {"platform":"instagram","id":"17858893269000001","text":"Spam spam spam","created_at":"2026-11-26T10:01:00Z","author":{"handle":"spambot"}}

            """
        let r = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines)
        XCTAssertEqual(r.status, 0, r.err)
        let mk = MentionKey.make(platform: "mastodon", id: "m1")
        let ik = MentionKey.make(platform: "instagram", id: "17858893269000001")
        return (d, mk, ik)
    }

    func testMastodonSaysThereIsNoAPIAndRecordsNothing() throws {
        let (d, mk, _) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, mk, "hide", "--reason", "Beleidigung"])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertEqual(
            r.err,
            "switchboard: \(mk): not hidden: Mastodon offers no API to hide or delete other people's posts: mute, block or "
                + "report the author instead (needs a Mastodon source in team.json)\n")
        let log = try CLI.run(["log", "--data-dir", d, "--mention", mk])
        XCTAssertEqual(log.out, "Nothing recorded.\n")
    }

    func testUnknownKindIsAUsageErrorNamingTheKinds() throws {
        let (d, mk, _) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, mk, "shadowban"])
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("The value 'shadowban' is invalid for '<kind>'"), r.err)
        XCTAssertTrue(r.err.contains("hide|unhide|delete|hold|approve|reject|remove|lock|unlock"), r.err)
    }

    func testANetworkWithoutASourceSaysWhatIsMissing() throws {
        let (d, _, ik) = try fixture()
        let r = try CLI.run(["moderate", "--data-dir", d, ik, "delete"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "switchboard: \(ik): not deleted: no Instagram source in team.json to moderate from\n")
    }

    func testInstagramHideGoesThroughGraphAndIsShownInTheHistory() throws {
        let server = try NetworkTestServer()
        defer { server.stop() }
        server.on("POST", "/v24.0/17858893269000001", .json(#"{"success":true}"#))
        let d = try initialisedDataDir()
        try FileManager.default.createDirectory(atPath: d + "/secrets", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: d + "/secrets/meta.token", contents: Data("EAAG-page-token\n".utf8),
            attributes: [.posixPermissions: 0o600])
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        team["sources"] = [
            [
                "id": "ig", "type": "instagram", "account_id": "1784100", "token_file": "secrets/meta.token",
                "api": server.baseURL.absoluteString,
            ]
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let line =
            #"{"platform":"instagram","id":"17858893269000001","text":"Kauft hier nie, alles Betrug!!","created_at":"2026-11-26T10:01:00Z","author":{"handle":"troll"},"source":"ig","reply":{"uri":"17858893269000001","root_uri":"17895695668004550","visibility":"comment"}}"#
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d, "-"], stdin: line + "\n").status, 0)
        let k = MentionKey.make(platform: "instagram", id: "17858893269000001")

        let r = try CLI.run(["moderate", "--data-dir", d, k, "hide", "--reason", "Beleidigung"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "\(k): hidden on Instagram — @troll \"Kauft hier nie, alles\" (reason: Beleidigung)\n")
        XCTAssertEqual(
            server.requests.map { String(decoding: $0.body, as: UTF8.self) }, ["hide=true&access_token=EAAG-page-token"]
        )
        let show = try CLI.run(["mentions", "show", "--data-dir", d, k])
        XCTAssertTrue(show.out.contains("on network:  hidden\n"), show.out)
        XCTAssertTrue(show.out.contains("\nModeration:\n  "), show.out)
        XCTAssertTrue(show.out.contains(" hidden by anna: Beleidigung\n"), show.out)
        let log = try CLI.run(["log", "--data-dir", d, "--mention", k, "--json"])
        let event = try JSONSerialization.jsonObject(with: Data(log.out.utf8)) as? [String: Any]
        XCTAssertEqual(event?["type"] as? String, "moderate")
        XCTAssertEqual(event?["kind"] as? String, "hide")
        XCTAssertEqual(event?["reason"] as? String, "Beleidigung")
    }
}
